import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// `/admin/directory`: the county's directory for its administrators — lists by tab, a form per record, retirement.
enum DirectoryAdminController {
  typealias Kind = DirectoryFormPage.Kind

  /// `GET /admin/directory?tab=&site=&notice=`
  @Sendable static func show(req: Request) async throws -> HTML {
    let tab = DirectoryPage.Tab(rawValue: req.query[String.self, at: "tab"] ?? "") ?? .regions
    let staff = try req.authorize(tab == .staff || tab == .chiefs ? .manageStaff : .manageSites)
    return try await overview(tab, staff, notice: req.query[String.self, at: "notice"], req)
  }

  static func overview(
    _ tab: DirectoryPage.Tab, _ staff: StaffIdentity, notice: String? = nil, refusal: String? = nil, _ req: Request
  ) async throws -> HTML {
    let directory = DirectoryRepository(req.database)
    let county = DirectoryEditor.county(staff)
    let inScope = { (code: RegionCode) in staff.scope.regionCode.contains(code) }
    guard let countyRegion = try await directory.region(county) else { throw AppError.notFound() }
    let sites = try await directory.sites().filter { inScope($0.regionCode) }
    let chosen =
      req.query[String.self, at: "site"].flatMap { id in sites.first { $0.id == id } }
      ?? sites.first {
        !$0.isRetired
      }
    let today = CatalogController.today(req)
    let roster = RosterRepository(req.database)
    let windows = try await chosen.asyncMap { try await directory.windows(site: $0.id) } ?? []
    let accounts = StaffRepository(req.database)
    let scope = Scope(regionCode: staff.scope.regionCode)
    let query = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
    let duties = tab == .duties ? try await chosen.asyncMap { try await roster.assignments(site: $0.id) } ?? [] : []
    let chiefs = tab == .chiefs ? try await roster.authorizations(county: county) : []
    // Only the people a tab shows: a county of thousands is never loaded whole for one page.
    let people: [StaffRecord] =
      switch tab {
      case .staff: try await accounts.list(in: scope, search: query, limit: DirectoryPage.shownPeople)
      case .duties: try await accounts.records(ids: Set(duties.map(\.staffID)))
      case .chiefs: try await accounts.records(ids: Set(chiefs.map(\.staffID)))
      default: []
      }
    return DirectoryPage.render(
      DirectoryPage.Model(
        tab: tab, county: countyRegion,
        regions: try await directory.regions().filter { county.contains($0.code) && inScope($0.code) },
        sites: sites, departments: try await directory.departments().filter { inScope($0.regionCode) },
        windows: windows, people: people.map(person), duties: duties, chiefs: chiefs,
        staffing: tab == .sites
          ? StaffingRule.check(sites: sites, agentsBySite: try await accounts.agentsBySite(in: staff.scope.regionCode))
          : [],
        today: today, site: chosen?.id, notice: notice, refusal: refusal, query: query,
        peopleTotal: tab == .staff ? try await accounts.count(in: scope, search: query) : people.count),
      try await req.pageContext())
  }

  static func person(_ record: StaffRecord) -> DirectoryPage.Person {
    DirectoryPage.Person(
      identity: record.identity, title: record.title, phone: record.phone, disabled: record.isDisabled)
  }

  /// `GET /admin/directory/{kind}/new`
  static func new(_ kind: Kind, _ req: Request) async throws -> HTML {
    let staff = try DirectoryEditor.authorize(kind, req)
    var values: [String: String] = [:]
    let today = CatalogController.today(req).iso
    switch kind {
    case .sites: values = ["kind": SiteKind.townCenter.rawValue, "hours_weekdays": "08:30–12:00, 14:00–17:30"]
    case .departments: values = ["region_code": DirectoryEditor.county(staff).value, "in_hall": "yes"]
    case .windows: values = ["site_id": req.query[String.self, at: "site"] ?? "", "kind": WindowKind.general.rawValue]
    case .staff: values = ["role": Role.clerk.rawValue, "region": staff.scope.regionCode.value]
    case .duties: values = ["starts_on": today, "post": "A", "site": req.query[String.self, at: "site"] ?? ""]
    case .chiefs: values = ["valid_from": today, "power_decide": "on", "power_report": "on"]
    case .regions: break
    }
    return try await form(kind, id: nil, values: values, staff, req)
  }

