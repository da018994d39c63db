import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 电子监察规则 hits: found by `RuleRunner` as the trail grows, one per rule and case, then settled by a supervisor.
public struct RuleHitRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) { self.db = db }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  /// Stores `hit` unless the rule already hit the case; answers whether it is new.
  @discardableResult
  public func record(_ hit: RuleHit, county: String) async throws -> Bool {
    try await WriteGate.serialize(db) {
      !(try await sql.raw(
        """
        INSERT INTO rule_hits (id, rule, case_number, department_id, site_id, state, found_ms, body, county_code)
        VALUES (\(bind: hit.id), \(bind: hit.rule.rawValue), \(bind: hit.caseNumber), \(bind: hit.departmentID),
          \(bind: hit.siteID), \(bind: hit.state.rawValue), \(bind: millis(hit.foundAt)), \(bind: try Self.encode(hit)),
          \(bind: county))
        ON CONFLICT (rule, case_number) DO NOTHING RETURNING id
        """
      ).all().isEmpty)
    }
  }

  public func find(_ id: String) async throws -> RuleHit? {
    try await sql.raw("SELECT body FROM rule_hits WHERE id = \(bind: id)").first().map(Self.decode)
  }

  /// The hits of `county` in `state` (all when nil), within `scope`, newest first.
  public func list(
    county: String, state: RuleHit.State?, rule: AnomalyRule?, scope: Scope?, limit: Int, offset: Int
  ) async throws -> (hits: [RuleHit], total: Int) {
    var conditions: [SQLQueryString] = ["county_code = \(bind: county)"]
    if let state { conditions.append("state = \(bind: state.rawValue)") }
    if let rule { conditions.append("rule = \(bind: rule.rawValue)") }
    if let site = scope?.siteID { conditions.append("site_id = \(bind: site)") }
    if let department = scope?.departmentID { conditions.append("department_id = \(bind: department)") }
    let clause = conditions.allOf
    let total =
      try await sql.raw("SELECT COUNT(*) AS n FROM rule_hits WHERE \(clause)").first()?.decode(
        column: "n", as: Int.self)
      ?? 0
    let rows = try await sql.raw(
      "SELECT body FROM rule_hits WHERE \(clause) ORDER BY found_ms DESC, id LIMIT \(bind: limit) OFFSET \(bind: offset)"
    ).all()
    return (try rows.map(Self.decode), total)
  }

  /// The hits on one case.
  public func hits(of caseNumber: String) async throws -> [RuleHit] {
    try await sql.raw("SELECT body FROM rule_hits WHERE case_number = \(bind: caseNumber) ORDER BY found_ms").all()
      .map(Self.decode)
  }

  /// Open hits per rule in `county`.
  public func openCounts(county: String) async throws -> [AnomalyRule: Int] {
    var counts: [AnomalyRule: Int] = [:]
    for row in try await sql.raw(
      "SELECT rule, COUNT(*) AS n FROM rule_hits WHERE county_code = \(bind: county) AND state = 'open' GROUP BY rule"
    ).all() {
      if let rule = AnomalyRule(rawValue: try row.decode(column: "rule", as: String.self)) {
        counts[rule] = try row.decode(column: "n", as: Int.self)
      }
    }
    return counts
  }

  /// Saves a settled hit (only over an open one: of two supervisors, the second is told).
  public func save(_ hit: RuleHit) async throws -> Bool {
    try await WriteGate.serialize(db) {
      !(try await sql.raw(
        """
        UPDATE rule_hits SET state = \(bind: hit.state.rawValue), body = \(bind: try Self.encode(hit))
        WHERE id = \(bind: hit.id) AND state = 'open' RETURNING id
        """
      ).all().isEmpty)
    }
  }

  static func encode(_ value: RuleHit) throws -> String { try StoredBody.encode(value) }

  static func decode(_ row: any SQLRow) throws -> RuleHit { try StoredBody.decode(RuleHit.self, row) }
}

