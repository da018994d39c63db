import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// bcrypt off the event loops and off the shared thread pool (where SQLite and file reads run), on a few threads of
/// its own, with a bounded queue: a flood of bogus sign-ins waits here or is refused (429 `busy`), and every other
/// request goes on at its usual speed.
final class PasswordChecks: Sendable {
  private let pool: NIOThreadPool
  private let cost: Int
  private let waiting = NIOLockedValueBox(0)
  /// Checks running or queued at most; past it a sign-in is refused at once.
  let capacity: Int
  /// A hash to verify against when the account is unknown, made at the same cost, so an unknown name or phone number
  /// takes as long as a known one.
  private let decoy: NIOLockedValueBox<String?> = .init(nil)

  init(cost: Int, threads: Int = max(1, System.coreCount / 2), capacity: Int? = nil) {
    self.cost = cost
    self.capacity = capacity ?? threads * 8
    pool = NIOThreadPool(numberOfThreads: threads)
    pool.start()
  }

  func shutdown() async {
    try? await pool.shutdownGracefully()
  }

  /// Whether `password` matches `hash`; with no hash (unknown account), checks against the decoy and says no.
  func verify(_ password: String, hash: String?) async throws -> Bool {
    let decoyHash = try await decoyHash()
    return try await run {
      let matches = (try? BCryptDigest().verify(password, created: hash ?? decoyHash)) ?? false
      return hash != nil && matches
    }
  }

  func hash(_ password: String) async throws -> String {
    let cost = self.cost
    return try await run { try BCryptDigest().hash(password, cost: cost) }
  }

  private func decoyHash() async throws -> String {
    if let decoy = decoy.withLockedValue({ $0 }) { return decoy }
    let cost = self.cost
    let made = try await pool.runIfActive { try BCryptDigest().hash("decoy-\(UUID().uuidString)", cost: cost) }
    decoy.withLockedValue { $0 = $0 ?? made }
    return made
  }

  private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    let admitted = waiting.withLockedValue { count in
      guard count < capacity else { return false }
      count += 1
      return true
    }
    guard admitted else { throw AppError.busy }
    defer { waiting.withLockedValue { $0 -= 1 } }
    return try await pool.runIfActive(work)
  }
}

extension Application {
  private struct PasswordChecksKey: StorageKey {
    typealias Value = PasswordChecks
  }

  /// Set once by `OneWindow.configure`, shut down with the application.
  var passwordChecks: PasswordChecks {
    get {
      guard let checks = storage[PasswordChecksKey.self] else { fatalError("OneWindow.configure was not called") }
      return checks
    }
    set { storage[PasswordChecksKey.self] = newValue }
  }
}

/// Stops the password threads when the application stops.
struct PasswordChecksLifecycle: LifecycleHandler {
  func shutdownAsync(_ application: Application) async {
    await application.passwordChecks.shutdown()
  }
}
