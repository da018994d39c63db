import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 督办 tickets. Each is kept whole (its steps in order) with the columns its lists read; a change is saved only
/// over the version it was made from, so of two people acting at once the second is told.
public struct SupervisionTicketRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) { self.db = db }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  public static let conflict = ValidationError(
    field: "version", zh: "该督办件刚被他人处理过，请刷新后再办理", en: "Someone else acted on this ticket; reload it")

  /// Stores a new ticket and queues the notices to `notify` in the same transaction.
  public func insert(
    _ ticket: SupervisionTicket, county: String, notify: [(phone: String, account: String)] = [],
    facts: [String: String] = [:], now: Date
  ) async throws {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        try await sql.raw(
          """
          INSERT INTO supervision_tickets (id, subject_kind, subject_id, department_id, state, due_date, escalated,
            opened_ms, version, body, county_code)
          VALUES (\(bind: ticket.id), \(bind: ticket.subject.kind), \(bind: ticket.subject.id),
            \(bind: ticket.departmentID), \(bind: ticket.state.rawValue), \(bind: ticket.dueDate.iso),
            \(bind: ticket.escalated), \(bind: millis(ticket.openedAt)), 1, \(bind: try Self.encode(ticket)),
            \(bind: county))
          """
        ).run()
        try await Self.queue(
          notify, ticket: ticket, kind: .supervisionTicket, facts: facts, county: county, now: now, sql)
      }
    }
  }

  private static func queue(
    _ recipients: [(phone: String, account: String)], ticket: SupervisionTicket, kind: NotificationKind,
    facts: [String: String], county: String, now: Date, _ sql: any SQLDatabase
  ) async throws {
    for recipient in recipients {
      try await sql.insert(into: "outbox")
        .columns("id", "case_number", "kind", "recipient", "payload", "created_ms", "county_code", "account")
        .values(
          [
            TimeOrderedID.make(at: now), ticket.subject.id ?? "", kind.rawValue, recipient.phone,
            CaseTrail.canonicalJSON(facts), millis(now), county, recipient.account,
          ] as [any Encodable & Sendable]
        ).run()
    }
  }

  /// The ticket and the version it is stored at.
  public func find(_ id: String) async throws -> (ticket: SupervisionTicket, version: Int, county: String)? {
    guard
      let row = try await sql.raw(
        "SELECT body, version, county_code FROM supervision_tickets WHERE id = \(bind: id)"
      ).first()
    else { return nil }
    return (
      try Self.decode(row), try row.decode(column: "version", as: Int.self),
      try row.decode(column: "county_code", as: String.self)
    )
  }

  /// Saves `ticket` over `version`; throws `conflict` when someone saved first. `outbox` rows go in the same
  /// transaction (the people to tell).
  public func save(
    _ ticket: SupervisionTicket, over version: Int, notify: [(phone: String, account: String)] = [],
    kind: NotificationKind = .supervisionTicket, facts: [String: String] = [:], county: String, now: Date
  ) async throws {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        let saved = try await sql.raw(
          """
          UPDATE supervision_tickets SET state = \(bind: ticket.state.rawValue), due_date = \(bind: ticket.dueDate.iso),
            escalated = \(bind: ticket.escalated), version = \(bind: version + 1), body = \(bind: try Self.encode(ticket))
          WHERE id = \(bind: ticket.id) AND version = \(bind: version) RETURNING id
          """
        ).all()
        guard !saved.isEmpty else { throw Self.conflict }
        try await Self.queue(notify, ticket: ticket, kind: kind, facts: facts, county: county, now: now, sql)
      }
    }
  }

  /// Tickets of `county` (of one department when given), open ones first and then by due date.
  public func list(
    county: String, departmentID: String?, state: SupervisionTicket.State?, overdueOn today: CivilDate? = nil,
    limit: Int, offset: Int
  ) async throws -> (tickets: [SupervisionTicket], total: Int) {
    var conditions: [SQLQueryString] = ["county_code = \(bind: county)"]
    if let departmentID { conditions.append("department_id = \(bind: departmentID)") }
    if let state { conditions.append("state = \(bind: state.rawValue)") }
    if let today { conditions.append("state = 'open' AND due_date < \(bind: today.iso)") }
    let clause = conditions.allOf
    let total =
      try await sql.raw("SELECT COUNT(*) AS n FROM supervision_tickets WHERE \(clause)").first()?
      .decode(column: "n", as: Int.self) ?? 0
    let rows = try await sql.raw(
      """
      SELECT body FROM supervision_tickets WHERE \(clause)
      ORDER BY CASE WHEN state = 'closed' THEN 1 ELSE 0 END, due_date, opened_ms LIMIT \(bind: limit) OFFSET \(bind: offset)
      """
    ).all()
    return (try rows.map(Self.decode), total)
  }

  /// The tickets about one subject (a case's page shows its own).
  public func tickets(about subject: SupervisionTicket.Subject) async throws -> [SupervisionTicket] {
    try await sql.raw(
      """
      SELECT body FROM supervision_tickets WHERE subject_kind = \(bind: subject.kind) AND subject_id = \(bind: subject.id)
      ORDER BY opened_ms
      """
    ).all().map(Self.decode)
  }

  /// Open tickets past their date and not yet escalated, with their versions.
  public func dueForEscalation(today: CivilDate, limit: Int = 200) async throws
    -> [(ticket: SupervisionTicket, version: Int, county: String)]
  {
    try await sql.raw(
      """
      SELECT body, version, county_code FROM supervision_tickets
      WHERE state = 'open' AND escalated = \(bind: false) AND due_date < \(bind: today.iso)
      ORDER BY due_date LIMIT \(bind: limit)
      """
    ).all().map {
      (
        try Self.decode($0), try $0.decode(column: "version", as: Int.self),
        try $0.decode(column: "county_code", as: String.self)
      )
    }
  }

  static func encode(_ value: SupervisionTicket) throws -> String { try StoredBody.encode(value) }

  static func decode(_ row: any SQLRow) throws -> SupervisionTicket {
    try StoredBody.decode(SupervisionTicket.self, row)
  }
}
