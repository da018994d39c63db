import Foundation
import OneWindowDomain
import Testing

@Suite("Inquiries: the 12345 closed loop, its limits, who takes each step, the trail")
struct InquiryTests {
  static let county = RegionCode("360999")!
  static let desk = StaffIdentity(
    id: "s1", username: "service", displayName: "客服小王", role: .service, scope: Scope(regionCode: county))
  static let market = StaffIdentity(
    id: "r1", username: "reviewer", displayName: "刘梦瑶", role: .reviewer,
    scope: Scope(regionCode: county, departmentID: "dept-scjgj"))
  static let health = StaffIdentity(
    id: "r2", username: "reviewer2", displayName: "周医生", role: .reviewer,
    scope: Scope(regionCode: county, departmentID: "dept-wjw"))
  static let clerk = StaffIdentity(
    id: "c1", username: "clerk", displayName: "李国平", role: .clerk, scope: Scope(regionCode: county))
  static let supervisor = StaffIdentity(
    id: "v1", username: "supervisor", displayName: "监察员", role: .supervisor, scope: Scope(regionCode: county))
  /// Monday 23 November 2026, 10:00 in the county.
  static let monday = ISO8601DateFormatter().date(from: "2026-11-23T10:00:00+08:00")!
  static let rule = DeadlineRule()
  static let policy = InquiryPolicy.standard

  static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

  static func complaint(kind: InquiryKind = .complaint, anonymous: Bool = false) throws -> Inquiry {
    try Inquiry(
      id: "i1", number: "360999TS202611230001", accessKey: "k", kind: kind, source: .portal,
      about: .init(departmentID: "dept-scjgj"),
      inquirer: .init(name: anonymous ? "" : "张三", phone: anonymous ? "" : "13800001234", anonymous: anonymous),
      title: "", content: "窗口让我跑了两次", filedAt: monday)
  }

  static func field(_ body: () throws(ValidationError) -> Void) -> String? {
    do {
      try body()
      return nil
    } catch { return error.field }
  }

  @Test("filing names every missing field at once; only a report may be anonymous; a title comes from the content")
  func filing() throws {
    do {
      _ = try Inquiry(
        id: "i", number: "n", accessKey: "k", kind: .complaint, source: .portal, about: .init(),
        inquirer: .init(name: "", phone: "12", anonymous: false), title: "", content: " ", filedAt: Self.monday)
      Issue.record("filed without content")
    } catch {
      #expect(error.errors.map(\.field) == ["content", "name", "phone"])
    }
    #expect(throws: ValidationErrors.self) { try Self.complaint(anonymous: true) }
    let report = try Self.complaint(kind: .report, anonymous: true)
    #expect(report.inquirer.displayName == "匿名")
    #expect(try Self.complaint().title == "窗口让我跑了两次")
  }

