import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// The inquirer's pages: the form (from the portal, or a case's status page with the case tied), the receipt, the
/// inquiry read through its private link (or the portal account that filed it) and rated, 我的诉求, and the public
/// list of 群众点菜.
enum InquiryController {
  /// `GET /inquiries/new?case=&item=&kind=`
  @Sendable static func form(req: Request) async throws -> HTML {
    var values: [String: String] = [:]
    for (query, field) in [("case", "case"), ("item", "item_code"), ("kind", "kind")] {
      if let value = req.query[String.self, at: query], !value.isEmpty { values[field] = String(value.prefix(40)) }
    }
    return try await formPage(values: values, errors: [], staffEntry: false, req)
  }

  static func formPage(values: [String: String], errors: [ValidationError], staffEntry: Bool, _ req: Request)
    async throws -> HTML
  {
    let directory = DirectoryRepository(req.database)
    let county = try await req.county()?.code.value ?? ""
    let sites = try await directory.sites().filter { $0.regionCode.county.value == county && !$0.isRetired }
    let siteNames = Dictionary(sites.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let windows = try await directory.windows(county: county).filter { !$0.isRetired && siteNames[$0.siteID] != nil }
      .map { ($0.id, "\(siteNames[$0.siteID] ?? "") \($0.number)号 \($0.name)") }.sorted { $0.1 < $1.1 }
    let departments = try await directory.departments().filter { $0.regionCode.county.value == county && !$0.isRetired }
      .map { ($0.id, $0.name) }
    let citizen = staffEntry ? nil : try await PortalAccountController.citizen(req)
    return InquiryPages.form(
      .init(
        values: values, errors: errors, sites: sites.map { ($0.id, $0.name) }, windows: windows,
        departments: departments, staffEntry: staffEntry, signedIn: citizen.map { ($0.name, $0.phone) }),
      try await req.pageContext())
  }

  /// `POST /inquiries`: filed from the portal (signed in, or with a name and phone), rate-limited per address.
  @Sendable static func file(req: Request) async throws -> Response {
    try req.limitByAddress("inquiries", \.inquiries)
    let fields = try req.content.decode([String: String].self)
    var filing = InquiryService.Filing(fields, source: .portal)
    if !filing.caseNumber.isEmpty { filing.source = .caseStatus }
    let citizen = try await PortalAccountController.citizen(req)
    if let citizen {
      filing.name = citizen.name
      filing.phone = citizen.phone
      filing.citizenID = citizen.id
      filing.anonymous = false
    }
    guard let county = try await req.county()?.code.value else { throw Abort(.notFound) }
    do {
      let actor = InquiryRepository.Actor(
        id: citizen.map { InAppMessage.account(citizen: $0.id) } ?? "inquirer",
        name: filing.anonymous ? "匿名" : filing.name)
      let (inquiry, _) = try await InquiryService.file(filing, county: county, by: actor, req)
      let rule = try await req.deadlineRule()
      return try await InquiryPages.filed(
        inquiry, replyDue: inquiry.replyDue(rule: rule, policy: InquiryService.policy(req)),
        clock: CaseClock(rule: rule, now: req.now), try await req.pageContext()
      ).encodeResponse(status: .created, for: req)
    } catch let problems as ValidationErrors {
      return .html(
        try await formPage(values: fields, errors: problems.errors, staffEntry: false, req),
        status: .unprocessableEntity)
    }
  }

  /// The inquiry when the request may read it: with its key, or from the portal account that filed it. Anything else
  /// is not found, whether or not the number exists.
  private static func readable(_ req: Request, key: String?) async throws -> InquiryRepository.Stored {
    try req.limitByAddress("status", \.status)
    let number = req.parameters.get("number") ?? ""
    let notFound = AppError.notFound(
      LocalizedText(zh: "没有这件诉求，或链接不完整", en: "No such inquiry, or the link is incomplete"))
    guard let stored = try await InquiryRepository(req.database).find(number: number) else { throw notFound }
    if let key, !key.isEmpty, CSRFMiddleware.constantTimeEquals(key, stored.inquiry.accessKey) { return stored }
    if let owner = stored.inquiry.inquirer.citizenID, try await PortalAccountController.citizen(req)?.id == owner {
      return stored
    }
    throw notFound
  }

  /// `GET /inquiries/{number}?key=`
  @Sendable static func show(req: Request) async throws -> HTML {
    let stored = try await readable(req, key: req.query[String.self, at: "key"])
    let notice = req.query[String.self, at: "rated"].map { _ in "已收到您的评价，谢谢。" }
    return try await viewPage(stored.inquiry, errors: [], notice: notice, req)
  }

  private static func viewPage(_ inquiry: Inquiry, errors: [ValidationError], notice: String?, _ req: Request)
    async throws -> HTML
  {
    let rule = try await req.deadlineRule()
    return InquiryPages.view(
      .init(
        inquiry: inquiry, events: try await InquiryRepository(req.database).events(of: inquiry.number),
        names: try await StaffDesk.directoryNames(req),
        replyDue: inquiry.replyDue(rule: rule, policy: InquiryService.policy(req)),
        clock: CaseClock(rule: rule, now: req.now), errors: errors, notice: notice),
      try await req.pageContext())
  }

  /// `POST /inquiries/{number}/rate`: rating, comment, key.
  @Sendable static func rate(req: Request) async throws -> Response {
    let fields = try req.content.decode([String: String].self)
    let stored = try await readable(req, key: fields["key"])
    do {
      guard let rating = InquiryRating(rawValue: fields["rating"] ?? "") else {
        throw ValidationError(field: "rating", zh: "请选择是否满意", en: "Choose how satisfied you are")
      }
      let inquiry = try await InquiryService.rate(rating, comment: fields["comment"] ?? "", on: stored, req)
      return req.redirect(
        to: Links.inquiry(inquiry.number, key: inquiry.accessKey) + "&rated=1", redirectType: .normal)
    } catch let problem as ValidationError {
      return .html(
        try await viewPage(stored.inquiry, errors: [problem], notice: nil, req), status: .unprocessableEntity)
    }
  }

  /// `GET /my/inquiries`
  @Sendable static func mine(req: Request) async throws -> HTML {
    let citizen = try await PortalAccountController.requireCitizen(req)
    let rule = try await req.deadlineRule()
    return InquiryPages.mine(
      try await InquiryRepository(req.database).mine(citizenID: citizen.id), clock: CaseClock(rule: rule, now: req.now),
      try await req.pageContext())
  }

  /// `GET /requests`: 群众点菜 answered in public, with this year's counts.
  @Sendable static func requests(req: Request) async throws -> HTML {
    guard let county = try await req.county()?.code.value else { throw Abort(.notFound) }
    let rule = try await req.deadlineRule()
    let today = rule.civilDate(of: req.now)
    let repository = InquiryRepository(req.database)
    let figures = try await repository.figures(
      county: county, from: rule.startOfDay(CivilDate(iso: String(today.iso.prefix(4)) + "-01-01") ?? today),
      to: req.now)
    return InquiryPages.requests(
      try await repository.publishedRequests(county: county), figures: figures,
      clock: CaseClock(rule: rule, now: req.now), try await req.pageContext())
  }
}
