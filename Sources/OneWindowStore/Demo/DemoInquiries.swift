import Fluent
import Foundation
import OneWindowDomain

/// The demo's 诉求 and 知识库, so the service desk, a department and the public pages have something on them: a
/// consultation waiting to be dispatched, a complaint about a window overdue at 市场监管局, a 群众点菜 answered in
/// public, and common questions tied to items (one past its review date). Through the real repository and the loop's
/// own steps; added only to a database without inquiries.
public struct DemoInquiries: Sendable {
  let db: any Database
  let rule: DeadlineRule

  public init(_ db: any Database, rule: DeadlineRule) {
    self.db = db
    self.rule = rule
  }

  /// Adds the demo inquiries and entries unless there are inquiries already; returns how many inquiries were added.
  public func load(now: Date) async throws -> Int {
    let repository = InquiryRepository(db)
    let staff = StaffRepository(db)
    guard let desk = try await staff.find(username: "service")?.identity,
      let reviewer = try await staff.find(username: "reviewer")?.identity,
      let department = reviewer.scope.departmentID
    else { return 0 }
    let county = desk.scope.regionCode.county.value
    guard
      try await repository.list(county: county, departmentID: nil, show: .all, kind: nil, now: now, limit: 1, offset: 0)
        .total == 0
    else { return 0 }
    let policy = InquiryPolicy.standard
    let day: TimeInterval = 86_400
    var added = 0

    func file(
      _ kind: InquiryKind, _ source: InquirySource, _ title: String, _ content: String, about: Inquiry.About,
      name: String, phone: String, at: Date, steps: [(StaffIdentity, Inquiry.Action)]
    ) async throws {
      let key = SecretToken.make().prefix(24)
      let rule = rule
      var (inquiry, _) = try await repository.file(
        county: county, kind: kind, day: rule.civilDate(of: at), by: .init(id: "inquirer", name: name),
        due: { $0.due(rule: rule, policy: policy) },
        make: { number in
          try Inquiry(
            id: UUID().uuidString.lowercased(), number: number, accessKey: String(key), kind: kind, source: source,
            about: about, inquirer: .init(name: name, phone: phone), title: title, content: content, filedAt: at)
        })
      var version = 1
      for (index, (actor, action)) in steps.enumerated() {
        let when = min(at.addingTimeInterval(Double(index + 1) * 3600), now)
        let from = inquiry.state
        let step = try inquiry.apply(action, by: actor, at: when, rule: rule, policy: policy)
        try await repository.save(
          inquiry, over: version, step: step, from: from, by: .init(id: actor.id, name: actor.displayName), at: when,
          due: inquiry.due(rule: rule, policy: policy), county: county)
        version += 1
      }
      added += 1
    }

    try await file(
      .consultation, .phone, "新生儿落户要带哪些材料", "孩子刚出生，想问落户和医保一起办要带哪些材料，能不能在镇里办。",
      about: .init(), name: "吴春燕", phone: "13970001111", at: now.addingTimeInterval(-2 * 3600), steps: [])
    try await file(
      .complaint, .portal, "窗口没有一次性告知", "在县行政服务中心3号窗口办食品经营许可，第一次没说要平面图，让我跑了两次。",
      about: .init(
        itemCode: "360105002000", itemName: "食品经营许可", departmentID: department, siteID: "site-center",
        windowID: "win-site-center-03"), name: "陈志强", phone: "13970002222", at: now.addingTimeInterval(-8 * day),
      steps: [(desk, .assign(departmentID: department, note: "请核实窗口告知情况并答复")), (reviewer, .sign)])
    try await file(
      .request, .portal, "希望在乡镇办理老年人优待证", "老人腿脚不便，希望在镇便民服务中心就能办老年人优待证，不用跑县城。",
      about: .init(), name: "刘桂芝", phone: "13970003333", at: now.addingTimeInterval(-20 * day),
      steps: [
        (desk, .answer("已商民政局，老年人优待证自下月起在各乡镇便民服务中心受理，村代办员可代为申请。")),
        (desk, .publish(answer: "老年人优待证已下放至乡镇便民服务中心受理，村便民服务站可帮办代办。", outcome: "已下放至各乡镇便民服务中心")),
        (desk, .callBack(note: "回访满意", rating: .satisfied)),
      ])

    let today = rule.civilDate(of: now)
    let knowledge = KnowledgeRepository(db)
    for (question, answer, item, reviewDays) in [
      ("食品经营许可证到期怎么延续？", "请在许可证有效期届满 30 个工作日前，向原发证部门提出延续申请，可在政务服务网全程网上办理。", "360105002000", 300),
      ("企业设立登记需要本人到场吗？", "全程网上办理的不需要到场；到窗口办理的，法定代表人可委托他人，受托人带委托书和身份证原件办理。", "360105003000", 200),
      ("企业注销登记一般要多久？", "简易注销公示期 20 天，公示期满无异议的，1 个工作日内办结；一般注销视清算情况而定。", "360105004000", -10),
    ] {
      try await knowledge.save(
        KnowledgeEntry(
          id: UUID().uuidString.lowercased(), question: question, answer: answer, itemCodes: [item],
          departmentID: department, reviewBy: today.adding(days: reviewDays), state: .published, sourceNumber: nil,
          updatedBy: desk.displayName, updatedAt: now), county: county)
    }
    return added
  }
}
