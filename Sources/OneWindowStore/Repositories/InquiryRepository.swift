import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 诉求 and their trails. An inquiry is kept whole with the columns its lists read; each step is saved over the version
/// it was made from together with its trail event, its notices and (for a 12345 order) the report owed to the
/// platform, in one transaction — so what the trail says happened, happened, and the people were told.
public struct InquiryRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) { self.db = db }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  public static let conflict = ValidationError(
    field: "version", zh: "该诉求刚被他人处理过，请刷新后再办理", en: "Someone else acted on this inquiry; reload it")

  /// A notice to queue with a step: its kind, the phone texted (may be empty) and the in-app account (may be nil).
  public struct Notice: Sendable {
    public let kind: NotificationKind
    public let phone: String
    public let account: String?
    public let facts: [String: String]

    public init(kind: NotificationKind, phone: String, account: String?, facts: [String: String]) {
      self.kind = kind
      self.phone = phone
      self.account = account
      self.facts = facts
    }
  }

  /// Who took a step, as the trail names them.
  public struct Actor: Sendable {
    public let id: String
    public let name: String

    public init(id: String, name: String) {
      self.id = id
      self.name = name
    }
  }

  /// Files a new inquiry: `make` builds it around the number given (county, kind letters, the day, a serial); the
  /// first trail event, the notices and, for a 12345 order, nothing owed yet. The caller looks an order up first; one
  /// filed meanwhile by another request (the unique order index refuses the second) is answered instead of a second
  /// inquiry (`existing` true).
  public func file(
    county: String, kind: InquiryKind, day: CivilDate, externalOrderID: String? = nil, by actor: Actor,
    notices: @escaping @Sendable (Inquiry) -> [Notice] = { _ in [] }, due: @escaping @Sendable (Inquiry) -> Date?,
    make: @escaping @Sendable (String) throws -> Inquiry
  ) async throws -> (inquiry: Inquiry, existing: Bool) {
    let prefix = county + kind.prefix + day.iso.replacingOccurrences(of: "-", with: "")
    var attempt = 0
    while true {
      attempt += 1
      do {
        let inquiry: Inquiry = try await WriteGate.serialize(db) {
          try await db.transaction { db in
            let sql = db as! any SQLDatabase
            let last =
              try await sql.raw(
                "SELECT MAX(number) AS n FROM inquiries WHERE number LIKE \(bind: prefix + "%")"
              ).first()?.decode(column: "n", as: String?.self) ?? nil
            let serial = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
            let inquiry = try make(prefix + String(format: "%04d", serial))
            try await sql.raw(
              """
              INSERT INTO inquiries (id, number, kind, source, state, department_id, county_code, filed_ms, due_ms,
                external_id, citizen_id, item_code, case_number, published, alert_level, reopened, request_done,
                version, body)
              VALUES (\(bind: inquiry.id), \(bind: inquiry.number), \(bind: inquiry.kind.rawValue),
                \(bind: inquiry.source.rawValue), \(bind: inquiry.state.rawValue), \(bind: inquiry.departmentID),
                \(bind: county), \(bind: millis(inquiry.filedAt)), \(bind: due(inquiry).map(millis)),
                \(bind: inquiry.externalOrderID), \(bind: inquiry.inquirer.citizenID), \(bind: inquiry.about.itemCode),
                \(bind: inquiry.about.caseNumber), \(bind: false), 0, 0, 0, 1, \(bind: try StoredBody.encode(inquiry)))
              """
            ).run()
            let event = InquiryEvent.next(
              afterSequence: 0, previousHash: CaseEvent.genesisHash, number: inquiry.number,
              step: InquiryStep(
                .file,
                [
                  "kind": inquiry.kind.rawValue, "source": inquiry.source.rawValue,
                  "order_id": inquiry.externalOrderID ?? "",
                ]), from: nil, to: inquiry.state, actorID: actor.id, actorName: actor.name, at: inquiry.filedAt)
            try await Self.append(event, sql)
            try await Self.queue(notices(inquiry), number: inquiry.number, county: county, now: inquiry.filedAt, sql)
            return inquiry
          }
        }
        return (inquiry, false)
      } catch {
        // Two filings of one day raced for a serial, or two pushes of one 12345 order: the loser looks again.
        if let externalOrderID, let found = try await find(county: county, orderID: externalOrderID) {
          return (found.inquiry, true)
        }
        if attempt >= 5 || error is ValidationErrors || error is ValidationError { throw error }
      }
    }
  }

  /// Saves `inquiry` over `version` with the trail event of `step` (taken from state `from`), its notices and, for a
  /// 12345 order, the report owed to the platform; throws `conflict` when someone saved first. A new clock (`due`
  /// moved) is warned about afresh.
  public func save(
    _ inquiry: Inquiry, over version: Int, step: InquiryStep, from: Inquiry.State, by actor: Actor, at now: Date,
    due: Date?, county: String, notices: [Notice] = [], newClock: Bool = true
  ) async throws {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        let saved = try await sql.raw(
          """
          UPDATE inquiries SET state = \(bind: inquiry.state.rawValue), department_id = \(bind: inquiry.departmentID),
            due_ms = \(bind: due.map(millis)), published = \(bind: inquiry.publication != nil),
            alert_level = \(unsafeRaw: newClock ? "0" : "alert_level"),
            on_time = \(bind: inquiry.answeredOnTime.map { $0 ? 1 : 0 }), rating = \(bind: inquiry.rating?.rawValue),
            reopened = \(bind: inquiry.reopened ? 1 : 0),
            request_done = \(bind: inquiry.publication.map { $0.outcome.isEmpty ? 0 : 1 } ?? 0),
            version = \(bind: version + 1), body = \(bind: try StoredBody.encode(inquiry))
          WHERE id = \(bind: inquiry.id) AND version = \(bind: version) RETURNING id
          """
        ).all()
        guard !saved.isEmpty else { throw Self.conflict }
        let head = try await sql.raw(
          """
          SELECT sequence, hash FROM inquiry_events WHERE number = \(bind: inquiry.number)
          ORDER BY sequence DESC LIMIT 1
          """
        ).first()
        let event = InquiryEvent.next(
          afterSequence: try head?.decode(column: "sequence", as: Int.self) ?? 0,
          previousHash: try head?.decode(column: "hash", as: String.self) ?? CaseEvent.genesisHash,
          number: inquiry.number, step: step, from: from, to: inquiry.state, actorID: actor.id, actorName: actor.name,
          at: now)
        try await Self.append(event, sql)
        try await Self.queue(notices, number: inquiry.number, county: county, now: now, sql)
        if let order = inquiry.externalOrderID, step.kind != .supervise {
          try await sql.insert(into: "hotline_reports")
            .columns("id", "inquiry_number", "order_id", "payload", "created_ms", "next_ms", "attempts")
            .values(
              [
                TimeOrderedID.make(at: now), inquiry.number, order,
                CaseTrail.canonicalJSON(HotlineReport.facts(of: inquiry, step: step)), millis(now), millis(now), 0,
              ] as [any Encodable & Sendable]
            ).run()
        }
      }
    }
  }

  private static func append(_ event: InquiryEvent, _ sql: any SQLDatabase) async throws {
    try await sql.raw(
      """
      INSERT INTO inquiry_events (number, sequence, step, from_state, to_state, actor_id, actor_name, at_ms, payload,
        previous_hash, hash)
      VALUES (\(bind: event.number), \(bind: event.sequence), \(bind: event.step.rawValue),
        \(bind: event.fromState?.rawValue), \(bind: event.toState.rawValue), \(bind: event.actorID),
        \(bind: event.actorName), \(bind: event.atMillis), \(bind: event.payload), \(bind: event.previousHash),
        \(bind: event.hash))
      """
    ).run()
  }

  private static func queue(
    _ notices: [Notice], number: String, county: String, now: Date, _ sql: any SQLDatabase
  ) async throws {
    for notice in notices where !notice.phone.isEmpty || notice.account != nil {
      try await sql.insert(into: "outbox")
        .columns("id", "case_number", "kind", "recipient", "payload", "created_ms", "county_code", "account")
        .values(
          [
            TimeOrderedID.make(at: now), number, notice.kind.rawValue, notice.phone,
            CaseTrail.canonicalJSON(notice.facts), millis(now), county, notice.account,
          ] as [any Encodable & Sendable]
        ).run()
    }
  }

  // MARK: Warnings

  /// Open inquiries whose step is due before `until` and not told yet, or told yellow and now past due, with the
  /// level last told (one told yellow is not read again until it can turn red).
  public func alertCandidates(county: String, now: Date, until: Date, limit: Int = 500) async throws
    -> [(stored: Stored, alerted: Int)]
  {
    try await sql.raw(
      """
      SELECT body, version, county_code, alert_level FROM inquiries
      WHERE county_code = \(bind: county) AND state IN ('received', 'assigned', 'handling')
        AND due_ms < \(bind: millis(until))
        AND (alert_level = 0 OR (alert_level = 1 AND due_ms < \(bind: millis(now))))
      ORDER BY due_ms LIMIT \(bind: limit)
      """
    ).all().map { (try Self.stored($0), try $0.decode(column: "alert_level", as: Int.self)) }
  }

  /// Records that `level` was told for the inquiry's current clock and queues the notices, once: of two workers only
  /// the first raises the level (answers false for the second).
  public func alert(_ inquiry: Inquiry, level: Int, notices: [Notice], county: String, now: Date) async throws -> Bool {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        let raised = try await sql.raw(
          """
          UPDATE inquiries SET alert_level = \(bind: level) WHERE id = \(bind: inquiry.id) AND alert_level < \(bind: level)
          RETURNING id
          """
        ).all()
        guard !raised.isEmpty else { return false }
        try await Self.queue(notices, number: inquiry.number, county: county, now: now, sql)
        return true
      }
    }
  }

  // MARK: Reading

  public struct Stored: Sendable {
    public let inquiry: Inquiry
    public let version: Int
    public let county: String
  }

  public func find(number: String) async throws -> Stored? {
    try await sql.raw(
      "SELECT body, version, county_code FROM inquiries WHERE number = \(bind: number)"
    ).first().map(Self.stored)
  }

  /// The inquiry a 12345 work order made.
  public func find(county: String, orderID: String) async throws -> Stored? {
    try await sql.raw(
      """
      SELECT body, version, county_code FROM inquiries
      WHERE county_code = \(bind: county) AND external_id = \(bind: orderID)
      """
    ).first().map(Self.stored)
  }

  static func stored(_ row: any SQLRow) throws -> Stored {
    Stored(
      inquiry: try StoredBody.decode(Inquiry.self, row), version: try row.decode(column: "version", as: Int.self),
      county: try row.decode(column: "county_code", as: String.self))
  }

  public func events(of number: String) async throws -> [InquiryEvent] {
    try await sql.raw(
      """
      SELECT number, sequence, step, from_state, to_state, actor_id, actor_name, at_ms, payload, previous_hash, hash
      FROM inquiry_events WHERE number = \(bind: number) ORDER BY sequence
      """
    ).all().map(Self.event)
  }

  static func event(_ row: any SQLRow) throws -> InquiryEvent {
    let step = try row.decode(column: "step", as: String.self)
    let to = try row.decode(column: "to_state", as: String.self)
    return InquiryEvent(
      number: try row.decode(column: "number", as: String.self),
      sequence: try row.decode(column: "sequence", as: Int.self),
      step: InquiryStep.Kind(rawValue: step) ?? .file,
      fromState: try row.decode(column: "from_state", as: String?.self).flatMap(Inquiry.State.init(rawValue:)),
      toState: Inquiry.State(rawValue: to) ?? .received,
      actorID: try row.decode(column: "actor_id", as: String.self),
      actorName: try row.decode(column: "actor_name", as: String.self),
      atMillis: try row.decode(column: "at_ms", as: Int64.self),
      payload: try row.decode(column: "payload", as: String.self),
      previousHash: try row.decode(column: "previous_hash", as: String.self),
      hash: try row.decode(column: "hash", as: String.self))
  }

  /// What a list shows: all, the open ones, those past the step's due moment, or the closed ones.
  public enum Show: String, Sendable, CaseIterable {
    case open, overdue, answered, closed, all
  }

  /// Inquiries of `county` (of one department when given), soonest due first.
  public func list(
    county: String, departmentID: String?, show: Show, kind: InquiryKind?, now: Date, limit: Int, offset: Int
  ) async throws -> (inquiries: [Inquiry], total: Int) {
    var conditions: [SQLQueryString] = ["county_code = \(bind: county)"]
    if let departmentID { conditions.append("department_id = \(bind: departmentID)") }
    if let kind { conditions.append("kind = \(bind: kind.rawValue)") }
    switch show {
    case .open: conditions.append("state IN ('received', 'assigned', 'handling')")
    case .overdue: conditions.append("state IN ('received', 'assigned', 'handling') AND due_ms < \(bind: millis(now))")
    case .answered: conditions.append("state = 'answered'")
    case .closed: conditions.append("state = 'closed'")
    case .all: break
    }
    let clause = conditions.allOf
    let total =
      try await sql.raw("SELECT COUNT(*) AS n FROM inquiries WHERE \(clause)").first()?
      .decode(column: "n", as: Int.self) ?? 0
    let rows = try await sql.raw(
      """
      SELECT body FROM inquiries WHERE \(clause)
      ORDER BY CASE WHEN due_ms IS NULL THEN 1 ELSE 0 END, due_ms, filed_ms DESC
      LIMIT \(bind: limit) OFFSET \(bind: offset)
      """
    ).all()
    return (try rows.map { try StoredBody.decode(Inquiry.self, $0) }, total)
  }

  /// A portal account's own inquiries, newest first.
  public func mine(citizenID: String, limit: Int = 100) async throws -> [Inquiry] {
    try await sql.raw(
      """
      SELECT body FROM inquiries WHERE citizen_id = \(bind: citizenID) ORDER BY filed_ms DESC LIMIT \(bind: limit)
      """
    ).all().map { try StoredBody.decode(Inquiry.self, $0) }
  }

  /// 群众点菜 the center has answered in public, newest first.
  public func publishedRequests(county: String, limit: Int = 200) async throws -> [Inquiry] {
    try await sql.raw(
      """
      SELECT body FROM inquiries WHERE county_code = \(bind: county) AND published = \(bind: true)
        AND kind = 'request' ORDER BY filed_ms DESC LIMIT \(bind: limit)
      """
    ).all().map { try StoredBody.decode(Inquiry.self, $0) }
  }

  /// Counts of a county's inquiries filed in [from, to): by kind, the answered ones, those answered in time, the
  /// ratings, the reopened, the requests published and done — one aggregate over the period's index. (PostgreSQL sums
  /// bigints as numeric: each sum is cast back.)
  public func figures(county: String, from: Date, to: Date) async throws -> InquiryFigures {
    var figures = InquiryFigures()
    for row in try await sql.raw(
      """
      SELECT kind, COUNT(*) AS filed,
        CAST(SUM(CASE WHEN on_time IS NULL THEN 0 ELSE 1 END) AS BIGINT) AS answered, CAST(SUM(COALESCE(on_time, 0)) AS BIGINT) AS on_time,
        CAST(SUM(CASE WHEN rating IS NULL THEN 0 ELSE 1 END) AS BIGINT) AS rated,
        CAST(SUM(CASE WHEN rating IN ('satisfied', 'fairly_satisfied') THEN 1 ELSE 0 END) AS BIGINT) AS satisfied,
        CAST(SUM(reopened) AS BIGINT) AS reopened, CAST(SUM(CASE WHEN published = \(bind: true) THEN 1 ELSE 0 END) AS BIGINT) AS published,
        CAST(SUM(request_done) AS BIGINT) AS done
      FROM inquiries WHERE county_code = \(bind: county) AND filed_ms >= \(bind: millis(from))
        AND filed_ms < \(bind: millis(to))
      GROUP BY kind
      """
    ).all() {
      func count(_ column: String) throws -> Int { try row.decode(column: column, as: Int?.self) ?? 0 }
      if let kind = InquiryKind(rawValue: try row.decode(column: "kind", as: String.self)) {
        figures.filed[kind] = try count("filed")
      }
      figures.answered += try count("answered")
      figures.answeredOnTime += try count("on_time")
      figures.rated += try count("rated")
      figures.satisfied += try count("satisfied")
      figures.reopened += try count("reopened")
      figures.requestsPublished += try count("published")
      figures.requestsDone += try count("done")
    }
    return figures
  }

  /// Checks every inquiry's trail; the first broken event of each broken one.
  public func verifyTrails(pageSize: Int = 500, progress: @Sendable (Int) -> Void = { _ in }) async throws
    -> (checked: Int, breaks: [CaseTrail.Break])
  {
    var checked = 0
    var breaks: [CaseTrail.Break] = []
    var after = ""
    while true {
      let numbers = try await sql.raw(
        "SELECT number FROM inquiries WHERE number > \(bind: after) ORDER BY number LIMIT \(bind: pageSize)"
      ).all().map { try $0.decode(column: "number", as: String.self) }
      guard let last = numbers.last else { break }
      for number in numbers {
        if let broken = CaseTrail.verify(try await events(of: number)) { breaks.append(broken) }
      }
      checked += numbers.count
      progress(checked)
      after = last
    }
    return (checked, breaks)
  }

  // MARK: The 12345 platform's reports

  /// Reports owed to the 12345 platform whose time has come, oldest first; one waits behind an earlier one of its
  /// order that is not sent yet.
  public func dueReports(now: Date, limit: Int = 100) async throws -> [HotlineReport] {
    try await sql.raw(
      """
      SELECT id, inquiry_number, order_id, payload, attempts FROM hotline_reports r
      WHERE sent_ms IS NULL AND next_ms <= \(bind: millis(now))
        AND NOT EXISTS (SELECT 1 FROM hotline_reports e WHERE e.order_id = r.order_id AND e.sent_ms IS NULL
          AND e.created_ms < r.created_ms)
      ORDER BY created_ms LIMIT \(bind: limit)
      """
    ).all().map { row in
      HotlineReport(
        id: try row.decode(column: "id", as: UUID.self),
        number: try row.decode(column: "inquiry_number", as: String.self),
        orderID: try row.decode(column: "order_id", as: String.self),
        facts: (try? JSONDecoder().decode(
          [String: String].self, from: Data(try row.decode(column: "payload", as: String.self).utf8))) ?? [:],
        attempts: try row.decode(column: "attempts", as: Int.self))
    }
  }

  public func reportSent(_ id: UUID, now: Date) async throws {
    try await sql.raw("UPDATE hotline_reports SET sent_ms = \(bind: millis(now)) WHERE id = \(bind: id)").run()
  }

  public func reportFailed(_ id: UUID, error: String, retryAt: Date) async throws {
    try await sql.raw(
      """
      UPDATE hotline_reports SET attempts = attempts + 1, last_error = \(bind: String(error.prefix(500))),
        next_ms = \(bind: millis(retryAt)) WHERE id = \(bind: id)
      """
    ).run()
  }
}

/// A status report owed to the 12345 platform about the work order it pushed in.
public struct HotlineReport: Sendable, Hashable {
  public let id: UUID
  public let number: String
  public let orderID: String
  /// state, step, and the answer when there is one.
  public let facts: [String: String]
  public let attempts: Int

  static func facts(of inquiry: Inquiry, step: InquiryStep) -> [String: String] {
    var facts = ["state": inquiry.state.rawValue, "step": step.kind.rawValue, "number": inquiry.number]
    if let answer = inquiry.answer, step.kind == .answer { facts["answer"] = answer.text }
    if let rating = inquiry.rating, step.kind == .rate || step.kind == .callBack { facts["rating"] = rating.rawValue }
    if let reason = step.facts["reason"] { facts["reason"] = reason }
    return facts
  }
}
