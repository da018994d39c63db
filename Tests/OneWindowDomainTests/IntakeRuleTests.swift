import Foundation
import OneWindowDomain
import Testing

@Suite("The window's rules: routes, the checklist and the decision")
struct IntakeRuleTests {
  static let county = RegionCode("360999")!
  static let town = RegionCode("360999001")!
  static let today = CivilDate(iso: "2026-11-24")!
  static let scjgj = Department(id: "dept-scjgj", name: "云溪县市场监督管理局", regionCode: county, creditCode: "")
  static let hours = OpeningHours(weekdays: "08:30–17:30")

  static func site(_ region: RegionCode) -> Site {
    Site(
      id: "site-\(region.value)", name: "场所", kind: region.level == .county ? .serviceCenter : .townCenter,
      regionCode: region, address: "", phone: "", openingHours: hours)
  }

  static func item(levels: Set<RegionLevel>, town mode: HandlingMode? = nil, scope: AcceptanceScope = .county)
    -> ServiceItem
  {
    var handling: [RegionLevel: HandlingMode] = [.county: .direct]
    if let mode { handling[.town] = mode }
    return ServiceItem(
      code: "360105002000", name: "食品经营许可", type: .license, departmentID: "dept-scjgj", levels: levels,
      caseKind: .promised, legalLimitDays: 20, promisedLimitDays: 10, visits: 1, onlineDepth: 3, steps: [],
      acceptanceScope: scope, handling: handling)
  }

