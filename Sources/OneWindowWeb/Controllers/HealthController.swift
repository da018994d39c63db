import Foundation
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

  /// The process can serve: its database takes a write (a full disk or a read-only standby answers a `SELECT` but
  /// refuses every case), and no write has failed for want of space within the last half minute. While the server
  /// stops, the shutdown gate answers 503 before this runs.
  @Sendable static func readyz(req: Request) async throws -> Response {
    let incidents = req.application.databaseIncidents
    do {
      try await Store.probeWrite(req.database, host: host, now: Date())
    } catch {
      let fault = DatabaseFault(error) ?? .unavailable
      incidents.record(fault, error, logger: req.logger)
      return try await Status(status: "unavailable", database: fault.rawValue).encodeResponse(
        status: .serviceUnavailable, for: req)
    }
    if incidents.ongoing() == .storageFull {
      return try await Status(status: "unavailable", database: DatabaseFault.storageFull.rawValue).encodeResponse(
        status: .serviceUnavailable, for: req)
    }
    incidents.settle(logger: req.logger)
    return try await Status(status: "ready", database: "ok").encodeResponse(status: .ok, for: req)
  }

  /// This machine's name, the probe row's key (each server host writes its own row).
  static let host = ProcessInfo.processInfo.hostName
}
