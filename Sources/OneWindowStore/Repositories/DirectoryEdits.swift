import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// Why a retirement was refused, in the administrator's language: the records still pointing at it.
public struct RetirementRefused: Error, Sendable {
  public let reason: LocalizedText
}

/// The directory as administrators change it: the first run, new and edited regions, sites, departments and windows,
/// and retirement. Each write checks every field first and writes nothing when one is wrong; a rename keeps the old
/// name for the records made under it.
extension DirectoryRepository {
  var sql: any SQLDatabase { db as! any SQLDatabase }

  /// Whether the first run is still to be done: no county yet.
  public func needsSetUp() async throws -> Bool {
    try await RegionModel.query(on: db).filter(\.$level == RegionLevel.county.rawValue).count() == 0
  }

  /// Creates the county and its first administrator, once: a second call (even a racing one) fails on the
  /// installation row's fixed key and writes nothing.
  public func setUp(_ setup: CountySetup, passwordHash: String, now: Date) async throws -> StaffIdentity {
    let errors = setup.problems()
    guard errors.isEmpty else { throw ValidationErrors(errors) }
    guard let code = RegionCode(setup.countyCode) else { throw ValidationErrors(errors) }
    return try await db.transaction { db in
      let directory = DirectoryRepository(db)
      guard try await InstallationModel.find(InstallationModel.key, on: db) == nil,
        try await directory.needsSetUp()
      else { throw AlreadySetUp() }
      try await InstallationModel(countyCode: code.value, setUpAt: now).create(on: db)
      return try await Self.createCounty(setup, code: code, passwordHash: passwordHash, on: db)
    }
  }

  /// Adds another county to a deployment that is set up (a city runs one OneWindow for its districts): the county
  /// with its own administrator, directory, catalog, calendar overrides and case numbers. Refused when the code is
  /// taken (field `county_code`) or the first run has not been done (use `setUp`).
  public func addCounty(_ setup: CountySetup, passwordHash: String) async throws -> StaffIdentity {
    let errors = setup.problems()
    guard errors.isEmpty, let code = RegionCode(setup.countyCode) else { throw ValidationErrors(errors) }
    return try await db.transaction { db in
      guard try await !DirectoryRepository(db).needsSetUp() else { throw NotSetUp() }
      guard try await RegionModel.find(code.value, on: db) == nil else {
        throw ValidationErrors([
          ValidationError(
            field: "county_code", zh: "县级区划 \(code.value) 已经存在", en: "The county \(code.value) exists already")
        ])
      }
      return try await Self.createCounty(setup, code: code, passwordHash: passwordHash, on: db)
    }
  }

  private static func createCounty(
    _ setup: CountySetup, code: RegionCode, passwordHash: String, on db: any Database
  ) async throws -> StaffIdentity {
    let county = RegionModel(Region(code: code, name: setup.countyName))
    county.timeZone = setup.timeZone
    try await county.create(on: db)
    return try await StaffRepository(db).add(
      NewStaff(
        username: setup.adminUsername, displayName: setup.adminName, role: .admin,
        scope: Scope(regionCode: code), title: Role.admin.name.zh),
      passwordHash: passwordHash)
  }

  /// Thrown when the first run has been done already.
  public struct AlreadySetUp: Error, Sendable {}

  /// Thrown when a county is added before the first run.
  public struct NotSetUp: Error, Sendable {}

  /// The county's time zone as set up (Asia/Shanghai when none was recorded, as for the demo).
  public func timeZone(of county: RegionCode) async throws -> String {
    try await RegionModel.find(county.value, on: db)?.timeZone ?? "Asia/Shanghai"
  }

  /// Adds a town or village of `county`, or renames one; its parent must exist.
  public func save(_ region: Region, county: RegionCode) async throws {
    var errors = region.problems(in: county)
    if errors.isEmpty, let parent = region.parentCode, try await RegionModel.find(parent.value, on: db) == nil {
      errors.append(
        ValidationError(
          field: "code", zh: "上级区划 \(parent.statisticalCode) 尚未建立，请先建镇（街道）",
          en: "The parent region \(parent.statisticalCode) does not exist yet"))
    }
    guard errors.isEmpty else { throw ValidationErrors(errors) }
    if let existing = try await RegionModel.find(region.code.value, on: db) {
      existing.name = region.name.trimmingCharacters(in: .whitespaces)
      try await existing.save(on: db)
    } else {
      try await RegionModel(Region(code: region.code, name: region.name.trimmingCharacters(in: .whitespaces)))
        .create(on: db)
    }
  }

