import Foundation
import OneWindowDomain
import Testing

@Suite("Supervision: post-checks of pledges, follow-ups, the clock board")
struct SupervisionTests {
  typealias Machine = CaseStateMachineTests

  /// A case accepted on pledge, decided as `approved` when given.
  static func pledged(decided approved: Bool? = nil) throws -> ServiceCase {
    var c = Machine.fixture(.submitted, for: .submit)
    c = try CaseStateMachine.apply(
      .accept(.onPledge(postCheckDue: Machine.later)), to: c, by: Machine.clerk, at: Machine.now)
    c = try CaseStateMachine.apply(.startReview, to: c, by: Machine.reviewer, at: Machine.now)
    if let approved {
      c = try CaseStateMachine.apply(
        .decide(approved: approved, reason: approved ? "" : "不符合条件"), to: c, by: Machine.reviewer, at: Machine.now)
    }
    return c
  }

  static func field(of step: () throws(CaseError) -> ServiceCase) -> String? {
    do {
      _ = try step()
      return nil
    } catch {
      if case .invalid(let field) = error { return field.field }
      return "\(error)"
    }
  }

  @Test("a kept pledge is recorded once, by a reviewer, and the step is no longer offered")
  func keptPledge() throws {
    let c = try Self.pledged(decided: true)
    #expect(CaseStateMachine.available(to: Machine.reviewer, on: c).contains(.postCheck))
    #expect(!CaseStateMachine.available(to: Machine.clerk, on: c).contains(.postCheck))
    let action = CaseAction.postCheck(finding: "现场核查与承诺一致", pledgeKept: true, legalBasis: "")
    #expect(throws: CaseError.self) { try CaseStateMachine.apply(action, to: c, by: Machine.clerk, at: Machine.now) }
    let checked = try CaseStateMachine.apply(action, to: c, by: Machine.reviewer, at: Machine.now)
    #expect(checked.postCheck?.pledgeKept == true)
    #expect(checked.postCheck?.by == "r1")
    #expect(checked.postCheck?.revocationStarted == false)
    #expect(checked.flags.isEmpty)
    #expect(!CaseStateMachine.available(to: Machine.reviewer, on: checked).contains(.postCheck))
    #expect(
      Self.field { () throws(CaseError) in
        try CaseStateMachine.apply(action, to: checked, by: Machine.reviewer, at: Machine.now)
      } == "finding")
  }

  @Test("a false pledge needs its legal basis, is flagged, and starts revoking an approval already given")
  func falsePledgeAfterApproval() throws {
    let c = try Self.pledged(decided: true)
    let withoutBasis = CaseAction.postCheck(finding: "经营场所与承诺不符", pledgeKept: false, legalBasis: " ")
    #expect(
      Self.field { () throws(CaseError) in
        try CaseStateMachine.apply(withoutBasis, to: c, by: Machine.reviewer, at: Machine.now)
      } == "legal_basis")
    #expect(
      Self.field { () throws(CaseError) in
        try CaseStateMachine.apply(
          .postCheck(finding: "", pledgeKept: true, legalBasis: ""), to: c, by: Machine.reviewer, at: Machine.now)
      } == "finding")
    let checked = try CaseStateMachine.apply(
      .postCheck(finding: "经营场所与承诺不符", pledgeKept: false, legalBasis: "《优化营商环境条例》第十九条"), to: c,
      by: Machine.reviewer, at: Machine.now)
    #expect(checked.postCheck?.revocationStarted == true)
    #expect(checked.postCheck?.legalBasis == "《优化营商环境条例》第十九条")
    #expect(checked.flags.map(\.code) == ["false_pledge"])
    #expect(checked.state == .decided)
  }

  @Test("after a false pledge found before the decision, the case cannot be approved, only denied")
  func falsePledgeBeforeDecision() throws {
    var c = try Self.pledged()
    c = try CaseStateMachine.apply(
      .postCheck(finding: "承诺的资质证书不存在", pledgeKept: false, legalBasis: "《行政许可法》第六十九条"), to: c,
      by: Machine.reviewer, at: Machine.now)
    #expect(c.postCheck?.revocationStarted == false)
    #expect(
      Self.field { () throws(CaseError) in
        try CaseStateMachine.apply(.decide(approved: true, reason: ""), to: c, by: Machine.reviewer, at: Machine.now)
      } == "approved")
    let denied = try CaseStateMachine.apply(
      .decide(approved: false, reason: "承诺不实"), to: c, by: Machine.reviewer, at: Machine.now)
    #expect(denied.state == .decided)
  }

  @Test("a case not accepted on pledge has no post-check")
  func notPledged() throws {
    var c = Machine.fixture(.submitted, for: .submit)
    c = try CaseStateMachine.apply(.accept(.standard), to: c, by: Machine.clerk, at: Machine.now)
    #expect(!CaseStateMachine.available(to: Machine.reviewer, on: c).contains(.postCheck))
    #expect(
      Self.field { () throws(CaseError) in
        try CaseStateMachine.apply(
          .postCheck(finding: "x", pledgeKept: true, legalBasis: ""), to: c, by: Machine.reviewer, at: Machine.now)
      } == "finding")
  }

  @Test("a follow-up is open, due soon within two days, overdue from the day after its date, or done")
  func standing() {
    let due = CivilDate(iso: "2026-12-10")!
    let open = FollowUp(id: "t", kind: .deficiency, caseNumber: "n", due: due, doneAt: nil, outcome: nil)
    #expect(open.standing(today: CivilDate(iso: "2026-12-07")!) == .open)
    #expect(open.standing(today: CivilDate(iso: "2026-12-08")!) == .dueSoon)
    #expect(open.standing(today: due) == .dueSoon)
    #expect(open.standing(today: CivilDate(iso: "2026-12-11")!) == .overdue)
    #expect(open.daysOverdue(today: CivilDate(iso: "2026-12-13")!) == 3)
    #expect(open.daysOverdue(today: due) == 0)
    let done = FollowUp(id: "t", kind: .deficiency, caseNumber: "n", due: due, doneAt: Machine.now, outcome: .supplied)
    #expect(done.standing(today: CivilDate(iso: "2026-12-20")!) == .done)
    #expect(done.daysOverdue(today: CivilDate(iso: "2026-12-20")!) == 0)
  }

  @Test("the applicant is reminded once when due soon and once when overdue, within sending hours")
  func reminders() {
    let policy = FollowUpReminders()
    let due = CivilDate(iso: "2026-12-10")!
    let followUp = FollowUp(id: "t", kind: .deficiency, caseNumber: "n", due: due, doneAt: nil, outcome: nil)
    #expect(policy.level(for: followUp, today: CivilDate(iso: "2026-12-07")!, reminded: 0) == nil)
    #expect(policy.level(for: followUp, today: CivilDate(iso: "2026-12-08")!, reminded: 0) == 1)
    #expect(policy.level(for: followUp, today: CivilDate(iso: "2026-12-09")!, reminded: 1) == nil)
    #expect(policy.level(for: followUp, today: CivilDate(iso: "2026-12-11")!, reminded: 1) == 2)
    #expect(policy.level(for: followUp, today: CivilDate(iso: "2026-12-11")!, reminded: 0) == 2)
    #expect(policy.level(for: followUp, today: CivilDate(iso: "2026-12-12")!, reminded: 2) == nil)
    #expect(!policy.isSendingTime(minuteOfDay: 8 * 60 + 59))
    #expect(policy.isSendingTime(minuteOfDay: 9 * 60))
    #expect(!policy.isSendingTime(minuteOfDay: 20 * 60))
  }

  @Test("the reminder names the materials and the date, and says when they are overdue")
  func reminderText() {
    let facts = ["item": "食品经营许可", "number": "N1", "materials": "房屋租赁合同", "due": "2026-12-10"]
    let soon = NotificationText(.materialsDue, facts.merging(["level": "1"]) { $1 })
    let late = NotificationText(.materialsDue, facts.merging(["level": "2"]) { $1 })
    #expect(soon.body.zh.contains("房屋租赁合同") && soon.body.zh.contains("2026-12-10"))
    #expect(!soon.body.zh.contains("逾期"))
    #expect(late.body.zh.contains("已逾期"))
    #expect(!NotificationKind.materialsDue.isForStaff)
  }

  @Test("the board sums cells by department, site or town, the most red first")
  func board() {
    let board = ClockBoard(cells: [
      .init(
        departmentID: "d1", siteID: "s1", townCode: "360999100", counts: .init(green: 3, yellow: 1, red: 0, paused: 1)),
      .init(
        departmentID: "d1", siteID: "s2", townCode: "360999101", counts: .init(green: 1, yellow: 0, red: 2, paused: 0)),
      .init(
        departmentID: "d2", siteID: "s1", townCode: "360999100", counts: .init(green: 5, yellow: 2, red: 1, paused: 0)),
    ])
    let byDepartment = board.grouped(by: .department)
    #expect(byDepartment.map(\.key) == ["d1", "d2"])
    #expect(byDepartment[0].counts == .init(green: 4, yellow: 1, red: 2, paused: 1))
    #expect(byDepartment[0].counts.open == 8)
    let bySite = board.grouped(by: .site)
    #expect(bySite.map(\.key) == ["s2", "s1"])
    #expect(bySite[1].counts == .init(green: 8, yellow: 3, red: 1, paused: 1))
    #expect(board.grouped(by: .town).map(\.key) == ["360999101", "360999100"])
    #expect(board.total == .init(green: 9, yellow: 3, red: 3, paused: 1))
    #expect(ClockBoard.townCode(of: "360999100201") == "360999100")
    #expect(ClockBoard.townCode(of: "360999") == "360999")
  }

  @Test("a pause runs longer than planned from the working day after its planned end")
  func pauseOverrun() throws {
    var c = try Self.pledged()
    // Monday 2026-11-23, 5 working days planned: the planned end is Monday 2026-11-30.
    c = try CaseStateMachine.apply(
      .suspend(kind: .specialProcedure, reason: "现场核查", plannedWorkdays: 5), to: c, by: Machine.reviewer,
      at: Machine.now)
    let rule = DeadlineRule()
    #expect(c.plannedResumption(rule) == CivilDate(iso: "2026-11-30"))
    #expect(!c.isPausedLongerThanPlanned(rule, today: CivilDate(iso: "2026-11-30")!))
    #expect(c.isPausedLongerThanPlanned(rule, today: CivilDate(iso: "2026-12-01")!))
    var unplanned = try Self.pledged()
    unplanned = try CaseStateMachine.apply(
      .suspend(kind: .specialProcedure, reason: "听证", plannedWorkdays: nil), to: unplanned, by: Machine.reviewer,
      at: Machine.now)
    #expect(unplanned.plannedResumption(rule) == nil)
  }
}
