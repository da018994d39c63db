import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// `/api/v1/cases`: register, read, list and take steps on 办件.
enum CaseAPIController {
  struct CreateBody: Decodable {
    struct ApplicantBody: Decodable {
      let kind: String?
      let name: String?
      let idType: String?
      let idNumber: String?
      let phone: String?
    }

    let itemCode: String?
    let applicant: ApplicantBody?
    let channel: String?
    let siteId: String?
    let submit: Bool?
  }

  /// `POST /api/v1/cases` (header `Idempotency-Key` makes retries safe).
  @Sendable static func create(req: Request) async throws -> Response {
    let staff = try req.requireStaff()
    guard staff.role != .agent else {
      // A proxy case stands on the resident's signed power of attorney: the agent desk files it with one.
      throw AppError.forbidden(
        LocalizedText(
          zh: "帮办代办员须凭委托书在「代为申请」页为群众申请",
          en: "An agent applies for a resident from the agent desk, with the power of attorney"))
    }
    try req.authorize(.intakeCases)
    let body = try decode(CreateBody.self, req)
    guard let itemCode = body.itemCode, !itemCode.isEmpty else {
      throw ValidationError(field: "item_code", zh: "请选择办理事项", en: "Choose the item")
    }
    let site = try await site(for: body.siteId, staff: staff, req)
    let routing = try await IntakeRouting.resolve(itemCode: itemCode, site: site, field: "item_code", req)
    let item = routing.entry
    let channel = try parse(CaseChannel.self, body.channel ?? "window", "channel")
    // Online and mobile cases are the applicant's own; proxy cases the agent's: staff cannot register them as such.
    guard Self.staffChannels.contains(channel) else {
      let names = Self.staffChannels.map(\.rawValue).joined(separator: ", ")
      throw ValidationError(
        field: "channel", zh: "工作人员登记的办件渠道应为：\(names)", en: "Staff register cases through: \(names)")
    }
    let applicant = try applicant(body.applicant)
    let key = try idempotencyKey(req)
    let rule = try await req.deadlineRule()
    // Registering never needs a 首席代表 power, so the hot path does without the look-up.
    let actor = CaseActor(staff)
    let (serviceCase, created) = try await req.cases(rule).create(
      NewCase(
        item: CaseItem(item.item, version: item.version), applicant: applicant, channel: channel, site: site,
        idempotencyKey: key, submit: body.submit ?? true,
        // No window checked the materials of an API registration: its checklist starts empty.
        intake: CaseIntake(materials: [], route: routing.route, resultDelivery: .pickup(siteID: site.id))),
      by: actor, now: req.now)
    let json = CaseJSON(serviceCase, rule: rule, now: req.now, language: req.language, viewer: actor)
    let response = try APIEncoding.response(json, status: created ? .created : .ok, rule: rule)
    response.headers.replaceOrAdd(name: .location, value: "/api/v1/cases/\(serviceCase.number)")
    return response
  }

  /// The channels a staff member may register a case through (the others belong to the applicant or an agent).
  static let staffChannels: [CaseChannel] = [.window, .kiosk, .bank]

  /// The current version of an item that takes new cases; a suspended, cancelled or unknown item is an error
  /// on `field`.
  static func acceptableItem(_ code: String, field: String, _ req: Request) async throws -> CatalogEntry {
    guard let entry = try await req.application.lookups.item(code, db: req.database, now: req.now) else {
      throw ValidationError(field: field, zh: "事项编码「\(code)」不存在", en: "No item \(code)")
    }
    guard entry.status.acceptsCases else {
      throw ValidationError(
        field: field, zh: "事项「\(entry.item.name)」\(entry.status.name.zh)，不能受理新的申请",
        en: "\(entry.item.name) is \(entry.status.name.en.lowercased()) and takes no new applications")
    }
    return entry
  }

  /// `POST /api/v1/cases/{number}/{step}`
  @Sendable static func step(req: Request) async throws -> Response {
    let staff = try req.requireStaff()
    let number = req.parameters.get("number") ?? ""
    guard let step = CaseStep(rawValue: req.parameters.get("step") ?? ""), step != .create else {
      let names = CaseStep.allCases.filter { $0 != .create }.map(\.rawValue).joined(separator: ", ")
      throw AppError.notFound(LocalizedText(zh: "没有这个办理环节；可用：\(names)", en: "No such step; one of: \(names)"))
    }
    let body = try CaseStepBody.decode(req)
    let action = try body.action(for: step, resultFile: try await uploadedResult(body, step, req))
    try await checkDepartments(of: action, req)
    let rule = try await req.deadlineRule()
    let actor = try await req.caseActor(staff)
    let serviceCase = try await req.cases(rule).apply(
      action, to: number, expectedVersion: body.version ?? ifMatch(req), by: actor, now: req.now,
      visible: { isVisible($0, to: staff) })
    return try APIEncoding.response(
      CaseJSON(serviceCase, rule: rule, now: req.now, language: req.language, viewer: actor), rule: rule)
  }

