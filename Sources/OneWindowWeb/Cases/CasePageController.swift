import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 办件 pages for staff: the case page with its step forms, the printed notices, and the look-up by number.
enum CasePageController {
  /// `GET /cases?number=`: opens a case by its number (from the window's look-up box).
  @Sendable static func lookup(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewCases)
    let number = (req.query[String.self, at: "number"] ?? "").trimmingCharacters(in: .whitespaces)
    let rule = try await req.deadlineRule()
    if let found = try await req.cases(rule).find(number), CaseAPIController.isVisible(found, to: staff) {
      return req.redirect(to: Links.casePage(found.number))
    }
    let error =
      number.isEmpty
      ? ValidationError(field: "number", zh: "请输入办件编号", en: "Enter a case number")
      : ValidationError(
        field: "number", zh: "没有找到办件「\(number)」，或它不在您的办理范围内",
        en: "No case \(number) within your scope")
    guard Authorization.can(staff, .intakeCases) else { throw AppError.notFound(error.message) }
    return .html(
      try await WindowController.workbench(req, staff: staff, query: "", lookupError: error), status: .notFound)
  }

  /// `GET /cases/{number}`
  @Sendable static func show(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewCases)
    let rule = try await req.deadlineRule()
    let serviceCase = try await CaseAPIController.visibleCase(req, staff, req.cases(rule))
    let context = try await req.pageContext()
    let notice = req.query[String.self, at: "done"].flatMap(CaseStep.init(rawValue:)).map {
      context.t("已完成：\(context.t($0.name))。", "Done: \(context.t($0.name)).")
    }
    return try await page(serviceCase, staff: staff, failed: nil, notice: notice, req).encodeResponse(for: req)
  }

  /// `POST /cases/{number}/steps/{step}`: one step from its form; a refused step shows the page again with the
  /// errors next to the fields and nothing changed.
  @Sendable static func step(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewCases)
    guard let step = CaseStep(rawValue: req.parameters.get("step") ?? ""), step != .create else {
      throw AppError.notFound(LocalizedText(zh: "没有这个办理环节", en: "No such step"))
    }
    let posted = try FormBody.read(req)
    let values = posted.fields
    let rule = try await req.deadlineRule()
    let repository = req.cases(rule)
    let serviceCase = try await CaseAPIController.visibleCase(req, staff, repository)
    do {
      let body = try CaseStepForm(values).body()
      var result: Attachment?
      if step == .issueResult {
        let (files, errors) = posted.checkedFiles(.scans)
        if let error = errors.first { throw error }
        guard let (file, kind) = files.first(where: { $0.0.field == "result_file" }) else {
          throw ValidationError(field: "result_file", zh: "请选择电子结果文件", en: "Choose the result file")
        }
        let key = try await req.application.fileStore.put(file.bytes)
        result = Attachment(fileID: key, name: file.fileName, kind: kind, size: file.bytes.count)
      }
      let action = try body.action(for: step, resultFile: result)
      try await CaseAPIController.checkDepartments(of: action, req)
      let updated = try await repository.apply(
        action, to: serviceCase.number, expectedVersion: body.version, by: try await req.caseActor(staff), now: req.now,
        visible: { CaseAPIController.isVisible($0, to: staff) })
      return req.redirect(to: Links.casePage(updated.number) + "?done=\(step.rawValue)")
    } catch let error as ValidationError {
      return try await refused(serviceCase, staff, step, [error], values, .unprocessableEntity, req)
    } catch let error as CaseError {
      let errors: [ValidationError] =
        if case .invalid(let field) = error { [field] } else {
          [ValidationError(field: "version", message: error.message)]
        }
      let status: HTTPResponseStatus =
        error.isConflict ? .conflict : (error == .invalid(errors[0]) ? .unprocessableEntity : .forbidden)
      // After a conflict the page shows the case as it is now.
      let current = try await repository.find(serviceCase.number) ?? serviceCase
      return try await refused(current, staff, step, errors, values, status, req)
    }
  }

  private static func refused(
    _ c: ServiceCase, _ staff: StaffIdentity, _ step: CaseStep, _ errors: [ValidationError], _ values: [String: String],
    _ status: HTTPResponseStatus, _ req: Request
  ) async throws -> Response {
    let failed = CasePage.Failed(step: step, errors: errors, values: values)
    return .html(try await page(c, staff: staff, failed: failed, notice: nil, req), status: status)
  }

  static func page(
    _ c: ServiceCase, staff: StaffIdentity, failed: CasePage.Failed?, notice: String?,
    ticketErrors: [ValidationError] = [], ticketValues: [String: String] = [:], _ req: Request
  ) async throws -> HTML {
    let rule = try await req.deadlineRule()
    let repository = req.cases(rule)
    let status = c.deadline(rule, now: req.now)
    let departments = try await DirectoryRepository(req.database).departments()
    var model = CasePage.Model(
      serviceCase: c, events: try await repository.events(of: c.number), clock: CaseClock(rule: rule, now: req.now),
      deadline: status, deadlineText: DeadlineText.explain(c, status: status, rule: rule, language: req.language),
      names: try await StaffDesk.directoryNames(req), departments: departments,
      available: CaseStateMachine.available(to: try await req.caseActor(staff), on: c), failed: failed, notice: notice
    )
    let tickets = try await SupervisionTicketRepository(req.database).tickets(about: .serviceCase(c.number))
    model.supervision = CaseSupervision(
      hits: try await RuleHitRepository(req.database).hits(of: c.number), tickets: tickets,
      mayOpenTicket: Authorization.can(staff, .superviseCases),
      mayReadHits: Authorization.can(staff, .viewStatistics),
      readableTickets: Set(tickets.filter { SupervisionTicketController.mayRead($0, staff) }.map(\.id)),
      errors: ticketErrors, values: ticketValues)
    return CasePage.render(model, try await req.pageContext())
  }

  /// `GET /cases/{number}/files/{key}`: a scan attached to the case (only the case's own files, only in scope).
  @Sendable static func file(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewCases)
    let c = try await CaseAPIController.visibleCase(
      req, staff, req.cases(try await req.deadlineRule()))
    let key = req.parameters.get("file") ?? ""
    guard let attachment = c.files.first(where: { $0.fileID == key }),
      let bytes = try await req.application.fileStore.get(key)
    else { throw AppError.notFound(LocalizedText(zh: "本件没有这个文件", en: "The case has no such file")) }
    return FileResponse.make(attachment, bytes)
  }

  /// `GET /cases/{number}/notices/{kind}`: a printable notice with the QR code of the public status page.
  @Sendable static func notice(req: Request) async throws -> HTML {
    let staff = try req.authorize(.viewCases)
    let rule = try await req.deadlineRule()
    let repository = req.cases(rule)
    let c = try await CaseAPIController.visibleCase(req, staff, repository)
    guard let kind = NoticeKind(rawValue: req.parameters.get("kind") ?? ""), kind.applies(to: c) else {
      throw AppError.notFound(LocalizedText(zh: "本件没有这份通知书", en: "The case has no such notice"))
    }
    guard let site = try await DirectoryRepository(req.database).site(c.siteID) else {
      throw StoreNotFound.record(LocalizedText(zh: "受理场所不存在", en: "No such site"))
    }
    let staffRepository = StaffRepository(req.database)
    let signer = try await repository.events(of: c.number).last { $0.step == kind.issuingStep }
    var clerk = signer?.actorName
    if clerk == nil { clerk = try await staffRepository.find(id: c.receivedBy)?.identity.displayName }
    let agent = try await c.proxy.asyncMap { try await staffRepository.find(id: $0.agentID)?.identity.displayName }
    // The result's notices invite the rating (一事一评); a rating made after scanning counts as the QR channel.
    let rates = kind == .conclusion || kind == .refusal
    let statusURL =
      CatalogController.publicURL(req) + Links.status
      + Links.query([("number", c.number)] + (rates ? [("via", "qr")] : []))
    let due = c.deadline(rule, now: req.now)?.due
    return NoticePage.render(
      NoticePage.Model(
        kind: kind, serviceCase: c, clock: CaseClock(rule: rule, now: req.now), due: due, site: site,
        names: try await StaffDesk.directoryNames(req), clerkName: clerk ?? staff.displayName, agentName: agent ?? nil,
        statusURL: statusURL),
      try await req.pageContext())
  }
}

