import Fluent
import Foundation
import OneWindowDomain

/// A working day's worth of cases for the demo, so every desk has something on it: cases under review (one due
/// soon, one overdue, one waiting for 卫健委's opinion, one suspended), one awaiting correction and one told twice
/// (supervision flags it), one 通办 case from 城关镇, results waiting at the delivery window (one held back by overdue
/// 容缺 materials), one accepted on pledge, an immediate item done this morning. Every case goes through the real
/// repository and state machine, dated back from `now`. Added only to a database without cases.
public struct DemoCases: Sendable {
  let db: any Database
  let rule: DeadlineRule

  public init(_ db: any Database, rule: DeadlineRule) {
    self.db = db
    self.rule = rule
  }

  /// Adds the demo cases unless there are cases already; returns how many were added.
  public func load(now: Date) async throws -> Int {
    let repository = CaseRepository(db, rule: rule)
    guard try await repository.list(CaseFilter(scope: nil), now: now).total == 0 else { return 0 }
    let staff = StaffRepository(db)
    guard let clerk = try await staff.find(username: "clerk")?.identity,
      let townClerk = try await staff.find(username: "townclerk")?.identity,
      let reviewer = try await staff.find(username: "reviewer")?.identity,
      let centerID = clerk.scope.siteID, let townID = townClerk.scope.siteID,
      let center = try await DirectoryRepository(db).site(centerID),
      let town = try await DirectoryRepository(db).site(townID)
    else { return 0 }
    let window = CaseActor(clerk)
    let office = CaseActor(
      reviewer,
      chiefPowers: try await ChiefPowers(
        RosterRepository(db).authorizations(of: reviewer.id), on: rule.civilDate(of: now)))
    var added = 0

    /// Registers a case at `site` `daysAgo` working days back at 09:30, then takes `steps` (actor, action) an hour
    /// apart on that day.
    @discardableResult
    func make(
      _ code: String, _ applicant: Applicant, at site: Site, by actor: CaseActor, daysAgo: Int,
      steps: [(CaseActor, CaseAction)], route: IntakeRoute = .direct
    ) async throws -> ServiceCase? {
      guard let entry = try await CatalogRepository(db).entry(code: code) else { return nil }
      let start = rule.startOfDay(workdays(before: rule.civilDate(of: now), daysAgo)).addingTimeInterval(9.5 * 3600)
      let checklist = entry.item.materials.map {
        CaseMaterial(name: $0.name, required: $0.required, deferrable: $0.deferrable, status: .received)
      }
      let (created, _) = try await repository.create(
        NewCase(
          item: CaseItem(entry.item, version: entry.version), applicant: applicant, channel: .window, site: site,
          intake: CaseIntake(materials: checklist, route: route, resultDelivery: .pickup(siteID: site.id))),
        by: actor, now: start)
      var version = created.version
      for (index, (who, action)) in steps.enumerated() {
        let at = min(start.addingTimeInterval(Double(index + 1) * 3600), now)
        version = try await repository.apply(action, to: created.number, expectedVersion: version, by: who, now: at)
          .version
      }
      added += 1
      return try await repository.find(created.number)
    }

    let food = "360105002000"
    let smallCatering = "360105005000"
    let review: [(CaseActor, CaseAction)] = [
      (window, .accept(.standard)), (office, .startReview),
      (office, .review(step: "审查", opinion: "材料齐全，符合法定形式", approved: true)),
    ]
    try await make(
      food, Self.applicant("周建华", "36099919750321611", "13607956789"), at: center, by: window,
      daysAgo: 9, steps: review)
    try await make(
      food, Self.applicant("孙丽娟", "36099919820915242", "13907953344"), at: center, by: window,
      daysAgo: 12, steps: review)
    try await make(
      food, Self.applicant("何文军", "36099919790102853", "13807952211"), at: center, by: window,
      daysAgo: 3,
      steps: review + [(office, .requestOpinion(departmentID: "dept-wjw", question: "操作间卫生条件是否符合要求", dueWorkdays: 3))])
    try await make(
      food, Self.applicant("林春梅", "36099919880606264", "13507951188"), at: center, by: window,
      daysAgo: 5,
      steps: review + [(office, .suspend(kind: .specialProcedure, reason: "现场核查经营场所", plannedWorkdays: 5))])
    try await make(
      food, Self.applicant("马志强", "36099919700808175", "13307956622"), at: center, by: window,
      daysAgo: 0, steps: [(window, .accept(.standard))])
    try await make(
      food, Self.applicant("郭海燕", "36099919910301386", "13607950099"), at: center, by: window,
      daysAgo: 1,
      steps: [
        (
          window,
          .issueCorrection(items: [.init(material: "经营场所平面布局图", problem: "未标明操作间面积和设备布局")], reasonForAnother: nil)
        )
      ]
    )
    try await make(
      food, Self.applicant("吴海涛", "36099919900101123", "13807951111"), at: town, by: CaseActor(townClerk),
      daysAgo: 2, steps: [(CaseActor(townClerk), .accept(.standard))], route: .acrossSites)
    try await make(
      food, Self.applicant("高国平", "36099919660717497", "13907958800"), at: center, by: window,
      daysAgo: 6, steps: review + [(office, .decide(approved: true, reason: ""))])
    try await make(
      smallCatering, Self.applicant("罗秀英", "36099919580224528", "13707954455"), at: town,
      by: CaseActor(townClerk), daysAgo: 4, steps: [(CaseActor(townClerk), .accept(.standard))])
    try await make(
      "360105001000", Self.applicant("陈晓燕", "36099919880512342", "13907951234"), at: center, by: window, daysAgo: 0,
      steps: [
        (window, .accept(.standard)), (window, .decide(approved: true, reason: "")),
        (window, .deliver(.pickup(receiver: "陈晓燕", idChecked: true))),
      ])
    // Told to correct twice (the second time with its reason): supervision's rule flags it.
    let notice: [CorrectionNotice.Item] = [.init(material: "经营场所平面布局图", problem: "未标明操作间面积和设备布局")]
    try await make(
      food, Self.applicant("唐建军", "36099919810710377", "13607950413"), at: center, by: window, daysAgo: 3,
      steps: [
        (window, .issueCorrection(items: notice, reasonForAnother: nil)), (window, .resubmit),
        (
          window,
          .issueCorrection(
            items: [.init(material: "经营场所平面布局图", problem: "经营场所已更换，请按新场所重新绘制")],
            reasonForAnother: "申请人补正时更换了经营场所")
        ),
      ])
    // 容缺受理 seven working days ago with the lease due three days later and still not in: decided, but the result
    // waits for it, and it is overdue on the follow-up list.
    let today = rule.civilDate(of: now)
    try await make(
      food, Self.applicant("蒋玉珍", "36099919830419155", "13607950411"), at: center, by: window, daysAgo: 7,
      steps: [
        (window, .accept(.withDeficiency(materials: ["房屋租赁合同"], dueDate: workdays(before: today, 7).adding(days: 3)))),
        (office, .startReview), (office, .review(step: "审查", opinion: "材料齐全，符合法定形式", approved: true)),
        (office, .decide(approved: true, reason: "")),
      ])
    // 告知承诺受理 two working days ago: the post-check is due in a fortnight.
    try await make(
      smallCatering, Self.applicant("钱国庆", "36099919760923266", "13607950412"), at: center, by: window, daysAgo: 2,
      steps: [(window, .accept(.onPledge(postCheckDue: workdays(before: today, 2).adding(days: 14))))])
    try await rated(
      make: { try await make($0, $1, at: $2, by: $3, daysAgo: $4, steps: $5) }, window: window, center: center)
    return added
  }