  /// For `issue-result`: the base64 file of the body, checked like any upload and stored.
  private static func uploadedResult(_ body: CaseStepBody, _ step: CaseStep, _ req: Request) async throws -> Attachment?
  {
    guard step == .issueResult, let encoded = body.fileBase64 else { return nil }
    guard let data = Data(base64Encoded: encoded) else {
      throw ValidationError(field: "file_base64", zh: "文件内容应为 base64 编码", en: "file_base64 is not base64")
    }
    let name = body.fileName ?? ""
    let kind = try UploadPolicy.scans.check(
      field: "file_base64", fileName: name, declaredType: nil, size: data.count, head: Array(data.prefix(16)))
    let key = try await req.application.fileStore.put(Array(data))
    return Attachment(fileID: key, name: name, kind: kind, size: data.count)
  }

  /// `GET /api/v1/cases/{number}`
  @Sendable static func show(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewCases)
    let rule = try await req.deadlineRule()
    let serviceCase = try await visibleCase(req, staff, req.cases(rule))
    return try APIEncoding.response(
      CaseJSON(
        serviceCase, rule: rule, now: req.now, language: req.language, viewer: try await req.caseActor(staff)),
      rule: rule)
  }

  struct EventJSON: Encodable {
    let sequence: Int
    let step: CaseStep
    let stepName: String
    let fromState: CaseState?
    let toState: CaseState
    let actorId: String
    let actorName: String
    let at: Date
    let payload: String
    let previousHash: String
    let hash: String
  }

  /// `GET /api/v1/cases/{number}/events`: the trail, oldest first, with its hash chain.
  @Sendable static func events(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewCases)
    let rule = try await req.deadlineRule()
    let repository = req.cases(rule)
    let serviceCase = try await visibleCase(req, staff, repository)
    let language = req.language
    let events = try await repository.events(of: serviceCase.number).map {
      EventJSON(
        sequence: $0.sequence, step: $0.step, stepName: $0.step.name.text(language), fromState: $0.fromState,
        toState: $0.toState, actorId: $0.actorID, actorName: $0.actorName, at: $0.at, payload: $0.payload,
        previousHash: $0.previousHash, hash: $0.hash)
    }
    return try APIEncoding.response(ItemsJSON(items: events, total: events.count), rule: rule)
  }

  struct DeadlineExplanation: Encodable {
    let number: String
    let acceptedAt: Date?
    let clockStart: Date?
    let limitDays: Int
    let pauses: [ClockPause]
    let pausedWorkdays: Int
    let due: Date?
    let warnFrom: Date?
    let remainingWorkdays: Int?
    let warning: WarningLevel
    let clockStopped: Bool
    let explanation: String
  }

  /// `GET /api/v1/cases/{number}/deadline`: the due date and how it was reached.
  @Sendable static func deadline(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewCases)
    let rule = try await req.deadlineRule()
    let c = try await visibleCase(req, staff, req.cases(rule))
    let status = c.deadline(rule, now: req.now)
    let explanation = DeadlineText.explain(c, status: status, rule: rule, language: req.language)
    return try APIEncoding.response(
      DeadlineExplanation(
        number: c.number, acceptedAt: c.acceptedAt, clockStart: c.clockStart, limitDays: c.limitDays,
        pauses: c.clockPauses, pausedWorkdays: status?.pausedWorkdays ?? 0, due: status?.due,
        warnFrom: status?.warnFrom,
        remainingWorkdays: status?.remainingWorkdays, warning: status?.warning ?? .none,
        clockStopped: c.isClockStopped, explanation: explanation),
      rule: rule)
  }

  /// `GET /api/v1/cases?state=&department_id=&site_id=&warning=&created_from=&created_to=&limit=&offset=`
  @Sendable static func list(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewCases)
    var filter = CaseFilter(scope: staff.scope)
    let paging = try Paging(req, defaultLimit: 50, maxLimit: 200)
    filter.limit = paging.limit
    filter.offset = paging.offset
    if let states = req.query[String.self, at: "state"], !states.isEmpty {
      filter.states = try states.split(separator: ",").map { try parse(CaseState.self, String($0), "state") }
    }
    filter.departmentID = req.query[String.self, at: "department_id"]
    filter.siteID = req.query[String.self, at: "site_id"]
    if let warning = req.query[String.self, at: "warning"] {
      filter.warning = try parse(WarningLevel.self, warning, "warning")
    }
    let rule = try await req.deadlineRule()
    if let from = req.query[String.self, at: "created_from"] {
      filter.createdFrom = rule.startOfDay(try civilDate(from, "created_from"))
    }
    if let to = req.query[String.self, at: "created_to"] {
      filter.createdBefore = rule.startOfDay(try civilDate(to, "created_to").adding(days: 1))
    }
    let (cases, total) = try await req.cases(rule).list(filter, now: req.now)
    let language = req.language
    let actor = try await req.caseActor(staff)
    let items = cases.map { CaseJSON($0, rule: rule, now: req.now, language: language, viewer: actor) }
    return try APIEncoding.response(ItemsJSON(items: items, total: total), rule: rule)
  }

  // MARK: helpers

  /// The accepting site: the one named, else the caller's own.
  static func site(for requested: String?, staff: StaffIdentity, _ req: Request) async throws -> Site {
    guard let siteID = requested ?? staff.scope.siteID else {
      throw ValidationError(field: "site_id", zh: "请指明受理场所", en: "Give the accepting site")
    }
    guard let site = try await req.application.lookups.site(siteID, db: req.database, now: req.now) else {
      throw ValidationError(field: "site_id", zh: "场所「\(siteID)」不存在", en: "No site \(siteID)")
    }
    return site
  }

  /// An item is accepted only at a level that may exercise it (bundles; single cases also take 通办 routes).
  static func checkLevel(_ item: ServiceItem, at site: Site, field: String) throws {
    guard item.levels.contains(site.regionCode.level) else {
      throw ValidationError(
        field: field, zh: "「\(item.name)」不在\(site.regionCode.level.name.zh)办理",
        en: "'\(item.name)' is not handled at \(site.regionCode.level.name.en.lowercased()) level")
    }
  }

  static func applicant(_ body: CreateBody.ApplicantBody?) throws -> Applicant {
    let kind = try parse(Applicant.Kind.self, body?.kind ?? "person", "applicant.kind")
    return Applicant(
      kind: kind, name: body?.name ?? "",
      idType: body?.idType ?? (kind == .person ? Applicant.residentID : "统一社会信用代码"),
      idNumber: body?.idNumber ?? "", phone: body?.phone ?? "")
  }

  /// The `Idempotency-Key` header, scoped to the caller so two clerks' keys never collide.
  static func idempotencyKey(_ req: Request) throws -> String? {
    guard let key = req.headers.first(name: "Idempotency-Key") else { return nil }
    guard (8...128).contains(key.count) else {
      throw ValidationError(field: "Idempotency-Key", zh: "幂等键长度应为 8–128", en: "Idempotency-Key has 8–128 characters")
    }
    return "\(try req.requireStaff().id):\(key)"
  }

  /// Departments a step names must exist, so a typo never sends a case nowhere.
  static func checkDepartments(of action: CaseAction, _ req: Request) async throws {
    let named: (String, String)? =
      switch action {
      case .requestOpinion(let id, _, _): ("department_id", id)
      case .escalate(let id, _, _), .transfer(let id, _): ("to_department_id", id)
      default: nil
      }
    guard let (field, id) = named, !id.isEmpty else { return }
    guard try await DirectoryRepository(req.database).department(id) != nil else {
      throw ValidationError(field: field, zh: "部门「\(id)」不存在", en: "No department \(id)")
    }
  }

  /// The case if it exists and lies in the caller's scope; 404 otherwise (no hint that it exists).
  static func visibleCase(
    _ req: Request, _ staff: StaffIdentity, _ repository: CaseRepository, number: String? = nil
  ) async throws -> ServiceCase {
    let number = number ?? req.parameters.get("number") ?? ""
    guard let serviceCase = try await repository.find(number), isVisible(serviceCase, to: staff)
    else {
      throw AppError.notFound(LocalizedText(zh: "没有办件「\(number)」", en: "No case \(number)"))
    }
    return serviceCase
  }

  /// Whether `staff` may see `c` at all: in their scope (`viewScope`), and never a citizen's unsent draft — that is the
  /// citizen's alone until they send it (a proxy agent's own draft is theirs).
  static func isVisible(_ c: ServiceCase, to staff: StaffIdentity) -> Bool {
    if c.state == .draft, c.citizenID != nil, c.proxy?.agentID != staff.id { return false }
    return staff.scope.covers(viewScope(c, for: staff))
  }

  /// A department asked for a parallel opinion sees the case too.
  static func viewScope(_ c: ServiceCase, for staff: StaffIdentity) -> Scope {
    // The agent who filed a proxy case follows it from the station.
    if let proxy = c.proxy, proxy.agentID == staff.id { return proxy.stationScope }
    if let department = staff.scope.departmentID, c.opinions.contains(where: { $0.departmentID == department }) {
      return Scope(regionCode: c.regionCode, siteID: c.siteID, departmentID: department)
    }
    return c.scope
  }

  static func decode<T: Decodable>(_ type: T.Type, _ req: Request) throws -> T {
    guard let buffer = req.body.data, buffer.readableBytes > 0 else {
      throw ValidationError(field: "body", zh: "请求体为空", en: "The request body is empty")
    }
    return try APIDecoding.decode(T.self, from: buffer)
  }

  static func parse<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ raw: String, _ field: String) throws -> T
  where T.RawValue == String {
    guard let value = T(rawValue: raw) else {
      let names = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError(field: field, zh: "\(field) 应为：\(names)", en: "\(field) must be one of: \(names)")
    }
    return value
  }

  static func civilDate(_ raw: String, _ field: String) throws -> CivilDate {
    guard let date = CivilDate(iso: raw) else {
      throw ValidationError(field: field, zh: "日期格式应为 YYYY-MM-DD", en: "Dates are YYYY-MM-DD")
    }
    return date
  }

  private static func ifMatch(_ req: Request) -> Int? {
    req.headers.first(name: .ifMatch).flatMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))) }
  }
}
