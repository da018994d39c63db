import FluentPostgresDriver
import Foundation
import OneWindowDomain
import SQLKit

/// Everything one registration or one run of steps writes: the case row, its new events, and what the steps leave
/// behind (outbox rows, follow-up tasks, parallel-opinion requests and answers).
///
/// On PostgreSQL it goes as **one statement** (data-modifying CTEs): a statement is atomic by itself, so no
/// BEGIN/COMMIT round trips and no row lock held between them; a step's update carries the version it was computed
/// from, and when another clerk got there first the update matches no row and every other part, gated on it, writes
/// nothing. On SQLite (no data-modifying CTEs, no round trips to save) the same parts run as separate statements
/// inside the caller's transaction, which the write gate has made the only writer.
struct CaseWrite {
  enum Kind {
    /// A new case, with the idempotency key of its registration.
    case insert(idempotencyKey: String?)
    /// A step on a stored case, computed from the row at `fromVersion`.
    case update(fromVersion: Int)
  }

  let kind: Kind
  let serviceCase: ServiceCase
  let row: CaseRow
  let events: [CaseEvent]
  let effects: CaseRepository.StepEffects
  let now: Date

  private var county: String { serviceCase.regionCode.county.value }

  /// Writes it all, or nothing. False when an update lost: the case is no longer at `fromVersion`.
  /// `standalone`: not inside a transaction of the caller's, so the write commits by itself (and on PostgreSQL is
  /// answered only once committed, see `PostgresDatabase.first(_:committed:)`).
  func run(on sql: any SQLDatabase, standalone: Bool) async throws -> Bool {
    sql.dialect.name == "sqlite"
      ? try await runInSteps(on: sql) : try await runAsOneStatement(on: sql, standalone: standalone)
  }

  // MARK: PostgreSQL

  private func runAsOneStatement(on sql: any SQLDatabase, standalone: Bool) async throws -> Bool {
    guard let postgres = sql as? any PostgresDatabase else {
      preconditionFailure("a PostgreSQL database that is not a PostgresDatabase")
    }
    let bindings = PostgresCaseStatements.Effects(self)
    return try await PostgresCaseStatements.withMarker(of: .init(effects)) { marker in
      try await run(bindings, on: postgres, marker, standalone: standalone)
    }
  }

  /// The statement of the write's shape (`Marker`), with what every write binds first.
  private func run<Marker: PostgresCaseStatements.ShapeMarker>(
    _ bindings: PostgresCaseStatements.Effects, on postgres: any PostgresDatabase, _: Marker.Type, standalone: Bool
  ) async throws -> Bool {
    switch kind {
    case .insert(let key):
      let statement = PostgresCaseStatements.Insert<Marker>(
        effects: bindings, idempotencyKey: key, serviceCase: serviceCase)
      return try await postgres.first(statement, committed: standalone) == 1
    case .update(let fromVersion):
      let statement = PostgresCaseStatements.Update<Marker>(effects: bindings, fromVersion: fromVersion)
      return try await postgres.first(statement, committed: standalone) == 1
    }
  }

  // MARK: SQLite

  private func runInSteps(on sql: any SQLDatabase) async throws -> Bool {
    switch kind {
    case .insert(let key):
      try await sql.raw(caseInsert(idempotencyKey: key)).run()
    case .update(let fromVersion):
      let updated = try await sql.raw("\(caseUpdate(fromVersion: fromVersion)) RETURNING number").all()
      guard updated.count == 1 else { return false }
    }
    try await CaseRepository.insertEvents(events, county: county, on: sql)
    for insert in inserts {
      try await sql.raw(
        "INSERT INTO \(ident: insert.table) (\(columns(insert.columns))) VALUES \(valueRows(insert))"
      ).run()
    }
    for department in effects.opinionsGiven { try await sql.raw(opinionAnswer(department)).run() }
    for done in effects.tasksDone {
      try await sql.raw(
        """
        UPDATE case_tasks SET done_ms = \(bind: millis(now)), outcome = \(bind: done.outcome)
        WHERE case_number = \(bind: serviceCase.number) AND kind = \(bind: done.kind) AND done_ms IS NULL
        """
      ).run()
    }
    return true
  }

  // MARK: the parts

