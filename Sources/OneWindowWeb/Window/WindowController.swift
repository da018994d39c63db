import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 综合窗口: the workbench, the intake of any item (无差别受理, 通办) and the recheck after a correction notice.
enum WindowController {
  /// `GET /window?q=`
  @Sendable static func home(req: Request) async throws -> HTML {
    let staff = try req.authorize(.intakeCases)
    return try await workbench(req, staff: staff, query: req.query[String.self, at: "q"] ?? "", lookupError: nil)
  }

  static func workbench(
    _ req: Request, staff: StaffIdentity, query: String, lookupError: ValidationError?,
    hallError: ValidationError? = nil
  ) async throws -> HTML {
    let text = query.trimmingCharacters(in: .whitespaces)
    var found: CatalogPage?
    if !text.isEmpty {
      var filter = CatalogFilter()
      filter.text = text
      filter.limit = 30
      found = try await CatalogRepository(req.database).search(filter)
    }
    let rule = try await req.deadlineRule()
    let clock = CaseClock(rule: rule, now: req.now)
    var today: [(ServiceCase, DeadlineStatus?)] = []
    var online: [(ServiceCase, DeadlineStatus?)] = []
    let site = try await staff.scope.siteID.asyncMap { try await DirectoryRepository(req.database).site($0) } ?? nil
    if let site {
      var filter = CaseFilter(scope: staff.scope)
      filter.siteID = site.id
      filter.createdFrom = rule.startOfDay(clock.today)
      filter.limit = 100
      today = try await req.cases(rule).list(filter, now: req.now).cases.map {
        ($0, $0.deadline(rule, now: req.now))
      }
      // 网上预审: online and proxy applications sent to this site and not yet accepted or returned.
      var waiting = CaseFilter(scope: staff.scope)
      waiting.siteID = site.id
      waiting.channels = [.online, .proxy]
      waiting.states = [.submitted]
      online = try await req.cases(rule).list(waiting, now: req.now).cases.map { ($0, nil) }
    }
    let names = try await StaffDesk.directoryNames(req)
    return WindowPage.render(
      WindowPage.Model(
        site: site, query: text, results: found?.items ?? [], total: found?.total ?? 0, departments: names.departments,
        today: today, online: online, clock: clock, names: names, lookupError: lookupError,
        callPanel: try await HallDeskController.panel(staff, today: today, error: hallError, req),
        bundles: try await BundleRepository(req.database).all()),
      try await req.pageContext())
  }

  /// `GET /window/intake?item=CODE`
  @Sendable static func intakeForm(req: Request) async throws -> Response {
    let staff = try req.authorize(.intakeCases)
    let site = try await StaffDesk.site(staff, req)
    let code = req.query[String.self, at: "item"] ?? ""
    let routing: IntakeRouting
    do {
      routing = try await IntakeRouting.resolve(itemCode: code, site: site, field: "item_code", req)
    } catch let error as ValidationError {
      return .html(
        try await workbench(req, staff: staff, query: code, lookupError: error), status: .unprocessableEntity)
    }
    let form = IntakeFormInput(fields: [:]).form(base: routing.entry.item.materials.map(CaseMaterial.init), fresh: true)
    return try await page(routing, site: site, form: form, errors: [], req).encodeResponse(status: .ok, for: req)
  }

