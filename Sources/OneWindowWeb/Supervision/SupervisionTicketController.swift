import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 督办 pages. Supervisors open, close and return tickets; the department named replies (its reviewers, or the
/// center's administrator); each side sees the tickets that concern it and nobody else's.
enum SupervisionTicketController {
  static let pageSize = 100

  private static func county(_ staff: StaffIdentity) -> String { staff.scope.regionCode.county.value }

  /// Who sees which tickets: supervisors and the administrator the county's, a department its own, others none.
  private static func department(seenBy staff: StaffIdentity) -> String?? {
    StaffDesk.departmentSeen(by: staff, overseers: [.superviseCases, .manageStaff])
  }

  /// Whether `staff` may open `ticket`: its county's supervisors and administrator, or the department it is for.
  static func mayRead(_ ticket: SupervisionTicket, _ staff: StaffIdentity) -> Bool {
    guard let department = department(seenBy: staff) else { return false }
    return department == nil || department == ticket.departmentID
  }

  /// `GET /supervision/tickets?show=open|overdue|replied|closed|all` (and, from a rule hit, the open form prefilled).
  @Sendable static func list(req: Request) async throws -> HTML {
    try await listPage(try req.requireStaff(), errors: [], values: prefill(req), req)
  }

  private static func prefill(_ req: Request) -> [String: String] {
    var values: [String: String] = [:]
    for name in ["subject_kind", "subject_id", "department_id"] {
      if let value = req.query[String.self, at: name] { values[name] = value }
    }
    return values
  }

  private static func listPage(
    _ staff: StaffIdentity, errors: [ValidationError], values: [String: String], _ req: Request
  ) async throws -> HTML {
    guard let department = department(seenBy: staff) else {
      throw AppError.forbidden(LocalizedText(zh: "您没有需要查看的督办件", en: "No tickets concern you"))
    }
    let rule = try await req.deadlineRule()
    let today = rule.civilDate(of: req.now)
    let show = req.query[String.self, at: "show"] ?? "open"
    let state: SupervisionTicket.State? =
      switch show {
      case "open", "overdue": .open
      case "replied": .replied
      case "closed": .closed
      default: nil
      }
    let (tickets, total) = try await SupervisionTicketRepository(req.database).list(
      county: county(staff), departmentID: department, state: state, overdueOn: show == "overdue" ? today : nil,
      limit: pageSize, offset: 0)
    let context = try await req.pageContext()
    return SupervisionTicketPages.list(
      .init(
        tickets: tickets, total: total,
        show: SupervisionTicketPages.shows.contains { $0.0 == show } ? show : "all", today: today,
        names: try await StaffDesk.directoryNames(req), canOpen: Authorization.can(staff, .superviseCases),
        departments: try await DirectoryRepository(req.database).departments(county: county(staff)), errors: errors,
        values: values),
      context)
  }

  /// `POST /supervision/tickets`: subject_kind, subject_id, department_id, instruction, workdays.
  @Sendable static func open(req: Request) async throws -> Response {
    let staff = try req.authorize(.superviseCases)
    let posted = try req.content.decode([String: String].self)
    let rule = try await req.deadlineRule()
    do {
      guard let subject = SupervisionTicket.Subject(kind: posted["subject_kind"] ?? "", id: posted["subject_id"]) else {
        throw ValidationError(field: "subject_kind", zh: "督办对象无效", en: "The subject is not valid")
      }
      var departmentID = posted["department_id"] ?? ""
      switch subject {
      case .serviceCase(let number):
        // The department that holds the case now, whatever the form said.
        let c = try await CaseAPIController.visibleCase(req, staff, req.cases(rule), number: number)
        departmentID = c.departmentID
      case .ruleHit(let id):
        // Case numbers start with their county's code: a hit of another county is not there for this supervisor.
        guard let hit = try await RuleHitRepository(req.database).find(id), hit.caseNumber.hasPrefix(county(staff))
        else { throw ValidationError(field: "subject_id", zh: "没有这条预警", en: "No such rule hit") }
        departmentID = hit.departmentID
      case .rectification(let id):
        guard let (_, rated) = try await EvaluationController.repository(req).rectification(id: id),
          rated.about.regionCode.hasPrefix(county(staff))
        else { throw ValidationError(field: "subject_id", zh: "没有这条差评整改", en: "No such rectification") }
        guard
          try await DirectoryRepository(req.database).department(departmentID)?.regionCode.county.value == county(staff)
        else {
          throw ValidationError(field: "department_id", zh: "请选择督办的部门", en: "Choose the department")
        }
      case .inquiry(let number):
        // The department it is dispatched to; one not dispatched yet is the service desk's to move, not a
        // department's to answer for.
        let stored = try await InquiryService.visible(number, to: staff, req)
        guard let department = stored.inquiry.departmentID else {
          throw ValidationError(
            field: "subject_id", zh: "该诉求尚未派单，请督促客服派单", en: "The inquiry is not dispatched to a department yet")
        }
        departmentID = department
      case .department:
        guard
          try await DirectoryRepository(req.database).department(departmentID)?.regionCode.county.value == county(staff)
        else {
          throw ValidationError(field: "department_id", zh: "请选择督办的部门", en: "Choose the department")
        }
      }
      let workdays = Int(posted["workdays"] ?? "") ?? 0
      let ticket = try SupervisionTicket.open(
        id: TimeOrderedID.make(at: req.now).uuidString.lowercased(), subject: subject, departmentID: departmentID,
        instruction: posted["instruction"] ?? "", workdays: workdays, by: staff, at: req.now, rule: rule)
      let told = try await notice(ticket, step: "open", staff: staff, req)
      try await SupervisionTicketRepository(req.database).insert(
        ticket, county: county(staff), notify: told.recipients, facts: told.facts, now: req.now)
      if case .inquiry(let number) = subject {
        // The inquiry's own trail says it was supervised, and by whom.
        let stored = try await InquiryService.visible(number, to: staff, req)
        _ = try await InquiryService.take(.supervise(instruction: ticket.instruction), on: stored, by: staff, req)
      }
      req.logger.info("supervision ticket \(ticket.id) opened by \(staff.username) for \(departmentID)")
      return req.redirect(to: Links.supervisionTicket(ticket.id) + "?done=open", redirectType: .normal)
    } catch let error as ValidationError {
      if case .serviceCase(let number)? = SupervisionTicket.Subject(
        kind: posted["subject_kind"] ?? "", id: posted["subject_id"]), error.field != "subject_id"
      {
        let c = try await CaseAPIController.visibleCase(req, staff, req.cases(rule), number: number)
        let html = try await CasePageController.page(
          c, staff: staff, failed: nil, notice: nil, ticketErrors: [error], ticketValues: posted, req)
        return .html(html, status: .unprocessableEntity)
      }
      return .html(try await listPage(staff, errors: [error], values: posted, req), status: .unprocessableEntity)
    }
  }

  /// `GET /supervision/tickets/{id}`
  @Sendable static func show(req: Request) async throws -> HTML {
    let staff = try req.requireStaff()
    let (ticket, version, _) = try await visible(req, staff)
    return try await page(ticket, version, staff, errors: [], req)
  }

  /// `POST /supervision/tickets/{id}/{step}`: reply (`reply`), close (`note`), return (`note`, `workdays`).
  @Sendable static func step(req: Request) async throws -> Response {
    let staff = try req.requireStaff()
    var (ticket, version, ticketCounty) = try await visible(req, staff)
    let posted = try req.content.decode([String: String].self)
    let rule = try await req.deadlineRule()
    let step = req.parameters.get("step") ?? ""
    do {
      guard Int(posted["version"] ?? "") == version else { throw SupervisionTicketRepository.conflict }
      switch step {
      case "reply": try ticket.reply(posted["reply"] ?? "", by: staff, at: req.now)
      case "close": try ticket.close(posted["note"] ?? "", by: staff, at: req.now)
      case "return":
        try ticket.giveBack(
          posted["note"] ?? "", workdays: Int(posted["workdays"] ?? "") ?? 0, by: staff, at: req.now, rule: rule)
      default: throw AppError.notFound(LocalizedText(zh: "没有这个督办环节", en: "No such step"))
      }
      // A returned ticket goes back to the department, who is told again.
      let told: (recipients: [(phone: String, account: String)], facts: [String: String]) =
        step == "return" ? try await notice(ticket, step: step, staff: staff, req) : ([], [:])
      try await SupervisionTicketRepository(req.database).save(
        ticket, over: version, notify: told.recipients, facts: told.facts, county: ticketCounty, now: req.now)
      return req.redirect(to: Links.supervisionTicket(ticket.id) + "?done=\(step)", redirectType: .normal)
    } catch let error as ValidationError {
      let current = try await SupervisionTicketRepository(req.database).find(ticket.id)
      return .html(
        try await page(current?.ticket ?? ticket, current?.version ?? version, staff, errors: [error], req),
        status: error.field == "version" ? .conflict : .unprocessableEntity)
    }
  }

  // MARK: parts

  private static func visible(_ req: Request, _ staff: StaffIdentity) async throws
    -> (SupervisionTicket, Int, String)
  {
    let id = req.parameters.get("id") ?? ""
    guard let found = try await SupervisionTicketRepository(req.database).find(id), found.county == county(staff),
      mayRead(found.ticket, staff)
    else { throw AppError.notFound(LocalizedText(zh: "没有这个督办件", en: "No such ticket")) }
    return found
  }

  private static func page(
    _ ticket: SupervisionTicket, _ version: Int, _ staff: StaffIdentity, errors: [ValidationError], _ req: Request
  ) async throws -> HTML {
    let rule = try await req.deadlineRule()
    let context = try await req.pageContext()
    let done = req.query[String.self, at: "done"]
    let notice: String? =
      switch done {
      case "open": context.t("已发起督办，已通知被督办部门。", "The ticket is open; the department was told.")
      case "reply": context.t("答复已提交。", "The reply was sent.")
      case "close": context.t("已办结。", "Closed.")
      case "return": context.t("已退回，已通知部门重新答复。", "Returned; the department was told.")
      default: nil
      }
    return SupervisionTicketPages.ticket(
      .init(
        ticket: ticket, version: version, today: rule.civilDate(of: req.now),
        names: try await StaffDesk.directoryNames(req), clock: CaseClock(rule: rule, now: req.now),
        mayReply: SupervisionTicket.mayReply(staff, for: ticket.departmentID),
        maySupervise: Authorization.can(staff, .superviseCases), errors: errors, notice: notice),
      context)
  }

  /// Whom to tell of a ticket opened or returned (the department's reviewers, by text and in the app) and the facts
  /// of the notice.
  private static func notice(_ ticket: SupervisionTicket, step: String, staff: StaffIdentity, _ req: Request)
    async throws -> (recipients: [(phone: String, account: String)], facts: [String: String])
  {
    let holders = try await StaffDesk.reviewers(of: ticket.departmentID, county: staff.scope.regionCode.county, req)
    let names = try await StaffDesk.directoryNames(req)
    return (
      holders.map(\.noticeRecipient),
      [
        "subject": "\(ticket.subject.name.zh)（\(names.department(ticket.departmentID))）", "due": ticket.dueDate.iso,
        "instruction": ticket.instruction, "step": step, "link": Links.supervisionTicket(ticket.id),
      ]
    )
  }
}