  /// `GET /admin/directory/{kind}/{id}`
  static func edit(_ kind: Kind, _ req: Request) async throws -> HTML {
    let staff = try DirectoryEditor.authorize(kind, req)
    let id = req.parameters.get("id") ?? ""
    let (values, retired) = try await values(kind, id, staff, req)
    return try await form(kind, id: id, values: values, retired: retired, staff, req)
  }

  /// `POST /admin/directory/{kind}` and `POST /admin/directory/{kind}/{id}`
  static func save(_ kind: Kind, _ req: Request) async throws -> Response {
    let staff = try DirectoryEditor.authorize(kind, req)
    let id = req.parameters.get("id")
    var fields = try req.content.decode([String: String].self)
    fields["csrf"] = nil
    do {
      let saved = try await DirectoryEditor.save(kind, id: id, fields, by: staff, req)
      if let token = saved.passwordToken {
        let (values, _) = try await values(kind, saved.id, staff, req)
        return try await form(
          kind, id: saved.id, values: values, passwordLink: passwordURL(token, req), staff, req
        ).encodeResponse(status: .created, for: req)
      }
      let tab = kind.rawValue
      let site = (fields["site_id"] ?? fields["site"]).map { "&site=\($0)" } ?? ""
      return req.redirect(to: Links.adminDirectory + "?tab=\(tab)\(site)&notice=" + savedNotice.percentEncoded)
    } catch let errors as ValidationErrors {
      let retired = try await id.asyncMap { try await values(kind, $0, staff, req).1 } ?? false
      return .html(
        try await form(kind, id: id, values: fields, errors: errors.errors, retired: retired, staff, req),
        status: .unprocessableEntity)
    }
  }

  /// `POST /admin/directory/{kind}/{id}/retire`: refused, with the reason on the list, while open work names it.
  static func retire(_ kind: Kind, _ req: Request) async throws -> Response {
    let staff = try DirectoryEditor.authorize(kind, req)
    let tab = DirectoryPage.Tab(rawValue: kind.rawValue) ?? .regions
    do {
      try await DirectoryEditor.retire(kind, id: req.parameters.get("id") ?? "", by: staff, req)
    } catch let refused as RetirementRefused {
      return .html(
        try await overview(tab, staff, refusal: req.language == .zh ? refused.reason.zh : refused.reason.en, req),
        status: .conflict)
    }
    let done = req.language == .zh ? "已停用" : "Retired"
    return req.redirect(to: Links.adminDirectory + "?tab=\(tab.rawValue)&notice=" + done.percentEncoded)
  }

