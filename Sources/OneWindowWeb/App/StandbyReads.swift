import Fluent
import NIOConcurrencyHelpers
import OneWindowStore
import Vapor

/// Reads the public catalog may take from the PostgreSQL standby (`ONEWINDOW_READ_DATABASE_URL`), so the leader
/// keeps its connections for the work that writes. How stale a standby may be is bounded where it is chosen: HAProxy's
/// read port sends only to the synchronous standby (Patroni's `/sync` check) and the cluster commits with
/// `synchronous_commit = remote_apply`, so every acknowledged write is visible there (docs/deployment.md).
/// A standby that cannot answer is not an outage: the read goes to the primary, logged once when it starts failing
/// and once when it answers again.
final class StandbyReads: Sendable {
  private let failing = NIOLockedValueBox(false)

  func failed(_ error: any Error, logger: Logger) {
    if !exchange(true) {
      logger.warning("standby: cannot read, reading from the primary: \(String(reflecting: error).prefix(300))")
    }
  }

  func answered(logger: Logger) {
    if failing.withLockedValue({ $0 }), exchange(false) { logger.notice("standby: answers again") }
  }

  /// Sets the state and returns the one before.
  private func exchange(_ value: Bool) -> Bool {
    failing.withLockedValue { state in
      let before = state
      state = value
      return before
    }
  }
}

extension Application {
  private struct StandbyReadsKey: StorageKey {
    typealias Value = StandbyReads
  }

  /// Created in `OneWindow.configure`, before requests run concurrently.
  var standbyReads: StandbyReads {
    if let reads = storage[StandbyReadsKey.self] { return reads }
    let reads = StandbyReads()
    storage[StandbyReadsKey.self] = reads
    return reads
  }
}

extension Request {
  /// Runs `read` on the standby when one is configured, else (or when it cannot answer) on the request's database.
  /// Only for reads whose answer does not have to include this very user's last write.
  func readOnly<T: Sendable>(_ read: (any Database) async throws -> T) async throws -> T {
    guard application.configuration.readDatabase != nil,
      let standby = application.databases.database(Store.standby, logger: logger, on: eventLoop)
    else {
      return try await read(database)
    }
    do {
      let value = try await read(standby)
      application.standbyReads.answered(logger: logger)
      return value
    } catch  where DatabaseFault(error) != nil {
      application.standbyReads.failed(error, logger: logger)
      return try await read(database)
    }
  }
}
