import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// The directory's writes as pages and the API make them: fields in (a form's own names), the actor's permission and
/// scope checked against the record's region, every problem named by field, nothing written when one is wrong.
enum DirectoryEditor {
  typealias Kind = DirectoryFormPage.Kind
  typealias Fields = [String: String]

  /// The permission each kind needs: the map of the county (manageSites) or its people (manageStaff).
  static func permission(_ kind: Kind) -> Permission {
    switch kind {
    case .staff, .chiefs: .manageStaff
    default: .manageSites
    }
  }

  /// The staff member may administer `kind` somewhere; the record-level scope check follows in `save`.
  static func authorize(_ kind: Kind, _ req: Request) throws -> StaffIdentity {
    try req.authorize(permission(kind))
  }

  static func county(_ staff: StaffIdentity) -> RegionCode { staff.scope.regionCode.county }

  /// The record must lie inside the actor's scope (a town's administrator edits that town's sites only).
  static func check(_ staff: StaffIdentity, _ kind: Kind, region: RegionCode) throws {
    try checkScope(staff, permission(kind), region: region)
  }

  static func checkScope(_ staff: StaffIdentity, _ permission: Permission, region: RegionCode) throws {
    if case .denied(let reason) = Authorization.decide(staff, permission, in: Scope(regionCode: region)) {
      throw AppError.forbidden(reason)
    }
  }

  /// The outcome of a save: the record's id and, for a new account, the one-time password link's token.
  struct Saved {
    let id: String
    let passwordToken: String?
  }

