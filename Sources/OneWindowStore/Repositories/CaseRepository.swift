import Fluent
import FluentPostgresDriver
import Foundation
import OneWindowDomain
import SQLKit

/// The fields of a new case, before its number is drawn.
public struct NewCase: Sendable {
  public var item: CaseItem
  public var applicant: Applicant
  public var channel: CaseChannel
  public var site: Site
  /// A retry with the same key returns the first case instead of making a second.
  public var idempotencyKey: String?
  /// Submit at once (window and proxy intake) or keep as a draft (online).
  public var submit: Bool
  public var bundleID: String?
  /// The window's checklist, route and result delivery.
  public var intake: CaseIntake?
  /// Steps taken at once after submission, in the same transaction (the window's accept, correction or
  /// refusal): if one fails, no case is created.
  public var steps: [CaseAction]
  /// The portal account filing the case online.
  public var citizenID: String?
  /// The proxy agent filing it from a village station.
  public var proxy: ProxyRecord?

  public init(
    item: CaseItem, applicant: Applicant, channel: CaseChannel, site: Site, idempotencyKey: String? = nil,
    submit: Bool = true, bundleID: String? = nil, intake: CaseIntake? = nil, steps: [CaseAction] = [],
    citizenID: String? = nil, proxy: ProxyRecord? = nil
  ) {
    self.citizenID = citizenID
    self.proxy = proxy
    self.item = item
    self.applicant = applicant
    self.channel = channel
    self.site = site
    self.idempotencyKey = idempotencyKey
    self.submit = submit
    self.bundleID = bundleID
    self.intake = intake
    self.steps = steps
  }
}

/// What a case list is filtered by. Every list is also limited to the caller's scope.
public struct CaseFilter: Sendable {
  public var scope: Scope?
  public var states: [CaseState] = []
  public var departmentID: String?
  public var siteID: String?
  public var channels: [CaseChannel] = []
  public var warning: WarningLevel?
  public var createdFrom: Date?
  public var createdBefore: Date?
  public var limit = 50
  public var offset = 0
  /// Citizens' unsent drafts are theirs alone: staff lists leave them out unless this is set.
  public var includeCitizenDrafts = false

  public init(scope: Scope?) {
    self.scope = scope
  }
}

/// Cases and their trail. Every step is all or nothing: the case is read, the step is checked by `CaseStateMachine`,
/// then the case, its event, its outbox rows and tasks are written together by one `CaseWrite` — or nothing is.
public struct CaseRepository: Sendable {
  let db: any Database
  let rule: DeadlineRule
  /// On PostgreSQL, where numbers come from (blocks reserved per process); without it, one draw per case.
  let numbers: CaseNumberBlocks?
  /// On PostgreSQL, the cases this process wrote last: a step on one of them skips its read.
  let recent: RecentCases?

  public init(_ db: any Database, rule: DeadlineRule, numbers: CaseNumberBlocks? = nil, recent: RecentCases? = nil) {
    self.db = db
    self.rule = rule
    self.numbers = numbers
    self.recent = recent
  }

  private var sql: any SQLDatabase { db as! any SQLDatabase }
  private var isSQLite: Bool { sql.dialect.name == "sqlite" }

  // MARK: create

  /// Registers a case (and submits it unless it is a draft). With an idempotency key already
  /// used, returns the first case and `created == false`.
  public func create(_ new: NewCase, by actor: CaseActor, now: Date) async throws -> (
    serviceCase: ServiceCase, created: Bool
  ) {
    do {
      // PostgreSQL: the number is drawn by its own statement and the case with everything it writes is one more
      // (see `CaseWrite`), so no transaction is held open — and the day's counter row is locked only for an instant.
      // A registration that fails after its number was drawn leaves a gap in the day's numbers.
      guard isSQLite else {
        let (serviceCase, trailHead) = try await insert(new, by: actor, now: now)
        recent?.remember(serviceCase, trail: trailHead)
        return (serviceCase, true)
      }
      let (serviceCase, _) = try await WriteGate.serialize(db) {
        try await db.transaction { db in
          try await Self(db, rule: rule, numbers: numbers).insert(new, by: actor, now: now)
        }
      }
      return (serviceCase, true)
    } catch {
      // A retry (or two racing) hits the unique key and rolls back; answer with the first case.
      // Checking only after a failure keeps the common path one round trip shorter.
      if let key = new.idempotencyKey, let existing = try? await find(idempotencyKey: key) {
        return (existing, false)
      }
      throw error
    }
  }