/// Runs the anomaly rules over the cases whose trail grew since the last run: it reads new events in the order of
/// their time-ordered ids, a batch at a time, evaluates each touched case once per batch, records new hits, and
/// moves its cursor past the batch. Events younger than `settle` are left for the next run, so one whose transaction
/// commits a moment after a later one is not skipped. The first run on a database starts `firstLookBack` ago. Several
/// workers may run it: a hit is recorded once.
public struct RuleRunner: Sendable {
  let db: any Database
  let settings: AnomalySettings
  public static let cursorName = "anomaly_rules"

  public init(_ db: any Database, settings: AnomalySettings = AnomalySettings()) {
    self.db = db
    self.settings = settings
  }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  /// How far back the rules read the first time they run on a database (older trail is history, not supervision).
  public static let firstLookBack: TimeInterval = 90 * 86_400

  /// One batch; answers how many events it read and how many new hits it recorded.
  @discardableResult
  public func runBatch(
    now: Date, rule: @Sendable (String) async throws -> DeadlineRule, settle: TimeInterval = 30, limit: Int = 2_000
  ) async throws -> (events: Int, hits: Int) {
    let cursor = try await sql.raw(
      "SELECT last_event_id FROM supervision_cursors WHERE name = \(bind: Self.cursorName)"
    ).first().map { try $0.decode(column: "last_event_id", as: UUID.self) }
    let upTo = TimeOrderedID.lowest(at: now.addingTimeInterval(-settle))
    let from = cursor ?? TimeOrderedID.lowest(at: now.addingTimeInterval(-Self.firstLookBack))
    let rows = try await sql.raw(
      """
      SELECT id, case_number FROM case_events WHERE id > \(bind: from) AND id < \(bind: upTo)
      ORDER BY id LIMIT \(bind: limit)
      """
    ).all()
    guard let last = try rows.last?.decode(column: "id", as: UUID.self) else { return (0, 0) }
    var touched: [String] = []
    var seen: Set<String> = []
    for row in rows {
      let number = try row.decode(column: "case_number", as: String.self)
      if seen.insert(number).inserted { touched.append(number) }
    }
    let hits = RuleHitRepository(db)
    let siteHours = Dictionary(
      try await DirectoryRepository(db).sites().map { ($0.id, $0.openingHours) }, uniquingKeysWith: { a, _ in a })
    var recorded = 0
    var cases: [(ServiceCase, county: String, rule: DeadlineRule, trail: [CaseEvent])] = []
    for number in touched {
      guard
        let body = try await sql.raw("SELECT body, county_code FROM cases WHERE number = \(bind: number)").first()
      else { continue }
      let serviceCase = try CaseRow.decode(try body.decode(column: "body", as: String.self))
      let county = try body.decode(column: "county_code", as: String.self)
      let deadlineRule = try await rule(county)
      cases.append(
        (serviceCase, county, deadlineRule, try await CaseRepository(db, rule: deadlineRule).events(of: number)))
    }
    let duties = try await siteDuties(
      days: Set(
        cases.compactMap { c in c.trail.first(where: { $0.step == .create }).map { c.rule.civilDate(of: $0.at) } }),
      counties: Set(cases.map(\.county)))
    for (serviceCase, county, deadlineRule, trail) in cases {
      let number = serviceCase.number
      for anomaly in AnomalyRule.allCases where anomaly.readsTrail {
        guard
          let found = anomaly.hit(
            serviceCase, trail: trail, settings: settings, rule: deadlineRule, siteHours: siteHours, duties: duties)
        else {
          continue
        }
        let hit = RuleHit(
          id: TimeOrderedID.make(at: now).uuidString.lowercased(), rule: anomaly, caseNumber: number,
          departmentID: serviceCase.departmentID, siteID: serviceCase.siteID, evidence: found.evidence,
          note: found.note, foundAt: now)
        if try await hits.record(hit, county: county) { recorded += 1 }
      }
    }
    try await WriteGate.serialize(db) {
      try await sql.raw(
        """
        INSERT INTO supervision_cursors (name, last_event_id, updated_ms)
        VALUES (\(bind: Self.cursorName), \(bind: last), \(bind: millis(now)))
        ON CONFLICT (name) DO UPDATE SET last_event_id = excluded.last_event_id, updated_ms = excluded.updated_ms
        """
      ).run()
    }
    return (rows.count, recorded)
  }