/// A step form's fields read into the API's step body, so pages and API take steps the same way.
struct CaseStepForm {
  let values: [String: String]

  init(_ values: [String: String]) {
    self.values = values
  }

  private func text(_ name: String) -> String? {
    values[name]?.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private func number(_ name: String) throws(ValidationError) -> Int? {
    guard let raw = text(name), !raw.isEmpty else { return nil }
    guard let value = Int(raw) else {
      throw ValidationError(field: name, zh: "请填写整数", en: "Enter a whole number")
    }
    return value
  }

  private func flag(_ name: String) -> Bool? {
    text(name).flatMap { $0 == "true" ? true : $0 == "false" ? false : nil }
  }

  func body() throws(ValidationError) -> CaseStepBody {
    var body = CaseStepBody()
    body.version = try number("version")
    body.reason = text("reason")
    body.legalBasis = text("legal_basis")
    body.step = text("step")
    body.opinion = text("opinion")
    body.approved = flag("approved")
    body.departmentId = text("department_id")
    body.question = text("question")
    body.dueWorkdays = try number("due_workdays")
    body.answer = text("answer")
    body.agrees = flag("agrees")
    body.mode = text("mode")
    body.receiver = text("receiver")
    body.idChecked = values["id_checked"] == "true"
    body.carrier = text("carrier")
    body.trackingNumber = text("tracking_number")
    body.kind = text("kind")
    body.plannedWorkdays = try number("planned_workdays")
    body.toDepartmentId = text("to_department_id")
    body.limitDays = try number("limit_days")
    body.finding = text("finding")
    body.pledgeKept = flag("pledge_kept")
    return body
  }
}