  /// Adds or updates a site inside `county`. A rename keeps the old name for what was made under it.
  public func save(_ site: Site, county: RegionCode, now: Date) async throws {
    var errors = site.problems()
    if !county.contains(site.regionCode) {
      errors.append(ValidationError(field: "region_code", zh: "所在区划不在本县内", en: "The region is outside the county"))
    } else if try await RegionModel.find(site.regionCode.value, on: db) == nil {
      errors.append(ValidationError(field: "region_code", zh: "所在区划不存在", en: "No such region"))
    }
    errors += try await nameTaken(SiteModel.self, name: site.name, id: site.id, county: county, field: "name")
    guard errors.isEmpty else { throw ValidationErrors(errors) }
    try await db.transaction { db in
      let old = try await SiteModel.find(site.id, on: db)
      if let old {
        guard old.countyCode == county.value else { throw ValidationErrors([outside]) }
        try await Self.keepOldName("site", site.id, old: old.name, new: site.name, county: county, now: now, on: db)
        var kept = site
        kept.retiredAt = old.retiredAt
        try await Self.replace(old, with: SiteModel(kept), on: db)
      } else {
        try await SiteModel(site).create(on: db)
      }
    }
  }

  /// Adds or updates a department inside `county`; its credit code is checked by its check character.
  public func save(_ department: Department, county: RegionCode, now: Date) async throws {
    var department = department
    department.creditCode = department.creditCode.uppercased().filter { !$0.isWhitespace }
    var errors = department.problems()
    if !county.contains(department.regionCode) {
      errors.append(ValidationError(field: "region_code", zh: "所属区划不在本县内", en: "The region is outside the county"))
    } else if try await RegionModel.find(department.regionCode.value, on: db) == nil {
      errors.append(ValidationError(field: "region_code", zh: "所属区划不存在", en: "No such region"))
    }
    errors += try await nameTaken(
      DepartmentModel.self, name: department.name, id: department.id, county: county, field: "name")
    if !department.creditCode.isEmpty,
      let other = try await DepartmentModel.query(on: db).filter(\.$creditCode == department.creditCode)
        .filter(\.$id != department.id).first()
    {
      errors.append(
        ValidationError(
          field: "credit_code", zh: "该信用代码已属于「\(other.name)」", en: "This credit code belongs to \(other.name)"))
    }
    guard errors.isEmpty else { throw ValidationErrors(errors) }
    try await db.transaction { [department] db in
      var department = department
      if let old = try await DepartmentModel.find(department.id, on: db) {
        guard old.countyCode == county.value else { throw ValidationErrors([outside]) }
        try await Self.keepOldName(
          "department", department.id, old: old.name, new: department.name, county: county, now: now, on: db)
        department.retiredAt = old.retiredAt
        try await Self.replace(old, with: DepartmentModel(department), on: db)
      } else {
        try await DepartmentModel(department).create(on: db)
      }
    }
  }

  /// Adds or updates a window at a site of `county`; its number is unique at the site.
  public func save(_ window: Window, county: RegionCode, now: Date) async throws {
    var errors = window.problems()
    if let site = try await SiteModel.find(window.siteID, on: db), site.countyCode == county.value {
      if site.retiredAt != nil {
        errors.append(ValidationError(field: "site_id", zh: "该场所已停用", en: "The site is retired"))
      }
    } else {
      errors.append(ValidationError(field: "site_id", zh: "请选择本县的服务场所", en: "Choose a site of the county"))
    }
    if let departmentID = window.departmentID {
      let department = try await DepartmentModel.find(departmentID, on: db)
      if department == nil || department?.countyCode != county.value {
        errors.append(ValidationError(field: "department_id", zh: "部门不存在", en: "No such department"))
      } else if department?.retiredAt != nil {
        errors.append(ValidationError(field: "department_id", zh: "该部门已停用", en: "The department is retired"))
      }
    }
    let number = window.number.trimmingCharacters(in: .whitespaces)
    if try await WindowModel.query(on: db).filter(\.$siteID == window.siteID).filter(\.$number == number)
      .filter(\.$id != window.id).first() != nil
    {
      errors.append(
        ValidationError(field: "number", zh: "本场所已有 \(number) 号窗口", en: "The site has a window \(number) already"))
    }
    guard errors.isEmpty else { throw ValidationErrors(errors) }
    var window = window
    window.number = number
    try await db.transaction { [window] db in
      var window = window
      if let old = try await WindowModel.find(window.id, on: db) {
        guard old.countyCode == county.value, old.siteID == window.siteID else { throw ValidationErrors([outside]) }
        try await Self.keepOldName(
          "window", window.id, old: old.name, new: window.name, county: county, now: now, on: db)
        window.retiredAt = old.retiredAt
        try await Self.replace(old, with: WindowModel(window, countyCode: county.value), on: db)
      } else {
        try await WindowModel(window, countyCode: county.value).create(on: db)
      }
    }
  }