  /// Who served where on `days`: the posts of the roster, the day's window sign-ins, and the stand-ins named by
  /// leaves for someone's posts.
  func siteDuties(days: Set<CivilDate>, counties: Set<String>) async throws -> SiteDuties {
    var duties = SiteDuties()
    guard let first = days.min() else { return duties }
    var siteOf: [String: String] = [:]
    for row in try await sql.raw("SELECT id, site_id FROM windows").all() {
      siteOf[try row.decode(column: "id", as: String.self)] = try row.decode(column: "site_id", as: String.self)
    }
    let posts = try await RosterRepository(db).assignments(from: first)
    var leaves: [StaffLeave] = []
    for county in counties { leaves += try await FloorRosterRepository(db).leaves(county: county, from: first) }
    for day in days {
      var postsOf: [String: Set<String>] = [:]
      for post in posts where post.covers(day) {
        guard let site = siteOf[post.windowID] else { continue }
        duties.add(post.staffID, at: site, on: day, posted: true)
        postsOf[post.staffID.uppercased(), default: []].insert(site)
      }
      for signIn in try await FloorRosterRepository(db).signIns(on: day) {
        guard let site = siteOf[signIn.windowID] else { continue }
        duties.add(signIn.staffID, at: site, on: day, posted: false)
      }
      for leave in leaves where leave.covers(day) {
        guard let standIn = leave.standInID else { continue }
        for site in postsOf[leave.staffID.uppercased()] ?? [] { duties.add(standIn, at: site, on: day, posted: false) }
      }
    }
    return duties
  }
}

/// The rules that look at open work rather than a trail (`AnomalyRule.readsTrail` false): paper stuck in transit,
/// rectifications past their deadline. The worker runs the scan; each hit is recorded once per rule and key.
public struct RuleScanner: Sendable {
  let db: any Database
  let settings: AnomalySettings

  public init(_ db: any Database, settings: AnomalySettings = AnomalySettings()) {
    self.db = db
    self.settings = settings
  }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  /// Records the hits due at `now`; answers how many are new.
  @discardableResult
  public func scan(now: Date) async throws -> Int {
    let hits = RuleHitRepository(db)
    var recorded = 0
    let sentBefore = now.addingTimeInterval(-Double(settings.shipmentStuckHours) * 3600)
    for shipment in try await ShipmentRepository(db).stuck(sentBefore: sentBefore, limit: 500) {
      let hours = Int(now.timeIntervalSince(shipment.sentAt ?? now) / 3600)
      for number in shipment.caseNumbers {
        guard
          let row = try await sql.raw(
            "SELECT department_id, site_id, county_code FROM cases WHERE number = \(bind: number)"
          ).first()
        else { continue }
        let hit = RuleHit(
          id: TimeOrderedID.make(at: now).uuidString.lowercased(), rule: .shipmentStuck, caseNumber: number,
          departmentID: try row.decode(column: "department_id", as: String.self),
          siteID: shipment.fromSiteID, evidence: [],
          note: "包裹寄出 \(hours) 小时未签收\(shipment.trackingNumber.isEmpty ? "" : "（单号 \(shipment.trackingNumber)）")",
          foundAt: now, subject: .shipment(shipment.id))
        if try await hits.record(hit, county: try row.decode(column: "county_code", as: String.self)) { recorded += 1 }
      }
    }
    for (entry, evaluation, county) in try await EvaluationRepository(db, rule: DeadlineRule(), policy: .standard)
      .overdueRectifications(
        now: now)
    {
      let hit = RuleHit(
        id: TimeOrderedID.make(at: now).uuidString.lowercased(), rule: .rectificationOverdue,
        caseNumber: evaluation.about.caseNumber ?? "rectification:\(entry.id)",
        departmentID: entry.assignment?.departmentID ?? evaluation.about.departmentID ?? "",
        siteID: evaluation.about.siteID ?? "", evidence: [],
        note: "「\(entry.state.name.zh)」已超过时限", foundAt: now, subject: .rectification(entry.id))
      if try await hits.record(hit, county: county) { recorded += 1 }
    }
    recorded += try await scanIntakeOutliers(now: now)
    return recorded
  }

