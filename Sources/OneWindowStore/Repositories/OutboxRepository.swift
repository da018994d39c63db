import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// One notification taken from the outbox for delivery.
public struct OutboxMessage: Sendable, Hashable {
  /// The row id: also the idempotency key the gateway gets, so a resend after a crash is recognised as one.
  public let id: UUID
  public let kind: String
  public let caseNumber: String
  /// The mobile number texts go to (may be empty: in-app only).
  public let recipient: String
  /// The in-app recipient named on the row (staff notifications); an applicant's is found from the case.
  public let account: String?
  /// What the text says: the item, the case number, and for reminders when and where.
  public let facts: [String: String]
  public let attempts: Int
  public let countyCode: String
  public let createdMillis: Int64
}

/// A message given up on, for the administrator's dead-letter list.
public struct DeadLetter: Sendable, Hashable {
  public let id: UUID
  public let kind: String
  public let caseNumber: String
  public let recipient: String
  public let attempts: Int
  public let lastError: String
  public let createdAt: Date
  public let deadAt: Date
}

/// The queue's state, for the administrator and `/metrics`.
public struct OutboxBacklog: Sendable, Hashable {
  public let pending: Int
  /// The age of the oldest message still to send, in seconds (0 when none).
  public let oldestAge: TimeInterval
  public let dead: Int
  public let sentToday: Int
}

