import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 好差评 storage: ratings, the 差评整改 ledger and appeals. A negative rating and its ledger entry are written in one
/// transaction, so no negative rating is ever without its entry; a second rating of the same thing on the same
/// channel is refused by the `once_key` constraint, whichever of two racing posts comes second.
public struct EvaluationRepository: Sendable {
  let db: any Database
  let rule: DeadlineRule
  let policy: EvaluationPolicy

  public init(_ db: any Database, rule: DeadlineRule, policy: EvaluationPolicy) {
    self.db = db
    self.rule = rule
    self.policy = policy
  }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  public static let alreadyRated = ValidationError(
    field: "level", zh: "已评价过，谢谢您的评价", en: "This was already rated; thank you")

  /// Stores `evaluation` (and opens its ledger entry when negative); returns the entry. Already rated: an error on
  /// `level`.
  @discardableResult
  public func record(_ evaluation: Evaluation, county: String) async throws -> Rectification? {
    let body = String(decoding: try JSONEncoder().encode(evaluation), as: UTF8.self)
    let entry =
      evaluation.level.isNegative
      ? Rectification(
        id: TimeOrderedID.make(at: evaluation.at).uuidString.lowercased(), evaluation: evaluation, policy: policy,
        rule: rule) : nil
    return try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        let a = evaluation.about
        let inserted = try await sql.raw(
          """
          INSERT INTO evaluations (id, once_key, subject, channel, level, case_number, ticket_id, window_id, staff_id,
            department_id, item_code, site_id, region_code, real_name, follow_up_of, voided, at_ms, body, county_code)
          VALUES (\(bind: evaluation.id), \(bind: evaluation.onceKey), \(bind: evaluation.subject.rawValue),
            \(bind: evaluation.channel.rawValue), \(bind: evaluation.level.rawValue), \(bind: a.caseNumber),
            \(bind: a.ticketID), \(bind: a.windowID), \(bind: a.staffID), \(bind: a.departmentID), \(bind: a.itemCode),
            \(bind: a.siteID), \(bind: a.regionCode), \(bind: evaluation.rater.isRealName),
            \(bind: evaluation.followUpOf), \(bind: evaluation.voided), \(bind: millis(evaluation.at)), \(bind: body),
            \(bind: county))
          ON CONFLICT (once_key) DO NOTHING RETURNING id
          """
        ).all()
        guard !inserted.isEmpty else { throw Self.alreadyRated }
        if let entry { try await Self.insert(entry, county: county, sql) }
        return entry
      }
    }
  }

  private static func insert(_ entry: Rectification, county: String, _ sql: any SQLDatabase) async throws {
    try await sql.raw(
      """
      INSERT INTO rectifications (id, evaluation_id, state, department_id, assignee_id, due_ms, opened_ms, closed_ms,
        body, county_code)
      VALUES (\(bind: entry.id), \(bind: entry.evaluationID), \(bind: entry.state.rawValue),
        \(bind: entry.assignment?.departmentID), \(bind: entry.assignment?.staffID), \(bind: entry.currentDue.map(millis)),
        \(bind: millis(entry.openedAt)), \(bind: entry.closedAt.map(millis)), \(bind: try encode(entry)),
        \(bind: county))
      """
    ).run()
  }

  private static func encode<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
  }

  private static func decode<T: Decodable>(_ type: T.Type, _ row: any SQLRow, _ column: String = "body") throws -> T {
    try JSONDecoder().decode(type, from: Data(try row.decode(column: column, as: String.self).utf8))
  }

  // MARK: Ratings

  public func evaluation(id: String) async throws -> Evaluation? {
    try await sql.raw("SELECT body FROM evaluations WHERE id = \(bind: id)").first().map {
      try Self.decode(Evaluation.self, $0)
    }
  }

  /// A case's ratings, oldest first.
  public func evaluations(caseNumber: String) async throws -> [Evaluation] {
    try await sql.raw("SELECT body FROM evaluations WHERE case_number = \(bind: caseNumber) ORDER BY at_ms, id")
      .all().map { try Self.decode(Evaluation.self, $0) }
  }

  /// Whether the ticket's service was rated (the pad asks once).
  public func rated(ticket: String) async throws -> Bool {
    try await sql.raw("SELECT id FROM evaluations WHERE once_key = \(bind: "service:\(ticket)")").first() != nil
  }

  /// The latest ratings of a county (or of a department or a site in it), with their ledger entries.
  public func recent(
    county: String, departmentID: String? = nil, siteID: String? = nil, staffID: String? = nil, limit: Int = 50
  ) async throws -> [(Evaluation, Rectification?)] {
    var query = SQLQueryString(
      "SELECT e.body AS body, r.body AS entry FROM evaluations e LEFT JOIN rectifications r ON r.evaluation_id = e.id")
    query.appendInterpolation(raw: " WHERE e.county_code = ")
    query.appendInterpolation(bind: county)
    if let departmentID {
      query.appendInterpolation(raw: " AND e.department_id = ")
      query.appendInterpolation(bind: departmentID)
    }
    if let siteID {
      query.appendInterpolation(raw: " AND e.site_id = ")
      query.appendInterpolation(bind: siteID)
    }
    if let staffID {
      query.appendInterpolation(raw: " AND e.staff_id = ")
      query.appendInterpolation(bind: staffID)
    }
    query.appendInterpolation(raw: " ORDER BY e.at_ms DESC, e.id DESC LIMIT ")
    query.appendInterpolation(bind: limit)
    return try await sql.raw(query).all().map { row in
      (
        try Self.decode(Evaluation.self, row),
        try row.decode(column: "entry", as: String?.self).map {
          try JSONDecoder().decode(Rectification.self, from: Data($0.utf8))
        }
      )
    }
  }

  // MARK: The ledger

  public func rectification(id: String) async throws -> (Rectification, Evaluation)? {
    try await sql.raw(
      """
      SELECT r.body AS entry, e.body AS body FROM rectifications r JOIN evaluations e ON e.id = r.evaluation_id
      WHERE r.id = \(bind: id)
      """
    ).first().map { (try Self.decode(Rectification.self, $0, "entry"), try Self.decode(Evaluation.self, $0)) }
  }

  public func rectification(evaluationID: String) async throws -> Rectification? {
    try await sql.raw("SELECT body FROM rectifications WHERE evaluation_id = \(bind: evaluationID)").first().map {
      try Self.decode(Rectification.self, $0)
    }
  }

  /// The open entries of a county, soonest due first (the service team's list), or those assigned to one person.
  public func open(county: String, assignee: String? = nil, limit: Int = 500) async throws -> [(
    Rectification, Evaluation
  )] {
    var query = SQLQueryString(
      """
      SELECT r.body AS entry, e.body AS body FROM rectifications r JOIN evaluations e ON e.id = r.evaluation_id
      WHERE r.county_code = 
      """)
    query.appendInterpolation(bind: county)
    query.appendInterpolation(raw: " AND r.state IN ('call_back', 'assign', 'fix', 'feedback')")
    if let assignee {
      query.appendInterpolation(raw: " AND r.state = 'fix' AND r.assignee_id = ")
      query.appendInterpolation(bind: assignee)
    }
    query.appendInterpolation(raw: " ORDER BY r.due_ms, r.opened_ms LIMIT ")
    query.appendInterpolation(bind: limit)
    return try await sql.raw(query).all().map {
      (try Self.decode(Rectification.self, $0, "entry"), try Self.decode(Evaluation.self, $0))
    }
  }

  /// Takes a step on an entry; two people acting on the same entry at once: the second is told it moved on.
  @discardableResult
  public func apply(_ action: Rectification.Action, to id: String, by actor: StaffIdentity, now: Date) async throws
    -> Rectification
  {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        guard let row = try await sql.raw("SELECT body FROM rectifications WHERE id = \(bind: id)").first() else {
          throw ValidationError(field: "id", zh: "没有这条整改记录", en: "No such rectification")
        }
        let before = try Self.decode(Rectification.self, row)
        var entry = before
        try entry.apply(action, by: actor, at: now)
        try await Self.update(entry, from: before.state, sql)
        return entry
      }
    }
  }

  private static func update(_ entry: Rectification, from state: Rectification.State, _ sql: any SQLDatabase)
    async throws
  {
    let rows = try await sql.raw(
      """
      UPDATE rectifications SET alerted = CASE WHEN state = \(bind: entry.state.rawValue) THEN alerted ELSE NULL END,
        state = \(bind: entry.state.rawValue),
        department_id = \(bind: entry.assignment?.departmentID), assignee_id = \(bind: entry.assignment?.staffID),
        due_ms = \(bind: entry.currentDue.map(millis)), closed_ms = \(bind: entry.closedAt.map(millis)),
        body = \(bind: try encode(entry))
      WHERE id = \(bind: entry.id) AND state = \(bind: state.rawValue)
      RETURNING id
      """
    ).all()
    guard !rows.isEmpty else {
      throw ValidationError(
        field: "action", zh: "这条整改刚被他人办理过，请刷新后再看", en: "Someone else just acted on it; reload and look again")
    }
  }

  // MARK: 整改到期提醒

  /// Open entries of a county whose step falls due by `until` and whose people were not yet told of the red light,
  /// with the level they were told of (0 none, 1 yellow).
  public func alertCandidates(county: String, until: Date, limit: Int = 500) async throws -> [(
    entry: Rectification, evaluation: Evaluation, alerted: Int
  )] {
    try await sql.raw(
      """
      SELECT r.body AS entry, e.body AS body, r.alerted AS alerted FROM rectifications r
      JOIN evaluations e ON e.id = r.evaluation_id
      WHERE r.county_code = \(bind: county) AND r.state IN ('call_back', 'assign', 'fix', 'feedback')
        AND r.due_ms <= \(bind: millis(until)) AND COALESCE(r.alerted, 0) < 2
      ORDER BY r.due_ms LIMIT \(bind: limit)
      """
    ).all().map {
      (
        try Self.decode(Rectification.self, $0, "entry"), try Self.decode(Evaluation.self, $0),
        try $0.decode(column: "alerted", as: Int?.self) ?? 0
      )
    }
  }

  /// Open entries whose current step was due before `now` (电子监察's 差评整改逾期), with their county, oldest due first.
  public func overdueRectifications(now: Date, limit: Int = 500) async throws -> [(
    entry: Rectification, evaluation: Evaluation, county: String
  )] {
    try await sql.raw(
      """
      SELECT r.body AS entry, e.body AS body, r.county_code AS county FROM rectifications r
      JOIN evaluations e ON e.id = r.evaluation_id
      WHERE r.state IN ('call_back', 'assign', 'fix', 'feedback') AND r.due_ms < \(bind: millis(now))
      ORDER BY r.due_ms LIMIT \(bind: limit)
      """
    ).all().map {
      (
        try Self.decode(Rectification.self, $0, "entry"), try Self.decode(Evaluation.self, $0),
        try $0.decode(column: "county", as: String.self)
      )
    }
  }

  /// Marks `entry` told of `level` and queues the notices to `recipients` (phone, in-app account) in the same
  /// transaction; nothing when another worker marked it first or the entry moved on to another step. Answers
  /// whether it queued.
  @discardableResult
  public func alert(
    _ entry: Rectification, level: Int, recipients: [(phone: String, account: String)], facts: [String: String],
    caseNumber: String, county: String, now: Date
  ) async throws -> Bool {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        let marked = try await sql.raw(
          """
          UPDATE rectifications SET alerted = \(bind: level)
          WHERE id = \(bind: entry.id) AND state = \(bind: entry.state.rawValue) AND COALESCE(alerted, 0) < \(bind: level)
          RETURNING id
          """
        ).all()
        guard !marked.isEmpty else { return false }
        for (index, recipient) in recipients.enumerated() {
          try await sql.insert(into: "outbox")
            .columns("id", "case_number", "kind", "recipient", "payload", "created_ms", "county_code", "account")
            .values(
              [
                TimeOrderedID.make(at: now.addingTimeInterval(Double(index) / 1000)), caseNumber,
                NotificationKind.rectificationDue.rawValue, recipient.phone, CaseTrail.canonicalJSON(facts),
                millis(now), county, recipient.account,
              ] as [any Encodable & Sendable]
            ).run()
        }
        return true
      }
    }
  }

  // MARK: Appeals

  /// Files an appeal; a rating is appealed once.
  public func file(_ appeal: EvaluationAppeal, county: String) async throws {
    try await WriteGate.serialize(db) {
      let rows = try await sql.raw(
        """
        INSERT INTO evaluation_appeals (id, evaluation_id, state, filed_by, filed_ms, body, county_code)
        VALUES (\(bind: appeal.id), \(bind: appeal.evaluationID), \(bind: appeal.state.rawValue),
          \(bind: appeal.filedBy), \(bind: millis(appeal.filedAt)), \(bind: try Self.encode(appeal)), \(bind: county))
        ON CONFLICT (evaluation_id) DO NOTHING RETURNING id
        """
      ).all()
      guard !rows.isEmpty else {
        throw ValidationError(field: "evaluation", zh: "该评价已申诉过", en: "This rating was already appealed")
      }
    }
  }

  public func appeal(id: String) async throws -> (EvaluationAppeal, Evaluation)? {
    try await sql.raw(
      """
      SELECT a.body AS appeal, e.body AS body FROM evaluation_appeals a JOIN evaluations e ON e.id = a.evaluation_id
      WHERE a.id = \(bind: id)
      """
    ).first().map { (try Self.decode(EvaluationAppeal.self, $0, "appeal"), try Self.decode(Evaluation.self, $0)) }
  }

  public func appeal(evaluationID: String) async throws -> EvaluationAppeal? {
    try await sql.raw("SELECT body FROM evaluation_appeals WHERE evaluation_id = \(bind: evaluationID)").first().map {
      try Self.decode(EvaluationAppeal.self, $0)
    }
  }

  /// A county's appeals, those waiting first, then the latest decided.
  public func appeals(county: String, limit: Int = 200) async throws -> [(EvaluationAppeal, Evaluation)] {
    try await sql.raw(
      """
      SELECT a.body AS appeal, e.body AS body FROM evaluation_appeals a JOIN evaluations e ON e.id = a.evaluation_id
      WHERE a.county_code = \(bind: county)
      ORDER BY CASE WHEN a.state = 'pending' THEN 0 ELSE 1 END, a.filed_ms DESC LIMIT \(bind: limit)
      """
    ).all().map { (try Self.decode(EvaluationAppeal.self, $0, "appeal"), try Self.decode(Evaluation.self, $0)) }
  }

  /// Decides an appeal; voiding it voids the rating and closes its ledger entry, in the same transaction.
  @discardableResult
  public func decide(appeal id: String, void: Bool, reason: String, by actor: StaffIdentity, now: Date) async throws
    -> EvaluationAppeal
  {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        guard let row = try await sql.raw("SELECT body FROM evaluation_appeals WHERE id = \(bind: id)").first() else {
          throw ValidationError(field: "id", zh: "没有这条申诉", en: "No such appeal")
        }
        var appeal = try Self.decode(EvaluationAppeal.self, row)
        try appeal.decide(void: void, reason: reason, by: actor, at: now)
        let moved = try await sql.raw(
          """
          UPDATE evaluation_appeals SET state = \(bind: appeal.state.rawValue), body = \(bind: try Self.encode(appeal))
          WHERE id = \(bind: id) AND state = 'pending' RETURNING id
          """
        ).all()
        guard !moved.isEmpty else {
          throw ValidationError(field: "action", zh: "本申诉已复核", en: "This appeal was already decided")
        }
        guard void else { return appeal }
        guard
          let ratingRow = try await sql.raw(
            "SELECT body FROM evaluations WHERE id = \(bind: appeal.evaluationID)"
          ).first()
        else { return appeal }
        var evaluation = try Self.decode(Evaluation.self, ratingRow)
        evaluation.voided = true
        try await sql.raw(
          """
          UPDATE evaluations SET voided = \(bind: true), body = \(bind: try Self.encode(evaluation))
          WHERE id = \(bind: evaluation.id)
          """
        ).run()
        if let entryRow = try await sql.raw(
          "SELECT body FROM rectifications WHERE evaluation_id = \(bind: evaluation.id)"
        ).first() {
          let before = try Self.decode(Rectification.self, entryRow)
          var entry = before
          try entry.apply(.void(reason: reason), by: actor, at: now)
          try await Self.update(entry, from: before.state, sql)
        }
        return appeal
      }
    }
  }

  // MARK: Figures

  /// The satisfaction figures of a county per `grouping` (the key: staff, window, department or site id, item code),
  /// over ratings made in [from, to). Cases concluded in that span and left unrated for the county's number of days
  /// count at its default level, for the groupings a case names (department, site, item); a follow-up rating
  /// replaces the one it follows; voided ratings are left out.
  public func figures(
    by grouping: SatisfactionGrouping, county: String, from: Date, to: Date, now: Date
  ) async throws -> [String: SatisfactionFigures] {
    let column: String =
      switch grouping {
      case .staff: "staff_id"
      case .window: "window_id"
      case .department: "department_id"
      case .site: "site_id"
      case .item: "item_code"
      }
    var figures: [String: SatisfactionFigures] = [:]
    for row in try await sql.raw(
      """
      SELECT e.\(unsafeRaw: column) AS k, e.level AS level, COUNT(*) AS n FROM evaluations e
      WHERE e.county_code = \(bind: county) AND e.voided = \(bind: false)
        AND e.at_ms >= \(bind: millis(from)) AND e.at_ms < \(bind: millis(to)) AND e.\(unsafeRaw: column) IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM evaluations f WHERE f.follow_up_of = e.id)
      GROUP BY e.\(unsafeRaw: column), e.level
      """
    ).all() {
      let key = try row.decode(column: "k", as: String.self)
      figures[key, default: SatisfactionFigures()].levels[try row.decode(column: "level", as: Int.self), default: 0] +=
        try row.decode(column: "n", as: Int.self)
    }
    for row in try await sql.raw(
      """
      SELECT e.\(unsafeRaw: column) AS k, e.real_name AS real_name, r.body AS body FROM rectifications r
      JOIN evaluations e ON e.id = r.evaluation_id
      WHERE e.county_code = \(bind: county) AND e.voided = \(bind: false)
        AND e.at_ms >= \(bind: millis(from)) AND e.at_ms < \(bind: millis(to)) AND e.\(unsafeRaw: column) IS NOT NULL
      """
    ).all() {
      let key = try row.decode(column: "k", as: String.self)
      let entry = try Self.decode(Rectification.self, row)
      let realName = try row.decode(column: "real_name", as: Bool.self)
      var f = figures[key, default: SatisfactionFigures()]
      f.negatives += 1
      if entry.state == .closed || entry.state == .explained {
        f.rectified += 1
        if entry.closedOnTime { f.rectifiedOnTime += 1 }
      }
      if realName {
        f.realNameNegatives += 1
        if entry.callBack?.reached == true { f.calledBack += 1 }
      }
      figures[key] = f
    }
    if [.department, .site, .item].contains(grouping) {
      let cutoff = now.addingTimeInterval(-Double(policy.defaultAfterDays) * 86_400)
      for row in try await sql.raw(
        """
        SELECT c.\(unsafeRaw: column) AS k, COUNT(*) AS n FROM cases c
        WHERE c.county_code = \(bind: county) AND c.state = 'concluded'
          AND c.concluded_ms >= \(bind: millis(from)) AND c.concluded_ms < \(bind: millis(min(to, cutoff)))
          AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.case_number = c.number AND e.subject = 'case')
        GROUP BY c.\(unsafeRaw: column)
        """
      ).all() {
        let key = try row.decode(column: "k", as: String.self)
        let n = try row.decode(column: "n", as: Int.self)
        figures[key, default: SatisfactionFigures()].levels[policy.defaultLevel.rawValue, default: 0] += n
        figures[key, default: SatisfactionFigures()].defaulted += n
      }
    }
    return figures
  }
}
