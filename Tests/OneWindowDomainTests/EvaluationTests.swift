import Foundation
import OneWindowDomain
import Testing

@Suite("好差评: levels, the form, 差评整改 and 申诉复核")
struct EvaluationTests {
  static let county = RegionCode("360999")!
  static func staff(_ id: String, _ role: Role) -> StaffIdentity {
    StaffIdentity(id: id, username: id, displayName: id, role: role, scope: Scope(regionCode: county))
  }
  static let service = staff("kf", .service)
  static let clerk = staff("c1", .clerk)
  static let otherClerk = staff("c2", .clerk)
  static let supervisor = staff("jc", .supervisor)
  static let admin = staff("admin", .admin)
  // A Monday.
  static let now = ISO8601DateFormatter().date(from: "2026-11-23T10:00:00+08:00")!

  static func rating(_ level: EvaluationLevel, staffID: String = "c1") -> Evaluation {
    Evaluation(
      id: "e1", subject: .case, channel: .statusPage, level: level, comment: "等了很久",
      rater: .init(name: "王秀英", phone: "13912345678"),
      about: .init(caseNumber: "360999-20261123-00001", staffID: staffID, regionCode: county.value), at: now)
  }

  @Test("Levels weigh 100 to 20; 不满意 and 非常不满意 are negative; the code is checked")
  func levels() throws {
    #expect(EvaluationLevel.allCases.map(\.weight) == [100, 80, 60, 40, 20])
    #expect(EvaluationLevel.allCases.filter(\.isNegative) == [.dissatisfied, .veryDissatisfied])
    #expect(try EvaluationLevel.parse("4") == .satisfied)
    for bad in [nil, "", "0", "6", "x"] as [String?] {
      #expect(throws: ValidationError.self) { try EvaluationLevel.parse(bad) }
    }
  }

  @Test("A negative rating needs a tag or a comment; every problem is named by its field at once")
  func form() throws {
    do {
      _ = try EvaluationForm(level: "1", scores: ["efficiency": "9"]).check(channel: .statusPage)
      Issue.record("accepted a bad form")
    } catch {
      #expect(Set(error.errors.map(\.field)).isSuperset(of: ["comment", "score_efficiency"]))
    }
    let ok = try EvaluationForm(level: "2", comment: "材料退回三次").check(channel: .statusPage)
    #expect(ok.level == .dissatisfied && ok.comment == "材料退回三次")
    #expect(try EvaluationForm(level: "5").check(channel: .pad).level == .verySatisfied)
  }

  @Test("Once per case and channel group, once per agent, once again after a fix")
  func onceKeys() {
    let first = Self.rating(.satisfied)
    let again = Evaluation(
      id: "e2", subject: .case, channel: .textMessage, level: .satisfied, rater: first.rater, about: first.about,
      at: Self.now, followUpOf: "e1")
    let pad = Evaluation(
      id: "e3", subject: .case, channel: .pad, level: .satisfied, rater: .anonymous, about: first.about,
      at: Self.now)
    // The status page and a text message are both online: one rating between them.
    #expect(first.onceKey == "case:360999-20261123-00001:online")
    #expect(again.onceKey == first.onceKey + ":again")
    #expect(pad.onceKey != first.onceKey)
  }

