import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import Vapor

/// Counts the requests in flight and, once the server is stopping, turns new ones away, so that a SIGTERM (a deploy,
/// an orchestrator's restart) lets every request it started finish with its answer before the database pools close.
public final class ShutdownGate: Sendable {
  private struct State {
    var draining = false
    var inFlight = 0
  }
  private let state = NIOLockedValueBox(State())

  public init() {}

  /// Admits a request, or answers false once the server is stopping.
  func enter() -> Bool {
    state.withLockedValue { state in
      guard !state.draining else { return false }
      state.inFlight += 1
      return true
    }
  }

  func leave() { state.withLockedValue { $0.inFlight -= 1 } }

  public func beginDraining() { state.withLockedValue { $0.draining = true } }

  public var isDraining: Bool { state.withLockedValue { $0.draining } }

  public var inFlight: Int { state.withLockedValue { $0.inFlight } }
}

/// The first middleware: admits requests through the gate and answers those that arrive while the server stops with
/// 503 `shutting_down`, `Retry-After` and `Connection: close`, without touching the database (its pools may be closing).
///
/// Future-based, like the other per-request middlewares: no `Task` per request.
struct ShutdownGateMiddleware: Middleware {
  let gate: ShutdownGate

  func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
    guard gate.enter() else { return request.eventLoop.makeSucceededFuture(Self.refusal(request)) }
    let gate = gate
    return next.respond(to: request).always { _ in gate.leave() }
  }

  static let message = LocalizedText(
    zh: "服务器正在重启，请稍后重试", en: "The server is restarting; please try again in a moment")

  static func refusal(_ request: Request) -> Response {
    let text = message.text(request.language)
    var headers = HTTPHeaders()
    headers.replaceOrAdd(name: .retryAfter, value: "1")
    headers.replaceOrAdd(name: .connection, value: "close")
    headers.replaceOrAdd(name: .cacheControl, value: "no-store")
    if request.url.path.hasPrefix("/api/") || request.url.path == "/readyz" {
      headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
      let body = ErrorMiddleware.Body(error: .init(code: "shutting_down", message: text, field: nil))
      let data = (try? JSONEncoder().encode(body)) ?? Data()
      return Response(status: .serviceUnavailable, headers: headers, body: .init(data: data))
    }
    headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
    return Response(
      status: .serviceUnavailable, headers: headers,
      body: .init(string: ErrorMiddleware.plainPage(text, request.language)))
  }
}

extension Application {
  private struct ShutdownGateKey: StorageKey {
    typealias Value = ShutdownGate
  }

  /// The process's gate; made in `OneWindow.configure` before requests run.
  public var shutdownGate: ShutdownGate {
    if let gate = storage[ShutdownGateKey.self] { return gate }
    let gate = ShutdownGate()
    storage[ShutdownGateKey.self] = gate
    return gate
  }
}

extension OneWindow {
  /// Stops `serve` gracefully: refuses new requests (503), stops accepting connections and ends the hall's event
  /// streams (the displays reconnect to another server), and waits up to the configured grace for the requests in
  /// flight to finish. Answers whether they all did: only then may the database pools close under them (a request
  /// still running when its pool closes would crash the process, and with it every other answer).
  public static func drain(_ app: Application) async -> Bool {
    let gate = app.shutdownGate
    gate.beginDraining()
    let grace = app.configuration.shutdownGrace
    app.logger.notice(
      "stopping: new requests are refused; waiting up to \(Int(grace)) s for \(gate.inFlight) in flight")
    async let serverClosed: Void = app.server.shutdown()
    await app.events.shutdown()
    let deadline = ContinuousClock.now + .milliseconds(Int(grace * 1000))
    while gate.inFlight > 0, ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(10))
    }
    await serverClosed
    await stopWorker(app)
    let left = gate.inFlight
    if left > 0 {
      app.logger.error("stopping: \(left) requests still running after \(Int(grace)) s; exiting without waiting")
    } else {
      app.logger.notice("stopping: every request in flight was answered")
    }
    return left == 0
  }
}
