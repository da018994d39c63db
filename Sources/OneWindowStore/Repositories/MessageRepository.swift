import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// In-app messages (站内消息): written by the notification worker, read on the portal's 我的消息 and the workbench.
public struct MessageRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  /// Delivers `message` to `account`; delivering the same outbox row again (a retry after a crash) adds nothing.
  public func deliver(_ message: OutboxMessage, to account: String, now: Date) async throws {
    var facts = message.facts
    facts["number"] = nil
    try await WriteGate.serialize(db) {
      try await sql.raw(
        """
        INSERT INTO messages (id, source_id, account, kind, case_number, facts, created_ms, county_code)
        VALUES (\(bind: TimeOrderedID.make(at: now)), \(bind: message.id.uuidString), \(bind: account),
          \(bind: message.kind), \(bind: message.caseNumber.isEmpty ? nil : message.caseNumber),
          \(bind: CaseTrail.canonicalJSON(facts)), \(bind: millis(now)), \(bind: message.countyCode))
        ON CONFLICT (source_id, account) DO NOTHING
        """
      ).run()
    }
  }

  /// An account's messages, latest first.
  public func messages(of account: String, limit: Int = 50, offset: Int = 0) async throws -> [InAppMessage] {
    try await sql.raw(
      """
      SELECT id, kind, case_number, facts, created_ms, read_ms FROM messages WHERE account = \(bind: account)
      ORDER BY created_ms DESC, id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
      """
    ).all().compactMap { row in
      guard let kind = NotificationKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
      let facts = try JSONDecoder().decode(
        [String: String].self, from: Data(try row.decode(column: "facts", as: String.self).utf8))
      let number = try row.decode(column: "case_number", as: String?.self)
      var all = facts
      if let number { all["number"] = number }
      return InAppMessage(
        id: try row.decode(column: "id", as: UUID.self), kind: kind, caseNumber: number, facts: all,
        createdAt: instant(millis: try row.decode(column: "created_ms", as: Int64.self)),
        readAt: try row.decode(column: "read_ms", as: Int64?.self).map { instant(millis: $0) })
    }
  }

  public func count(of account: String) async throws -> Int {
    try await sql.raw("SELECT COUNT(*) AS n FROM messages WHERE account = \(bind: account)").first()?
      .decode(column: "n", as: Int.self) ?? 0
  }

  public func unread(of account: String) async throws -> Int {
    try await sql.raw("SELECT COUNT(*) AS n FROM messages WHERE account = \(bind: account) AND read_ms IS NULL")
      .first()?.decode(column: "n", as: Int.self) ?? 0
  }

  /// Marks all of an account's messages read (opening 我的消息 reads them).
  public func markRead(of account: String, now: Date) async throws {
    try await WriteGate.serialize(db) {
      try await sql.raw(
        "UPDATE messages SET read_ms = \(bind: millis(now)) WHERE account = \(bind: account) AND read_ms IS NULL"
      ).run()
    }
  }
}
