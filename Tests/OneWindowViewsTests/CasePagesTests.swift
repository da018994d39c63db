import Foundation
import OneWindowDomain
import OneWindowViews
import Testing

@Suite("Case screens render their attributes as markup")
struct CasePagesTests {
  static let county = RegionCode("360999")!
  static let clerk = StaffIdentity(
    id: "c1", username: "clerk", displayName: "李国平", role: .clerk,
    scope: Scope(regionCode: county, siteID: "site-center"))
  static let now = Date(timeIntervalSince1970: 1_795_000_000)

  @Test("the withdraw button is a danger button and the current inbox tab is marked, both as real attributes")
  func attributes() {
    let context = PageContext(
      language: .zh, staff: Self.clerk, csrfToken: "t", path: "/cases/x", countyName: "云溪县", largeText: true)
    var c = ServiceCase(
      number: "360999-20261124-00001",
      item: CaseItem(
        code: "360105002000", version: 1, name: "食品经营许可", kind: .promised, departmentID: "dept-scjgj",
        promisedLimitDays: 10, legalLimitDays: 20),
      applicant: Applicant(
        kind: .person, name: "王秀英", idType: Applicant.residentID, idNumber: "11010519491231002X", phone: "13912345678"),
      channel: .window, siteID: "site-center", regionCode: Self.county, receivedBy: "c1", createdAt: Self.now)
    c.state = .submitted
    let clock = CaseClock(rule: DeadlineRule(), now: Self.now)
    let names = DirectoryNames(departments: [:], sites: [:])
    let page = CasePage.render(
      CasePage.Model(
        serviceCase: c, events: [], clock: clock, deadline: nil, deadlineText: "", names: names, departments: [],
        available: CaseStateMachine.available(to: CaseActor(Self.clerk), on: c)),
      context
    ).rendered
    #expect(page.contains(#"<button type="submit" class="danger">撤回申请</button>"#))
    #expect(page.contains(#"<body class="large">"#))
    #expect(!page.contains("&quot;"), "no attribute was escaped into text")
    let inbox = InboxPage.render(
      InboxPage.Model(
        departmentName: "市场监管局", cases: [], total: 0, opinionRequests: [], warning: .red, clock: clock, names: names,
        page: 1, pageSize: 50),
      context
    ).rendered
    #expect(inbox.contains(#"warning=red" aria-current="page">"#))
  }
}
