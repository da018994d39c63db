import Foundation
import OneWindowDomain
import Testing

@Suite("Anomaly rules: each hits a hand-built trail that breaks it, and not one that keeps it")
struct AnomalyRuleTests {
  typealias Machine = CaseStateMachineTests
  static let rule = DeadlineRule()
  static let monday = Machine.now  // 2026-11-23 10:00 +08:00

  /// A trail of `steps` (step, to-state, working days after Monday, actor) for a case of `kind`.
  static func trail(_ steps: [(CaseStep, CaseState, Int, String)]) -> [CaseEvent] {
    var events: [CaseEvent] = []
    var state: CaseState? = nil
    for (step, to, days, actor) in steps {
      let day = rule.calendar.workday(days, after: rule.civilDate(of: monday))
      let at = days == 0 ? monday : rule.startOfDay(day).addingTimeInterval(10 * 3600)
      events.append(
        CaseEvent.next(
          after: events.last, caseNumber: "N", step: step, from: state, to: to, actorID: actor, actorName: actor,
          at: at, payload: "{}"))
      state = to
    }
    return events
  }

  static func hit(_ anomaly: AnomalyRule, _ events: [CaseEvent], kind: CaseKind = .promised) -> [Int]? {
    anomaly.hit(Machine.makeCase(kind: kind), trail: events, settings: AnomalySettings(), rule: rule)?.evidence
  }

  @Test("二次告知: two correction notices hit, with both events; one does not")
  func secondNotice() {
    let twice = Self.trail([
      (.create, .draft, 0, "c1"), (.submit, .submitted, 0, "c1"), (.correction, .correcting, 0, "c1"),
      (.resubmit, .submitted, 1, "c1"), (.correction, .correcting, 1, "c1"),
    ])
    #expect(Self.hit(.secondCorrectionNotice, twice) == [3, 5])
    #expect(Self.hit(.secondCorrectionNotice, Array(twice.prefix(4))) == nil)
  }

  @Test("超时受理: accepted more than five working days after submission hits; on the fifth does not")
  func lateAcceptance() {
    let late = Self.trail([(.create, .draft, 0, "c1"), (.submit, .submitted, 0, "c1"), (.accept, .accepted, 6, "c1")])
    #expect(Self.hit(.lateAcceptance, late) == [2, 3])
    let inTime = Self.trail([(.create, .draft, 0, "c1"), (.submit, .submitted, 0, "c1"), (.accept, .accepted, 5, "c1")])
    #expect(Self.hit(.lateAcceptance, inTime) == nil)
    // Counted from the resubmission after a correction, and a late correction notice hits as well.
    let corrected = Self.trail([
      (.create, .draft, 0, "c1"), (.submit, .submitted, 0, "c1"), (.correction, .correcting, 2, "c1"),
      (.resubmit, .submitted, 8, "c1"), (.accept, .accepted, 9, "c1"),
    ])
    #expect(Self.hit(.lateAcceptance, corrected) == nil)
    let lateNotice = Self.trail([
      (.create, .draft, 0, "c1"), (.submit, .submitted, 0, "c1"), (.correction, .correcting, 7, "c1"),
    ])
    #expect(Self.hit(.lateAcceptance, lateNotice) == [2, 3])
  }

  @Test("无审查即决定: a promised case decided with no review hits; reviewed, immediate or escalated does not")
  func decisionWithoutReview() {
    let bare = Self.trail([
      (.create, .draft, 0, "c1"), (.submit, .submitted, 0, "c1"), (.accept, .accepted, 0, "c1"),
      (.startReview, .inReview, 1, "r1"), (.decide, .decided, 1, "r1"),
    ])
    #expect(Self.hit(.decisionWithoutReview, bare) == [5])
    #expect(Self.hit(.decisionWithoutReview, bare, kind: .immediate) == nil)
    let reviewed = Self.trail([
      (.create, .draft, 0, "c1"), (.submit, .submitted, 0, "c1"), (.accept, .accepted, 0, "c1"),
      (.startReview, .inReview, 1, "r1"), (.review, .inReview, 1, "r1"), (.decide, .decided, 2, "r2"),
    ])
    #expect(Self.hit(.decisionWithoutReview, reviewed) == nil)
    let upper = Self.trail([
      (.create, .draft, 0, "c1"), (.submit, .submitted, 0, "c1"), (.accept, .accepted, 0, "c1"),
      (.escalate, .escalated, 1, "r1"), (.decide, .decided, 5, "r9"),
    ])
    #expect(Self.hit(.decisionWithoutReview, upper) == nil)
  }