  @Test("差评整改: call back → assign → fix by the assignee only → result; closed on time")
  func rectification() throws {
    let rule = DeadlineRule()
    let policy = EvaluationPolicy()
    var entry = Rectification(id: "r1", evaluation: Self.rating(.veryDissatisfied), policy: policy, rule: rule)
    #expect(entry.state == .callBack && entry.callBackDue < entry.fixDue)
    // A clerk may not call back; nor skip ahead.
    #expect(throws: ValidationError.self) {
      try entry.apply(.callBack(note: "x", reached: true, founded: true), by: Self.clerk, at: Self.now)
    }
    #expect(throws: ValidationError.self) {
      try entry.apply(.reportResult(note: "x"), by: Self.service, at: Self.now)
    }
    do {
      try entry.apply(.callBack(note: "  ", reached: true, founded: true), by: Self.service, at: Self.now)
      Issue.record("an empty call-back note was taken")
    } catch { #expect(error.field == "note") }
    try entry.apply(.callBack(note: "已电话核实，属实", reached: true, founded: true), by: Self.service, at: Self.now)
    try entry.apply(.assign(departmentID: "dept-scjgj", staffID: "c1", staffName: "c1"), by: Self.service, at: Self.now)
    #expect(entry.state == .fix)
    // Only the person assigned records the fix, not the service desk, not another clerk.
    for other in [Self.service, Self.otherClerk, Self.admin] {
      #expect(throws: ValidationError.self) {
        try entry.apply(.recordFix(cause: "c", measure: "m"), by: other, at: Self.now)
      }
    }
    try entry.apply(.recordFix(cause: "窗口人手不足", measure: "增设B岗"), by: Self.clerk, at: Self.now)
    try entry.apply(.reportResult(note: "已电话告知"), by: Self.service, at: Self.now.addingTimeInterval(86_400))
    #expect(entry.state == .closed && entry.closedOnTime && entry.currentDue == nil)
    #expect(entry.fix?.byName == "c1" && entry.result?.by == "kf")
  }

  @Test("An unfounded rating is explained and closed; a red warning after the call-back day")
  func explainedAndWarnings() throws {
    let rule = DeadlineRule()
    let policy = EvaluationPolicy()
    var entry = Rectification(id: "r1", evaluation: Self.rating(.dissatisfied), policy: policy, rule: rule)
    // Due the next working day: not late yet.
    #expect(entry.warning(rule: rule, policy: policy, now: Self.now) != .red)
    #expect(entry.warning(rule: rule, policy: policy, now: Self.now.addingTimeInterval(3 * 86_400)) == .red)
    try entry.apply(.callBack(note: "经调取录像，服务规范", reached: false, founded: false), by: Self.service, at: Self.now)
    #expect(entry.state == .explained && entry.closedOnTime)
    #expect(entry.warning(rule: rule, policy: policy, now: Self.now.addingTimeInterval(30 * 86_400)) == .none)
  }

  @Test("申诉: only the one rated (or an administrator), not for a good rating; decided by another supervisor")
  func appeals() throws {
    let bad = Self.rating(.veryDissatisfied)
    #expect(throws: ValidationErrors.self) {
      try EvaluationAppeal.file(id: "a", on: bad, by: Self.otherClerk, reason: "r", evidence: "e", at: Self.now)
    }
    #expect(throws: ValidationErrors.self) {
      try EvaluationAppeal.file(
        id: "a", on: Self.rating(.verySatisfied), by: Self.clerk, reason: "r", evidence: "e", at: Self.now)
    }
    do {
      _ = try EvaluationAppeal.file(id: "a", on: bad, by: Self.clerk, reason: "", evidence: "", at: Self.now)
      Issue.record("an appeal without reason was filed")
    } catch { #expect(Set(error.errors.map(\.field)) == ["reason", "evidence"]) }
    var appeal = try EvaluationAppeal.file(
      id: "a", on: bad, by: Self.clerk, reason: "评价人办理的是其他部门事项", evidence: "办件记录", at: Self.now)
    #expect(throws: ValidationError.self) { try appeal.decide(void: true, reason: "x", by: Self.service, at: Self.now) }
    #expect(throws: ValidationError.self) {
      try appeal.decide(void: true, reason: " ", by: Self.supervisor, at: Self.now)
    }
    try appeal.decide(void: true, reason: "属实，非本窗口事项", by: Self.supervisor, at: Self.now)
    #expect(appeal.state == .voided && appeal.decision?.by == "jc")
    #expect(throws: ValidationError.self) {
      try appeal.decide(void: false, reason: "again", by: Self.supervisor, at: Self.now)
    }
  }

  @Test("Figures: unknown (nil) when nothing counts, never 0 %; weights and rates as RULES.md defines")
  func figures() {
    let none = SatisfactionFigures()
    #expect(none.satisfaction == nil && none.goodRate == nil && none.rectificationRate == nil)
    #expect(none.onTimeRate == nil && none.callBackRate == nil)
    let a = SatisfactionFigures(levels: [5: 3, 1: 1], negatives: 1, realNameNegatives: 1)
    let b = SatisfactionFigures(levels: [4: 1], defaulted: 0)
    let sum = a + b
    #expect(sum.total == 5)
    #expect(sum.satisfaction == Double(3 * 100 + 80 + 20) / 5)
    #expect(sum.goodRate == 0.8)
    #expect(sum.rectificationRate == 0 && sum.onTimeRate == nil && sum.callBackRate == 0)
  }
}
