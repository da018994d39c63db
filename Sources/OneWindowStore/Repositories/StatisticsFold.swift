import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// Keeps the statistics rollup up to date from the trail: it reads the events written since its cursor in the order
/// of their time-ordered ids, turns each milestone (filed, accepted, ended: `CaseMilestone`) into the `CaseTally` it
/// adds, sums them per day (and month), department, site, window and staff member, and adds the sums to
/// `stat_case_days` and `stat_case_months` in the
/// same transaction that moves the cursor: each event is counted once, even with several workers (the cursor row is
/// locked on PostgreSQL; SQLite writes one at a time). Events younger than `settle` wait for the next run, so one whose
/// transaction commits a moment after a later one is not skipped. The first run reads the whole trail, so a database
/// upgraded to the statistics counts its history.
public struct StatisticsFold: Sendable {
  let db: any Database
  public static let cursorName = "statistics"

  public init(_ db: any Database) { self.db = db }

  private struct DayKey: Hashable {
    let county: String
    let day: String
    let department: String
    let site: String
    let window: String
    let staff: String
  }

  private struct ItemKey: Hashable {
    let county: String
    let month: String
    let item: String
    let department: String
  }

  /// One batch; answers how many events it read (0: the trail is read up to now − settle).
  @discardableResult
  public func runBatch(
    now: Date, rule: @escaping @Sendable (String) async throws -> DeadlineRule, settle: TimeInterval = 30,
    limit: Int = 5_000
  ) async throws -> Int {
    let start = TimeOrderedID.lowest(at: Date(timeIntervalSince1970: 0))
    try await WriteGate.serialize(db) {
      try await (db as! any SQLDatabase).raw(
        """
        INSERT INTO supervision_cursors (name, last_event_id, updated_ms)
        VALUES (\(bind: Self.cursorName), \(bind: start), \(bind: millis(now))) ON CONFLICT (name) DO NOTHING
        """
      ).run()
    }
    // Each county's clock is read before the transaction: reading it may take another connection, which a SQLite
    // pool may not have while the transaction holds its one (found by `onewindow stats fold` timing out).
    var rules: [String: DeadlineRule] = [:]
    for county in try await DirectoryRepository(db).counties() {
      rules[county.code.value] = try await rule(county.code.value)
    }
    let known = rules
    return try await WriteGate.serialize(db) {
      try await db.transaction { db in
        try await fold(on: db as! any SQLDatabase, now: now, rules: known, settle: settle, limit: limit)
      }
    }
  }

  private func fold(
    on sql: any SQLDatabase, now: Date, rules: [String: DeadlineRule], settle: TimeInterval, limit: Int
  ) async throws -> Int {
    let lock: SQLQueryString = sql.dialect.name == "sqlite" ? "" : " FOR UPDATE"
    guard
      let cursor = try await sql.raw(
        "SELECT last_event_id FROM supervision_cursors WHERE name = \(bind: Self.cursorName)\(lock)"
      ).first().map({ try $0.decode(column: "last_event_id", as: UUID.self) })
    else { return 0 }
    let upTo = TimeOrderedID.lowest(at: now.addingTimeInterval(-settle))
    let rows = try await sql.raw(
      """
      SELECT id, case_number, step, from_state, to_state, actor_id, at_ms FROM case_events
      WHERE id > \(bind: cursor) AND id < \(bind: upTo) ORDER BY id LIMIT \(bind: limit)
      """
    ).all()
    guard let last = try rows.last?.decode(column: "id", as: UUID.self) else { return 0 }
    var marks: [(number: String, milestone: CaseMilestone, actor: String, at: Date)] = []
    for row in rows {
      guard let step = CaseStep(rawValue: try row.decode(column: "step", as: String.self)),
        let to = CaseState(rawValue: try row.decode(column: "to_state", as: String.self))
      else { continue }
      let from =
        try row.decodeNil(column: "from_state")
        ? nil : CaseState(rawValue: try row.decode(column: "from_state", as: String.self))
      let at = Date(timeIntervalSince1970: Double(try row.decode(column: "at_ms", as: Int64.self)) / 1000)
      for milestone in CaseMilestone.of(step: step, from: from, to: to) {
        marks.append(
          (
            try row.decode(column: "case_number", as: String.self), milestone,
            try row.decode(column: "actor_id", as: String.self), at
          ))
      }
    }
    var cases: [String: (ServiceCase, String)] = [:]
    let numbers = Array(Set(marks.map(\.number))).sorted()
    for chunk in stride(from: 0, to: numbers.count, by: 500).map({ Array(numbers[$0..<min($0 + 500, numbers.count)]) })
    {
      for row in try await sql.raw(
        "SELECT number, body, county_code FROM cases WHERE number IN (\(binds: chunk))"
      ).all() {
        cases[try row.decode(column: "number", as: String.self)] = (
          try CaseRow.decode(try row.decode(column: "body", as: String.self)),
          try row.decode(column: "county_code", as: String.self)
        )
      }
    }
    var windowKinds: [String: WindowKind] = [:]
    if !marks.isEmpty {
      for row in try await sql.raw("SELECT id, kind FROM windows").all() {
        windowKinds[try row.decode(column: "id", as: String.self)] = WindowKind(
          rawValue: try row.decode(column: "kind", as: String.self))
      }
    }
    var days: [DayKey: CaseTally] = [:]
    var items: [ItemKey: (filed: Int, concluded: Int, late: Int)] = [:]
    for mark in marks {
      guard let (serviceCase, county) = cases[mark.number] else { continue }
      // A county the directory does not (yet) list counts on the national calendar.
      let deadlineRule = rules[county] ?? DeadlineRule()
      let windowID = serviceCase.intake?.windowID
      let tally = CaseTally.contribution(
        of: mark.milestone, serviceCase, windowKind: windowID.flatMap { windowKinds[$0] }, rule: deadlineRule)
      let day = deadlineRule.civilDate(of: mark.at).iso
      let key = DayKey(
        county: county, day: day, department: serviceCase.departmentID, site: serviceCase.siteID,
        window: windowID ?? "", staff: Self.staff(for: mark.milestone, serviceCase, actor: mark.actor))
      days[key, default: CaseTally()].add(tally)
      let itemKey = ItemKey(
        county: county, month: String(day.prefix(7)), item: serviceCase.item.code,
        department: serviceCase.departmentID)
      var line = items[itemKey] ?? (0, 0, 0)
      line.filed += tally.filed
      line.concluded += tally.concluded
      line.late += tally.decidedLate
      items[itemKey] = line
    }
    try await add(days, into: "stat_case_days", column: "day", on: sql)
    var months: [DayKey: CaseTally] = [:]
    for (key, tally) in days {
      let month = DayKey(
        county: key.county, day: String(key.day.prefix(7)), department: key.department, site: key.site,
        window: key.window, staff: key.staff)
      months[month, default: CaseTally()].add(tally)
    }
    try await add(months, into: "stat_case_months", column: "month", on: sql)
    try await add(items, on: sql)
    try await sql.raw(
      """
      UPDATE supervision_cursors SET last_event_id = \(bind: last), updated_ms = \(bind: millis(now))
      WHERE name = \(bind: Self.cursorName)
      """
    ).run()
    return rows.count
  }

