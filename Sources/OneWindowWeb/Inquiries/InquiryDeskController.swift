import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// The staff side of 诉求: the desk's list, entering a call, letter or visit (the service desk, window clerks and
/// village agents for a resident), one inquiry with its trail, and each step of the loop.
enum InquiryDeskController {
  static let pageSize = 100

  /// Who may enter an inquiry by hand: the service desk, window clerks and proxy agents.
  static func mayEnter(_ staff: StaffIdentity) -> Bool {
    Authorization.can(staff, .handleInquiries) || Authorization.can(staff, .intakeCases)
      || Authorization.can(staff, .proxyApply)
  }

  /// `GET /service/inquiries?show=open|overdue|answered|closed|all&kind=`
  @Sendable static func list(req: Request) async throws -> HTML {
    let staff = try req.requireStaff()
    guard let department = InquiryService.departmentSeen(by: staff) else {
      throw AppError.forbidden(LocalizedText(zh: "您没有需要办理的诉求", en: "No inquiries concern you"))
    }
    let rule = try await req.deadlineRule()
    let policy = InquiryService.policy(req)
    let show = InquiryRepository.Show(rawValue: req.query[String.self, at: "show"] ?? "") ?? .open
    let kind = InquiryKind(rawValue: req.query[String.self, at: "kind"] ?? "")
    let repository = InquiryRepository(req.database)
    let county = InquiryService.county(staff)
    let (inquiries, total) = try await repository.list(
      county: county, departmentID: department, show: show, kind: kind, now: req.now, limit: pageSize, offset: 0)
    let figures = try await repository.figures(
      county: county, from: req.now.addingTimeInterval(-30 * 86_400), to: req.now)
    return InquiryDeskPages.list(
      .init(
        rows: inquiries.map {
          .init(
            inquiry: $0, due: $0.due(rule: rule, policy: policy),
            warning: $0.warning(rule: rule, policy: policy, now: req.now))
        }, total: total, show: show.rawValue, kind: kind?.rawValue ?? "",
        names: try await StaffDesk.directoryNames(req), clock: CaseClock(rule: rule, now: req.now),
        mayEnter: mayEnter(staff), figures: figures,
        notice: req.query[String.self, at: "returned"].map { "诉求 \(String($0.prefix(30))) 已退回客服重新派单。" },
        keepsKnowledge: KnowledgeController.keeps(staff, department: nil)),
      try await req.pageContext())
  }

  /// `GET /service/inquiries/new`
  @Sendable static func newForm(req: Request) async throws -> HTML {
    let staff = try req.requireStaff()
    guard mayEnter(staff) else { throw notEntrant }
    let source = Authorization.can(staff, .proxyApply) ? "agent" : "phone"
    return try await InquiryController.formPage(values: ["source": source], errors: [], staffEntry: true, req)
  }

  static let notEntrant = AppError.forbidden(
    LocalizedText(zh: "只有客服、窗口人员和代办员可以登记诉求", en: "Only the service desk, window clerks and agents enter inquiries"))

  /// `POST /service/inquiries/new`: a call, letter or visit entered by staff (a village agent for a resident).
  @Sendable static func enter(req: Request) async throws -> Response {
    let staff = try req.requireStaff()
    guard mayEnter(staff) else { throw notEntrant }
    let fields = try req.content.decode([String: String].self)
    do {
      guard let source = InquirySource(rawValue: fields["source"] ?? ""), InquirySource.entered.contains(source) else {
        throw ValidationErrors([
          ValidationError(field: "source", zh: "请选择来源（来电、来信、来访或代办员代录）", en: "Choose how it came in")
        ])
      }
      let (inquiry, _) = try await InquiryService.file(
        InquiryService.Filing(fields, source: source), county: InquiryService.county(staff),
        by: .init(id: staff.id, name: staff.displayName), req)
      if InquiryService.departmentSeen(by: staff) != nil {
        return req.redirect(to: Links.inquiryDesk(inquiry.number) + "?done=filed", redirectType: .normal)
      }
      // A clerk or an agent hands the resident the receipt with the private link.
      let rule = try await req.deadlineRule()
      return try await InquiryPages.filed(
        inquiry, replyDue: inquiry.replyDue(rule: rule, policy: InquiryService.policy(req)),
        clock: CaseClock(rule: rule, now: req.now), try await req.pageContext()
      ).encodeResponse(status: .created, for: req)
    } catch let problems as ValidationErrors {
      return .html(
        try await InquiryController.formPage(values: fields, errors: problems.errors, staffEntry: true, req),
        status: .unprocessableEntity)
    }
  }

  /// `GET /service/inquiries/{number}`
  @Sendable static func show(req: Request) async throws -> HTML {
    let staff = try req.requireStaff()
    let stored = try await InquiryService.visible(req.parameters.get("number") ?? "", to: staff, req)
    let notice: String? =
      switch req.query[String.self, at: "done"] {
      case "filed"?: "诉求已登记。"
      case let step?: "已办理：\(InquiryStep.Kind(rawValue: step)?.name.zh ?? step)。"
      case nil: nil
      }
    return try await page(stored, staff, errors: [], notice: notice, req)
  }

