import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// The service team's 好差评 desk: the 差评整改 ledger (today's list, each entry's steps), phone ratings, and the
/// satisfaction figures; the person a fix is assigned to takes the fix step on the same entry page.
enum ServiceDeskController {
  private static func county(_ staff: StaffIdentity) -> String { staff.scope.regionCode.county.value }

  /// `GET /service/evaluations`
  @Sendable static func desk(req: Request) async throws -> HTML {
    let staff = try req.authorize(.handleRectifications)
    return try await deskPage(staff, failed: nil, req)
  }

  private static func deskPage(_ staff: StaffIdentity, failed: EvaluationController.Failed?, _ req: Request)
    async throws -> HTML
  {
    let context = try await req.pageContext()
    let rule = try await req.deadlineRule()
    let policy = req.application.configuration.evaluationPolicy
    let repository = try await EvaluationController.repository(req)
    let entries = try await repository.open(county: county(staff))
    let names = staffNames(try await countyStaff(staff, req))
    let figures = try await repository.figures(
      by: .site, county: county(staff), from: req.now.addingTimeInterval(-30 * 86_400), to: req.now, now: req.now)
    let posted = failed?.posted ?? [:]
    let phoneForm = EvaluationFormPart.Model(
      id: "rate-phone", title: context.t("电话评价内容", "The rating"), action: Links.serviceDeskPhone, hidden: [],
      channel: .phone, errors: failed?.errors ?? [], allowAnonymous: false, posted: posted,
      extra: ServiceDeskPage.phoneFields(
        number: posted["case_number"] ?? "", name: posted["rater_name"] ?? "", phone: posted["rater_phone"] ?? "",
        errors: failed?.errors ?? [], context))
    let notice = req.query[String.self, at: "rated"].map { _ in context.t("电话评价已录入。", "The phone rating was saved.") }
    return ServiceDeskPage.render(
      .init(
        rows: entries.map { entry, evaluation in
          .init(
            entry: entry, evaluation: evaluation, warning: entry.warning(rule: rule, policy: policy, now: req.now),
            staffName: evaluation.about.staffID.flatMap { names[$0] })
        }, county: figures.values.reduce(SatisfactionFigures(), +), phoneForm: phoneForm,
        clock: CaseClock(rule: rule, now: req.now), notice: notice), context)
  }

  /// The accounts of the county of `staff` (all of them: a list capped at a page would leave names out).
  static func countyStaff(_ staff: StaffIdentity, _ req: Request) async throws -> [StaffRecord] {
    try await StaffRepository(req.database).list(in: Scope(regionCode: staff.scope.regionCode.county), limit: 100_000)
  }

  /// Staff ids to display names, for the county of `staff` (one query).
  static func staffNames(_ records: [StaffRecord]) -> [String: String] {
    Dictionary(records.map { ($0.identity.id, $0.identity.displayName) }, uniquingKeysWith: { a, _ in a })
  }