  @Test(
    "the loop: dispatched, returned once as mis-assigned, dispatched again, signed, answered, rated — each by its role")
  func loop() throws {
    var q = try Self.complaint()
    func take(_ action: Inquiry.Action, by actor: StaffIdentity, at now: Date = InquiryTests.monday)
      throws(ValidationError) -> InquiryStep
    {
      try q.apply(action, by: actor, at: now, rule: Self.rule, policy: Self.policy)
    }
    // Only the service desk dispatches.
    #expect(
      Self.field { () throws(ValidationError) in
        _ = try take(.assign(departmentID: "dept-wjw", note: ""), by: Self.clerk)
      } == "step")
    _ = try take(.assign(departmentID: "dept-wjw", note: "请核实"), by: Self.desk)
    #expect(q.state == .assigned && q.departmentID == "dept-wjw")
    // Another department cannot touch it; the one it went to returns it with a reason, within two working days.
    #expect(Self.field { () throws(ValidationError) in _ = try take(.sign, by: Self.market) } == "step")
    #expect(
      Self.field { () throws(ValidationError) in _ = try take(.giveBack(reason: " "), by: Self.health) } == "reason")
    let back = try take(.giveBack(reason: "属市场监管职责"), by: Self.health, at: Self.at("2026-11-24T16:00:00+08:00"))
    #expect(back.kind == .giveBack && back.facts["department_id"] == "dept-wjw")
    #expect(q.state == .received && q.departmentID == nil && q.returns == 1)
    _ = try take(.assign(departmentID: "dept-scjgj", note: ""), by: Self.desk)
    // Past the return limit (Thursday end of day after a Monday dispatch) it cannot go back.
    #expect(
      Self.field { () throws(ValidationError) in
        _ = try take(.giveBack(reason: "不是我们的"), by: Self.market, at: Self.at("2026-11-26T09:00:00+08:00"))
      } == "reason")
    _ = try take(.sign, by: Self.market)
    #expect(q.state == .handling)
    _ = try take(.answer("已约谈窗口人员并整改"), by: Self.market, at: Self.at("2026-11-25T10:00:00+08:00"))
    #expect(q.state == .answered && q.answeredOnTime == true)
    // The complaint rated unsatisfied reopens once, with a new reply clock, to the same department.
    let rated = try q.rate(.unsatisfied, comment: "没有解决", at: Self.at("2026-11-26T10:00:00+08:00"))
    #expect(rated.facts["reopened"] == "yes")
    #expect(q.state == .handling && q.reopened && q.departmentID == "dept-scjgj")
    #expect(
      q.replyDue(rule: Self.rule, policy: Self.policy)
        == Self.rule.due(acceptedAt: Self.at("2026-11-26T10:00:00+08:00"), limitDays: 5))
    _ = try take(.answer("已退还多收费用"), by: Self.market, at: Self.at("2026-11-27T10:00:00+08:00"))
    // The second unsatisfied rating closes it: a complaint reopens once.
    let again = try q.rate(.unsatisfied, comment: "仍不满意", at: Self.at("2026-11-27T11:00:00+08:00"))
    #expect(again.facts["reopened"] == "no")
    #expect(q.state == .closed && q.rating == .unsatisfied && q.answers.count == 2)
    #expect(
      Self.field { () throws(ValidationError) in _ = try q.rate(.satisfied, comment: "", at: Self.monday) } == "rating")
  }

  @Test("one extension at most, asked by the department, approved by the desk, lengthens the reply limit")
  func extensionOnce() throws {
    var q = try Self.complaint()
    func take(_ action: Inquiry.Action, by actor: StaffIdentity) throws(ValidationError) -> InquiryStep {
      try q.apply(action, by: actor, at: Self.monday, rule: Self.rule, policy: Self.policy)
    }
    _ = try take(.assign(departmentID: "dept-scjgj", note: ""), by: Self.desk)
    _ = try take(.sign, by: Self.market)
    let due = q.replyDue(rule: Self.rule, policy: Self.policy)
    #expect(
      Self.field { () throws(ValidationError) in
        _ = try take(.requestExtension(workdays: 11, reason: "需现场核查"), by: Self.market)
      } == "workdays")
    _ = try take(.requestExtension(workdays: 3, reason: "需现场核查"), by: Self.market)
    #expect(q.replyDue(rule: Self.rule, policy: Self.policy) == due)  // not before approval
    #expect(
      Self.field { () throws(ValidationError) in
        _ = try take(.decideExtension(approve: true, note: ""), by: Self.market)
      } == "step")
    _ = try take(.decideExtension(approve: true, note: ""), by: Self.desk)
    #expect(q.replyWorkdays(Self.policy) == 8)
    #expect(q.replyDue(rule: Self.rule, policy: Self.policy) == Self.rule.due(acceptedAt: Self.monday, limitDays: 8))
    #expect(
      Self.field { () throws(ValidationError) in
        _ = try take(.requestExtension(workdays: 2, reason: "再延"), by: Self.market)
      } == "workdays")
  }

  @Test("the light: a consultation is due in 2 working days; red after, none once answered")
  func warning() throws {
    var q = try Inquiry(
      id: "i2", number: "360999ZX202611230001", accessKey: "k", kind: .consultation, source: .phone, about: .init(),
      inquirer: .init(name: "王五", phone: "07951234567"), title: "", content: "社保怎么转", filedAt: Self.monday)
    // Waiting for dispatch: one working day.
    #expect(q.warning(rule: Self.rule, policy: Self.policy, now: Self.at("2026-11-25T09:00:00+08:00")) == .red)
    _ = try q.apply(.answer("携带身份证到社保窗口办理"), by: Self.desk, at: Self.monday, rule: Self.rule, policy: Self.policy)
    #expect(q.state == .answered && q.answeredOnTime == true)
    #expect(q.warning(rule: Self.rule, policy: Self.policy, now: Self.at("2026-12-25T09:00:00+08:00")) == .none)
    #expect(q.replyDue(rule: Self.rule, policy: Self.policy) == Self.rule.due(acceptedAt: Self.monday, limitDays: 2))
  }

  @Test("a call back with no rating closes it; a satisfied complaint closes; publish is for answered requests only")
  func callBackAndPublish() throws {
    var request = try Self.complaint(kind: .request)
    func take(_ action: Inquiry.Action, by actor: StaffIdentity) throws(ValidationError) -> InquiryStep {
      try request.apply(action, by: actor, at: Self.monday, rule: Self.rule, policy: Self.policy)
    }
    #expect(
      Self.field { () throws(ValidationError) in _ = try take(.publish(answer: "x", outcome: ""), by: Self.desk) }
        == "public_answer")
    _ = try take(.answer("已将该事项下放到乡镇"), by: Self.desk)
    _ = try take(.publish(answer: "已下放", outcome: "2026年12月起可在乡镇便民服务中心办理"), by: Self.desk)
    #expect(request.publication?.outcome.hasPrefix("2026") == true)
    _ = try take(.callBack(note: "电话无人接听", rating: nil), by: Self.desk)
    #expect(request.state == .closed && request.rating == nil)
    // A supervisor's 督办 is on the trail but changes nothing.
    let supervised = try take(.supervise(instruction: "请按期答复"), by: Self.supervisor)
    #expect(supervised.kind == .supervise && request.state == .closed)
    #expect(
      Self.field { () throws(ValidationError) in _ = try take(.supervise(instruction: "x"), by: Self.desk) }
        == "instruction")
  }

  @Test("the trail chains like a case's: verified intact, and an edited event breaks it")
  func trail() throws {
    let first = InquiryEvent.next(
      afterSequence: 0, previousHash: CaseEvent.genesisHash, number: "360999TS202611230001",
      step: InquiryStep(.file, ["kind": "complaint"]), from: nil, to: .received, actorID: "inquirer", actorName: "张三",
      at: Self.monday)
    let second = InquiryEvent.next(
      afterSequence: 1, previousHash: first.hash, number: first.number,
      step: InquiryStep(.assign, ["department_id": "dept-scjgj"]), from: .received, to: .assigned, actorID: "s1",
      actorName: "客服小王", at: Self.monday)
    #expect(CaseTrail.verify([first, second]) == nil)
    let forged = InquiryEvent(
      number: second.number, sequence: 2, step: .assign, fromState: .received, toState: .assigned, actorID: "s1",
      actorName: "客服小王", atMillis: second.atMillis, payload: #"{"department_id":"dept-wjw"}"#,
      previousHash: second.previousHash, hash: second.hash)
    #expect(CaseTrail.verify([first, forged])?.sequence == 2)
  }

  @Test("the limits are a setting: named pairs, each checked")
  func policySetting() throws {
    let policy = try InquiryPolicy.parse("complaint=3, sign=2,extension=5")
    #expect(policy.replyDays(.complaint) == 3 && policy.signWorkdays == 2 && policy.maxExtensionWorkdays == 5)
    #expect(policy.replyDays(.consultation) == 2)
    #expect(throws: ValidationError.self) { try InquiryPolicy.parse("complaints=3") }
    #expect(throws: ValidationError.self) { try InquiryPolicy.parse("complaint=0") }
  }

  @Test("a knowledge entry: problems by field, stale past its review date, found by pinyin initials")
  func knowledge() {
    let today = CivilDate(iso: "2026-11-23")!
    let entry = KnowledgeEntry(
      id: "k1", question: "营业执照丢了怎么补办", answer: "登报声明后到市场监管窗口申请补领", itemCodes: ["X1"],
      departmentID: "dept-scjgj", reviewBy: CivilDate(iso: "2026-11-20")!, state: .published, sourceNumber: nil,
      updatedBy: "客服小王", updatedAt: Self.monday)
    #expect(entry.isStale(today: today))
    #expect(entry.problems(today: today, knownItems: []).map(\.field) == ["item_codes", "review_by"])
    #expect(entry.searchText.contains("yyzzdlzmbb"))
    var draft = entry
    draft.state = .draft
    draft.question = ""
    #expect(draft.problems(today: today, knownItems: ["X1"]).map(\.field) == ["question"])
  }
}