  /// `POST /window/intake`: registers the case and takes the clerk's decision in one transaction, then shows the
  /// notice to print (or, for an immediate item, the case with its delivery form).
  @Sendable static func intake(req: Request) async throws -> Response {
    let staff = try req.authorize(.intakeCases)
    let site = try await StaffDesk.site(staff, req)
    let posted = try FormBody.read(req)
    let input = IntakeFormInput(fields: posted.fields)
    let routing = try await IntakeRouting.resolve(
      itemCode: input.value("item_code"), site: site, field: "item_code", req)
    let item = routing.entry.item
    var form = input.form(base: item.materials.map(CaseMaterial.init), fresh: true)
    if input.value("lookup") == "1" {
      return try await lookUpApplicant(routing, site: site, form: form, staff: staff, req)
    }
    let (scans, scanErrors) = posted.checkedFiles(.scans)
    // In the order of the page: the applicant, then the checklist.
    var errors: [ValidationError] = []
    let applicant = input.applicant(form)
    do { try applicant.validate() } catch { errors += error.errors }
    errors += IntakeFormInput.uncheckedErrors(form) + scanErrors
    let delivery: ResultDelivery
    switch form.delivery {
    case "mail" where item.deliveryModes.contains(.mail):
      if form.mailAddress.isEmpty {
        errors.append(ValidationError(field: "mail_address", zh: "请填写邮寄地址", en: "Give the mailing address"))
      }
      delivery = .mail(address: form.mailAddress)
    case "electronic" where item.deliveryModes.contains(.electronic): delivery = .electronic
    default: delivery = .pickup(siteID: site.id)
    }
    let actions = plan(input, form: form, kind: item.caseKind, errors: &errors)
    errors = ValidationError.firstPerField(errors)
    guard errors.isEmpty, let actions else {
      return try await page(routing, site: site, form: form, errors: errors, req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
    // Stored only once everything else is right; a scan is complete on disk before the case points at it.
    try await Scans.attach(scans, to: &form.checklist, req)
    let rule = try await req.deadlineRule()
    do {
      let (serviceCase, _) = try await req.cases(rule).create(
        NewCase(
          item: CaseItem(item, version: routing.entry.version), applicant: applicant, channel: .window, site: site,
          idempotencyKey: "\(staff.id):intake:\(form.intakeKey)",
          intake: CaseIntake(materials: form.checklist, route: routing.route, resultDelivery: delivery),
          steps: actions),
        by: CaseActor(staff), now: req.now)
      return req.redirect(to: after(serviceCase))
    } catch let error as CaseError {
      let failure: ValidationError =
        if case .invalid(let field) = error { field } else { ValidationError(field: "outcome", message: error.message) }
      return try await page(routing, site: site, form: form, errors: [failure], req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
  }

  /// 按证件号调取申请人: fills the name and ID type in from an earlier case the clerk may see — never from another
  /// site's or a citizen's unsent case — and shows the phone left then only masked, to confirm with the applicant.
  /// Counted per clerk (a budget, not a bulk export) and logged.
  static func lookUpApplicant(
    _ routing: IntakeRouting, site: Site, form: IntakePage.Form, staff: StaffIdentity, _ req: Request
  ) async throws -> Response {
    var form = form
    try req.limit("applicant-lookup", \.applicantLookup, key: staff.id)
    req.logger.notice("applicant look-up by \(staff.username): \(Masking.idNumber(form.idNumber))")
    let context = try await req.pageContext()
    let rule = try await req.deadlineRule()
    let earlier = try await req.cases(rule).cases(ofApplicantID: form.idNumber)
    guard let known = earlier.first(where: { CaseAPIController.isVisible($0, to: staff) })?.applicant else {
      let notice = context.t(
        "没有找到该证件号码的办件记录，请填写申请人信息。", "No earlier case with that ID number; fill in the applicant.")
      return try await page(routing, site: site, form: form, errors: [], notice: notice, req).encodeResponse(for: req)
    }
    form.applicantKind = known.kind.rawValue
    form.name = known.name
    form.idType = known.idType
    let phone = Masking.phone(known.phone)
    let notice = context.t(
      "已按以往办件填入申请人「\(known.name)」，请与证件核对；以往留的手机号为 \(phone)，请向申请人核实后填写。",
      "Filled in \(known.name) from an earlier case; check it against the ID. The phone left then was \(phone): ask the applicant for it."
    )
    return try await page(routing, site: site, form: form, errors: [], notice: notice, req).encodeResponse(for: req)
  }

  /// The steps the pressed button stands for, or nil with `errors` filled in.
  static func plan(_ input: IntakeFormInput, form: IntakePage.Form, kind: CaseKind, errors: inout [ValidationError])
    -> [CaseAction]?
  {
    let outcome: IntakeOutcome
    switch input.outcome(form) {
    case .success(let value): outcome = value
    case .failure(let error):
      errors.append(error)
      return nil
    }
    var due: CivilDate?
    switch input.deficiencyDue(form) {
    case .success(let value): due = value
    case .failure(let error): errors.append(error)
    }
    do {
      return try IntakeRule.actions(for: outcome, checklist: form.checklist, kind: kind, deficiencyDue: due)
    } catch {
      errors += error.errors
      return nil
    }
  }

  /// Where the clerk goes after a decision: the notice to print, or the case (to hand out an immediate result).
  static func after(_ c: ServiceCase) -> String {
    switch c.state {
    case .correcting: Links.caseNotice(c.number, NoticeKind.correction.rawValue)
    case .refused: Links.caseNotice(c.number, NoticeKind.refusal.rawValue)
    case .decided: Links.casePage(c.number) + "?done=decide"
    default: Links.caseNotice(c.number, NoticeKind.acceptance.rawValue)
    }
  }

  /// `GET /cases/{number}/recheck`: the checklist of a submitted or returned case, to accept it or notify again.
  @Sendable static func recheckForm(req: Request) async throws -> Response {
    let staff = try req.authorize(.intakeCases)
    let (serviceCase, routing, site) = try await recheckSubject(staff, req)
    let form = IntakeFormInput(fields: [:]).form(
      base: checklist(of: serviceCase, routing), fresh: firstPreReview(serviceCase))
    return try await page(routing, site: site, form: form, errors: [], existing: serviceCase, req)
      .encodeResponse(for: req)
  }

  /// `POST /cases/{number}/recheck`: 材料核验, 补正后提交 and the decision, in one transaction.
  @Sendable static func recheck(req: Request) async throws -> Response {
    let staff = try req.authorize(.intakeCases)
    let (serviceCase, routing, site) = try await recheckSubject(staff, req)
    let posted = try FormBody.read(req)
    let input = IntakeFormInput(fields: posted.fields)
    let form = input.form(base: checklist(of: serviceCase, routing), fresh: firstPreReview(serviceCase))
    let (scans, scanErrors) = posted.checkedFiles(.scans)
    var errors = scanErrors + IntakeFormInput.uncheckedErrors(form)
    let decided = plan(input, form: form, kind: serviceCase.item.kind, errors: &errors)
    errors = ValidationError.firstPerField(errors)
    guard errors.isEmpty, let decided else {
      return try await page(routing, site: site, form: form, errors: errors, existing: serviceCase, req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
    let added = try await Scans.store(scans, req)
    let checks = form.checklist.enumerated().map { index, line in
      MaterialCheck(name: line.name, status: line.status, problem: line.problem, attachments: added[index] ?? [])
    }
    let hasChecklist = serviceCase.intake?.materials.isEmpty == false
    var actions: [CaseAction] = hasChecklist ? [.checkMaterials(checks)] : []
    if serviceCase.state == .correcting { actions.append(.resubmit) }
    // Still incomplete after a notice: a further one needs its reason (and is flagged to supervision).
    actions += decided.map { action in
      if case .issueCorrection(let items, _) = action, !serviceCase.notices.isEmpty {
        return .issueCorrection(items: items, reasonForAnother: form.reasonForAnother)
      }
      return action
    }
    let rule = try await req.deadlineRule()
    do {
      let updated = try await req.cases(rule).apply(
        actions, to: serviceCase.number, expectedVersion: Int(input.value("version")), by: CaseActor(staff),
        now: req.now)
      return req.redirect(to: after(updated))
    } catch let error as CaseError {
      let failure: ValidationError =
        if case .invalid(let field) = error { field } else { ValidationError(field: "outcome", message: error.message) }
      return try await page(routing, site: site, form: form, errors: [failure], existing: serviceCase, req)
        .encodeResponse(status: error.isConflict ? .conflict : .unprocessableEntity, for: req)
    }
  }

  /// An online application's first pre-review: no clerk has judged its materials yet, so none starts as chosen.
  private static func firstPreReview(_ c: ServiceCase) -> Bool {
    (c.channel == .online || c.channel == .proxy) && c.state == .submitted && c.notices.isEmpty
  }

  /// The case's checklist, or the item version's materials for a case registered without one.
  private static func checklist(of c: ServiceCase, _ routing: IntakeRouting) -> [CaseMaterial] {
    if let materials = c.intake?.materials, !materials.isEmpty { return materials }
    return routing.entry.item.materials.map(CaseMaterial.init)
  }

  private static func recheckSubject(_ staff: StaffIdentity, _ req: Request) async throws
    -> (ServiceCase, IntakeRouting, Site)
  {
    let rule = try await req.deadlineRule()
    let serviceCase = try await CaseAPIController.visibleCase(req, staff, req.cases(rule))
    guard let site = try await DirectoryRepository(req.database).site(serviceCase.siteID) else {
      throw StoreNotFound.record(LocalizedText(zh: "受理场所不存在", en: "No such site"))
    }
    let catalog = CatalogRepository(req.database)
    guard let entry = try await catalog.entry(code: serviceCase.item.code),
      let department = try await DirectoryRepository(req.database).department(serviceCase.departmentID)
    else { throw StoreNotFound.item(serviceCase.item.code) }
    // The case keeps the item version it was registered under.
    let version = try await catalog.version(code: entry.item.code, number: serviceCase.item.version)
    let pinned = CatalogEntry(
      item: version?.item ?? entry.item, status: entry.status, version: serviceCase.item.version,
      draftVersion: nil)
    return (
      serviceCase,
      IntakeRouting(entry: pinned, department: department, route: serviceCase.intake?.route ?? .direct), site
    )
  }

  private static func page(
    _ routing: IntakeRouting, site: Site, form: IntakePage.Form, errors: [ValidationError], notice: String? = nil,
    existing: ServiceCase? = nil, _ req: Request
  ) async throws -> HTML {
    IntakePage.render(
      IntakePage.Model(
        item: routing.entry.item, version: routing.entry.version, route: routing.route, site: site,
        departmentName: routing.department.name, form: form, errors: errors, notice: notice, existingCase: existing,
        knowledge: try await KnowledgeRepository(req.database).entries(item: routing.entry.item.code),
        today: try await req.deadlineRule().civilDate(of: req.now)),
      try await req.pageContext())
  }

}

extension CaseError {
  var isConflict: Bool {
    switch self {
    case .conflict, .illegalStep: true
    default: false
    }
  }
}