  @Test("先出件后决定: a delivery with no decision before it hits; after the decision does not")
  func deliveredBeforeDecision() {
    let early = Self.trail([
      (.create, .draft, 0, "c1"), (.submit, .submitted, 0, "c1"), (.accept, .accepted, 0, "c1"),
      (.deliver, .concluded, 1, "c1"),
    ])
    #expect(Self.hit(.deliveredBeforeDecision, early) == [4])
    let proper = Self.trail([
      (.create, .draft, 0, "c1"), (.submit, .submitted, 0, "c1"), (.accept, .accepted, 0, "c1"),
      (.decide, .decided, 0, "c1"), (.deliver, .concluded, 0, "c1"),
    ])
    #expect(Self.hit(.deliveredBeforeDecision, proper) == nil)
    #expect(Self.hit(.deliveredBeforeDecision, Array(proper.prefix(3))) == nil)
  }

  @Test("非办公时间收件: a window registration at 21:00 hits; at 17:50 (within the grace) or online it does not")
  func outsideHours() {
    let hours = OneWindowDomain.OpeningHours(weekdays: "08:30–12:00, 14:00–17:30", extended: nil, saturday: nil)
    func registered(at time: String, channel: CaseChannel = .window) -> [Int]? {
      let at = ISO8601DateFormatter().date(from: "2026-11-23T\(time):00+08:00")!
      let c = ServiceCase(
        number: "N", item: Machine.makeCase().item, applicant: Machine.makeCase().applicant, channel: channel,
        siteID: "site-center", regionCode: Machine.county, receivedBy: "c1", createdAt: at)
      let trail = [
        CaseEvent.next(
          after: nil, caseNumber: "N", step: .create, from: nil, to: .draft, actorID: "c1", actorName: "李国平", at: at,
          payload: "{}")
      ]
      return AnomalyRule.registeredOutsideHours.hit(
        c, trail: trail, settings: AnomalySettings(), rule: Self.rule, siteHours: ["site-center": hours])?.evidence
    }
    #expect(registered(at: "21:00") == [1])
    #expect(registered(at: "12:40") == [1])  // lunch break, beyond the grace
    #expect(registered(at: "17:50") == nil)
    #expect(registered(at: "10:00") == nil)
    #expect(registered(at: "21:00", channel: .online) == nil)
  }

  @Test("非在岗人员收件: hits a registration by someone with no post, sign-in or stand-in at the site that day only")
  func offDuty() {
    let monday = CivilDate(iso: "2026-11-23")!
    var duties = SiteDuties()
    duties.add("c1", at: "site-center", on: monday, posted: true)
    duties.add("c2", at: "site-center", on: monday, posted: false)  // signed in, or standing in
    duties.add("c9", at: "site-town", on: monday, posted: true)
    func registered(by actor: String, at site: String = "site-center", channel: CaseChannel = .window) -> [Int]? {
      let at = ISO8601DateFormatter().date(from: "2026-11-23T10:00:00+08:00")!
      let c = ServiceCase(
        number: "N", item: Machine.makeCase().item, applicant: Machine.makeCase().applicant, channel: channel,
        siteID: site, regionCode: Machine.county, receivedBy: actor, createdAt: at)
      let trail = [
        CaseEvent.next(
          after: nil, caseNumber: "N", step: .create, from: nil, to: .draft, actorID: actor, actorName: "某人", at: at,
          payload: "{}")
      ]
      return AnomalyRule.registeredOffDuty.hit(
        c, trail: trail, settings: AnomalySettings(), rule: Self.rule, duties: duties)?.evidence
    }
    #expect(registered(by: "c9") == [1])  // posted at the town, not here
    #expect(registered(by: "C1") == nil)  // ids in either case
    #expect(registered(by: "c2") == nil)
    #expect(registered(by: "c9", channel: .online) == nil)
    #expect(registered(by: "c1", at: "site-bank") == nil)  // a site with no roster that day is not judged
  }