  /// 好差评 history: cases concluded over the last two weeks, rated through each channel. Every negative rating
  /// opens its 差评整改 entry as it would live: one is called back and assigned to the clerk who received it, one
  /// found unfounded and explained, one waits for its call back.
  private func rated(
    make: (String, Applicant, Site, CaseActor, Int, [(CaseActor, CaseAction)]) async throws -> ServiceCase?,
    window: CaseActor, center: Site
  ) async throws {
    let staff = StaffRepository(db)
    guard let service = try await staff.find(username: "service")?.identity else { return }
    let ratings = EvaluationRepository(db, rule: rule, policy: EvaluationPolicy())
    let done: [(CaseActor, CaseAction)] = [
      (window, .accept(.standard)), (window, .decide(approved: true, reason: "")),
      (window, .deliver(.pickup(receiver: "本人", idChecked: true))),
    ]
    let history: [(String, String, String, Int, EvaluationChannel, EvaluationLevel, String)] = [
      ("黄志明", "36099919800405121", "13607950301", 10, .pad, .verySatisfied, ""),
      ("刘美玲", "36099919850611232", "13607950302", 9, .textMessage, .verySatisfied, "一次就办好了，很方便"),
      ("邓建国", "36099919720918343", "13607950303", 8, .statusPage, .satisfied, ""),
      ("曾小红", "36099919900122454", "13607950304", 7, .textMessage, .veryDissatisfied, "材料要求没有一次性告知，跑了两趟"),
      ("彭卫东", "36099919680730565", "13607950305", 6, .qrCode, .fairlySatisfied, ""),
      ("谢春花", "36099919930214676", "13607950306", 4, .portal, .dissatisfied, "等候时间太长"),
      ("袁德华", "36099919770827787", "13607950307", 2, .textMessage, .verySatisfied, "工作人员很耐心"),
      ("邹丽萍", "36099919860503898", "13607950308", 1, .statusPage, .dissatisfied, "窗口人员态度一般"),
    ]
    for (name, id17, phone, daysAgo, channel, level, comment) in history {
      guard let c = try await make("360105001000", Self.applicant(name, id17, phone), center, window, daysAgo, done),
        let concluded = c.concludedAt
      else { continue }
      let at = concluded.addingTimeInterval(3600)
      let evaluation = Evaluation(
        id: TimeOrderedID.make(at: at).uuidString.lowercased(), subject: .case, channel: channel, level: level,
        tags: level.isNegative ? [EvaluationTag.negative[0].zh] : [], comment: comment,
        rater: channel == .pad ? .anonymous : .init(name: c.applicant.name, phone: c.applicant.phone),
        about: Evaluation.Target(
          caseNumber: c.number, staffID: c.receivedBy, departmentID: c.departmentID, itemCode: c.item.code,
          itemName: c.item.name, siteID: c.siteID, regionCode: c.regionCode.value),
        at: at)
      guard let entry = try await ratings.record(evaluation, county: c.regionCode.county.value) else { continue }
      let next = at.addingTimeInterval(2 * 3600)
      switch daysAgo {
      case 7:
        guard let clerk = try await staff.find(id: c.receivedBy)?.identity else { continue }
        try await ratings.apply(
          .callBack(note: "已电话回访，申请人反映属实", reached: true, founded: true), to: entry.id, by: service, now: next)
        try await ratings.apply(
          .assign(departmentID: c.departmentID, staffID: clerk.id, staffName: clerk.displayName),
          to: entry.id, by: service, now: next.addingTimeInterval(600))
      case 4:
        try await ratings.apply(
          .callBack(note: "调取叫号记录：当日等候 12 分钟，已向申请人说明", reached: true, founded: false), to: entry.id,
          by: service, now: next)
      default: break
      }
    }
  }

  private func workdays(before date: CivilDate, _ n: Int) -> CivilDate {
    var day = date
    var left = n
    while left > 0 {
      day = day.adding(days: -1)
      if rule.calendar.isWorkday(day) { left -= 1 }
    }
    return day
  }

  /// A resident with a valid ID number (the check character is computed from the first 17 digits).
  static func applicant(_ name: String, _ first17: String, _ phone: String) -> Applicant {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let sum = zip(first17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
    let id = first17 + String(Array("10X98765432")[sum % 11])
    return Applicant(kind: .person, name: name, idType: Applicant.residentID, idNumber: id, phone: phone)
  }
}