  /// Retires a department: refused, with the reason, while open cases or items in service still name it.
  public func retireDepartment(_ id: String, county: RegionCode, now: Date) async throws {
    guard let model = try await DepartmentModel.find(id, on: db), model.countyCode == county.value else {
      throw ValidationErrors([outside])
    }
    let open = try await openCases(column: "department_id", id)
    let items = try await count(
      "SELECT COUNT(*) AS n FROM service_items WHERE department_id = \(bind: id) AND status IN ('published', 'suspended')"
    )
    guard open == 0, items == 0 else {
      throw RetirementRefused(
        reason: LocalizedText(
          zh: "「\(model.name)」还有 \(open) 件在办办件、\(items) 个在用事项，办结或移交后才能停用",
          en: "\(model.name) still has \(open) open cases and \(items) items in service; finish or move them first"))
    }
    model.retiredAt = model.retiredAt ?? now
    try await model.save(on: db)
  }

  /// Retires a site: refused while open cases were taken in there (their results go back through it).
  public func retireSite(_ id: String, county: RegionCode, now: Date) async throws {
    guard let model = try await SiteModel.find(id, on: db), model.countyCode == county.value else {
      throw ValidationErrors([outside])
    }
    let open = try await openCases(column: "site_id", id)
    guard open == 0 else {
      throw RetirementRefused(
        reason: LocalizedText(
          zh: "「\(model.name)」还有 \(open) 件在办办件，办结后才能停用",
          en: "\(model.name) still has \(open) open cases; finish them first"))
    }
    model.retiredAt = model.retiredAt ?? now
    try await model.save(on: db)
  }

  /// Retires a window and ends its duties the day before `today` (nobody is on a retired window).
  public func retireWindow(_ id: String, county: RegionCode, today: CivilDate, now: Date) async throws {
    guard let model = try await WindowModel.find(id, on: db), model.countyCode == county.value else {
      throw ValidationErrors([outside])
    }
    try await db.transaction { db in
      model.retiredAt = model.retiredAt ?? now
      try await model.save(on: db)
      for duty in try await DutyAssignmentModel.query(on: db).filter(\.$windowID == id).all()
      where duty.endsOn.flatMap(CivilDate.init(iso:)).map({ $0 >= today }) ?? true {
        if let start = CivilDate(iso: duty.startsOn), start >= today {
          try await duty.delete(on: db)
        } else {
          duty.endsOn = today.adding(days: -1).iso
          try await duty.save(on: db)
        }
      }
    }
  }

  /// Every old name by record id, oldest first: a record made before `until` shows `name`.
  public func oldNames() async throws -> [String: [(until: Date, name: String)]] {
    var result: [String: [(until: Date, name: String)]] = [:]
    for row in try await DirectoryNameModel.query(on: db).sort(\.$until).all() {
      result[row.recordID, default: []].append((row.until, row.name))
    }
    return result
  }

  private var outside: ValidationError {
    ValidationError(field: "id", zh: "本县没有这条记录", en: "No such record in the county")
  }

  private func openCases(column: String, _ id: String) async throws -> Int {
    try await count(
      """
      SELECT COUNT(*) AS n FROM cases WHERE \(ident: column) = \(bind: id) \
      AND state NOT IN ('draft', 'concluded', 'refused', 'withdrawn')
      """)
  }

  private func count(_ query: SQLQueryString) async throws -> Int {
    try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
  }

  private func nameTaken<M: Model>(
    _ type: M.Type, name: String, id: String, county: RegionCode, field: String
  ) async throws -> [ValidationError] where M.IDValue == String {
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    let rows = try await sql.select().column("id").from(M.schema).where("name", .equal, trimmed)
      .where("county_code", .equal, county.value).where("id", .notEqual, id).all()
    guard !rows.isEmpty else { return [] }
    return [ValidationError(field: field, zh: "已有同名记录「\(trimmed)」", en: "'\(trimmed)' exists already")]
  }

  private static func keepOldName(
    _ kind: String, _ id: String, old: String, new: String, county: RegionCode, now: Date, on db: any Database
  ) async throws {
    guard old != new.trimmingCharacters(in: .whitespaces) else { return }
    try await DirectoryNameModel(kind: kind, recordID: id, name: old, until: now, countyCode: county.value).create(
      on: db)
  }

  /// Overwrites every field of `old` with those of `new` (same id), in one UPDATE.
  private static func replace<M: Model>(_ old: M, with new: M, on db: any Database) async throws {
    new.id = old.id
    new._$id.exists = true
    try await new.update(on: db)
  }
}