  private func caseInsert(idempotencyKey: String?) -> SQLQueryString {
    let c = serviceCase
    return """
      INSERT INTO cases (number, version, state, item_code, item_version, kind, department_id, site_id,
        region_code, channel, applicant_name, applicant_phone, applicant_id_number, citizen_id, proxy_agent_id,
        idempotency_key, bundle_id, created_ms, accepted_ms, due_ms, warn_ms, concluded_ms, body, county_code,
        trail_seq, trail_hash)
      VALUES (\(bind: c.number), \(bind: c.version), \(bind: c.state.rawValue), \(bind: c.item.code),
        \(bind: c.item.version), \(bind: c.item.kind.rawValue), \(bind: c.departmentID), \(bind: c.siteID),
        \(bind: c.regionCode.value), \(bind: c.channel.rawValue), \(bind: c.applicant.name),
        \(bind: c.applicant.phone), \(bind: c.applicant.idNumber.uppercased()), \(bind: c.citizenID),
        \(bind: c.proxy?.agentID), \(bind: idempotencyKey), \(bind: c.bundleID), \(bind: millis(c.createdAt)),
        \(bind: row.acceptedMillis), \(bind: row.dueMillis), \(bind: row.warnMillis), \(bind: row.concludedMillis),
        \(bind: row.body), \(bind: county), \(bind: events.last?.sequence), \(bind: events.last?.hash))
      """
  }

  private func caseUpdate(fromVersion: Int) -> SQLQueryString {
    let c = serviceCase
    return """
      UPDATE cases SET version = \(bind: c.version), state = \(bind: c.state.rawValue),
        department_id = \(bind: c.departmentID), accepted_ms = \(bind: row.acceptedMillis),
        due_ms = \(bind: row.dueMillis), warn_ms = \(bind: row.warnMillis),
        concluded_ms = \(bind: row.concludedMillis), body = \(bind: row.body),
        trail_seq = \(bind: events.last?.sequence), trail_hash = \(bind: events.last?.hash)
      WHERE number = \(bind: c.number) AND version = \(bind: fromVersion)
      """
  }

  private func opinionAnswer(_ department: String) -> SQLQueryString {
    """
    UPDATE case_opinion_requests SET answered_ms = \(bind: millis(now))
    WHERE case_number = \(bind: serviceCase.number) AND department_id = \(bind: department) AND answered_ms IS NULL
    """
  }

  /// Rows for one table besides the events (SQLite; PostgreSQL sends the same as arrays, see
  /// `PostgresCaseStatements`).
  private struct Insert {
    let table: String
    let columns: [String]
    var rows: [[any Encodable & Sendable]]
  }

  private var inserts: [Insert] {
    var result: [Insert] = []
    let number = serviceCase.number
    if !effects.notifications.isEmpty {
      let payload = CaseTrail.canonicalJSON(["item": serviceCase.item.name, "state": serviceCase.state.rawValue])
      result.append(
        Insert(
          table: "outbox",
          columns: ["id", "case_number", "kind", "recipient", "payload", "created_ms", "county_code"],
          rows: zip(TimeOrderedID.make(count: effects.notifications.count, at: now), effects.notifications).map {
            id, kind in
            [id, number, kind.rawValue, serviceCase.applicant.phone, payload, millis(now), county]
          }))
    }
    if !effects.tasks.isEmpty {
      result.append(
        Insert(
          table: "case_tasks", columns: ["id", "case_number", "kind", "due_date", "county_code"],
          rows: effects.tasks.map { [TimeOrderedID.make(at: now), number, $0.kind, $0.due.iso, county] }))
    }
    if !effects.opinionsAsked.isEmpty {
      result.append(
        Insert(
          table: "case_opinion_requests",
          columns: ["case_number", "department_id", "due_date", "requested_ms", "county_code"],
          rows: effects.opinionsAsked.map { [number, $0.departmentID, $0.due.iso, millis(now), county] }))
    }
    return result.filter { !$0.rows.isEmpty }
  }

  private func columns(_ names: [String]) -> SQLQueryString {
    var list: SQLQueryString = ""
    for (index, name) in names.enumerated() { list = list + (index == 0 ? "" : ", ") + "\(ident: name)" }
    return list
  }

  private func valueRows(_ insert: Insert) -> SQLQueryString {
    var list: SQLQueryString = ""
    for (rowIndex, values) in insert.rows.enumerated() {
      var row: SQLQueryString = rowIndex == 0 ? "(" : ", ("
      for (index, value) in values.enumerated() { row = row + (index == 0 ? "" : ", ") + "\(bind: value)" }
      list = list + row + ")"
    }
    return list
  }
}