  @Test("a level that exercises the item handles it as listed; 委托受理 only while an agreement is in force")
  func routesOfTheLevel() throws {
    let countyItem = Self.item(levels: [.county])
    #expect(
      try IntakeRule.route(
        of: countyItem, at: Self.site(Self.county), department: Self.scjgj, agreements: [], on: Self.today)
        == .direct)
    let delegated = Self.item(levels: [.county, .town], town: .delegated)
    let agreement = DelegationAgreement(
      id: "a1", documentNumber: "云溪市监委〔2026〕1号", departmentID: "dept-scjgj", delegateRegion: Self.town,
      itemCodes: [delegated.code], seal: "云溪县市场监督管理局", validFrom: CivilDate(iso: "2026-01-01")!,
      validUntil: CivilDate(iso: "2026-12-31")!, responsibilities: "")
    let townSite = Self.site(Self.town)
    #expect(
      try IntakeRule.route(of: delegated, at: townSite, department: Self.scjgj, agreements: [agreement], on: Self.today)
        == .delegated)
    #expect(
      try IntakeRule.route(of: delegated, at: townSite, department: Self.scjgj, agreements: [], on: Self.today)
        == .collectForward)
  }

  @Test("通办: a level that does not exercise the item takes it in when the acceptance scope reaches the site")
  func acrossSites() throws {
    let townSite = Self.site(Self.town)
    #expect(
      try IntakeRule.route(
        of: Self.item(levels: [.county]), at: townSite, department: Self.scjgj, agreements: [], on: Self.today)
        == .acrossSites)
    // A department of another county: 全县通办 does not reach here, 全市通办 (same city, 3609) does.
    let other = Department(id: "dept-x", name: "邻县市场监管局", regionCode: RegionCode("360981")!, creditCode: "")
    #expect(throws: ValidationError.self) {
      try IntakeRule.route(
        of: Self.item(levels: [.county]), at: townSite, department: other, agreements: [], on: Self.today)
    }
    do {
      _ = try IntakeRule.route(
        of: Self.item(levels: [.county]), at: townSite, department: other, agreements: [], on: Self.today)
    } catch {
      #expect(error.field == "item_code")
      #expect(error.message.zh.contains("通办范围为全县通办"))
    }
    #expect(
      try IntakeRule.route(
        of: Self.item(levels: [.county], scope: .city), at: townSite, department: other, agreements: [], on: Self.today)
        == .acrossSites)
  }

  static func checklist(_ statuses: [CaseMaterial.Status], deferrable: Bool = false) -> [CaseMaterial] {
    statuses.enumerated().map { index, status in
      CaseMaterial(name: "材料\(index + 1)", required: true, deferrable: deferrable, status: status)
    }
  }

  static func fields(_ error: ValidationErrors) -> [String] { error.errors.map(\.field) }

  @Test("受理 needs every required material; each missing one is named by its row")
  func acceptNeedsEverything() throws {
    let actions = try IntakeRule.actions(
      for: .accept, checklist: Self.checklist([.received, .received]), kind: .promised, deficiencyDue: nil)
    #expect(actions == [.accept(.standard)])
    #expect {
      try IntakeRule.actions(
        for: .accept, checklist: Self.checklist([.received, .missing]), kind: .promised, deficiencyDue: nil)
    } throws: { Self.fields($0 as! ValidationErrors) == ["material_1"] }
  }

  @Test("容缺: only deferrable materials, and only with a due date")
  func deferred() throws {
    let due = CivilDate(iso: "2026-12-01")!
    let actions = try IntakeRule.actions(
      for: .accept, checklist: Self.checklist([.received, .deferred], deferrable: true), kind: .promised,
      deficiencyDue: due)
    #expect(actions == [.accept(.withDeficiency(materials: ["材料2"], dueDate: due))])
    #expect {
      try IntakeRule.actions(
        for: .accept, checklist: Self.checklist([.deferred], deferrable: true), kind: .promised, deficiencyDue: nil)
    } throws: { Self.fields($0 as! ValidationErrors) == ["deficiency_due"] }
    #expect {
      try IntakeRule.actions(
        for: .accept, checklist: Self.checklist([.deferred]), kind: .promised, deficiencyDue: due)
    } throws: { Self.fields($0 as! ValidationErrors) == ["material_0"] }
  }

  @Test("一次性告知 lists every missing material with what is wrong; none missing is an error")
  func correction() throws {
    var list = Self.checklist([.missing, .received, .missing])
    list[0].problem = "复印件不清晰"
    list[2].problem = "缺少法定代表人签字"
    let actions = try IntakeRule.actions(for: .correction, checklist: list, kind: .promised, deficiencyDue: nil)
    #expect(
      actions == [
        .issueCorrection(
          items: [.init(material: "材料1", problem: "复印件不清晰"), .init(material: "材料3", problem: "缺少法定代表人签字")],
          reasonForAnother: nil)
      ])
    list[2].problem = " "
    #expect {
      try IntakeRule.actions(for: .correction, checklist: list, kind: .promised, deficiencyDue: nil)
    } throws: { Self.fields($0 as! ValidationErrors) == ["material_2_problem"] }
    #expect {
      try IntakeRule.actions(
        for: .correction, checklist: Self.checklist([.received]), kind: .promised, deficiencyDue: nil)
    } throws: { Self.fields($0 as! ValidationErrors) == ["materials"] }
  }

  @Test("不予受理 needs reason and legal basis; 当场办结 only for immediate items")
  func refuseAndDecide() throws {
    #expect {
      try IntakeRule.actions(
        for: .refuse(reason: "", legalBasis: " "), checklist: [], kind: .promised, deficiencyDue: nil)
    } throws: { Self.fields($0 as! ValidationErrors) == ["reason", "legal_basis"] }
    let immediate = try IntakeRule.actions(
      for: .acceptAndDecide, checklist: Self.checklist([.received]), kind: .immediate, deficiencyDue: nil)
    #expect(immediate == [.accept(.standard), .decide(approved: true, reason: "")])
    #expect {
      try IntakeRule.actions(
        for: .acceptAndDecide, checklist: Self.checklist([.received]), kind: .promised, deficiencyDue: nil)
    } throws: { Self.fields($0 as! ValidationErrors) == ["outcome"] }
  }

  @Test("材料核验 updates the checklist by name; unknown names and undeferrable deferrals change nothing")
  func checkMaterials() throws {
    var c = CaseStateMachineTests.makeCase()
    c.state = .correcting
    c.intake = CaseIntake(
      materials: Self.checklist([.missing, .received]), route: .direct, resultDelivery: .pickup(siteID: "site-center"))
    c.intake?.materials[0].problem = "缺页"
    let now = CaseStateMachineTests.now
    let clerk = CaseStateMachineTests.clerk
    let checked = try CaseStateMachine.apply(
      .checkMaterials([MaterialCheck(name: "材料1", status: .received, problem: "缺页")]), to: c, by: clerk, at: now)
    #expect(checked.intake?.materials.map(\.status) == [.received, .received])
    #expect(checked.intake?.materials[0].problem == "", "a received material keeps no problem")
    #expect(throws: CaseError.self) {
      try CaseStateMachine.apply(
        .checkMaterials([MaterialCheck(name: "别的", status: .received)]), to: c, by: clerk, at: now)
    }
    #expect(throws: CaseError.self) {
      try CaseStateMachine.apply(
        .checkMaterials([MaterialCheck(name: "材料2", status: .deferred)]), to: c, by: clerk, at: now)
    }
  }

  @Test("the steps offered follow state, role, scope and open opinion requests")
  func available() {
    var c = CaseStateMachineTests.makeCase()
    c.state = .submitted
    #expect(
      Set(CaseStateMachine.available(to: CaseStateMachineTests.clerk, on: c))
        == [.checkMaterials, .correction, .accept, .refuse, .withdraw])
    #expect(CaseStateMachine.available(to: CaseStateMachineTests.reviewer, on: c).isEmpty)
    c.state = .inReview
    c.acceptedAt = CaseStateMachineTests.now
    c.clockStart = CaseStateMachineTests.now
    #expect(!CaseStateMachine.available(to: CaseStateMachineTests.otherReviewer, on: c).contains(.giveOpinion))
    c.opinions = [
      OpinionRequest(
        departmentID: "dept-zrzyj", question: "选址", dueDate: CaseStateMachineTests.later,
        requestedAt: CaseStateMachineTests.now)
    ]
    #expect(CaseStateMachine.available(to: CaseStateMachineTests.otherReviewer, on: c) == [.giveOpinion])
    #expect(CaseStateMachine.available(to: CaseStateMachineTests.reviewer, on: c).contains(.decide))
  }

  @Test("the applicant sends, uploads to and withdraws their own online case, and nothing else")
  func applicantActor() throws {
    let citizen = Citizen(id: "p1", phone: "13912345678", name: "王秀英", idNumber: "11010519491231002X")
    let me = CaseActor(applicant: citizen)
    let base = CaseStateMachineTests.makeCase()
    var mine = ServiceCase(
      number: base.number, item: base.item, applicant: citizen.applicant, channel: .online, siteID: "site-center",
      regionCode: Self.county, receivedBy: me.id, createdAt: CaseStateMachineTests.now, citizenID: "p1")
    mine.intake = CaseIntake(
      materials: Self.checklist([.missing]), route: .direct, resultDelivery: .pickup(siteID: "site-center"))
    try CaseStateMachine.authorizeCreation(of: mine, by: me)
    let now = CaseStateMachineTests.now
    let scan = Attachment(fileID: String(repeating: "b", count: 64), name: "材料1.pdf", kind: .pdf, size: 10)
    let uploaded = try CaseStateMachine.apply(
      .uploadScans([MaterialCheck(name: "材料1", status: .received, attachments: [scan])]), to: mine, by: me, at: now)
    #expect(uploaded.intake?.materials[0].attachments == [scan])
    #expect(uploaded.intake?.materials[0].status == .missing, "uploading is not the clerk's check")
    let sent = try CaseStateMachine.apply(.submit, to: uploaded, by: me, at: now)
    #expect(sent.state == .submitted)
    #expect(CaseStateMachine.available(to: me, on: sent) == [.withdraw])
    #expect(throws: CaseError.self) { try CaseStateMachine.apply(.accept(.standard), to: sent, by: me, at: now) }
    let someoneElse = CaseActor(applicant: Citizen(id: "p2", phone: "13900000000", name: "李四", idNumber: "x"))
    #expect(throws: CaseError.self) {
      try CaseStateMachine.apply(.withdraw(reason: "不办了"), to: sent, by: someoneElse, at: now)
    }
    #expect(throws: CaseError.self) {
      var walkIn = mine
      walkIn = ServiceCase(
        number: base.number, item: base.item, applicant: citizen.applicant, channel: .window, siteID: "site-center",
        regionCode: Self.county, receivedBy: me.id, createdAt: now, citizenID: "p1")
      try CaseStateMachine.authorizeCreation(of: walkIn, by: me)
    }
  }
}