/// The notification outbox as a delivery queue (`M013`, `M035`). Case steps append to it in their own transaction;
/// workers take messages with a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so several workers never take the same
/// one), and mark them sent or failed. Safe to run in several processes at once.
public struct OutboxRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  private var sql: any SQLDatabase { db as! any SQLDatabase }
  private var isPostgres: Bool { sql.dialect.name != "sqlite" }

  /// Takes up to `limit` messages due at `now` and holds them until `now + lease`: oldest first, and of each
  /// recipient only the oldest message not yet sent, so one person's messages arrive in the order written even when
  /// one of them needs retries. In-app-only messages (no phone number) are not held back by each other: the app
  /// lists them by time anyway.
  public func claim(limit: Int, now: Date, lease: TimeInterval) async throws -> [OutboxMessage] {
    let nowMillis = millis(now)
    let until = millis(now.addingTimeInterval(lease))
    let lock: SQLQueryString = isPostgres ? "FOR UPDATE SKIP LOCKED" : ""
    let rows = try await WriteGate.serialize(db) {
      try await sql.raw(
        """
        UPDATE outbox SET lease_ms = \(bind: until)
        WHERE id IN (
          SELECT o.id FROM outbox o
          WHERE o.sent_ms IS NULL AND o.dead_ms IS NULL
            AND (o.next_ms IS NULL OR o.next_ms <= \(bind: nowMillis))
            AND (o.lease_ms IS NULL OR o.lease_ms <= \(bind: nowMillis))
            AND (o.recipient = '' OR NOT EXISTS (
              SELECT 1 FROM outbox p
              WHERE p.recipient = o.recipient AND p.sent_ms IS NULL AND p.dead_ms IS NULL
                AND (p.created_ms < o.created_ms OR (p.created_ms = o.created_ms AND p.id < o.id))))
          ORDER BY o.created_ms, o.id
          LIMIT \(bind: limit)
          \(lock))
        RETURNING id, kind, case_number, recipient, account, payload, attempts, county_code, created_ms
        """
      ).all()
    }
    return try rows.map(Self.message).sorted {
      ($0.createdMillis, $0.id.uuidString) < ($1.createdMillis, $1.id.uuidString)
    }
  }

  private static func message(_ row: any SQLRow) throws -> OutboxMessage {
    let number = try row.decode(column: "case_number", as: String.self)
    var facts =
      (try? JSONDecoder().decode([String: String].self, from: Data(row.decode(column: "payload", as: String.self).utf8)))
      ?? [:]
    if !number.isEmpty { facts["number"] = number }
    return OutboxMessage(
      id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
      caseNumber: number, recipient: try row.decode(column: "recipient", as: String.self),
      account: try row.decode(column: "account", as: String?.self), facts: facts,
      attempts: try row.decode(column: "attempts", as: Int.self),
      countyCode: try row.decode(column: "county_code", as: String.self),
      createdMillis: try row.decode(column: "created_ms", as: Int64.self))
  }

  /// Marks messages delivered (one statement for a batch).
  public func markSent(_ ids: [UUID], now: Date) async throws {
    guard !ids.isEmpty else { return }
    try await WriteGate.serialize(db) {
      try await sql.raw(
        """
        UPDATE outbox SET sent_ms = \(bind: millis(now)), lease_ms = NULL, attempts = attempts + 1
        WHERE id IN \(Self.list(ids)) AND sent_ms IS NULL
        """
      ).run()
    }
  }

  /// Records a failed try: tried again at `retryAt`, or given up on (the dead-letter list) when it is nil.
  public func markFailed(_ id: UUID, error: String, retryAt: Date?, now: Date) async throws {
    let reason = String(error.prefix(500))
    try await WriteGate.serialize(db) {
      if let retryAt {
        try await sql.raw(
          """
          UPDATE outbox SET attempts = attempts + 1, lease_ms = NULL, next_ms = \(bind: millis(retryAt)),
            last_error = \(bind: reason)
          WHERE id = \(bind: id)
          """
        ).run()
      } else {
        try await sql.raw(
          """
          UPDATE outbox SET attempts = attempts + 1, lease_ms = NULL, dead_ms = \(bind: millis(now)),
            last_error = \(bind: reason)
          WHERE id = \(bind: id)
          """
        ).run()
      }
    }
  }

  /// Appends a notification that no case step wrote (staff warnings, reminders, a benchmark's load).
  public func enqueue(
    kind: NotificationKind, caseNumber: String, recipient: String, account: String?, facts: [String: String],
    county: String, now: Date
  ) async throws {
    try await WriteGate.serialize(db) {
      try await sql.insert(into: "outbox")
        .columns("id", "case_number", "kind", "recipient", "payload", "created_ms", "county_code", "account")
        .values(
          [
            TimeOrderedID.make(at: now), caseNumber, kind.rawValue, recipient, CaseTrail.canonicalJSON(facts),
            millis(now), county, account,
          ] as [any Encodable & Sendable]
        ).run()
    }
  }

  /// The messages given up on, latest first.
  public func deadLetters(county: String, limit: Int = 200) async throws -> [DeadLetter] {
    try await sql.raw(
      """
      SELECT id, kind, case_number, recipient, attempts, last_error, created_ms, dead_ms FROM outbox
      WHERE county_code = \(bind: county) AND dead_ms IS NOT NULL
      ORDER BY dead_ms DESC LIMIT \(bind: limit)
      """
    ).all().map { row in
      DeadLetter(
        id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
        caseNumber: try row.decode(column: "case_number", as: String.self),
        recipient: try row.decode(column: "recipient", as: String.self),
        attempts: try row.decode(column: "attempts", as: Int.self),
        lastError: try row.decode(column: "last_error", as: String?.self) ?? "",
        createdAt: instant(millis: try row.decode(column: "created_ms", as: Int64.self)),
        deadAt: instant(millis: try row.decode(column: "dead_ms", as: Int64.self)))
    }
  }

  /// Puts dead letters back in the queue, to be tried now with a fresh count: one (`id`) or all of the county's.
  /// Answers how many.
  @discardableResult
  public func retry(_ id: UUID?, county: String, now: Date) async throws -> Int {
    let which: SQLQueryString = id.map { "AND id = \(bind: $0)" } ?? ""
    return try await WriteGate.serialize(db) {
      let rows = try await sql.raw(
        """
        UPDATE outbox SET dead_ms = NULL, attempts = 0, next_ms = \(bind: millis(now)), lease_ms = NULL
        WHERE county_code = \(bind: county) AND dead_ms IS NOT NULL \(which)
        RETURNING id
        """
      ).all()
      return rows.count
    }
  }

  /// How much is waiting, how old the oldest is, how many were given up on, how many went out since `dayStart`.
  public func backlog(county: String?, now: Date, dayStart: Date) async throws -> OutboxBacklog {
    let scope: SQLQueryString = county.map { "AND county_code = \(bind: $0)" } ?? ""
    let queue = try await queue(county: county, now: now)
    let sent = try await sql.raw(
      "SELECT COUNT(*) AS n FROM outbox WHERE sent_ms >= \(bind: millis(dayStart)) \(scope)"
    ).first()
    return OutboxBacklog(
      pending: queue.pending, oldestAge: queue.oldestAge, dead: queue.dead,
      sentToday: try sent?.decode(column: "n", as: Int.self) ?? 0)
  }

  /// How much is waiting, how old the oldest is (0 when none) and how many were given up on: two reads of the
  /// queue's partial indexes, cheap enough for every scrape of `/metrics`.
  public func queue(county: String?, now: Date) async throws -> (pending: Int, oldestAge: TimeInterval, dead: Int) {
    let scope: SQLQueryString = county.map { "AND county_code = \(bind: $0)" } ?? ""
    let pending = try await sql.raw(
      """
      SELECT COUNT(*) AS n, MIN(created_ms) AS oldest FROM outbox
      WHERE sent_ms IS NULL AND dead_ms IS NULL \(scope)
      """
    ).first()
    let dead = try await sql.raw("SELECT COUNT(*) AS n FROM outbox WHERE dead_ms IS NOT NULL \(scope)").first()
    let oldest = try pending?.decode(column: "oldest", as: Int64?.self)
    return (
      try pending?.decode(column: "n", as: Int.self) ?? 0,
      oldest.map { max(0, now.timeIntervalSince(instant(millis: $0))) } ?? 0,
      try dead?.decode(column: "n", as: Int.self) ?? 0
    )
  }

  /// The portal accounts (`citizen:<id>`) that should see each case's notifications in the app: the case's own
  /// applicant account, else the account registered with the message's mobile number.
  public func applicantAccounts(for messages: [OutboxMessage]) async throws -> [UUID: String] {
    let numbers = Array(Set(messages.map(\.caseNumber).filter { !$0.isEmpty }))
    let phones = Array(Set(messages.map(\.recipient).filter { !$0.isEmpty }))
    var byCase: [String: String] = [:]
    if !numbers.isEmpty {
      for row in try await sql.raw(
        "SELECT number, citizen_id FROM cases WHERE number IN \(Self.list(numbers)) AND citizen_id IS NOT NULL"
      ).all() {
        byCase[try row.decode(column: "number", as: String.self)] = try row.decode(
          column: "citizen_id", as: String.self)
      }
    }
    var byPhone: [String: String] = [:]
    if !phones.isEmpty {
      for row in try await sql.raw("SELECT id, phone FROM citizens WHERE phone IN \(Self.list(phones))").all() {
        byPhone[try row.decode(column: "phone", as: String.self)] = try row.decode(column: "id", as: String.self)
      }
    }
    var result: [UUID: String] = [:]
    for message in messages {
      if let account = message.account {
        result[message.id] = account
      } else if let citizen = byCase[message.caseNumber] ?? byPhone[message.recipient] {
        result[message.id] = "citizen:" + citizen
      }
    }
    return result
  }

  static func list<T: Encodable & Sendable>(_ values: [T]) -> SQLQueryString {
    var list: SQLQueryString = "("
    for (index, value) in values.enumerated() { list = list + (index == 0 ? "" : ", ") + "\(bind: value)" }
    return list + ")"
  }
}

func instant(millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