  private static func page(
    _ stored: InquiryRepository.Stored, _ staff: StaffIdentity, errors: [ValidationError], notice: String?,
    _ req: Request
  ) async throws -> HTML {
    let q = stored.inquiry
    let rule = try await req.deadlineRule()
    let policy = InquiryService.policy(req)
    var window: Window?
    if let windowID = q.about.windowID { window = try await DirectoryRepository(req.database).window(windowID) }
    let names = try await StaffDesk.directoryNames(req)
    return InquiryDeskPages.page(
      .init(
        inquiry: q, version: stored.version, events: try await InquiryRepository(req.database).events(of: q.number),
        names: names, clock: CaseClock(rule: rule, now: req.now), due: q.due(rule: rule, policy: policy),
        replyDue: q.replyDue(rule: rule, policy: policy), returnDue: q.returnDue(rule: rule, policy: policy),
        warning: q.warning(rule: rule, policy: policy, now: req.now),
        departments: try await DirectoryRepository(req.database).departments().filter {
          $0.regionCode.county.value == stored.county && !$0.isRetired
        }.map { ($0.id, $0.name) },
        isDesk: Authorization.can(staff, .handleInquiries),
        isDepartment: q.departmentID.map { Authorization.speaksFor(staff, department: $0) } ?? false,
        maySupervise: Authorization.can(staff, .superviseCases), policy: policy,
        windowName: window.map { "\(names.site($0.siteID)) \($0.number)号 \($0.name)" },
        tickets: try await SupervisionTicketRepository(req.database).tickets(about: .inquiry(q.number)),
        errors: errors, notice: notice),
      try await req.pageContext())
  }

  /// `POST /service/inquiries/{number}/{step}` with `version` and the step's fields: assign, sign, return,
  /// request-extension, decide-extension, answer, call-back, decline, publish.
  @Sendable static func step(req: Request) async throws -> Response {
    let staff = try req.requireStaff()
    let stored = try await InquiryService.visible(req.parameters.get("number") ?? "", to: staff, req)
    let fields = try req.content.decode([String: String].self)
    do {
      guard Int(fields["version"] ?? "") == stored.version else { throw InquiryRepository.conflict }
      let action = try await action(req.parameters.get("step") ?? "", fields, county: stored.county, req)
      let inquiry = try await InquiryService.take(action, on: stored, by: staff, req)
      if case .some(.some(let own)) = InquiryService.departmentSeen(by: staff), own != inquiry.departmentID {
        // Returned: no longer the department's to read; back to its list, saying what happened.
        return req.redirect(to: Links.inquiryDesk + "?returned=" + inquiry.number, redirectType: .normal)
      }
      return req.redirect(to: Links.inquiryDesk(inquiry.number) + "?done=" + stepKind(req), redirectType: .normal)
    } catch let problem as ValidationError {
      let current = try await InquiryService.visible(stored.inquiry.number, to: staff, req)
      return .html(try await page(current, staff, errors: [problem], notice: nil, req), status: .unprocessableEntity)
    }
  }

  private static func stepKind(_ req: Request) -> String {
    switch req.parameters.get("step") ?? "" {
    case "return": "return"
    case "request-extension": "request_extension"
    case "decide-extension": "decide_extension"
    case "call-back": "call_back"
    case let other: other
    }
  }

  private static func action(_ step: String, _ fields: [String: String], county: String, _ req: Request) async throws
    -> Inquiry.Action
  {
    let text = { (key: String) in fields[key] ?? "" }
    switch step {
    case "assign":
      let department = text("department_id")
      if !department.isEmpty,
        try await DirectoryRepository(req.database).department(department)?.regionCode.county.value != county
      {
        throw ValidationError(field: "department_id", zh: "没有这个部门", en: "No such department")
      }
      return .assign(departmentID: department, note: text("note"))
    case "sign": return .sign
    case "return": return .giveBack(reason: text("reason"))
    case "request-extension":
      guard let days = Int(text("workdays").trimmingCharacters(in: .whitespaces)) else {
        throw ValidationError(field: "workdays", zh: "请填写延期的工作日数", en: "Enter the working days asked")
      }
      return .requestExtension(workdays: days, reason: text("reason"))
    case "decide-extension": return .decideExtension(approve: text("approve") == "yes", note: text("note"))
    case "answer": return .answer(text("answer"))
    case "call-back":
      let rating = text("rating")
      guard rating.isEmpty || InquiryRating(rawValue: rating) != nil else {
        throw ValidationError(field: "rating", zh: "请选择评价", en: "Choose the rating")
      }
      return .callBack(note: text("note"), rating: InquiryRating(rawValue: rating))
    case "decline": return .decline(reason: text("reason"))
    case "publish": return .publish(answer: text("public_answer"), outcome: text("outcome"))
    default: throw ValidationError(field: "step", zh: "未知的办理步骤", en: "Unknown step")
    }
  }
}