  /// Whose work a milestone counts for: the clerk or agent who filed the case (none for an applicant's own online
  /// filing), the clerk who accepted it, the reviewer who decided it or the clerk who refused it.
  private static func staff(for milestone: CaseMilestone, _ serviceCase: ServiceCase, actor: String) -> String {
    switch milestone {
    case .filed:
      switch serviceCase.channel {
      case .online, .mobile: ""
      case .proxy: serviceCase.proxy?.agentID ?? actor
      case .window, .kiosk, .bank: actor
      }
    case .accepted: actor
    case .ended: serviceCase.decision?.by ?? (serviceCase.state == .refused ? actor : "")
    }
  }

  /// Adds the sums to a rollup table (`day` holds the day or the month the table is kept by).
  private func add(_ days: [DayKey: CaseTally], into table: String, column: String, on sql: any SQLDatabase)
    async throws
  {
    let keys = ["county_code", column, "department_id", "site_id", "window_id", "staff_id"]
    let columns = keys + CaseTally.columns
    let updates = CaseTally.columns.map { "\($0) = \(table).\($0) + excluded.\($0)" }.joined(separator: ", ")
    let entries = Array(days)
    for start in stride(from: 0, to: entries.count, by: 100) {
      var values: [SQLQueryString] = []
      for (key, tally) in entries[start..<min(start + 100, entries.count)] {
        let texts = [key.county, key.day, key.department, key.site, key.window, key.staff]
        values.append("(\(binds: texts), \(binds: tally.values))")
      }
      var list = values[0]
      for value in values.dropFirst() { list = list + ", " + value }
      try await sql.raw(
        """
        INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns.joined(separator: ", "))) VALUES \(list)
        ON CONFLICT (\(unsafeRaw: keys.joined(separator: ", "))) DO UPDATE SET \(unsafeRaw: updates)
        """
      ).run()
    }
  }

  private func add(_ items: [ItemKey: (filed: Int, concluded: Int, late: Int)], on sql: any SQLDatabase) async throws {
    for (key, line) in items where line.filed + line.concluded + line.late > 0 {
      try await sql.raw(
        """
        INSERT INTO stat_item_months (county_code, month, item_code, department_id, filed, concluded, late)
        VALUES (\(bind: key.county), \(bind: key.month), \(bind: key.item), \(bind: key.department),
          \(bind: line.filed), \(bind: line.concluded), \(bind: line.late))
        ON CONFLICT (county_code, month, item_code, department_id) DO UPDATE SET
          filed = stat_item_months.filed + excluded.filed, concluded = stat_item_months.concluded + excluded.concluded,
          late = stat_item_months.late + excluded.late
        """
      ).run()
    }
  }

  /// Forgets the rollup so the next runs count the whole trail again (after a calendar correction, say).
  public func reset() async throws {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM stat_case_days").run()
        try await sql.raw("DELETE FROM stat_case_months").run()
        try await sql.raw("DELETE FROM stat_item_months").run()
        try await sql.raw("DELETE FROM supervision_cursors WHERE name = \(bind: Self.cursorName)").run()
      }
    }
  }
}
