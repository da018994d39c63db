import Fluent
import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import OneWindowStore
import SQLKit
import Vapor

/// `onewindow bench notifications --count N`: queues N notifications to N different numbers, starts a local HTTP
/// gateway (a second server in this process, answering 200 and counting what it took by idempotency key), and times
/// the notification worker draining the queue through it. Prints messages per second (issue 22 asks ≥ 2,000/s).
struct NotificationBenchCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "count", help: "Messages to queue and send (default 100000)")
    var count: Int?
    @Option(name: "concurrency", help: "Texts in flight at once (default 64)")
    var concurrency: Int?
    @Option(name: "batch", help: "Messages a worker takes at once (default 500)")
    var batch: Int?
  }

  var help: String { "Measure how fast the notification worker drains the outbox to a local SMS gateway" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let app = context.application
    let count = signature.count ?? 100_000
    let sql = app.db as! any SQLDatabase
    let county = "360999"
    let secret = "bench-gateway-secret-0123456789"

    context.console.print("queueing \(count) messages …")
    let queued = ContinuousClock.now
    let payload = CaseTrail.canonicalJSON(["item": "食品经营许可"])
    let start = app.now()
    var written = 0
    while written < count {
      let rows = min(1000, count - written)
      let ids = TimeOrderedID.make(count: rows, at: start)
      var insert = sql.insert(into: "outbox").columns(
        "id", "case_number", "kind", "recipient", "payload", "created_ms", "county_code")
      for index in 0..<rows {
        let phone = "139" + String(format: "%08d", written + index)
        insert = insert.values(
          [
            ids[index], "", NotificationKind.decided.rawValue, phone, payload,
            Int64(start.timeIntervalSince1970 * 1000), county,
          ]
            as [any Encodable & Sendable])
      }
      try await insert.run()
      written += rows
    }
    context.console.print(String(format: "queued in %.1f s", seconds(since: queued)))

    let gateway = try await Application.make(.production)
    gateway.logger.logLevel = .error
    let taken = ManagedCounter()
    gateway.post("sms") { req -> HTTPStatus in
      taken.add(req.headers.first(name: "Idempotency-Key") ?? "")
      return .ok
    }
    try await gateway.server.start(address: .hostname("127.0.0.1", port: 0))
    guard let port = gateway.http.server.shared.localAddress?.port else { throw Abort(.internalServerError) }

    let concurrency = signature.concurrency ?? 64
    app.http.client.configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = concurrency
    app.use(
      textMessages: GatewayTextMessageSender(
        settings: TextGatewaySettings(url: "http://127.0.0.1:\(port)/sms", secret: secret),
        client: app.http.client.shared))
    let worker = NotificationWorker(
      application: app, batchSize: signature.batch ?? 500, concurrency: concurrency)
    context.console.print("sending through the gateway on port \(port), \(concurrency) at once …")
    let sending = ContinuousClock.now
    var sent = 0
    while true {
      let n = try await worker.deliverBatch(now: app.now())
      if n == 0 { break }
      sent += n
    }
    let elapsed = seconds(since: sending)
    let backlog = try await OutboxRepository(app.db).backlog(county: county, now: app.now(), dayStart: start)
    context.console.print(
      String(
        format: "notifications: %d sent in %.1f s = %.0f messages/s; gateway took %d distinct, %d requests; "
          + "left %d, dead %d",
        sent, elapsed, Double(sent) / elapsed, taken.distinct, taken.requests, backlog.pending, backlog.dead))
    await gateway.server.shutdown()
    try await gateway.asyncShutdown()
  }

  private func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }
}

/// What the bench gateway took: requests, and distinct idempotency keys.
private final class ManagedCounter: Sendable {
  private let state = NIOLockedValueBox((requests: 0, keys: Set<String>()))
  func add(_ key: String) {
    state.withLockedValue {
      $0.requests += 1; $0.keys.insert(key)
    }
  }
  var requests: Int { state.withLockedValue { $0.requests } }
  var distinct: Int { state.withLockedValue { $0.keys.count } }
}
