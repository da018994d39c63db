import Fluent
import FluentPostgresDriver
import Foundation

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
  private var reserving: [String: Task<Void, any Error>] = [:]

  /// `database` answers a connection of the pool (not a transaction's).
  public init(database: @escaping @Sendable () -> any Database) {
    self.database = database
  }

  /// The next number of the county's day.
  func next(id: String, county: String) async throws -> Int {
    while true {
      if let number = take(id) { return number }
      let pending = reserving[id] ?? startReserving(id: id, county: county)
      try await pending.value
    }
  }

  private func startReserving(id: String, county: String) -> Task<Void, any Error> {
    let pending = Task { try await self.reserve(id: id, county: county) }
    reserving[id] = pending
    return pending
  }

  /// Reserves a block and files it before the waiting registrations go on (they wait for this task to end).
  private func reserve(id: String, county: String) async throws {
    defer { reserving[id] = nil }
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