  /// Registers a "一件事" application: one case per item, linked by one bundle id and led by one
  /// department, all in one transaction. A retry with the same key returns the first cases.
  /// `intakes` (one per item, when given) carry each case's checklist; `citizenID` files them for a portal account;
  /// `submit: false` keeps them as drafts; `steps` (one list per item) are the window's decision on each, taken in
  /// the same transaction.
  public func createBundle(
    items: [CaseItem], leadDepartmentID: String, applicant: Applicant, channel: CaseChannel, site: Site,
    idempotencyKey: String?, by actor: CaseActor, now: Date, intakes: [CaseIntake]? = nil, citizenID: String? = nil,
    submit: Bool = true, steps: [[CaseAction]]? = nil
  ) async throws -> (bundleID: String, cases: [ServiceCase], created: Bool) {
    guard items.count >= 2 else {
      throw ValidationError(field: "item_codes", zh: "一件事至少包含两个事项", en: "A bundle has at least two items")
    }
    guard items.contains(where: { $0.departmentID == leadDepartmentID }) else {
      throw ValidationError(
        field: "lead_department_id", zh: "牵头部门应为其中一个事项的实施部门",
        en: "The lead department must implement one of the items")
    }
    if let key = idempotencyKey, let first = try await find(idempotencyKey: key + "#0"), let bundle = first.bundleID {
      return (bundle, try await bundleCases(bundle), false)
    }
    let cases = try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let repository = Self(db, rule: rule, numbers: numbers)
        var cases: [ServiceCase] = []
        var bundleID: String?
        for (index, item) in items.enumerated() {
          let new = NewCase(
            item: item, applicant: applicant, channel: channel, site: site,
            idempotencyKey: idempotencyKey.map { "\($0)#\(index)" }, submit: submit, bundleID: bundleID,
            intake: intakes?[index], steps: steps?[index] ?? [], citizenID: citizenID)
          let (created, _) = try await repository.insert(
            new, by: actor, now: now, bundle: (bundleID, leadDepartmentID))
          bundleID = created.bundleID
          cases.append(created)
        }
        return cases
      }
    }
    return (cases[0].bundleID ?? "", cases, true)
  }

  /// The cases of one "一件事" application, in order of their numbers.
  public func bundleCases(_ bundleID: String) async throws -> [ServiceCase] {
    try await sql.raw("SELECT body FROM cases WHERE bundle_id = \(bind: bundleID) ORDER BY number").all()
      .map { try CaseRow.decode(try $0.decode(column: "body", as: String.self)) }
  }

  /// Writes a new case; answers it with the last event of its trail.
  private func insert(
    _ new: NewCase, by actor: CaseActor, now: Date, bundle: (id: String?, lead: String)? = nil
  ) async throws -> (ServiceCase, CaseEvent) {
    try new.applicant.validate()
    let county = new.site.regionCode.county
    let number = try await nextNumber(county: county, date: rule.civilDate(of: now))
    // The first case of a bundle names it: YJS-<its number>.
    let bundleID = bundle.map { $0.id ?? "YJS-\(number)" } ?? new.bundleID
    var serviceCase = ServiceCase(
      number: number, item: new.item, applicant: new.applicant, channel: new.channel, siteID: new.site.id,
      regionCode: new.site.regionCode, receivedBy: actor.id, createdAt: now, bundleID: bundleID, intake: new.intake,
      citizenID: new.citizenID)
    serviceCase.bundleLeadDepartmentID = bundle?.lead
    serviceCase.proxy = new.proxy
    try CaseStateMachine.authorizeCreation(of: serviceCase, by: actor)
    var events = [
      CaseEvent.next(
        after: nil, caseNumber: number, step: .create, from: nil, to: .draft, actorID: actor.id,
        actorName: actor.name, at: now, payload: CaseTrail.payload(of: serviceCase))
    ]
    let effects: StepEffects
    (serviceCase, effects) = try advance(
      serviceCase, by: (new.submit ? [.submit] : []) + new.steps, actor: actor, now: now, trail: &events)
    _ = try await CaseWrite(
      kind: .insert(idempotencyKey: new.idempotencyKey), serviceCase: serviceCase,
      row: CaseRow(serviceCase, rule: rule, now: now), events: events, effects: effects, now: now
    ).run(on: sql, standalone: !db.inTransaction)
    return (serviceCase, events[events.count - 1])
  }

  /// What a run of steps leaves to write besides the case and its events.
  struct StepEffects {
    var notifications: [NotificationKind] = []
    var tasks: [(kind: String, due: CivilDate)] = []
    /// Follow-up tasks the steps settled, with how (`FollowUp.Outcome`).
    var tasksDone: [(kind: String, outcome: String)] = []
    /// 并联: departments newly asked (with the reply date) and departments that answered.
    var opinionsAsked: [(departmentID: String, due: CivilDate)] = []
    var opinionsGiven: [String] = []
  }

  /// Applies `actions` one after another (each checked by the state machine), appending one event per step to
  /// `trail`; throws at the first that fails, and the caller's transaction then writes nothing.
  private func advance(
    _ start: ServiceCase, by actions: [CaseAction], actor: CaseActor, now: Date, trail: inout [CaseEvent],
    head: (sequence: Int, hash: String)? = nil
  ) throws -> (ServiceCase, StepEffects) {
    var current = start
    var effects = StepEffects()
    var head = head ?? (trail.last.map { ($0.sequence, $0.hash) } ?? (0, CaseEvent.genesisHash))
    for action in actions {
      let next = try CaseStateMachine.apply(action, to: current, by: actor, at: now, rule: rule)
      let event = CaseEvent.next(
        afterSequence: head.sequence, previousHash: head.hash, caseNumber: next.number, step: action.name,
        from: current.state, to: next.state, actorID: actor.id, actorName: actor.name, at: now,
        payload: CaseTrail.payload(of: action))
      trail.append(event)
      head = (event.sequence, event.hash)
      effects.notifications += NotificationKind.after(action, to: next)
      if let task = Self.task(after: action) { effects.tasks.append(task) }
      effects.tasksDone += Self.tasksDone(by: action, on: current)
      if case .requestOpinion(let department, _, _) = action, let asked = next.opinions.last {
        effects.opinionsAsked.append((department, asked.dueDate))
      }
      if case .giveOpinion(let department, _, _) = action { effects.opinionsGiven.append(department) }
      current = next
    }
    return (current, effects)
  }

  /// A case's stored body and the head of its trail, as a step reads them.
  private func head(of number: String) async throws -> PostgresCaseStatements.Head.Row? {
    if let postgres = db as? any PostgresDatabase {
      return try await postgres.first(PostgresCaseStatements.Head(number: number))
    }
    return try await sql.raw("SELECT body, trail_seq, trail_hash FROM cases WHERE number = \(bind: number)").first()
      .map {
        (
          try $0.decode(column: "body", as: String.self), try $0.decode(column: "trail_seq", as: Int?.self),
          try $0.decode(column: "trail_hash", as: String?.self)
        )
      }
  }

  /// Draws the next number of the county's day.
  private func nextNumber(county: RegionCode, date: CivilDate) async throws -> String {
    let id = "\(county.value):\(date.iso)"
    let sequence: Int
    if let numbers, db is any PostgresDatabase {
      sequence = try await numbers.next(id: id, county: county.value)
    } else if let postgres = db as? any PostgresDatabase {
      sequence = try await postgres.first(PostgresCaseStatements.NextNumber(id: id, county: county.value)) ?? 1
    } else {
      let row = try await sql.raw(
        """
        INSERT INTO case_counters (id, last, county_code) VALUES (\(bind: id), 1, \(bind: county.value))
        ON CONFLICT (id) DO UPDATE SET last = case_counters.last + 1
        RETURNING last
        """
      ).first()
      sequence = try row?.decode(column: "last", as: Int.self) ?? 1
    }
    return CaseNumber.make(county: county, date: date, sequence: sequence)
  }

  // MARK: steps

  /// Takes one step on a case. `expectedVersion` (when given) must be the case's current version,
  /// else `CaseError.conflict`; an illegal or forbidden step throws `CaseError` and changes nothing.
  /// `visible` decides, on the locked row, whether the actor may see the case at all (else not found).
  public func apply(
    _ action: CaseAction, to number: String, expectedVersion: Int?, by actor: CaseActor, now: Date,
    visible: @escaping @Sendable (ServiceCase) -> Bool = { _ in true }
  ) async throws -> ServiceCase {
    try await apply([action], to: number, expectedVersion: expectedVersion, by: actor, now: now, visible: visible)
  }

  /// Takes several steps at once (the window's 材料核验, 补正后提交 and 受理 of one visit): all of them, or none.
  public func apply(
    _ actions: [CaseAction], to number: String, expectedVersion: Int?, by actor: CaseActor, now: Date,
    visible: @escaping @Sendable (ServiceCase) -> Bool = { _ in true }
  ) async throws -> ServiceCase {
    // PostgreSQL: no lock is held between the read and the write; the write is one statement that applies only
    // if the case is still at the version read. Of two clerks acting at once, the second then reads the first's
    // version: with an expected version that is a conflict, without one its step is tried again on the new state.
    // SQLite: the write gate makes each attempt's transaction the only writer, so the first attempt stands.
    var lastRead = 0
    for _ in 0..<20 {
      let outcome = try await WriteGate.serialize(db) {
        isSQLite
          ? try await db.transaction { db in
            try await Self(db, rule: rule, numbers: numbers).step(actions, number, expectedVersion, actor, now, visible)
          }
          : try await step(actions, number, expectedVersion, actor, now, visible)
      }
      switch outcome {
      case .written(let serviceCase): return serviceCase
      case .lost(let read): lastRead = read
      }
    }
    throw CaseError.conflict(expected: expectedVersion ?? lastRead, actual: lastRead + 1)
  }

  enum StepOutcome: Sendable {
    case written(ServiceCase)
    /// Another step changed the case after it was read at this version.
    case lost(readVersion: Int)
  }

  /// Reads the case, takes the steps, and writes them if the case has not changed meanwhile (`.lost` if it has).
  private func step(
    _ actions: [CaseAction], _ number: String, _ expectedVersion: Int?, _ actor: CaseActor, _ now: Date,
    _ visible: (ServiceCase) -> Bool
  ) async throws -> StepOutcome {
    guard CaseNumber.isWellFormed(number) else { throw StoreNotFound.caseNumber(number) }
    // A case this process wrote last is taken as read. Whatever it refuses or loses is asked of the row instead:
    // another process may have moved the case on.
    if !actions.isEmpty, let remembered = recent?.recall(number),
      expectedVersion == nil || expectedVersion == remembered.serviceCase.version
    {
      let head = (sequence: remembered.trailSequence, hash: remembered.trailHash)
      if case .written(let next)? = try? await step(
        actions, on: remembered.serviceCase, head: head, expectedVersion, actor, now, visible)
      {
        return .written(next)
      }
      recent?.forget(number)
    }
    guard let row = try await head(of: number) else { throw StoreNotFound.caseNumber(number) }
    let current = try CaseRow.decode(row.body)
    var head = (sequence: row.sequence ?? 0, hash: row.hash ?? CaseEvent.genesisHash)
    if head.sequence == 0, let last = try await events(of: number).last { head = (last.sequence, last.hash) }
    return try await step(actions, on: current, head: head, expectedVersion, actor, now, visible)
  }

  /// Takes the steps on `current` (as read, with the head of its trail) and writes them if the row is still at its
  /// version.
  private func step(
    _ actions: [CaseAction], on current: ServiceCase, head: (sequence: Int, hash: String), _ expectedVersion: Int?,
    _ actor: CaseActor, _ now: Date, _ visible: (ServiceCase) -> Bool
  ) async throws -> StepOutcome {
    guard visible(current) else { throw StoreNotFound.caseNumber(current.number) }
    if let expectedVersion, expectedVersion != current.version {
      throw CaseError.conflict(expected: expectedVersion, actual: current.version)
    }
    var trail: [CaseEvent] = []
    let (next, effects) = try advance(current, by: actions, actor: actor, now: now, trail: &trail, head: head)
    guard let last = trail.last else { return .written(current) }
    let written = try await CaseWrite(
      kind: .update(fromVersion: current.version), serviceCase: next, row: CaseRow(next, rule: rule, now: now),
      events: trail, effects: effects, now: now
    ).run(on: sql, standalone: !db.inTransaction)
    guard written else {
      recent?.forget(current.number)
      return .lost(readVersion: current.version)
    }
    recent?.remember(next, trail: last)
    return .written(next)
  }

  /// Appends events to the trail in one statement.
  static func insertEvents(
    _ events: [CaseEvent], county: String, on sql: any SQLDatabase, skippingExisting: Bool = false
  ) async throws {
    var insert = sql.insert(into: "case_events").columns(
      "id", "case_number", "sequence", "step", "from_state", "to_state", "actor_id", "actor_name", "at_ms", "payload",
      "previous_hash", "hash", "county_code")
    for e in events {
      insert = insert.values(
        [
          TimeOrderedID.make(at: e.at), e.caseNumber, e.sequence, e.step.rawValue, e.fromState?.rawValue,
          e.toState.rawValue, e.actorID,
          e.actorName, e.atMillis, e.payload, e.previousHash, e.hash, county,
        ] as [any Encodable & Sendable])
    }
    try await (skippingExisting ? insert.ignoringConflicts(with: ["case_number", "sequence"]) : insert).run()
  }

  /// The follow-up task an acceptance creates: 容缺 materials due, or the 告知承诺 post-check.
  static func task(after action: CaseAction) -> (kind: String, due: CivilDate)? {
    guard case .accept(let form) = action else { return nil }
    return switch form {
    case .standard: nil
    case .withDeficiency(_, let due): (FollowUp.Kind.deficiency.rawValue, due)
    case .onPledge(let due): (FollowUp.Kind.postCheck.rawValue, due)
    }
  }

  /// The follow-up tasks a step settles: the 容缺 materials coming in, the post-check made, or the application
  /// withdrawn while either was still owed.
  static func tasksDone(by action: CaseAction, on before: ServiceCase) -> [(kind: String, outcome: String)] {
    switch action {
    case .supplyMaterials: return [(FollowUp.Kind.deficiency.rawValue, FollowUp.Outcome.supplied.rawValue)]
    case .postCheck(_, let kept, _):
      return [(FollowUp.Kind.postCheck.rawValue, (kept ? FollowUp.Outcome.pledgeKept : .pledgeFalse).rawValue)]
    case .withdraw:
      var done: [(String, String)] = []
      if before.awaitsDeficientMaterials {
        done.append((FollowUp.Kind.deficiency.rawValue, FollowUp.Outcome.withdrawn.rawValue))
      }
      if before.awaitsPostCheck { done.append((FollowUp.Kind.postCheck.rawValue, FollowUp.Outcome.withdrawn.rawValue)) }
      return done
    default: return []
    }
  }

  // MARK: figures

  /// The items most applied for since `since` (drafts left out), most first: the portal's 热门事项.
  public func popularItemCodes(county: String, since: Date, limit: Int) async throws -> [String] {
    try await sql.raw(
      """
      SELECT item_code, COUNT(*) AS n FROM cases
      WHERE created_ms >= \(bind: millis(since)) AND state <> 'draft' AND county_code = \(bind: county)
      GROUP BY item_code ORDER BY n DESC, item_code LIMIT \(bind: limit)
      """
    ).all().map { try $0.decode(column: "item_code", as: String.self) }
  }

  // MARK: drafts

  /// Deletes a citizen's unsent draft, with the other drafts of its 一件事 application and everything they left
  /// (trail, outbox rows): a draft is the citizen's alone until it is sent. Returns the numbers deleted; none when
  /// the case is not this citizen's draft, so another citizen learns nothing.
  public func deleteDraft(_ number: String, citizenID: String) async throws -> [String] {
    guard CaseNumber.isWellFormed(number) else { return [] }
    return try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        guard
          let row = try await sql.raw(
            """
            SELECT bundle_id FROM cases
            WHERE number = \(bind: number) AND citizen_id = \(bind: citizenID) AND state = 'draft'
            """
          ).first()
        else { return [] }
        var numbers = [number]
        if let bundle = try row.decodeNil(column: "bundle_id") ? nil : row.decode(column: "bundle_id", as: String.self)
        {
          numbers = try await sql.raw(
            """
            SELECT number FROM cases
            WHERE bundle_id = \(bind: bundle) AND citizen_id = \(bind: citizenID) AND state = 'draft'
            """
          ).all().map { try $0.decode(column: "number", as: String.self) }
        }
        for number in numbers {
          for table in ["outbox", "case_tasks", "case_opinion_requests", "case_events"] {
            try await sql.raw("DELETE FROM \(ident: table) WHERE case_number = \(bind: number)").run()
          }
          try await sql.raw("DELETE FROM cases WHERE number = \(bind: number) AND state = 'draft'").run()
          recent?.forget(number)
        }
        return numbers
      }
    }
  }

  // MARK: reads

  public func find(_ number: String) async throws -> ServiceCase? {
    guard CaseNumber.isWellFormed(number) else { return nil }
    let row = try await sql.raw("SELECT body FROM cases WHERE number = \(bind: number)").first()
    return try row.map { try CaseRow.decode(try $0.decode(column: "body", as: String.self)) }
  }

  public func find(idempotencyKey key: String) async throws -> ServiceCase? {
    let row = try await sql.raw("SELECT body FROM cases WHERE idempotency_key = \(bind: key)").first()
    return try row.map { try CaseRow.decode(try $0.decode(column: "body", as: String.self)) }
  }

  /// The applicant as given on their latest case, found by ID number (证件号码), to fill in the window's form.
  /// The newest cases of the applicant with this ID number (the window's look-up picks those its clerk may see).
  public func cases(ofApplicantID idNumber: String, limit: Int = 20) async throws -> [ServiceCase] {
    let key = idNumber.trimmingCharacters(in: .whitespaces).uppercased()
    guard !key.isEmpty else { return [] }
    return try await sql.raw(
      """
      SELECT body FROM cases WHERE applicant_id_number = \(bind: key) ORDER BY created_ms DESC LIMIT \(bind: limit)
      """
    ).all().map { try CaseRow.decode(try $0.decode(column: "body", as: String.self)) }
  }

  /// The cases a proxy agent filed, newest first (their work log).
  public func cases(ofAgent agentID: String, limit: Int = 200) async throws -> [ServiceCase] {
    try await sql.raw(
      "SELECT body FROM cases WHERE proxy_agent_id = \(bind: agentID) ORDER BY created_ms DESC LIMIT \(bind: limit)"
    ).all().map { try CaseRow.decode(try $0.decode(column: "body", as: String.self)) }
  }

  /// A portal account's own cases, newest first.
  public func cases(ofCitizen citizenID: String, limit: Int = 100) async throws -> [ServiceCase] {
    try await sql.raw(
      "SELECT body FROM cases WHERE citizen_id = \(bind: citizenID) ORDER BY created_ms DESC LIMIT \(bind: limit)"
    ).all().map { try CaseRow.decode(try $0.decode(column: "body", as: String.self)) }
  }

  /// Cases waiting for `departmentID`'s parallel opinion (并联意见), the reply due soonest first.
  public func opinionQueue(departmentID: String, limit: Int = 50) async throws -> [ServiceCase] {
    try await sql.raw(
      """
      SELECT c.body FROM case_opinion_requests r JOIN cases c ON c.number = r.case_number
      WHERE r.department_id = \(bind: departmentID) AND r.answered_ms IS NULL AND c.state = 'in_review'
      ORDER BY r.due_date, r.case_number LIMIT \(bind: limit)
      """
    ).all().map { try CaseRow.decode(try $0.decode(column: "body", as: String.self)) }
  }

  /// The trail of one actor across cases, newest first (a proxy agent's work log).
  public func events(byActor actorID: String, limit: Int = 100) async throws -> [CaseEvent] {
    try await CaseEventModel.query(on: db).filter(\.$actorID == actorID).sort(\.$atMillis, .descending).limit(limit)
      .all().map(\.domain)
  }

  public func events(of number: String) async throws -> [CaseEvent] {
    try await CaseEventModel.query(on: db).filter(\.$caseNumber == number).sort(\.$sequence).all().map(\.domain)
  }

  /// Outbox rows of a case, oldest first (kind names).
  public func notifications(of number: String) async throws -> [String] {
    try await OutboxModel.query(on: db).filter(\.$caseNumber == number).sort(\.$createdMillis).all().map(\.kind)
  }

  /// One page of cases, most urgent first, and the total that match.
  public func list(_ filter: CaseFilter, now: Date) async throws -> (cases: [ServiceCase], total: Int) {
    var conditions: [SQLQueryString] = []
    if let scope = filter.scope {
      conditions.append("region_code LIKE \(bind: scope.regionCode.value + "%")")
      if let site = scope.siteID { conditions.append("site_id = \(bind: site)") }
      if let department = scope.departmentID { conditions.append("department_id = \(bind: department)") }
    }
    if !filter.includeCitizenDrafts {
      conditions.append("NOT (state = 'draft' AND citizen_id IS NOT NULL)")
    }
    if !filter.states.isEmpty {
      let states = filter.states.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      conditions.append("state IN (\(unsafeRaw: states))")
    }
    if let department = filter.departmentID { conditions.append("department_id = \(bind: department)") }
    if let site = filter.siteID { conditions.append("site_id = \(bind: site)") }
    if !filter.channels.isEmpty {
      let channels = filter.channels.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      conditions.append("channel IN (\(unsafeRaw: channels))")
    }
    let nowMillis = millis(now)
    switch filter.warning {
    case .red: conditions.append("due_ms < \(bind: nowMillis)")
    case .yellow: conditions.append("warn_ms <= \(bind: nowMillis) AND due_ms >= \(bind: nowMillis)")
    case .none?:
      conditions.append(
        "(due_ms IS NULL OR (due_ms >= \(bind: nowMillis) AND (warn_ms IS NULL OR warn_ms > \(bind: nowMillis))))")
    case nil: break
    }
    if let from = filter.createdFrom { conditions.append("created_ms >= \(bind: millis(from))") }
    if let before = filter.createdBefore { conditions.append("created_ms < \(bind: millis(before))") }
    var whereClause: SQLQueryString = ""
    if !conditions.isEmpty {
      whereClause = "WHERE "
      for (index, condition) in conditions.enumerated() {
        whereClause = index == 0 ? whereClause + condition : whereClause + " AND " + condition
      }
    }
    let total =
      try await sql.raw("SELECT COUNT(*) AS n FROM cases \(whereClause)").first()?
      .decode(column: "n", as: Int.self) ?? 0
    let rows = try await sql.raw(
      """
      SELECT body FROM cases \(whereClause)
      ORDER BY CASE WHEN due_ms IS NULL THEN 1 ELSE 0 END, due_ms, number
      LIMIT \(bind: filter.limit) OFFSET \(bind: filter.offset)
      """
    ).all()
    let cases = try rows.map { try CaseRow.decode(try $0.decode(column: "body", as: String.self)) }
    return (cases, total)
  }

  // MARK: audit

  /// Checks every case's trail, a page of cases at a time; names the first broken event of each
  /// broken case. Read-only, so it can be stopped at any moment.
  public func verifyTrails(pageSize: Int = 500, progress: @Sendable (Int) -> Void = { _ in }) async throws
    -> (checked: Int, breaks: [CaseTrail.Break])
  {
    var checked = 0
    var breaks: [CaseTrail.Break] = []
    var after = ""
    while true {
      let numbers = try await sql.raw(
        """
        SELECT DISTINCT case_number FROM case_events WHERE case_number > \(bind: after)
        ORDER BY case_number LIMIT \(bind: pageSize)
        """
      ).all().map { try $0.decode(column: "case_number", as: String.self) }
      guard let last = numbers.last else { break }
      let events = try await CaseEventModel.query(on: db).filter(\.$caseNumber ~~ numbers)
        .sort(\.$caseNumber).sort(\.$sequence).all().map(\.domain)
      for (_, trail) in Dictionary(grouping: events, by: \.caseNumber).sorted(by: { $0.key < $1.key }) {
        if let broken = CaseTrail.verify(trail) { breaks.append(broken) }
      }
      checked += numbers.count
      progress(checked)
      after = last
    }
    return (checked, breaks)
  }
}