  @Test("补正拒办异常: a clerk far above what peers' rates on the same items predict; not a small or peerless one")
  func intakeOutliers() {
    typealias Count = IntakeOutliers.Count
    let counts: [String: [String: Count]] = [
      "a": ["X": Count(answered: 20, turnedBack: 14), "Y": Count(answered: 5, turnedBack: 0)],
      "b": ["X": Count(answered: 40, turnedBack: 4), "Y": Count(answered: 10, turnedBack: 1)],
      "c": ["X": Count(answered: 10, turnedBack: 10)],  // too few answers to judge
      "d": ["Z": Count(answered: 30, turnedBack: 30)],  // nobody else answers Z
    ]
    let found = IntakeOutliers.find(counts, settings: AnomalySettings())
    #expect(found.map(\.staffID) == ["a"])
    #expect(found.first?.answered == 25 && found.first?.turnedBack == 14)
    // Peers on X turned back 14 of 50 (c included): 20 × 0.28 + 5 × 0.1 = 6.1 expected.
    #expect(abs((found.first?.expected ?? 0) - 6.1) < 0.001)
    #expect(IntakeOutliers.find(counts, settings: AnomalySettings(outlierFactor: 2.5)).isEmpty)
  }

  @Test("a hit is settled by a supervisor only, as explained or confirmed, with what was found")
  func settle() throws {
    var hit = RuleHit(
      id: "h", rule: .secondCorrectionNotice, caseNumber: "N", departmentID: "d", siteID: "s", evidence: [3, 5],
      note: "", foundAt: Self.monday)
    let supervisor = StaffIdentity(
      id: "s1", username: "supervisor", displayName: "监察员", role: .supervisor,
      scope: Scope(regionCode: Machine.county))
    #expect(throws: ValidationError.self) {
      try hit.settle(.confirmed, finding: "x", by: Machine.clerk.staff!, at: Self.monday)
    }
    #expect(throws: ValidationError.self) { try hit.settle(.confirmed, finding: " ", by: supervisor, at: Self.monday) }
    #expect(throws: ValidationError.self) { try hit.settle(.open, finding: "x", by: supervisor, at: Self.monday) }
    try hit.settle(.explained, finding: "申请人更换了经营场所，需重新告知", by: supervisor, at: Self.monday)
    #expect(hit.state == .explained && hit.findingBy == "监察员")
  }
}

@Suite("督办 tickets")
struct SupervisionTicketTests {
  typealias Machine = CaseStateMachineTests
  static let supervisor = StaffIdentity(
    id: "s1", username: "supervisor", displayName: "监察员", role: .supervisor, scope: Scope(regionCode: Machine.county))
  static let rule = DeadlineRule()

  static func opened() throws -> SupervisionTicket {
    try SupervisionTicket.open(
      id: "t", subject: .serviceCase("N"), departmentID: "dept-scjgj", instruction: "说明超期原因并限期办结", workdays: 2,
      by: supervisor, at: Machine.now, rule: rule)
  }

  @Test("opened by a supervisor, due in working days; every field named when wrong")
  func open() throws {
    let ticket = try Self.opened()
    #expect(ticket.dueDate == CivilDate(iso: "2026-11-25"))  // Monday + 2 working days
    #expect(ticket.state == .open && ticket.steps.map(\.kind) == [.open])
    func field(_ make: () throws(ValidationError) -> SupervisionTicket) -> String? {
      do {
        _ = try make()
        return nil
      } catch { return error.field }
    }
    #expect(
      field { () throws(ValidationError) in
        try SupervisionTicket.open(
          id: "t", subject: .department, departmentID: "d", instruction: " ", workdays: 2, by: Self.supervisor,
          at: Machine.now, rule: Self.rule)
      } == "instruction")
    #expect(
      field { () throws(ValidationError) in
        try SupervisionTicket.open(
          id: "t", subject: .department, departmentID: "d", instruction: "x", workdays: 0, by: Self.supervisor,
          at: Machine.now, rule: Self.rule)
      } == "workdays")
    #expect(
      field { () throws(ValidationError) in
        try SupervisionTicket.open(
          id: "t", subject: .department, departmentID: "d", instruction: "x", workdays: 2, by: Machine.reviewer.staff!,
          at: Machine.now, rule: Self.rule)
      } != nil)
  }

  @Test("the department replies, the supervisor returns it with a new date, then closes it")
  func lifecycle() throws {
    var ticket = try Self.opened()
    #expect(throws: ValidationError.self) { try ticket.reply("已办", by: Machine.otherReviewer.staff!, at: Machine.now) }
    #expect(throws: ValidationError.self) { try ticket.close("", by: Self.supervisor, at: Machine.now) }
    try ticket.reply("已完成现场核查，今日办结", by: Machine.reviewer.staff!, at: Machine.now)
    #expect(ticket.state == .replied && ticket.lastReply?.byName == "刘梦瑶")
    let later = Machine.now.addingTimeInterval(86_400)
    try ticket.giveBack("未说明超期原因", workdays: 1, by: Self.supervisor, at: later, rule: Self.rule)
    #expect(ticket.state == .open && ticket.dueDate == CivilDate(iso: "2026-11-25"))
    try ticket.reply("超期原因：等待卫健委意见", by: Machine.reviewer.staff!, at: later)
    try ticket.close("同意", by: Self.supervisor, at: later)
    #expect(ticket.state == .closed)
    #expect(ticket.steps.map(\.kind) == [.open, .reply, .return, .reply, .close])
  }

  @Test("a late reply is escalated once, from the day after the due date")
  func escalation() throws {
    var ticket = try Self.opened()
    let onTheDay = ticket.escalate(at: Machine.now, today: CivilDate(iso: "2026-11-25")!)
    let dayAfter = ticket.escalate(at: Machine.now, today: CivilDate(iso: "2026-11-26")!)
    let again = ticket.escalate(at: Machine.now, today: CivilDate(iso: "2026-11-27")!)
    #expect(!onTheDay && dayAfter && !again)
    #expect(ticket.escalated && ticket.steps.last?.kind == .escalate)
  }
}

