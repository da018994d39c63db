import Foundation
import OneWindowDomain
import Testing

@Suite("Case lifecycle: every state × every step")
struct CaseStateMachineTests {
  static let county = RegionCode("360999")!
  static let clerk = CaseActor(
    StaffIdentity(
      id: "c1", username: "clerk", displayName: "李国平", role: .clerk,
      scope: Scope(regionCode: county, siteID: "site-center")))
  static let reviewer = CaseActor(
    StaffIdentity(
      id: "r1", username: "reviewer", displayName: "刘梦瑶", role: .reviewer,
      scope: Scope(regionCode: county, departmentID: "dept-scjgj")),
    chiefPowers: ChiefPowers(["dept-scjgj": [.decide, .report]]))
  static let otherReviewer = CaseActor(
    StaffIdentity(
      id: "r2", username: "zrzy", displayName: "赵振华", role: .reviewer,
      scope: Scope(regionCode: county, departmentID: "dept-zrzyj")),
    chiefPowers: ChiefPowers(["dept-zrzyj": [.decide, .report]]))
  static let now = ISO8601DateFormatter().date(from: "2026-11-23T10:00:00+08:00")!
  static let later = CivilDate(iso: "2026-12-31")!

  static func makeCase(kind: CaseKind = .promised) -> ServiceCase {
    ServiceCase(
      number: "360999-20261123-00001",
      item: CaseItem(
        code: "360104001000", version: 1, name: "食品经营许可", kind: kind, departmentID: "dept-scjgj",
        promisedLimitDays: kind == .immediate ? 0 : 10, legalLimitDays: 20),
      applicant: Applicant(
        kind: .person, name: "王秀英", idType: Applicant.residentID, idNumber: "11010519491231002X", phone: "13912345678"),
      channel: .window, siteID: "site-center", regionCode: county, receivedBy: "c1", createdAt: now)
  }

  /// One valid instance of each step, with the actor who takes it and the state it leads to (nil: unchanged).
  static let steps: [(CaseAction, CaseActor, CaseState?)] = [
    (.submit, clerk, .submitted),
    (.checkMaterials([MaterialCheck(name: "营业执照", status: .received)]), clerk, nil),
    (.issueCorrection(items: [.init(material: "营业执照", problem: "复印件不清晰")], reasonForAnother: nil), clerk, .correcting),
    (.resubmit, clerk, .submitted),
    (.accept(.standard), clerk, .accepted),
    (.refuse(reason: "不属于本机关职权范围", legalBasis: "《行政许可法》第三十二条"), clerk, .refused),
    (.startReview, reviewer, .inReview),
    (.review(step: "审查", opinion: "材料齐全", approved: true), reviewer, nil),
    (.requestOpinion(departmentID: "dept-zrzyj", question: "选址是否符合规划", dueWorkdays: 3), reviewer, nil),
    (.giveOpinion(departmentID: "dept-zrzyj", answer: "符合规划", agrees: true), otherReviewer, nil),
    (.decide(approved: true, reason: ""), reviewer, .decided),
    (
      .issueResult(Attachment(fileID: String(repeating: "a", count: 64), name: "营业执照.pdf", kind: .pdf, size: 9)), clerk,
      nil
    ),
    (.supplyMaterials, clerk, nil),
    (.postCheck(finding: "经现场核查，经营场所与承诺一致", pledgeKept: true, legalBasis: ""), reviewer, nil),
    (.deliver(.pickup(receiver: "王秀英", idChecked: true)), clerk, .concluded),
    (.withdraw(reason: "申请人主动撤回"), clerk, .withdrawn),
    (.suspend(kind: .specialProcedure, reason: "现场核查", plannedWorkdays: 5), reviewer, .suspended),
    (.resume, reviewer, .inReview),
    (.escalate(toDepartmentID: "dept-sj-scjgj", reason: "属市级权限", limitDays: 20), reviewer, .escalated),
    (.transfer(toDepartmentID: "dept-zrzyj", reason: "职责调整"), reviewer, nil),
  ]