/// A case number, item code or other key that does not exist.
public enum StoreNotFound: Error, Sendable {
  case caseNumber(String)
  case item(String)
  case record(LocalizedText)
}

/// The stored form of a case: its JSON body and the columns derived from it.
struct CaseRow {
  let body: String
  let acceptedMillis: Int64?
  let dueMillis: Int64?
  let warnMillis: Int64?
  let concludedMillis: Int64?

  init(_ serviceCase: ServiceCase, rule: DeadlineRule, now: Date) {
    body = Self.encode(serviceCase)
    acceptedMillis = serviceCase.acceptedAt.map(millis)
    let deadline = serviceCase.deadline(rule, now: now)
    dueMillis = deadline?.due.map(millis)
    warnMillis = deadline?.warnFrom.map(millis)
    concludedMillis = serviceCase.concludedAt.map(millis)
  }

  static func encode(_ serviceCase: ServiceCase) -> String {
    try! SortedJSONEncoder.stored.encodeToString(serviceCase)
  }

  static func decode(_ body: String) throws -> ServiceCase {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .millisecondsSince1970
    return try decoder.decode(ServiceCase.self, from: Data(body.utf8))
  }
}

func millis(_ date: Date) -> Int64 {
  Int64((date.timeIntervalSince1970 * 1000).rounded())
}
