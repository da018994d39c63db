import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// What the portal, the service desk and the 12345 exchange share about 诉求: filing one (its ties checked against the
/// directory, the catalog and the cases), who sees which, taking a step with the people it concerns told in the same
/// write.
enum InquiryService {
  static func policy(_ req: Request) -> InquiryPolicy { req.application.configuration.inquiryPolicy }

  static func county(_ staff: StaffIdentity) -> String { staff.scope.regionCode.county.value }

  /// A form's or a push's fields, as they come (the keys the portal form, the desk form and the API share).
  struct Filing {
    var kind: String
    var source: InquirySource
    var title: String
    var content: String
    var name: String
    var phone: String
    var anonymous: Bool
    var citizenID: String?
    var caseNumber: String
    var itemCode: String
    var departmentID: String
    var siteID: String
    var windowID: String
    var orderID: String?

    init(_ fields: [String: String], source: InquirySource) {
      func value(_ key: String) -> String { (fields[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
      kind = value("kind")
      self.source = source
      title = value("title")
      content = value("content")
      name = value("name")
      phone = value("phone").filter { $0.isASCII && $0.isNumber }
      anonymous = ["on", "true", "1", "yes"].contains(value("anonymous"))
      caseNumber = value("case")
      itemCode = value("item_code").uppercased()
      departmentID = value("department_id")
      siteID = value("site_id")
      windowID = value("window_id")
      orderID = nil
    }
  }

  /// Checks the ties (each one named by its field when unknown), files the inquiry and tells the inquirer. A 12345
  /// order filed before answers that inquiry (`existing`).
  static func file(_ filing: Filing, county: String, by actor: InquiryRepository.Actor, _ req: Request) async throws
    -> (inquiry: Inquiry, existing: Bool)
  {
    // A 12345 order pushed again is the inquiry it made, whatever the retry's body says now.
    if let order = filing.orderID,
      let found = try await InquiryRepository(req.database).find(county: county, orderID: order)
    {
      return (found.inquiry, true)
    }
    var problems: [ValidationError] = []
    var kind: InquiryKind?
    do { kind = try InquiryKind.parse(filing.kind) } catch { problems.append(error) }
    var about = Inquiry.About()
    let directory = DirectoryRepository(req.database)
    if !filing.caseNumber.isEmpty {
      // The case is tied, and what it says (department, site, item) filled in; nothing of it is shown back, so a
      // number typed at random tells the filer nothing.
      if filing.caseNumber.hasPrefix(county),
        let c = try await req.cases(try await req.deadlineRule()).find(filing.caseNumber)
      {
        about.caseNumber = c.number
        about.departmentID = c.departmentID
        about.siteID = c.siteID
        about.itemCode = c.item.code
        about.itemName = c.item.name
      } else {
        problems.append(ValidationError(field: "case", zh: "没有这个办件编号", en: "No case has this number"))
      }
    }
    if !filing.itemCode.isEmpty {
      if let entry = try await CatalogRepository(req.database).entry(code: filing.itemCode) {
        about.itemCode = entry.item.code
        about.itemName = entry.item.name
        if about.departmentID == nil { about.departmentID = entry.item.departmentID }
      } else {
        problems.append(ValidationError(field: "item_code", zh: "没有这个事项编码", en: "No item has this code"))
      }
    }
    if !filing.departmentID.isEmpty {
      if let department = try await directory.department(filing.departmentID),
        department.regionCode.county.value == county
      {
        about.departmentID = filing.departmentID
      } else {
        problems.append(ValidationError(field: "department_id", zh: "没有这个部门", en: "No such department"))
      }
    }
    if !filing.siteID.isEmpty {
      if let site = try await directory.site(filing.siteID), site.regionCode.county.value == county {
        about.siteID = site.id
      } else {
        problems.append(ValidationError(field: "site_id", zh: "没有这个服务场所", en: "No such site"))
      }
    }
    if !filing.windowID.isEmpty {
      if let window = try await directory.window(filing.windowID),
        about.siteID == nil || about.siteID == window.siteID
      {
        about.windowID = window.id
        about.siteID = window.siteID
      } else {
        problems.append(
          ValidationError(field: "window_id", zh: "没有这个窗口，或它不在所选场所", en: "No such window at that site"))
      }
    }
    let inquirer = Inquiry.Inquirer(
      name: filing.anonymous ? "" : filing.name, phone: filing.anonymous ? "" : filing.phone,
      citizenID: filing.citizenID, anonymous: filing.anonymous)
    // The domain's own checks, run now so that every problem is named at once.
    let rule = try await req.deadlineRule()
    let policy = policy(req)
    do {
      _ = try Inquiry(
        id: "", number: "", accessKey: "", kind: kind ?? .consultation, source: filing.source, about: about,
        inquirer: inquirer, title: filing.title, content: filing.content, filedAt: req.now)
    } catch { problems += error.errors }
    guard problems.isEmpty, let kind else { throw ValidationErrors(problems) }
    let now = req.now
    let (title, content, source, orderID, ties) = (filing.title, filing.content, filing.source, filing.orderID, about)
    let key = String(SecretToken.make().prefix(24))
    let filed = try await InquiryRepository(req.database).file(
      county: county, kind: kind, day: rule.civilDate(of: now), externalOrderID: orderID, by: actor,
      notices: { inquiry in
        inquirerNotice(inquiry, .inquiryReceived, rule: rule, policy: policy).map { [$0] } ?? []
      }, due: { $0.due(rule: rule, policy: policy) },
      make: { number in
        try Inquiry(
          id: UUID().uuidString.lowercased(), number: number, accessKey: key, kind: kind, source: source,
          about: ties, inquirer: inquirer, title: title, content: content, filedAt: now, externalOrderID: orderID)
      })
    if !filed.existing {
      req.logger.info("inquiry \(filed.inquiry.number) (\(kind.rawValue)) filed via \(source.rawValue) by \(actor.id)")
    }
    return filed
  }

  /// The notice to the inquirer (none for an anonymous report).
  static func inquirerNotice(
    _ inquiry: Inquiry, _ kind: NotificationKind, step: String = "", rule: DeadlineRule, policy: InquiryPolicy
  ) -> InquiryRepository.Notice? {
    guard !inquiry.inquirer.anonymous else { return nil }
    let due = inquiry.replyDue(rule: rule, policy: policy).map { rule.civilDate(of: $0).iso } ?? ""
    return InquiryRepository.Notice(
      kind: kind, phone: inquiry.inquirer.phone,
      account: inquiry.inquirer.citizenID.map { InAppMessage.account(citizen: $0) },
      facts: [
        "number": inquiry.number, "kind": inquiry.kind.name.zh, "due": due, "step": step,
        "link": Links.inquiry(inquiry.number, key: inquiry.accessKey), "item": inquiry.about.itemName ?? "",
      ])
  }

  /// Notices to staff: the department's reviewers, or the county's service desk.
  static func staffNotices(
    _ inquiry: Inquiry, step: String, department: String?, county: String, _ req: Request
  ) async throws -> [InquiryRepository.Notice] {
    guard let countyCode = RegionCode(county) else { return [] }
    let people =
      if let department {
        try await StaffDesk.reviewers(of: department, county: countyCode, req)
      } else {
        try await StaffRepository(req.database).list(in: Scope(regionCode: countyCode)).filter {
          !$0.isDisabled && Authorization.can($0.identity, .handleInquiries)
        }
      }
    return people.map {
      InquiryRepository.Notice(
        kind: .inquiryTask, phone: $0.phone, account: InAppMessage.account(staff: $0.identity.id),
        facts: [
          "number": inquiry.number, "kind": inquiry.kind.name.zh, "step": step,
          "link": Links.inquiryDesk(inquiry.number), "item": inquiry.about.itemName ?? "",
        ])
    }
  }

  /// Who reads which inquiries on the desk: the service desk, supervisors and the administrator the county's; a
  /// department's reviewers those dispatched to it; nobody else.
  static func departmentSeen(by staff: StaffIdentity) -> String?? {
    StaffDesk.departmentSeen(by: staff, overseers: [.handleInquiries, .superviseCases, .manageStaff])
  }

  /// The inquiry, if `staff` may read it; otherwise not found (never telling it exists).
  static func visible(_ number: String, to staff: StaffIdentity, _ req: Request) async throws
    -> InquiryRepository.Stored
  {
    guard let stored = try await InquiryRepository(req.database).find(number: number),
      stored.county == county(staff), let seen = departmentSeen(by: staff),
      seen == nil || seen == stored.inquiry.departmentID
    else { throw AppError.notFound(LocalizedText(zh: "没有这件诉求", en: "No such inquiry")) }
    return stored
  }

  /// Takes `action` on the stored inquiry by `staff`, saving it with its trail event and notices.
  static func take(
    _ action: Inquiry.Action, on stored: InquiryRepository.Stored, by staff: StaffIdentity, _ req: Request
  ) async throws -> Inquiry {
    let rule = try await req.deadlineRule()
    let policy = policy(req)
    var inquiry = stored.inquiry
    let from = inquiry.state
    let step = try inquiry.apply(action, by: staff, at: req.now, rule: rule, policy: policy)
    var notices: [InquiryRepository.Notice] = []
    switch step.kind {
    case .assign:
      notices = try await staffNotices(
        inquiry, step: "assign", department: inquiry.departmentID, county: stored.county, req)
    case .giveBack, .requestExtension:
      notices = try await staffNotices(inquiry, step: step.kind.rawValue, department: nil, county: stored.county, req)
    case .answer:
      notices = inquirerNotice(inquiry, .inquiryAnswered, rule: rule, policy: policy).map { [$0] } ?? []
    case .decline:
      notices =
        inquirerNotice(inquiry, .inquiryAnswered, step: "decline", rule: rule, policy: policy).map { [$0] } ?? []
    case .callBack where inquiry.state == .handling:
      notices = try await staffNotices(
        inquiry, step: "reopen", department: inquiry.departmentID, county: stored.county, req)
    default: break
    }
    let due = inquiry.due(rule: rule, policy: policy)
    try await InquiryRepository(req.database).save(
      inquiry, over: stored.version, step: step, from: from,
      by: .init(id: staff.id, name: staff.displayName), at: req.now, due: due,
      county: stored.county, notices: notices,
      // Another step, another owner or another due moment: its lights are told afresh.
      newClock: due != stored.inquiry.due(rule: rule, policy: policy) || inquiry.state != from
        || inquiry.departmentID != stored.inquiry.departmentID)
    req.logger.info("inquiry \(inquiry.number): \(step.kind.rawValue) by \(staff.username)")
    return inquiry
  }

  /// The inquirer's rating, from their link or account; a complaint rated unsatisfied goes back to its department.
  static func rate(
    _ rating: InquiryRating, comment: String, on stored: InquiryRepository.Stored, _ req: Request
  ) async throws -> Inquiry {
    let rule = try await req.deadlineRule()
    var inquiry = stored.inquiry
    let from = inquiry.state
    let step = try inquiry.rate(rating, comment: comment, at: req.now)
    let notices =
      inquiry.state == .handling
      ? try await staffNotices(inquiry, step: "reopen", department: inquiry.departmentID, county: stored.county, req)
      : []
    let actor = InquiryRepository.Actor(
      id: inquiry.inquirer.citizenID.map { InAppMessage.account(citizen: $0) } ?? "inquirer",
      name: inquiry.inquirer.displayName)
    try await InquiryRepository(req.database).save(
      inquiry, over: stored.version, step: step, from: from, by: actor, at: req.now,
      due: inquiry.due(rule: rule, policy: policy(req)), county: stored.county, notices: notices)
    return inquiry
  }
}