  /// A case in `state`, prepared so that `action` is well-formed there.
  static func fixture(_ state: CaseState, for action: CaseAction) -> ServiceCase {
    var c = makeCase()
    c.state = state
    if state != .draft { c.submittedAt = now }
    if [.accepted, .inReview, .suspended, .escalated, .decided].contains(state) {
      c.acceptedAt = now
      c.clockStart = now
    }
    if state == .suspended {
      c.suspendedFrom = .inReview
      c.pauses = [ClockPause(kind: .specialProcedure, reason: "检测", start: now)]
    }
    if case .checkMaterials = action {
      c.intake = CaseIntake(
        materials: [CaseMaterial(name: "营业执照", required: true, deferrable: false, status: .missing)],
        route: .direct, resultDelivery: .pickup(siteID: "site-center"))
    }
    if case .issueResult = action {
      c.decision = Decision(approved: true, reason: "", by: "r1", at: now)
    }
    if case .supplyMaterials = action {
      c.deficiency = Deficiency(materials: ["房屋租赁合同"], dueDate: later)
    }
    if case .postCheck = action { c.postCheckDue = later }
    if case .giveOpinion = action {
      c.opinions = [OpinionRequest(departmentID: "dept-zrzyj", question: "选址", dueDate: later, requestedAt: now)]
    }
    return c
  }

  @Test("allowed steps move to their state; all others are refused by name and change nothing")
  func matrix() {
    for state in CaseState.allCases {
      for (action, actor, target) in Self.steps {
        let before = Self.fixture(state, for: action)
        let allowed = CaseStateMachine.states(for: action.name, kind: .promised).contains(state)
        do {
          let after = try CaseStateMachine.apply(action, to: before, by: actor, at: Self.now)
          #expect(allowed, "\(action.name) from \(state) should be refused")
          let expected = target ?? (action.name == .resume ? before.suspendedFrom : state)
          #expect(after.state == expected, "\(action.name) from \(state)")
          #expect(after.version == before.version + 1)
        } catch {
          #expect(!allowed, "\(action.name) from \(state) failed: \(error)")
          #expect(error == .illegalStep(action.name, state))
          #expect(error.message.zh.contains(state.name.zh))
          #expect(error.message.zh.contains(action.name.name.zh))
        }
      }
    }
  }

  @Test("terminal states take no step, but a concluded case on pledge still takes its post-check")
  func terminal() {
    for state in CaseState.allCases where state.isTerminal {
      for step in CaseStep.allCases {
        let expected = state == .concluded && step == .postCheck
        #expect(CaseStateMachine.states(for: step, kind: .promised).contains(state) == expected, "\(step) \(state)")
      }
    }
  }

  @Test("a promised case from submission to conclusion, with its deadline")
  func promisedPath() throws {
    var c = Self.makeCase()
    c = try CaseStateMachine.apply(.submit, to: c, by: Self.clerk, at: Self.now)
    c = try CaseStateMachine.apply(.accept(.standard), to: c, by: Self.clerk, at: Self.now)
    let rule = DeadlineRule()
    #expect(c.deadline(rule, now: Self.now)?.due.map(rule.iso8601) == "2026-12-07T23:59:59+08:00")
    c = try CaseStateMachine.apply(.startReview, to: c, by: Self.reviewer, at: Self.now)
    c = try CaseStateMachine.apply(.decide(approved: true, reason: ""), to: c, by: Self.reviewer, at: Self.now)
    c = try CaseStateMachine.apply(
      .deliver(.mail(carrier: "EMS", trackingNumber: "1234567890")), to: c, by: Self.clerk, at: Self.now)
    #expect(c.state == .concluded)
    #expect(c.version == 6)
  }

