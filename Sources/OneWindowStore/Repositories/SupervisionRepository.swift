import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 电子监察 reads: the clock board of open cases and the follow-up lists (容缺 owed, 告知承诺 post-checks), each from
/// an index of its own (M042), never by reading every case; and the 容缺 reminders the worker queues.
public struct SupervisionRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) { self.db = db }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  // MARK: the board

  /// Open cases of `county` counted by department, accepting site, town and light at `now`, from the index of open
  /// cases alone.
  public func clockBoard(county: String, scope: Scope?, now: Date) async throws -> ClockBoard {
    let nowMillis = millis(now)
    let within = Self.conditions(scope, prefix: "").allOf
    let rows = try await sql.raw(
      """
      SELECT department_id, site_id, region_code,
        SUM(CASE WHEN state <> 'suspended' AND due_ms < \(bind: nowMillis) THEN 1 ELSE 0 END) AS red,
        SUM(CASE WHEN state <> 'suspended' AND due_ms >= \(bind: nowMillis) AND warn_ms <= \(bind: nowMillis)
          THEN 1 ELSE 0 END) AS yellow,
        SUM(CASE WHEN state = 'suspended' THEN 1 ELSE 0 END) AS paused,
        COUNT(*) AS total
      FROM cases
      WHERE county_code = \(bind: county) AND state IN ('accepted', 'in_review', 'escalated', 'suspended')
        AND \(within)
      GROUP BY department_id, site_id, region_code
      """
    ).all()
    var cells: [String: ClockBoard.Cell] = [:]
    for row in rows {
      let department = try row.decode(column: "department_id", as: String.self)
      let site = try row.decode(column: "site_id", as: String.self)
      let town = ClockBoard.townCode(of: try row.decode(column: "region_code", as: String.self))
      let red = try row.decode(column: "red", as: Int.self)
      let yellow = try row.decode(column: "yellow", as: Int.self)
      let paused = try row.decode(column: "paused", as: Int.self)
      let total = try row.decode(column: "total", as: Int.self)
      let counts = ClockBoard.Counts(
        green: total - red - yellow - paused, yellow: yellow, red: red, paused: paused)
      let key = "\(department)\u{1F}\(site)\u{1F}\(town)"
      if let cell = cells[key] {
        cells[key]?.counts = cell.counts + counts
      } else {
        cells[key] = ClockBoard.Cell(departmentID: department, siteID: site, townCode: town, counts: counts)
      }
    }
    return ClockBoard(
      cells: cells.values.sorted {
        ($0.departmentID, $0.siteID, $0.townCode) < ($1.departmentID, $1.siteID, $1.townCode)
      })
  }

  /// Open cases of `county` with one light, narrowed to a department, site or town, most urgent first.
  public func cases(
    county: String, scope: Scope?, light: ClockBoard.Light?, state: CaseState? = nil, departmentID: String?,
    siteID: String?, townCode: String?, now: Date, limit: Int, offset: Int
  ) async throws -> (cases: [ServiceCase], total: Int) {
    let nowMillis = millis(now)
    var conditions: [SQLQueryString] = [
      "county_code = \(bind: county)", "state IN ('accepted', 'in_review', 'escalated', 'suspended')",
    ]
    conditions += Self.conditions(scope, prefix: "")
    if let state { conditions.append("state = \(bind: state.rawValue)") }
    switch light {
    case .red?: conditions.append("state <> 'suspended' AND due_ms < \(bind: nowMillis)")
    case .yellow?:
      conditions.append("state <> 'suspended' AND due_ms >= \(bind: nowMillis) AND warn_ms <= \(bind: nowMillis)")
    case .green?:
      conditions.append(
        """
        state <> 'suspended' AND (due_ms IS NULL OR (due_ms >= \(bind: nowMillis)
          AND (warn_ms IS NULL OR warn_ms > \(bind: nowMillis))))
        """)
    case .paused?: conditions.append("state = 'suspended'")
    case nil: break
    }
    if let departmentID { conditions.append("department_id = \(bind: departmentID)") }
    if let siteID { conditions.append("site_id = \(bind: siteID)") }
    if let townCode { conditions.append("region_code LIKE \(bind: townCode + "%")") }
    let whereClause = conditions.allOf
    let total =
      try await sql.raw("SELECT COUNT(*) AS n FROM cases WHERE \(whereClause)").first()?.decode(
        column: "n", as: Int.self)
      ?? 0
    // The page's numbers from the index of open cases alone (M048), then only their rows.
    let rows = try await sql.raw(
      """
      SELECT body FROM cases WHERE number IN (
        SELECT number FROM cases WHERE \(whereClause)
        ORDER BY due_ms NULLS LAST, number LIMIT \(bind: limit) OFFSET \(bind: offset))
      ORDER BY due_ms NULLS LAST, number
      """
    ).all()
    return (try rows.map { try CaseRow.decode(try $0.decode(column: "body", as: String.self)) }, total)
  }

  /// Cases of `county` in a special procedure (their clock stopped), the longest paused first.
  public func pausedCases(county: String, limit: Int = 500) async throws -> [ServiceCase] {
    try await sql.raw(
      """
      SELECT body FROM cases WHERE county_code = \(bind: county) AND state = 'suspended'
      ORDER BY number LIMIT \(bind: limit)
      """
    ).all().map { try CaseRow.decode(try $0.decode(column: "body", as: String.self)) }
  }

  /// 并联 opinions asked of `departmentIDs` and not answered by their due date, the longest overdue first (read
  /// through the asked department's open-requests index).
  public func overdueOpinions(departmentIDs: [String], today: CivilDate, limit: Int = 200) async throws
    -> [(departmentID: String, due: CivilDate, serviceCase: ServiceCase)]
  {
    guard !departmentIDs.isEmpty else { return [] }
    var list: SQLQueryString = ""
    for (index, id) in departmentIDs.enumerated() { list = list + (index == 0 ? "" : ", ") + "\(bind: id)" }
    return try await sql.raw(
      """
      SELECT r.department_id, r.due_date, c.body FROM case_opinion_requests r JOIN cases c ON c.number = r.case_number
      WHERE r.department_id IN (\(list)) AND r.answered_ms IS NULL AND r.due_date < \(bind: today.iso)
        AND c.state = 'in_review'
      ORDER BY r.due_date, r.case_number LIMIT \(bind: limit)
      """
    ).all().map {
      (
        try $0.decode(column: "department_id", as: String.self),
        CivilDate(iso: try $0.decode(column: "due_date", as: String.self)) ?? today,
        try CaseRow.decode(try $0.decode(column: "body", as: String.self))
      )
    }
  }

  // MARK: follow-ups

  /// Which follow-ups a list shows.
  public enum FollowUpFilter: String, Sendable, CaseIterable {
    case open
    case overdue
    case done
  }

  /// Follow-ups of `kind` in `county` (within `scope` when given), soonest due first, with their cases.
  public func followUps(
    county: String, kind: FollowUp.Kind, filter: FollowUpFilter, scope: Scope?, today: CivilDate, limit: Int,
    offset: Int
  ) async throws -> (followUps: [(FollowUp, ServiceCase)], total: Int) {
    var conditions: [SQLQueryString] = ["t.county_code = \(bind: county)", "t.kind = \(bind: kind.rawValue)"]
    switch filter {
    case .open: conditions.append("t.done_ms IS NULL")
    case .overdue: conditions.append("t.done_ms IS NULL AND t.due_date < \(bind: today.iso)")
    case .done: conditions.append("t.done_ms IS NOT NULL")
    }
    conditions += Self.conditions(scope, prefix: "c.")
    let whereClause = conditions.allOf
    let total =
      try await sql.raw(
        "SELECT COUNT(*) AS n FROM case_tasks t JOIN cases c ON c.number = t.case_number WHERE \(whereClause)"
      ).first()?.decode(column: "n", as: Int.self) ?? 0
    let order: SQLQueryString = filter == .done ? "t.done_ms DESC, t.case_number" : "t.due_date, t.case_number"
    let rows = try await sql.raw(
      """
      SELECT t.id, t.kind, t.case_number, t.due_date, t.done_ms, t.outcome, c.body
      FROM case_tasks t JOIN cases c ON c.number = t.case_number WHERE \(whereClause)
      ORDER BY \(order) LIMIT \(bind: limit) OFFSET \(bind: offset)
      """
    ).all()
    return (
      try rows.map { (try Self.followUp($0), try CaseRow.decode(try $0.decode(column: "body", as: String.self))) },
      total
    )
  }

  /// The follow-ups of one case (the case page shows them).
  public func followUps(of caseNumber: String) async throws -> [FollowUp] {
    try await sql.raw(
      """
      SELECT id, kind, case_number, due_date, done_ms, outcome FROM case_tasks
      WHERE case_number = \(bind: caseNumber) ORDER BY due_date
      """
    ).all().map(Self.followUp)
  }

  /// Open and overdue follow-ups of `county` per kind.
  public func followUpCounts(county: String, today: CivilDate) async throws
    -> [FollowUp.Kind: (open: Int, overdue: Int)]
  {
    var counts: [FollowUp.Kind: (open: Int, overdue: Int)] = [:]
    for kind in FollowUp.Kind.allCases {
      let row = try await sql.raw(
        """
        SELECT COUNT(*) AS open, SUM(CASE WHEN due_date < \(bind: today.iso) THEN 1 ELSE 0 END) AS overdue
        FROM case_tasks WHERE county_code = \(bind: county) AND kind = \(bind: kind.rawValue) AND done_ms IS NULL
        """
      ).first()
      counts[kind] = (
        try row?.decode(column: "open", as: Int?.self) ?? 0, try row?.decode(column: "overdue", as: Int?.self) ?? 0
      )
    }
    return counts
  }

  // MARK: reminders

  /// Open follow-ups of `kind` in `county` due by `dueBy` whose owner (the applicant for 容缺, the department's
  /// reviewers for a post-check) was not told yet, or was told before they fell overdue on `today`, with their cases.
  public func followUpsToRemind(
    _ kind: FollowUp.Kind, county: String, today: CivilDate, dueBy: CivilDate, limit: Int = 200
  ) async throws
    -> [(followUp: FollowUp, reminded: Int, serviceCase: ServiceCase)]
  {
    try await sql.raw(
      """
      SELECT t.id, t.kind, t.case_number, t.due_date, t.done_ms, t.outcome, COALESCE(t.reminded, 0) AS reminded, c.body
      FROM case_tasks t JOIN cases c ON c.number = t.case_number
      WHERE t.county_code = \(bind: county) AND t.kind = \(bind: kind.rawValue)
        AND t.done_ms IS NULL AND t.due_date <= \(bind: dueBy.iso)
        AND (COALESCE(t.reminded, 0) = 0 OR (COALESCE(t.reminded, 0) < 2 AND t.due_date < \(bind: today.iso)))
      ORDER BY t.due_date, t.case_number LIMIT \(bind: limit)
      """
    ).all().map {
      (
        try Self.followUp($0), try $0.decode(column: "reminded", as: Int.self),
        try CaseRow.decode(try $0.decode(column: "body", as: String.self))
      )
    }
  }

  /// Marks `followUp` reminded at `level` and queues its reminder in the same transaction: to the applicant (容缺,
  /// no `recipients` given) or to each of `recipients` (a post-check: the department's reviewers, in the app and by
  /// text); nothing when another worker marked it first. Answers whether it queued.
  @discardableResult
  public func remind(
    _ followUp: FollowUp, level: Int, serviceCase: ServiceCase, recipients: [(phone: String, account: String)]? = nil,
    now: Date
  ) async throws -> Bool {
    var facts = [
      "item": serviceCase.item.name, "number": serviceCase.number, "level": String(level), "due": followUp.due.iso,
    ]
    let kind: NotificationKind
    switch followUp.kind {
    case .deficiency:
      kind = .materialsDue
      facts["materials"] = (serviceCase.deficiency?.materials ?? []).joined(separator: "、")
    case .postCheck:
      kind = .postCheckDue
      facts["applicant"] = serviceCase.applicant.name
    }
    let payload = CaseTrail.canonicalJSON(facts)
    let told: [(phone: String, account: String?)] =
      recipients?.map { ($0.phone, $0.account) } ?? [(serviceCase.applicant.phone, nil)]
    return try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        let marked = try await sql.raw(
          """
          UPDATE case_tasks SET reminded = \(bind: level)
          WHERE id = \(bind: UUID(uuidString: followUp.id)) AND done_ms IS NULL AND COALESCE(reminded, 0) < \(bind: level) RETURNING id
          """
        ).all()
        guard !marked.isEmpty else { return false }
        for (index, recipient) in told.enumerated() {
          try await sql.insert(into: "outbox")
            .columns("id", "case_number", "kind", "recipient", "payload", "created_ms", "county_code", "account")
            .values(
              [
                TimeOrderedID.make(at: now.addingTimeInterval(Double(index) / 1000)), serviceCase.number,
                kind.rawValue, recipient.phone, payload, millis(now),
                serviceCase.regionCode.county.value, recipient.account,
              ] as [any Encodable & Sendable]
            ).run()
        }
        return true
      }
    }
  }

  // MARK: parts

  private static func followUp(_ row: any SQLRow) throws -> FollowUp {
    let id = try row.decode(column: "id", as: UUID.self).uuidString.lowercased()
    let kind = try row.decode(column: "kind", as: String.self)
    let due = try row.decode(column: "due_date", as: String.self)
    return FollowUp(
      id: id, kind: FollowUp.Kind(rawValue: kind) ?? .deficiency,
      caseNumber: try row.decode(column: "case_number", as: String.self),
      due: CivilDate(iso: due) ?? CivilDate(dayNumber: 0),
      doneAt: try row.decode(column: "done_ms", as: Int64?.self).map { Date(timeIntervalSince1970: Double($0) / 1000) },
      outcome: try row.decode(column: "outcome", as: String?.self).flatMap(FollowUp.Outcome.init(rawValue:)))
  }

  /// What keeps a read inside a staff member's scope (nothing for a whole county's).
  private static func conditions(_ scope: Scope?, prefix: String) -> [SQLQueryString] {
    guard let scope else { return [] }
    var conditions: [SQLQueryString] = []
    if scope.regionCode.value.count > 6 {
      conditions.append("\(unsafeRaw: prefix)region_code LIKE \(bind: scope.regionCode.value + "%")")
    }
    if let site = scope.siteID { conditions.append("\(unsafeRaw: prefix)site_id = \(bind: site)") }
    if let department = scope.departmentID {
      conditions.append("\(unsafeRaw: prefix)department_id = \(bind: department)")
    }
    return conditions
  }
}
