import Fluent
import FluentPostgresDriver
import Foundation
import Logging
import SQLKit

/// Live events between `serve` processes (the hall display, the evaluation pad): on PostgreSQL a `NOTIFY` that every
/// process `LISTEN`s to on one dedicated connection — the sender included, so there is one path for all — and on
/// SQLite, where one process serves, a direct hand-over. Events are hints to redraw, not records: a subscriber that
/// misses one (a reconnect) catches up with the next, as each carries the whole state it shows.
public actor EventChannel {
  static let channel = "onewindow_events"
  private let postgres: PostgresConnection.Configuration?
  private let logger: Logger
  private var subscribers: [String: [UUID: AsyncStream<String>.Continuation]] = [:]
  private var listener: Task<Void, Never>?
  private var connection: PostgresConnection?
  private var listening = false
  private var waiters: [CheckedContinuation<Void, Never>] = []

  public init(location: DatabaseLocation, logger: Logger) throws {
    if case .postgres(let url) = location {
      postgres = try Store.postgresConfiguration(url).coreConfiguration
    } else {
      postgres = nil
    }
    self.logger = logger
  }

  /// Events on `topic` from now on; returns once they are sure to arrive (the `LISTEN` is in place).
  public func subscribe(_ topic: String) async -> (id: UUID, events: AsyncStream<String>) {
    let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
    let id = UUID()
    subscribers[topic, default: [:]][id] = continuation
    await startListening()
    return (id, stream)
  }

  public func unsubscribe(_ topic: String, id: UUID) {
    subscribers[topic]?.removeValue(forKey: id)?.finish()
    if subscribers[topic]?.isEmpty == true { subscribers[topic] = nil }
  }

  /// Sends `payload` to every subscriber of `topic` in every process. Call after the change has committed.
  public func publish(_ topic: String, _ payload: String, on db: any Database) async throws {
    guard postgres != nil else { return deliver(topic, payload) }
    try await (db as! any SQLDatabase).raw("SELECT pg_notify(\(bind: Self.channel), \(bind: topic + "\n" + payload))")
      .run()
  }

  public func shutdown() async {
    listener?.cancel()
    listener = nil
    try? await connection?.close()
    connection = nil
    for continuation in subscribers.values.flatMap(\.values) { continuation.finish() }
    subscribers = [:]
    release()
  }

  private func deliver(_ topic: String, _ payload: String) {
    for continuation in subscribers[topic]?.values ?? [:].values { continuation.yield(payload) }
  }

  private func startListening() async {
    guard let postgres, !listening else { return }
    if listener == nil {
      let logger = logger
      listener = Task { await Self.listen(postgres, channel: self, logger: logger) }
    }
    await withCheckedContinuation { waiters.append($0) }
  }

  private func release() {
    for waiter in waiters { waiter.resume() }
    waiters = []
  }

  private func listening(on connection: PostgresConnection?) {
    self.connection = connection
    listening = connection != nil
    // Waiters go on either way: without a connection they would wait for ever; with one, events now arrive.
    release()
  }

  /// Holds the LISTEN connection for the life of the process, reconnecting after a second when it drops (a
  /// failover: the new leader is reached through the same address). One line when it is lost, one when it is back,
  /// not one per attempt in between.
  private static func listen(_ configuration: PostgresConnection.Configuration, channel: EventChannel, logger: Logger)
    async
  {
    var failing = false
    while !Task.isCancelled {
      do {
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
          try await connection.listen(on: Self.channel) { notifications in
            await channel.listening(on: connection)
            if failing {
              failing = false
              logger.notice("event channel: listening again")
            }
            for try await notification in notifications {
              guard let split = notification.payload.firstIndex(of: "\n") else { continue }
              await channel.deliver(
                String(notification.payload[..<split]),
                String(notification.payload[notification.payload.index(after: split)...]))
            }
          }
        } catch {
          if !Task.isCancelled, !failing { logger.warning("event channel lost: \(String(reflecting: error))") }
          failing = true
        }
        try? await connection.close()
      } catch {
        if !Task.isCancelled, !failing {
          logger.warning("event channel cannot connect: \(String(reflecting: error))")
        }
        failing = true
      }
      await channel.listening(on: nil)
      try? await Task.sleep(for: .seconds(1))
    }
  }
}
