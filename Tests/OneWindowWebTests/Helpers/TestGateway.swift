import Foundation
import NIOConcurrencyHelpers
import OneWindowWeb
import Vapor

/// A real HTTP SMS gateway for tests, on a local port: it checks each request's signature, takes each message once
/// by its `Idempotency-Key` (a repeat is answered 409, as a real gateway would), fails the first `failures` requests
/// with 503, and refuses the numbers in `refusing` with 400.
final class TestGateway: Sendable {
  struct Taken: Sendable {
    let key: String
    let phone: String
    let text: String
    let template: String?
  }
  struct State: Sendable {
    var failuresLeft: Int
    var taken: [Taken] = []
    var repeats: [String] = []
    var badSignatures = 0
    var requests = 0
  }

  let app: Application
  let url: String
  private let state: NIOLockedValueBox<State>

  private init(app: Application, url: String, state: NIOLockedValueBox<State>) {
    self.app = app
    self.url = url
    self.state = state
  }

  static func start(failures: Int = 0, secret: String, refusing: Set<String> = []) async throws -> TestGateway {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    let state = NIOLockedValueBox(State(failuresLeft: failures))
    app.post("sms") { req async throws -> Response in
      struct Body: Decodable {
        let phone: String
        let text: String
        let template: String?
      }
      let raw = Data(buffer: req.body.data ?? ByteBuffer())
      let timestamp = req.headers.first(name: "X-OneWindow-Timestamp") ?? ""
      let signed = GatewayTextMessageSender.signature(secret: secret, timestamp, raw)
      let body = try JSONDecoder().decode(Body.self, from: raw)
      let key = req.headers.first(name: "Idempotency-Key") ?? ""
      let status: HTTPStatus = state.withLockedValue { state in
        state.requests += 1
        if signed != req.headers.first(name: "X-OneWindow-Signature") { state.badSignatures += 1 }
        if state.failuresLeft > 0 {
          state.failuresLeft -= 1
          return .serviceUnavailable
        }
        if refusing.contains(body.phone) { return .badRequest }
        if state.taken.contains(where: { $0.key == key }) {
          state.repeats.append(key)
          return .conflict
        }
        state.taken.append(Taken(key: key, phone: body.phone, text: body.text, template: body.template))
        return .ok
      }
      return Response(status: status)
    }
    try await app.server.start(address: .hostname("127.0.0.1", port: 0))
    let port = try require(app.http.server.shared.localAddress?.port)
    return TestGateway(app: app, url: "http://127.0.0.1:\(port)/sms", state: state)
  }

  var snapshot: State { state.withLockedValue { $0 } }

  func stop() async throws {
    await app.server.shutdown()
    try await app.asyncShutdown()
  }
}

private func require<T>(_ value: T?) throws -> T {
  guard let value else { throw TestSetupError("the gateway has no port") }
  return value
}