@Suite("随机抽查")
struct SpotCheckTests {
  typealias Machine = CaseStateMachineTests
  static let supervisor = SupervisionTicketTests.supervisor
  static let candidates = (1...40).map { "360999-20261102-\(String(format: "%05d", $0))" }

  @Test("the same candidates and seed draw the same sample, in any order; another seed another one")
  func reproducible() {
    let a = SpotCheck.draw(Self.candidates, size: 5, seed: 20_261_206)
    let b = SpotCheck.draw(Self.candidates.reversed() + Self.candidates, size: 5, seed: 20_261_206)
    let c = SpotCheck.draw(Self.candidates, size: 5, seed: 7)
    #expect(a == b && a.count == 5 && Set(a).count == 5)
    #expect(a != c)
    #expect(a.allSatisfy(Self.candidates.contains))
    #expect(SpotCheck.draw(Array(Self.candidates.prefix(3)), size: 5, seed: 1).count == 3)
    // Every candidate can be drawn: over many seeds each one turns up.
    var seen: Set<String> = []
    for seed in 0..<200 { seen.formUnion(SpotCheck.draw(Self.candidates, size: 5, seed: seed)) }
    #expect(seen.count == Self.candidates.count)
  }

  @Test("a draw is checked by field, made by a supervisor, and its findings are recorded per case")
  func findings() throws {
    #expect(throws: ValidationErrors.self) {
      try SpotCheck.validate(
        from: CivilDate(iso: "2026-11-30"), through: CivilDate(iso: "2026-11-01"), size: 5, seed: 1)
    }
    do {
      try SpotCheck.validate(from: nil, through: CivilDate(iso: "2026-11-01"), size: 0, seed: -1)
      Issue.record("accepted")
    } catch {
      #expect(Set(error.errors.map(\.field)) == ["from", "size", "seed"])
    }
    #expect(throws: ValidationError.self) {
      try SpotCheck(
        id: "x", target: .department("d"), from: CivilDate(iso: "2026-11-01")!, through: CivilDate(iso: "2026-11-30")!,
        seed: 1, candidates: Self.candidates, size: 5, by: Machine.reviewer.staff!, at: Machine.now)
    }
    #expect(throws: ValidationError.self) {
      try SpotCheck(
        id: "x", target: .department("d"), from: CivilDate(iso: "2026-11-01")!, through: CivilDate(iso: "2026-11-30")!,
        seed: 1, candidates: [], size: 5, by: Self.supervisor, at: Machine.now)
    }
    var check = try SpotCheck(
      id: "x", target: .agent("a1"), from: CivilDate(iso: "2026-11-01")!, through: CivilDate(iso: "2026-11-30")!,
      seed: 42, candidates: Self.candidates, size: 3, by: Self.supervisor, at: Machine.now)
    #expect(check.population == 40 && check.items.count == 3)
    let first = check.items[0].caseNumber
    #expect(throws: ValidationError.self) {
      try check.record(.problem, note: " ", on: first, by: Self.supervisor, at: Machine.now)
    }
    #expect(throws: ValidationError.self) {
      try check.record(.compliant, note: "", on: "not-in-sample", by: Self.supervisor, at: Machine.now)
    }
    try check.record(.problem, note: "委托书未载明代办事项", on: first, by: Self.supervisor, at: Machine.now)
    try check.record(.compliant, note: "", on: check.items[1].caseNumber, by: Self.supervisor, at: Machine.now)
    #expect(check.checked == 2 && check.problems == 1 && !check.isComplete)
  }
}