  static let outliersCursor = "intake_outliers"

  /// 补正拒办异常, once a day (the first scan after the last run's day): each county's clerks' answers of the last 30
  /// days per item, from the trail's index (one aggregate), compared with their peers'. At most one hit per clerk and
  /// month (the key `staff:<id>:<month>`).
  func scanIntakeOutliers(now: Date, force: Bool = false) async throws -> Int {
    let dayMillis: Int64 = 86_400_000
    let lastRun = try await sql.raw(
      "SELECT updated_ms FROM supervision_cursors WHERE name = \(bind: Self.outliersCursor)"
    ).first().map { try $0.decode(column: "updated_ms", as: Int64.self) }
    guard force || lastRun.map({ $0 / dayMillis != millis(now) / dayMillis }) ?? true else { return 0 }
    try await WriteGate.serialize(db) {
      try await sql.raw(
        """
        INSERT INTO supervision_cursors (name, last_event_id, updated_ms)
        VALUES (\(bind: Self.outliersCursor), \(bind: TimeOrderedID.lowest(at: now)), \(bind: millis(now)))
        ON CONFLICT (name) DO UPDATE SET updated_ms = excluded.updated_ms
        """
      ).run()
    }
    let since = TimeOrderedID.lowest(at: now.addingTimeInterval(-30 * 86_400))
    var counts: [String: [String: [String: IntakeOutliers.Count]]] = [:]
    var names: [String: String] = [:]
    for row in try await sql.raw(
      """
      SELECT e.county_code, e.actor_id, MAX(e.actor_name) AS actor_name, c.item_code,
        COUNT(*) AS answered, CAST(SUM(CASE WHEN e.step = 'accept' THEN 0 ELSE 1 END) AS BIGINT) AS turned_back
      FROM case_events e JOIN cases c ON c.number = e.case_number
      WHERE e.id > \(bind: since) AND e.step IN ('accept', 'correction', 'refuse')
      GROUP BY e.county_code, e.actor_id, c.item_code
      """
    ).all() {
      let county = try row.decode(column: "county_code", as: String.self)
      let actor = try row.decode(column: "actor_id", as: String.self)
      names[actor] = try row.decode(column: "actor_name", as: String.self)
      counts[county, default: [:]][actor, default: [:]][try row.decode(column: "item_code", as: String.self)] =
        IntakeOutliers.Count(
          answered: try row.decode(column: "answered", as: Int.self),
          turnedBack: try row.decode(column: "turned_back", as: Int?.self) ?? 0)
    }
    let month = String(CivilDate(dayNumber: Int(millis(now) / dayMillis)).iso.prefix(7))
    let staff = StaffRepository(db)
    var recorded = 0
    for (county, byClerk) in counts {
      for finding in IntakeOutliers.find(byClerk, settings: settings) {
        let scope = try await staff.find(id: finding.staffID)?.identity.scope
        let share = { (part: Double, whole: Int) in String(format: "%.0f%%", part / Double(max(whole, 1)) * 100) }
        let hit = RuleHit(
          id: TimeOrderedID.make(at: now).uuidString.lowercased(), rule: .intakeOutlier,
          caseNumber: "staff:\(finding.staffID):\(month)", departmentID: scope?.departmentID ?? "",
          siteID: scope?.siteID ?? "", evidence: [],
          note: "\(names[finding.staffID] ?? finding.staffID) 近 30 天答复 \(finding.answered) 件，补正或不予受理 "
            + "\(finding.turnedBack) 件（\(share(Double(finding.turnedBack), finding.answered))）；按同事项其他人员比例应约 "
            + "\(String(format: "%.1f", finding.expected)) 件（\(share(finding.expected, finding.answered))）",
          foundAt: now, subject: .staff(finding.staffID))
        if try await hits.record(hit, county: county) { recorded += 1 }
      }
    }
    return recorded
  }

  private var hits: RuleHitRepository { RuleHitRepository(db) }
}