  @Test("an immediate case is accepted and decided at the window")
  func immediate() throws {
    var c = Self.makeCase(kind: .immediate)
    c = try CaseStateMachine.apply(.submit, to: c, by: Self.clerk, at: Self.now)
    c = try CaseStateMachine.apply(.accept(.standard), to: c, by: Self.clerk, at: Self.now)
    c = try CaseStateMachine.apply(.decide(approved: true, reason: ""), to: c, by: Self.clerk, at: Self.now)
    #expect(c.state == .decided)
    var accepted = Self.makeCase(kind: .immediate)
    accepted.state = .accepted
    #expect(throws: CaseError.illegalStep(.escalate, .accepted)) {
      try CaseStateMachine.apply(
        .escalate(toDepartmentID: "x", reason: "r", limitDays: 5), to: accepted, by: Self.reviewer, at: Self.now)
    }
  }

  @Test("a promised case cannot be decided by a clerk")
  func clerkCannotDecide() {
    let c = Self.fixture(.inReview, for: .startReview)
    #expect(throws: CaseError.self) {
      try CaseStateMachine.apply(.decide(approved: true, reason: ""), to: c, by: Self.clerk, at: Self.now)
    }
    do {
      _ = try CaseStateMachine.apply(.decide(approved: true, reason: ""), to: c, by: Self.clerk, at: Self.now)
    } catch {
      guard case .forbidden = error else {
        Issue.record("expected forbidden, got \(error)")
        return
      }
    }
  }

  @Test("一审一核: examination then approval, by two different people, naming the rule")
  func examinationAndApprovalByDifferentPeople() throws {
    let colleague = CaseActor(
      StaffIdentity(
        id: "r3", username: "scjg2", displayName: "周建国", role: .reviewer,
        scope: Scope(regionCode: Self.county, departmentID: "dept-scjgj")))
    var c = Self.fixture(.inReview, for: .startReview)
    #expect(ReviewStage.next(after: c.reviews) == .examine)
    #expect(throws: CaseError.self) {
      try CaseStateMachine.apply(.review(step: "核准", opinion: "同意", approved: true), to: c, by: colleague, at: Self.now)
    }
    c = try CaseStateMachine.apply(
      .review(step: "审查", opinion: "材料齐全", approved: true), to: c, by: Self.reviewer, at: Self.now)
    #expect(ReviewStage.next(after: c.reviews) == .approve)
    do {
      _ = try CaseStateMachine.apply(
        .review(step: "核准", opinion: "同意", approved: true), to: c, by: Self.reviewer, at: Self.now)
      Issue.record("the examiner approved their own examination")
    } catch {
      #expect(error.message.zh.contains("一审一核须由不同人员办理"))
    }
    let approved = try CaseStateMachine.apply(
      .review(step: "approve", opinion: "同意", approved: true), to: c, by: colleague, at: Self.now)
    #expect(approved.reviews.map(\.step) == ["审查", "核准"])
    #expect(approved.reviews.map(\.by) == ["r1", "r3"])
    #expect(throws: CaseError.self) {
      try CaseStateMachine.apply(
        .review(step: "审查", opinion: "补充", approved: true), to: approved, by: colleague, at: Self.now)
    }
    do {
      _ = try CaseStateMachine.apply(
        .review(step: "审核", opinion: "同意", approved: true), to: c, by: colleague, at: Self.now)
      Issue.record("an unknown review step was taken")
    } catch {
      guard case .invalid(let invalid) = error else { throw error }
      #expect(invalid.field == "step")
    }
  }

  @Test("a reviewer of another department may not review this case")
  func scope() {
    let c = Self.fixture(.accepted, for: .startReview)
    do {
      _ = try CaseStateMachine.apply(.startReview, to: c, by: Self.otherReviewer, at: Self.now)
      Issue.record("out of scope")
    } catch {
      #expect(error == .forbidden(LocalizedText(zh: "超出您的数据范围", en: "This is outside your scope")))
    }
  }

  @Test("one-time notice: a second notice needs a reason and is flagged to supervision")
  func secondNotice() throws {
    var c = Self.fixture(.submitted, for: .submit)
    let items = [CorrectionNotice.Item(material: "身份证", problem: "已过期")]
    c = try CaseStateMachine.apply(
      .issueCorrection(items: items, reasonForAnother: nil), to: c, by: Self.clerk, at: Self.now)
    c = try CaseStateMachine.apply(.resubmit, to: c, by: Self.clerk, at: Self.now)
    #expect(
      throws: CaseError.invalid(
        ValidationError(
          field: "reason_for_another", zh: "一次性告知已发出过，再次告知须说明理由（将报电子监察）",
          en: "A notice was already issued; another one needs a reason (it is flagged to supervision)"))
    ) {
      try CaseStateMachine.apply(
        .issueCorrection(items: items, reasonForAnother: nil), to: c, by: Self.clerk, at: Self.now)
    }
    c = try CaseStateMachine.apply(
      .issueCorrection(items: items, reasonForAnother: "新提交的材料又有问题"), to: c, by: Self.clerk, at: Self.now)
    #expect(c.notices.count == 2)
    #expect(c.flags.map(\.code) == ["second_correction_notice"])
    #expect(throws: CaseError.self) {
      try CaseStateMachine.apply(
        .issueCorrection(items: [], reasonForAnother: "x"), to: Self.fixture(.submitted, for: .submit), by: Self.clerk,
        at: Self.now)
    }
  }

  @Test("容缺: no delivery until the missing materials are in")
  func deficiency() throws {
    var c = Self.fixture(.submitted, for: .submit)
    c = try CaseStateMachine.apply(
      .accept(.withDeficiency(materials: ["房屋租赁合同"], dueDate: Self.later)), to: c, by: Self.clerk, at: Self.now)
    c = try CaseStateMachine.apply(.startReview, to: c, by: Self.reviewer, at: Self.now)
    c = try CaseStateMachine.apply(.decide(approved: true, reason: ""), to: c, by: Self.reviewer, at: Self.now)
    #expect(throws: CaseError.self) {
      try CaseStateMachine.apply(
        .deliver(.mail(carrier: "EMS", trackingNumber: "1180000000001")), to: c, by: Self.clerk, at: Self.now)
    }
    c = try CaseStateMachine.apply(.supplyMaterials, to: c, by: Self.clerk, at: Self.now)
    c = try CaseStateMachine.apply(
      .deliver(.mail(carrier: "EMS", trackingNumber: "1180000000001")), to: c, by: Self.clerk, at: Self.now)
    #expect(c.state == .concluded)
  }

  @Test("告知承诺 sets the post-check date; a past date is refused by field")
  func pledge() throws {
    let c = Self.fixture(.submitted, for: .submit)
    let accepted = try CaseStateMachine.apply(
      .accept(.onPledge(postCheckDue: Self.later)), to: c, by: Self.clerk, at: Self.now)
    #expect(accepted.postCheckDue == Self.later)
    do {
      _ = try CaseStateMachine.apply(
        .accept(.onPledge(postCheckDue: CivilDate(iso: "2026-01-01")!)), to: c, by: Self.clerk, at: Self.now)
      Issue.record("past date")
    } catch {
      guard case .invalid(let field) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(field.field == "post_check_due")
    }
  }

  @Test("parallel opinions: decide waits for every answer; answers come from the asked department only")
  func parallel() throws {
    var c = Self.fixture(.inReview, for: .startReview)
    c = try CaseStateMachine.apply(
      .requestOpinion(departmentID: "dept-zrzyj", question: "规划意见", dueWorkdays: 3), to: c, by: Self.reviewer,
      at: Self.now)
    #expect(c.opinions.first?.dueDate == CivilDate(iso: "2026-11-26"))
    #expect(throws: CaseError.self) {
      try CaseStateMachine.apply(.decide(approved: true, reason: ""), to: c, by: Self.reviewer, at: Self.now)
    }
    #expect(throws: CaseError.self) {
      try CaseStateMachine.apply(
        .giveOpinion(departmentID: "dept-zrzyj", answer: "同意", agrees: true), to: c, by: Self.reviewer, at: Self.now)
    }
    c = try CaseStateMachine.apply(
      .giveOpinion(departmentID: "dept-zrzyj", answer: "同意", agrees: true), to: c, by: Self.otherReviewer, at: Self.now)
    c = try CaseStateMachine.apply(.decide(approved: false, reason: "不符合条件"), to: c, by: Self.reviewer, at: Self.now)
    #expect(c.decision?.approved == false)
  }

  @Test("suspension stops the clock and the due date moves by the working days paused")
  func suspension() throws {
    let rule = DeadlineRule()
    var c = Self.fixture(.submitted, for: .submit)
    c = try CaseStateMachine.apply(.accept(.standard), to: c, by: Self.clerk, at: Self.now)  // due 2026-12-07
    c = try CaseStateMachine.apply(
      .suspend(kind: .specialProcedure, reason: "专家评审", plannedWorkdays: 3), to: c, by: Self.reviewer, at: Self.now)
    #expect(c.deadline(rule, now: Self.now)?.due == nil)
    let resumeAt = ISO8601DateFormatter().date(from: "2026-11-26T15:00:00+08:00")!
    c = try CaseStateMachine.apply(.resume, to: c, by: Self.reviewer, at: resumeAt)
    #expect(c.state == .accepted)
    #expect(c.deadline(rule, now: resumeAt)?.due.map(rule.iso8601) == "2026-12-10T23:59:59+08:00")
  }

  @Test("escalation hands the case to the upper level, whose clock starts")
  func escalation() throws {
    let rule = DeadlineRule()
    var c = Self.makeCase(kind: .escalated)
    c.state = .inReview
    c.acceptedAt = Self.now
    c.clockStart = Self.now
    #expect(throws: CaseError.self) {
      try CaseStateMachine.apply(.decide(approved: true, reason: ""), to: c, by: Self.reviewer, at: Self.now)
    }
    let at = ISO8601DateFormatter().date(from: "2026-11-25T10:00:00+08:00")!
    c = try CaseStateMachine.apply(
      .escalate(toDepartmentID: "dept-city-scjgj", reason: "市级权限", limitDays: 5), to: c, by: Self.reviewer, at: at)
    #expect(c.departmentID == "dept-city-scjgj")
    #expect(c.deadline(rule, now: at)?.due.map(rule.iso8601) == "2026-12-02T23:59:59+08:00")
  }

  @Test("the decision is worded by the item's type: 准予许可 for a licence, 准予办理 for the rest")
  func decisionWords() {
    let item = Self.makeCase().item
    #expect(item.decisionName(approved: true).zh == "准予办理", "a case that does not record its type")
    let licence = CaseItem(
      code: item.code, version: 1, name: item.name, kind: .promised, departmentID: item.departmentID,
      promisedLimitDays: 10, legalLimitDays: 20, type: .license)
    #expect(licence.decisionName(approved: true).zh == "准予许可" && licence.decisionName(approved: false).zh == "不予许可")
    let benefit = CaseItem(
      code: item.code, version: 1, name: "高龄津贴发放", kind: .promised, departmentID: item.departmentID,
      promisedLimitDays: 10, legalLimitDays: 20, type: .benefit)
    #expect(benefit.decisionName(approved: false).zh == "不予办理")
  }

  @Test("case numbers: county, date, sequence; sortable")
  func numbers() {
    let a = CaseNumber.make(county: RegionCode("360999100")!, date: CivilDate(iso: "2026-11-23")!, sequence: 42)
    #expect(a == "360999-20261123-00042")
    #expect(CaseNumber.isWellFormed(a))
    #expect(!CaseNumber.isWellFormed("360999-2026112-00042"))
    #expect(!CaseNumber.isWellFormed("'; drop table"))
    let b = CaseNumber.make(county: RegionCode("360999")!, date: CivilDate(iso: "2026-11-24")!, sequence: 1)
    #expect(a < b)
  }

  @Test("the trail's hash chain catches an edited event")
  func trail() {
    var events: [CaseEvent] = []
    for (index, step) in [CaseStep.create, .submit, .accept].enumerated() {
      events.append(
        CaseEvent.next(
          after: events.last, caseNumber: "360999-20261123-00001", step: step, from: nil, to: .submitted,
          actorID: "c1", actorName: "李国平", at: Self.now.addingTimeInterval(Double(index)), payload: "{}"))
    }
    #expect(CaseTrail.verify(events) == nil)
    var edited = events
    let original = edited[1]
    edited[1] = CaseEvent(
      caseNumber: original.caseNumber, sequence: 2, step: original.step, fromState: original.fromState,
      toState: .accepted, actorID: original.actorID, actorName: original.actorName, atMillis: original.atMillis,
      payload: original.payload, previousHash: original.previousHash, hash: original.hash)
    #expect(CaseTrail.verify(edited)?.sequence == 2)
    #expect(CaseTrail.verify(Array(events.dropFirst()))?.sequence == 2)
  }

  @Test("applicant fields are checked, naming each")
  func applicant() {
    let bad = Applicant(
      kind: .person, name: "", idType: Applicant.residentID, idNumber: "110105194912310021", phone: "123")
    do {
      try bad.validate()
      Issue.record("invalid applicant")
    } catch {
      #expect(error.errors.map(\.field) == ["applicant.id_number", "applicant.name", "applicant.phone"])
    }
    #expect(Applicant.isResidentIDNumber("11010519491231002X"))
  }
}

@Suite("Bundle status")
struct BundleStatusTests {
  @Test("the least advanced case decides; a correction wins; all withdrawn is withdrawn")
  func combined() {
    #expect(BundleStatus([.decided, .inReview, .concluded]).state == .inReview)
    #expect(BundleStatus([.decided, .correcting, .accepted]).state == .correcting)
    #expect(BundleStatus([.concluded, .withdrawn]).state == .concluded)
    #expect(BundleStatus([.withdrawn, .withdrawn]).state == .withdrawn)
    #expect(BundleStatus([.refused, .withdrawn]).state == .refused)
    #expect(BundleStatus([.accepted, .accepted]).counts[.accepted] == 2)
  }
}
