import Fluent
import FluentPostgresDriver
import Foundation
import NIOConcurrencyHelpers

/// The daily case-number sequences of one PostgreSQL database, reserved `blockSize` numbers at a time per process.
///
/// Drawing each number from the day's counter row made every registration in the county wait for that one row (its
/// lock is held until the draw commits), which capped registrations under load. A block is reserved by its own
/// statement on a connection of the pool — never inside a registration's transaction, whose rollback would hand the
/// block out twice — and then given out from memory. Numbers stay unique and grow within a process; with several
/// `serve` processes they interleave in blocks, and a restart leaves the rest of a block unused (a gap).
/// SQLite draws one number at a time inside the registration's transaction and does not use this.
public actor CaseNumberBlocks {
  public static let blockSize = 20

  private let database: @Sendable () -> any Database
  /// Per counter id ("county:date"), the numbers reserved and not yet given out, oldest block first.
  private var reserved: [String: [Range<Int>]] = [:]
  /// A reservation under way per counter id: registrations arriving meanwhile wait for it instead of each
  /// reserving a block of its own.
  private var reserving: [String: Reservation] = [:]
  /// How long registrations wait for one reservation before giving it up and answering that the database is not
  /// available: a reservation stuck on a lost connection must not hold every later registration of the day. Long
  /// enough that a merely overloaded machine is not taken for a hang (a whole test suite beside a release build made
  /// a reservation outlast 10 s and a registration answer 503).
  static let patience: Duration = .seconds(60)

  private struct Reservation {
    let id = UUID()
    let task: Task<Void, any Error>
  }

  /// `database` answers a connection of the pool (not a transaction's).
  public init(database: @escaping @Sendable () -> any Database) {
    self.database = database
  }

  /// The next number of the county's day.
  func next(id: String, county: String) async throws -> Int {
    while true {
      if let number = take(id) { return number }
      let pending = reserving[id] ?? startReserving(id: id, county: county)
      do {
        try await pending.task.value
      } catch is ConnectionClosed {
        // Given up: the next registration starts a reservation of its own (on another connection).
        if reserving[id]?.id == pending.id { reserving[id] = nil }
        throw ConnectionClosed()
      }
    }
  }

  private func startReserving(id: String, county: String) -> Reservation {
    let work = Task { try await self.reserve(id: id, county: county) }
    // One deadline per reservation, shared by every registration waiting on it (a timer per waiting registration
    // cost more CPU per case than the reservation saves).
    let pending = Reservation(task: Task { try await Self.awaitWithin(Self.patience, work) })
    reserving[id] = pending
    return pending
  }

  /// Waits for `task` at most `limit`; past it, throws `ConnectionClosed` and leaves the task to itself (a query
  /// PostgresNIO never answers cannot be cancelled either).
  private static func awaitWithin(_ limit: Duration, _ task: Task<Void, any Error>) async throws {
    let outcome = NIOLockedValueBox<CheckedContinuation<Void, any Error>?>(nil)
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
      outcome.withLockedValue { $0 = continuation }
      func finish(_ result: Result<Void, any Error>) {
        outcome.withLockedValue { waiting in
          waiting?.resume(with: result)
          waiting = nil
        }
      }
      // The timer ends with the wait: a reservation answers in milliseconds, and a timer left to sleep its full
      // minute would pile up under load.
      let timer = Task {
        guard (try? await Task.sleep(for: limit)) != nil else { return }
        finish(.failure(ConnectionClosed()))
      }
      Task {
        let result = await task.result
        timer.cancel()
        finish(result)
      }
    }
  }

  /// Reserves a block and files it before the waiting registrations go on (they wait for this task to end).
  private func reserve(id: String, county: String) async throws {
    let started = reserving[id]?.id
    defer { if reserving[id]?.id == started { reserving[id] = nil } }
    let block = try await Self.reserve(id: id, county: county, on: database())
    // Keep only today's counters: a day's unused numbers are of no use the next day.
    if reserved[id] == nil { reserved = reserved.filter { $0.key.hasSuffix(String(id.suffix(10))) } }
    reserved[id, default: []].append(block)
  }

  private static func reserve(id: String, county: String, on db: any Database) async throws -> Range<Int> {
    guard let postgres = db as? any PostgresDatabase else {
      preconditionFailure("case-number blocks are for PostgreSQL")
    }
    // Committed before it is used: a block answered at CommandComplete and lost with a dying leader would be handed
    // out again by the new leader to another process (or this one) while this one still gives out its numbers —
    // two cases with one number, a 500 (seen in scripts/failover-drill).
    let last = try await postgres.first(
      PostgresCaseStatements.NextNumber(id: id, county: county, count: blockSize), committed: true)
    return ((last ?? blockSize) - blockSize + 1)..<((last ?? blockSize) + 1)
  }

  private func take(_ id: String) -> Int? {
    guard var blocks = reserved[id] else { return nil }
    while let first = blocks.first, first.isEmpty { blocks.removeFirst() }
    guard let number = blocks.first?.lowerBound else {
      reserved[id] = []
      return nil
    }
    blocks[0] = blocks[0].dropFirst()
    reserved[id] = blocks
    return number
  }
}