  /// `POST /admin/directory/duties/{id}/end`
  @Sendable static func endDuty(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageSites)
    let id = req.parameters.get("id") ?? ""
    let fields = try req.content.decode([String: String].self)
    let day = try DirectoryEditor.date(fields["last_day"] ?? "", field: "last_day", required: true)!
    let site = try await DirectoryEditor.endDuty(id, lastDay: day, by: staff, req)
    return req.redirect(to: Links.adminDirectory + "?tab=duties&site=\(site)")
  }

  /// `POST /admin/directory/chiefs/{id}/revoke`
  @Sendable static func revoke(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageStaff)
    try await DirectoryEditor.revoke(req.parameters.get("id") ?? "", by: staff, req)
    return req.redirect(to: Links.adminDirectory + "?tab=chiefs")
  }

  /// `POST /admin/directory/staff/{id}/password-link`: a fresh one-time link (earlier ones stop working).
  @Sendable static func passwordLink(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageStaff)
    let id = req.parameters.get("id") ?? ""
    guard let account = try await StaffRepository(req.database).find(id: id), !account.isDisabled else {
      throw AppError.notFound()
    }
    try DirectoryEditor.check(staff, .staff, region: account.identity.scope.regionCode)
    let token = try await StaffRepository(req.database).issuePasswordLink(staffID: id, now: req.now)
    let (values, _) = try await values(.staff, id, staff, req)
    return try await form(.staff, id: id, values: values, passwordLink: passwordURL(token, req), staff, req)
      .encodeResponse(for: req)
  }

  /// `POST /admin/directory/staff/{id}/photo`: the administrator puts a staff member's photo on the public boards
  /// and the pad (their phone and hours stay as they set them). The photo is checked like the staff's own upload.
  @Sendable static func photo(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageStaff)
    let id = req.parameters.get("id") ?? ""
    guard let account = try await StaffRepository(req.database).find(id: id), !account.isDisabled else {
      throw AppError.notFound()
    }
    try DirectoryEditor.check(staff, .staff, region: account.identity.scope.regionCode)
    let posted = try FormBody.read(req)
    let (photos, errors) = posted.checkedFiles(StaffController.photoPolicy)
    guard errors.isEmpty, let (file, kind) = photos.first(where: { $0.0.field == "photo" }) else {
      let (values, retired) = try await values(.staff, id, staff, req)
      let problems =
        errors.isEmpty
        ? [ValidationError(field: "photo", zh: "请选择照片（JPG 或 PNG）", en: "Choose a photo (JPG or PNG)")] : errors
      return try await form(.staff, id: id, values: values, errors: problems, retired: retired, staff, req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
    let profiles = AgentProfileRepository(req.database)
    let existing = try await profiles.profile(of: account.identity.id)
    var profile = existing ?? AgentProfile(staffID: account.identity.id, photo: nil, phone: account.phone, hours: "")
    let key = try await req.application.fileStore.put(file.bytes)
    profile.photo = Attachment(fileID: key, name: file.fileName, kind: kind, size: file.bytes.count)
    try await profiles.save(profile, county: staff.scope.regionCode.county.value)
    return req.redirect(to: Links.adminDirectory + "/staff/\(id)?photo=1")
  }

  static func passwordURL(_ token: String, _ req: Request) -> String {
    CatalogController.publicURL(req) + Links.accountPassword + "/" + token
  }

  private static let savedNotice = "已保存 Saved"

  /// The form page with the lists its selects need.
  static func form(
    _ kind: Kind, id: String?, values: [String: String], errors: [ValidationError] = [], retired: Bool = false,
    passwordLink: String? = nil, _ staff: StaffIdentity, _ req: Request
  ) async throws -> HTML {
    let directory = DirectoryRepository(req.database)
    let inScope = { (code: RegionCode) in staff.scope.regionCode.contains(code) }
    let sites = try await directory.sites().filter { inScope($0.regionCode) }
    let windows: [Window] =
      kind == .duties
      ? try await sites.asyncFlatMap { try await directory.windows(site: $0.id) }.filter { window in
        values["site"]?.nonEmpty.map { window.siteID == $0 } ?? true
      } : []
    let people: [StaffRecord] =
      [.duties, .chiefs].contains(kind)
      ? try await StaffRepository(req.database).list(in: Scope(regionCode: staff.scope.regionCode), limit: 100_000) : []
    let oldNames = try await id.asyncMap { try await directory.oldNames()[$0]?.map(\.name) } ?? nil
    var model = DirectoryFormPage.Model(
      kind: kind, id: id, values: values, errors: errors,
      regions: try await directory.regions().filter { inScope($0.code) || $0.code == staff.scope.regionCode.county },
      sites: sites, departments: try await directory.departments().filter { inScope($0.regionCode) },
      windows: windows, people: people.map(person), retired: retired, oldNames: oldNames ?? [],
      passwordLink: passwordLink,
      groups: kind == .windows
        ? try await HallRepository(req.database).groups(site: values["site_id"] ?? "") : [])
    if kind == .sites, let id, let site = sites.first(where: { $0.id == id }) {
      model.serviceMap = try await serviceMap(site, req)
    }
    return DirectoryFormPage.render(model, try await req.pageContext())
  }

  /// 服务分布 of a site: its windows with their departments, business groups, posts today and who serves today.
  static func serviceMap(_ site: Site, _ req: Request) async throws -> [DirectoryFormPage.ServiceMapRow] {
    let directory = DirectoryRepository(req.database)
    let day = CatalogController.today(req)
    let windows = try await directory.windows(site: site.id).filter { !$0.isRetired }
      .sorted { ($0.number.count, $0.number) < ($1.number.count, $1.number) }
    let posts = try await RosterRepository(req.database).assignments(site: site.id).filter { $0.covers(day) }
    let serving = try await FloorRosterRepository(req.database).serving(
      windows: windows.map(\.id), on: day, county: site.regionCode.county.value)
    let groups = try await HallRepository(req.database).groups(site: site.id)
    let departments = Dictionary(
      try await directory.departments(county: site.regionCode.county.value).map { ($0.id, $0.name) },
      uniquingKeysWith: { a, _ in a })
    // One read of the people on the map, not of the county's every account.
    let ids = Set(posts.map(\.staffID) + serving.values.map(\.staffID))
    let names = try await StaffRepository(req.database).displayNames(ids: ids)
    func name(_ id: String?) -> String? { id.map { names[FloorRosterRepository.canonical($0)] ?? "—" } }
    return windows.map { window in
      DirectoryFormPage.ServiceMapRow(
        window: window, department: window.departmentID.map { departments[$0] ?? $0 },
        groups: groups.filter { $0.windowIDs.contains(window.id) }.map { "\($0.code) \($0.name)" },
        aPost: name(posts.first { $0.windowID == window.id && $0.post == .a }?.staffID),
        bPost: name(posts.first { $0.windowID == window.id && $0.post == .b }?.staffID),
        serving: serving[window.id].map { (name($0.staffID) ?? "—", $0.basis) })
    }
  }

  /// A record's fields as its form names them, and whether it is retired.
  static func values(_ kind: Kind, _ id: String, _ staff: StaffIdentity, _ req: Request) async throws
    -> ([String: String], Bool)
  {
    let directory = DirectoryRepository(req.database)
    switch kind {
    case .regions:
      guard let code = RegionCode(id), let region = try await directory.region(code) else { throw AppError.notFound() }
      try DirectoryEditor.check(staff, kind, region: region.parentCode ?? code)
      return (["code": region.code.statisticalCode, "name": region.name], false)
    case .sites:
      guard let site = try await directory.site(id) else { throw AppError.notFound() }
      try DirectoryEditor.check(staff, kind, region: site.regionCode)
      return (
        [
          "name": site.name, "kind": site.kind.rawValue, "region_code": site.regionCode.value, "address": site.address,
          "phone": site.phone, "hours_weekdays": site.openingHours.weekdays,
          "hours_extended": site.openingHours.extended ?? "", "hours_saturday": site.openingHours.saturday ?? "",
        ], site.isRetired
      )
    case .departments:
      guard let department = try await directory.department(id) else { throw AppError.notFound() }
      try DirectoryEditor.check(staff, kind, region: department.regionCode)
      return (
        [
          "name": department.name, "short_name": department.shortName, "credit_code": department.creditCode,
          "region_code": department.regionCode.value, "in_hall": department.inHall.map { $0 ? "yes" : "no" } ?? "",
        ], department.isRetired
      )
    case .windows:
      guard let window = try await directory.window(id), let site = try await directory.site(window.siteID) else {
        throw AppError.notFound()
      }
      try DirectoryEditor.check(staff, kind, region: site.regionCode)
      return (
        [
          "site_id": window.siteID, "number": window.number, "name": window.name, "kind": window.kind.rawValue,
          "department_id": window.departmentID ?? "",
        ].merging(
          try await HallRepository(req.database).groups(site: window.siteID).filter { $0.windowIDs.contains(window.id) }
            .map { ("group_\($0.code)", "on") }, uniquingKeysWith: { a, _ in a }
        ), window.isRetired
      )
    case .staff:
      guard let record = try await StaffRepository(req.database).find(id: id) else { throw AppError.notFound() }
      try DirectoryEditor.check(staff, kind, region: record.identity.scope.regionCode)
      let identity = record.identity
      return (
        [
          "username": identity.username, "display_name": identity.displayName, "role": identity.role.rawValue,
          "region": identity.scope.regionCode.value, "site": identity.scope.siteID ?? "",
          "department": identity.scope.departmentID ?? "", "title": record.title, "phone": record.phone,
        ], record.isDisabled
      )
    case .duties, .chiefs:
      throw AppError.notFound()
    }
  }
}

extension String {
  var percentEncoded: String { addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
}

extension Sequence where Element: Sendable {
  func asyncFlatMap<T>(_ transform: (Element) async throws -> [T]) async rethrows -> [T] {
    var result: [T] = []
    for element in self { result += try await transform(element) }
    return result
  }
}
