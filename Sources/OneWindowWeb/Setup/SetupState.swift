import Fluent
import Foundation
import NIOConcurrencyHelpers
import OneWindowStore
import OneWindowViews
import Vapor

/// Whether this deployment still waits for its first run, and the setup code that proves the person at the first-run
/// page runs the server (printed in the log at start, never shown on a page). Once set up, it stays set up: the answer
/// is remembered and the database is not asked again.
final class SetupState: Sendable {
  private let done = NIOLockedValueBox(false)
  /// 10 characters of the credit-code alphabet (no I, O, S, V, Z to misread), shown as two groups of five.
  let code: String

  init(code: String? = nil) {
    let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    var generator = SystemRandomNumberGenerator()
    let raw = code ?? String((0..<10).map { _ in alphabet.randomElement(using: &generator)! })
    self.code = String(raw.prefix(5)) + "-" + String(raw.dropFirst(5))
  }

  /// True while no county exists.
  func needed(_ db: any Database) async throws -> Bool {
    if done.withLockedValue({ $0 }) { return false }
    let needed = try await DirectoryRepository(db).needsSetUp()
    if !needed { markDone() }
    return needed
  }

  func markDone() {
    done.withLockedValue { $0 = true }
  }

  /// True when `typed` is the code, ignoring case, blanks and the dash.
  func matches(_ typed: String) -> Bool {
    let normalize = { (text: String) in text.uppercased().filter { $0.isLetter || $0.isNumber } }
    return !typed.isEmpty && normalize(typed) == normalize(code)
  }
}

extension Application {
  private struct SetupStateKey: StorageKey {
    typealias Value = SetupState
  }

  /// The setup code the first-run page asks for (printed in the log when `serve` starts on an empty database).
  public var setupCode: String { setupState.code }

  var setupState: SetupState {
    if let state = storage[SetupStateKey.self] { return state }
    let state = SetupState(code: Environment.get("ONEWINDOW_SETUP_CODE"))
    storage[SetupStateKey.self] = state
    return state
  }
}

/// On an empty database, every page leads to the first-run page (probes, the stylesheet and the switches still work).
struct SetupGateMiddleware: AsyncMiddleware {
  static let open: Set<String> = [Links.setup, Links.stylesheet, "/favicon.ico"]

  func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
    let path = request.url.path
    guard !Self.open.contains(path), !path.hasPrefix("/lang/"), !path.hasPrefix("/text-size/"),
      try await request.application.setupState.needed(request.database)
    else { return try await next.respond(to: request) }
    return request.redirect(to: Links.setup)
  }
}

/// Prints where to go and the setup code when `serve` starts on an empty database.
struct SetupNoticeLifecycle: LifecycleHandler {
  func didBootAsync(_ application: Application) async throws {
    let command = application.environment.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "serve"
    guard command == "serve", try await application.setupState.needed(application.db) else { return }
    application.logger.notice(
      "首次运行 first run: open \(Links.setup) on this server and enter the setup code \(application.setupState.code) (设置码)"
    )
  }
}
