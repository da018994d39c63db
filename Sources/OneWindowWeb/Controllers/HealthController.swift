import OneWindowStore
import Vapor

/// Liveness and readiness probes for the load balancer and the process supervisor.
enum HealthController {
  struct Status: Content {
    let status: String
    let database: String?
  }

  /// The process is up.
  @Sendable static func healthz(req: Request) async throws -> Status {
    Status(status: "ok", database: nil)
  }

  /// The process can serve: its database answers.
  @Sendable static func readyz(req: Request) async throws -> Response {
    do {
      try await Store.ping(req.database)
      return try await Status(status: "ready", database: "ok").encodeResponse(
        status: .ok, for: req)
    } catch {
      req.logger.error("readiness: database unreachable: \(String(reflecting: error))")
      return try await Status(status: "unavailable", database: "unreachable").encodeResponse(
        status: .serviceUnavailable, for: req)
    }
  }
}