  /// `POST /service/evaluations/phone`: a rating the applicant gave on the phone (电话回访), entered by the team.
  @Sendable static func phone(req: Request) async throws -> Response {
    let staff = try req.authorize(.handleRectifications)
    let posted = try EvaluationController.posted(req)
    do {
      var problems: [ValidationError] = []
      let number = (posted["case_number"] ?? "").trimmingCharacters(in: .whitespaces)
      let name = (posted["rater_name"] ?? "").trimmingCharacters(in: .whitespaces)
      let phone = (posted["rater_phone"] ?? "").filter(\.isNumber)
      var found: ServiceCase?
      if number.isEmpty {
        problems.append(ValidationError(field: "case_number", zh: "请填写办件编号", en: "Give the case number"))
      } else {
        found = try await req.cases(try await req.deadlineRule()).find(number)
        if found == nil || found.map({ $0.regionCode.county.value != county(staff) }) == true {
          found = nil
          problems.append(ValidationError(field: "case_number", zh: "没有这个办件", en: "No such case"))
        }
      }
      if name.isEmpty {
        problems.append(ValidationError(field: "rater_name", zh: "请填写评价人姓名", en: "Give the rater's name"))
      }
      if phone.count < 7 || phone.count > 12 {
        problems.append(ValidationError(field: "rater_phone", zh: "请填写评价人电话", en: "Give the rater's phone"))
      }
      do { _ = try EvaluationForm.fields(posted).check(channel: .phone) } catch { problems += error.errors }
      guard problems.isEmpty, let c = found else { throw ValidationErrors(problems) }
      var fields = posted
      fields["subject"] = "case"
      fields["anonymous"] = nil
      try await EvaluationController.record(
        c, posted: fields, channel: .phone, rater: Evaluation.Rater(name: name, phone: phone), req)
      req.logger.info("phone rating of \(c.number) entered by \(staff.username)")
    } catch let problems as ValidationErrors {
      return try await deskPage(
        staff, failed: .init(formID: "rate-phone", errors: problems.errors, posted: posted), req
      )
      .encodeResponse(status: .unprocessableEntity, for: req)
    } catch let problem as ValidationError {
      return try await deskPage(staff, failed: .init(formID: "rate-phone", errors: [problem], posted: posted), req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
    return req.redirect(to: Links.serviceDesk + "?rated=1", redirectType: .normal)
  }

  /// The entry, if it is in the staff member's county and theirs to see: the service team's, or assigned to them.
  private static func entry(_ id: String, _ staff: StaffIdentity, _ req: Request) async throws -> (
    Rectification, Evaluation
  ) {
    guard let (entry, evaluation) = try await EvaluationController.repository(req).rectification(id: id),
      RegionCode(evaluation.about.regionCode).map({ $0.county == staff.scope.regionCode.county }) ?? false,
      Authorization.can(staff, .handleRectifications) || entry.assignment?.staffID == staff.id
        || Authorization.can(staff, .superviseCases)
    else { throw AppError.notFound(LocalizedText(zh: "没有这条整改记录", en: "No such rectification")) }
    return (entry, evaluation)
  }

  /// `GET /service/rectifications/{id}`
  @Sendable static func show(req: Request) async throws -> HTML {
    let staff = try req.requireStaff()
    let (entry, evaluation) = try await entry(req.parameters.get("id") ?? "", staff, req)
    return try await page(entry, evaluation, staff, errors: [], req)
  }

  private static func page(
    _ entry: Rectification, _ evaluation: Evaluation, _ staff: StaffIdentity, errors: [ValidationError],
    _ req: Request
  ) async throws -> HTML {
    let rule = try await req.deadlineRule()
    let directory = try await StaffDesk.directoryNames(req)
    let people = try await countyStaff(staff, req)
    var names = staffNames(people)
    names.merge(directory.departments, uniquingKeysWith: { a, _ in a })
    if let windowID = evaluation.about.windowID,
      let window = try await DirectoryRepository(req.database).window(windowID)
    {
      names[windowID] = "\(window.number) \(window.name)"
    }
    var assignees: [(String, String)] = []
    if Authorization.can(staff, .handleRectifications) {
      for record in people {
        guard let department = record.identity.scope.departmentID ?? evaluation.about.departmentID else { continue }
        let label = "\(directory.departments[department] ?? department) · \(record.identity.displayName)"
        assignees.append(("\(department)|\(record.identity.id)", label))
      }
      assignees.sort { $0.1 < $1.1 }
    }
    return RectificationPage.render(
      .init(
        entry: entry, evaluation: evaluation,
        warning: entry.warning(rule: rule, policy: req.application.configuration.evaluationPolicy, now: req.now),
        names: names, assignees: assignees, mayServe: Authorization.can(staff, .handleRectifications),
        mayFix: entry.assignment?.staffID == staff.id, errors: errors, clock: CaseClock(rule: rule, now: req.now)),
      try await req.pageContext())
  }

  /// `POST /service/rectifications/{id}` with `step`: call_back, assign, fix, result.
  @Sendable static func step(req: Request) async throws -> Response {
    let staff = try req.requireStaff()
    let id = req.parameters.get("id") ?? ""
    let (entry, evaluation) = try await entry(id, staff, req)
    let posted = try EvaluationController.posted(req)
    let action: Rectification.Action
    do {
      switch posted["step"] {
      case "call_back":
        action = .callBack(
          note: posted["note"] ?? "", reached: posted["reached"] == "on", founded: posted["founded"] != "no")
      case "assign":
        let parts = (posted["assignee"] ?? "").split(separator: "|").map(String.init)
        guard parts.count == 2, let person = try await StaffRepository(req.database).find(id: parts[1]) else {
          throw ValidationError(field: "assignee", zh: "请选择整改责任部门与责任人", en: "Choose who will fix it")
        }
        action = .assign(departmentID: parts[0], staffID: parts[1], staffName: person.identity.displayName)
      case "fix":
        action = .recordFix(cause: posted["cause"] ?? "", measure: posted["measure"] ?? "")
      case "result":
        action = .reportResult(note: posted["note"] ?? "")
      default:
        throw ValidationError(field: "step", zh: "未知的办理步骤", en: "Unknown step")
      }
      try await EvaluationController.repository(req).apply(action, to: id, by: staff, now: req.now)
    } catch let problem as ValidationError {
      return try await page(entry, evaluation, staff, errors: [problem], req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
    req.logger.info("rectification \(id): \(posted["step"] ?? "") by \(staff.username)")
    return req.redirect(to: Links.rectification(id), redirectType: .normal)
  }

  /// `GET /service/figures?by=staff|window|department|site|item&days=N`
  @Sendable static func figures(req: Request) async throws -> HTML {
    let staff = try req.requireStaff()
    guard
      Authorization.can(staff, .handleRectifications) || Authorization.can(staff, .viewStatistics)
    else {
      throw AppError.forbidden(
        LocalizedText(zh: "只有客服、管理员和电子监察员可以查看满意度统计", en: "Only the service desk, administrators and supervisors"))
    }
    let grouping = SatisfactionGrouping(rawValue: req.query[String.self, at: "by"] ?? "") ?? .staff
    let days = min(max(req.query[Int.self, at: "days"] ?? 30, 1), 366)
    let figures = try await EvaluationController.repository(req).figures(
      by: grouping, county: county(staff), from: req.now.addingTimeInterval(-Double(days) * 86_400), to: req.now,
      now: req.now)
    var names: [String: String] = [:]
    let directory = try await StaffDesk.directoryNames(req)
    switch grouping {
    case .staff: names = staffNames(try await countyStaff(staff, req))
    case .department: names = directory.departments
    case .site: names = directory.sites
    case .window:
      for id in figures.keys {
        if let w = try await DirectoryRepository(req.database).window(id) { names[id] = "\(w.number) \(w.name)" }
      }
    case .item:
      for code in figures.keys {
        if let entry = try await CatalogRepository(req.database).entry(code: code) { names[code] = entry.item.name }
      }
    }
    let rows = figures.map { (name: names[$0.key] ?? $0.key, figures: $0.value) }.sorted { $0.name < $1.name }
    return SatisfactionFiguresPage.render(
      .init(
        grouping: grouping, rows: rows, total: figures.values.reduce(SatisfactionFigures(), +), days: days,
        policy: req.application.configuration.evaluationPolicy), try await req.pageContext())
  }
}