  /// Creates (`id` nil) or updates a record of `kind` from `fields`.
  static func save(_ kind: Kind, id: String?, _ fields: Fields, by staff: StaffIdentity, _ req: Request) async throws
    -> Saved
  {
    let county = county(staff)
    let directory = DirectoryRepository(req.database)
    let text = { (field: String) in (fields[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    func region(_ field: String) throws -> RegionCode {
      do { return try RegionCode.parse(text(field), field: field) } catch { throw ValidationErrors([error]) }
    }
    defer { req.application.lookups.invalidate() }
    switch kind {
    case .regions:
      let code = try region("code")
      if let id, id != code.value {
        throw ValidationErrors([ValidationError(field: "code", zh: "区划代码不能修改", en: "A region's code cannot change")])
      }
      let region = Region(code: code, name: text("name"))
      let problems = region.problems(in: county)
      guard problems.isEmpty else { throw ValidationErrors(problems) }
      try check(staff, kind, region: code.parent ?? code)
      try await directory.save(region, county: county)
      return Saved(id: code.value, passwordToken: nil)
    case .sites:
      let code = try region("region_code")
      try check(staff, kind, region: code)
      let existing = try await id.asyncMap { try await directory.site($0) } ?? nil
      if let existing { try check(staff, kind, region: existing.regionCode) }
      let site = Site(
        id: existing?.id ?? newID("site"), name: text("name"),
        kind: try choice(SiteKind.self, text("kind"), field: "kind"), regionCode: code, address: text("address"),
        phone: text("phone"),
        openingHours: OpeningHours(
          weekdays: text("hours_weekdays"), extended: text("hours_extended").nonEmpty,
          saturday: text("hours_saturday").nonEmpty))
      try await directory.save(site, county: county, now: req.now)
      return Saved(id: site.id, passwordToken: nil)
    case .departments:
      let code = try region("region_code")
      try check(staff, kind, region: code)
      let existing = try await id.asyncMap { try await directory.department($0) } ?? nil
      if let existing { try check(staff, kind, region: existing.regionCode) }
      let department = Department(
        id: existing?.id ?? newID("dept"), name: text("name"), shortName: text("short_name"), regionCode: code,
        creditCode: text("credit_code"), inHall: try hallFlag(fields["in_hall"]))
      try await directory.save(department, county: county, now: req.now)
      return Saved(id: department.id, passwordToken: nil)
    case .windows:
      let existing = try await id.asyncMap { try await directory.window($0) } ?? nil
      let siteID = existing?.siteID ?? text("site_id")
      guard let site = try await directory.site(siteID), site.regionCode.county == county else {
        throw ValidationErrors([ValidationError(field: "site_id", zh: "请选择本县的服务场所", en: "Choose a site of the county")])
      }
      try check(staff, kind, region: site.regionCode)
      let window = Window(
        id: existing?.id ?? newID("win"), siteID: siteID, departmentID: text("department_id").nonEmpty,
        number: text("number"), name: text("name"), kind: try choice(WindowKind.self, text("kind"), field: "kind"))
      // The business groups it calls (业务分组), when the form sent them: checked before anything is written.
      var groups: [BusinessGroup] = []
      if fields["groups_posted"] != nil {
        for group in try await HallRepository(req.database).groups(site: siteID) {
          let calling = isOn(fields["group_\(group.code)"])
          guard calling != group.windowIDs.contains(window.id) else { continue }
          let changed = group.with(window: window.id, calling: calling)
          if !changed.problems().isEmpty {
            throw ValidationErrors([
              ValidationError(
                field: "group_\(group.code)", zh: "「\(group.name)」只剩这一个窗口叫号，请先给它安排其他窗口",
                en: "\(group.name) has no other window to call it; give it another window first")
            ])
          }
          groups.append(changed)
        }
      }
      try await directory.save(window, county: county, now: req.now)
      for group in groups { try await HallRepository(req.database).save(group, county: county.value) }
      return Saved(id: window.id, passwordToken: nil)
    case .staff:
      return try await saveStaff(id: id, fields, by: staff, req)
    case .duties:
      guard id == nil else {
        throw ValidationErrors([ValidationError(field: "id", zh: "岗位安排只能新增或离岗", en: "Posts are added or ended")])
      }
      let windowID = text("window_id")
      guard let window = try await directory.window(windowID), let site = try await directory.site(window.siteID) else {
        throw ValidationErrors([ValidationError(field: "window_id", zh: "请选择窗口", en: "Choose a window")])
      }
      try check(staff, kind, region: site.regionCode)
      let post = try choice(DutyPost.self, text("post"), field: "post")
      let start = try date(text("starts_on"), field: "starts_on", required: true)!
      let end = try date(text("ends_on"), field: "ends_on", required: false)
      let duty = try await RosterRepository(req.database).assign(
        window: windowID, post: post, staff: text("staff_id"), startsOn: start, endsOn: end, county: county)
      return Saved(id: duty.id, passwordToken: nil)
    case .chiefs:
      guard id == nil else {
        throw ValidationErrors([
          ValidationError(field: "id", zh: "授权只能登记或撤销", en: "Authorisations are recorded or revoked")
        ])
      }
      guard let department = try await directory.department(text("department_id")) else {
        throw ValidationErrors([ValidationError(field: "department_id", zh: "请选择部门", en: "Choose a department")])
      }
      try check(staff, kind, region: department.regionCode)
      let authorization = ChiefAuthorization(
        id: UUID().uuidString, departmentID: department.id, staffID: text("staff_id"),
        authorizedBy: text("authorized_by"), documentNumber: text("document_number"),
        powers: Set(ChiefPower.allCases.filter { isOn(fields["power_\($0.rawValue)"]) }),
        validFrom: try date(text("valid_from"), field: "valid_from", required: true)!,
        validUntil: try date(text("valid_until"), field: "valid_until", required: false))
      let saved = try await RosterRepository(req.database).authorize(authorization, county: county, now: req.now)
      return Saved(id: saved.id, passwordToken: nil)
    }
  }

  private static func saveStaff(id: String?, _ fields: Fields, by staff: StaffIdentity, _ req: Request) async throws
    -> Saved
  {
    let text = { (field: String) in (fields[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    let regionCode: RegionCode
    do { regionCode = try RegionCode.parse(text("region"), field: "region") } catch { throw ValidationErrors([error]) }
    try check(staff, .staff, region: regionCode)
    let role: Role
    do { role = try Role.parse(text("role")) } catch { throw ValidationErrors([error]) }
    let new = NewStaff(
      username: text("username"), displayName: text("display_name"), role: role,
      scope: Scope(regionCode: regionCode, siteID: text("site").nonEmpty, departmentID: text("department").nonEmpty),
      title: text("title").nonEmpty ?? role.name.zh, phone: text("phone"))
    let accounts = StaffRepository(req.database)
    if let id {
      guard let existing = try await accounts.find(id: id) else { throw AppError.notFound() }
      try check(staff, .staff, region: existing.identity.scope.regionCode)
      if existing.identity.id == staff.id, role != staff.role {
        throw ValidationErrors([ValidationError(field: "role", zh: "不能修改自己的角色", en: "You cannot change your own role")])
      }
      _ = try await accounts.update(id: id, with: new)
      try await TokenCache.invalidate(req.application, on: req.database)
      return Saved(id: id, passwordToken: nil)
    }
    let created: StaffIdentity
    do {
      created = try await accounts.add(new, passwordHash: StaffRepository.noPassword)
    } catch let error as ValidationError {
      throw ValidationErrors([error])
    }
    let token = try await accounts.issuePasswordLink(staffID: created.id, now: req.now)
    return Saved(id: created.id, passwordToken: token)
  }

  /// Retires a site, department or window, or disables an account; refusals say why.
  static func retire(_ kind: Kind, id: String, by staff: StaffIdentity, _ req: Request) async throws {
    let county = county(staff)
    let directory = DirectoryRepository(req.database)
    defer { req.application.lookups.invalidate() }
    switch kind {
    case .sites:
      guard let site = try await directory.site(id) else { throw AppError.notFound() }
      try check(staff, kind, region: site.regionCode)
      try await directory.retireSite(id, county: county, now: req.now)
    case .departments:
      guard let department = try await directory.department(id) else { throw AppError.notFound() }
      try check(staff, kind, region: department.regionCode)
      try await directory.retireDepartment(id, county: county, now: req.now)
    case .windows:
      guard let window = try await directory.window(id), let site = try await directory.site(window.siteID) else {
        throw AppError.notFound()
      }
      try check(staff, kind, region: site.regionCode)
      try await directory.retireWindow(id, county: county, today: CatalogController.today(req), now: req.now)
    case .staff:
      guard let account = try await StaffRepository(req.database).find(id: id) else { throw AppError.notFound() }
      try check(staff, kind, region: account.identity.scope.regionCode)
      guard account.identity.id != staff.id else {
        throw AppError.forbidden(LocalizedText(zh: "不能停用自己的账号", en: "You cannot disable your own account"))
      }
      _ = try await TokenCache.disable(username: account.identity.username, req.application)
    case .regions, .duties, .chiefs:
      throw AppError.notFound()
    }
  }

  /// Ends a post on its last day, for an actor whose scope covers the window's site; returns the site's id.
  @discardableResult
  static func endDuty(_ id: String, lastDay: CivilDate, by staff: StaffIdentity, _ req: Request) async throws -> String
  {
    let roster = RosterRepository(req.database)
    let directory = DirectoryRepository(req.database)
    guard let duty = try await roster.assignment(id), let window = try await directory.window(duty.windowID),
      let site = try await directory.site(window.siteID)
    else { throw AppError.notFound() }
    try check(staff, .duties, region: site.regionCode)
    try await roster.end(duty: id, lastDay: lastDay, county: county(staff))
    req.application.lookups.invalidate()
    return site.id
  }

  /// Revokes a 首席代表 authorisation of the actor's county.
  static func revoke(_ id: String, by staff: StaffIdentity, _ req: Request) async throws {
    let roster = RosterRepository(req.database)
    guard try await roster.authorizations(county: county(staff)).contains(where: { $0.id == id }) else {
      throw AppError.notFound()
    }
    try await roster.revoke(authorization: id, county: county(staff), now: req.now)
    req.application.lookups.invalidate()
  }

  static func newID(_ prefix: String) -> String {
    prefix + "-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
  }

  /// 进驻大厅 as a form or the API gives it: yes, no, or unknown when left empty; anything else is named.
  static func hallFlag(_ value: String?) throws -> Bool? {
    switch (value ?? "").lowercased() {
    case "": return nil
    case "on", "true", "1", "yes", "是": return true
    case "off", "false", "0", "no", "否": return false
    default: throw ValidationError(field: "in_hall", zh: "请选择进驻、未进驻或未知", en: "Yes, no, or unknown")
    }
  }

  static func isOn(_ value: String?) -> Bool {
    ["on", "true", "1", "yes", "是"].contains((value ?? "").lowercased())
  }

  static func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ raw: String, field: String) throws -> T
  where T.RawValue == String {
    guard let value = T(rawValue: raw) else {
      let names = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationErrors([ValidationError(field: field, zh: "请选择（\(names)）", en: "Choose one of: \(names)")])
    }
    return value
  }

  static func date(_ raw: String, field: String, required: Bool) throws -> CivilDate? {
    if raw.isEmpty {
      guard required else { return nil }
      throw ValidationErrors([ValidationError(field: field, zh: "请填写日期", en: "Enter a date")])
    }
    guard let date = CivilDate(iso: raw) else {
      throw ValidationErrors([
        ValidationError(field: field, zh: "日期格式应为 2026-12-03", en: "A date looks like 2026-12-03")
      ])
    }
    return date
  }
}

extension String {
  /// Nil for an empty string: a blank optional field is unknown, not "".
  var nonEmpty: String? { isEmpty ? nil : self }
}
