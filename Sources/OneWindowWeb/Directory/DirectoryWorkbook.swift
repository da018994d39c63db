import Fluent
import Foundation
import OneWindowDomain
import OneWindowSpreadsheet
import OneWindowStore
import Vapor

/// The county's directory to and from one .xlsx workbook (docs/directory-workbook.md), for the admin page and the
/// `directory` command. An import runs every row through the same checks as the pages, inside one transaction: a dry
/// run (or any problem) rolls it back, so nothing changes unless every row is right, and an interrupted import leaves
/// nothing half-written.
enum DirectoryWorkbook {
  typealias Problem = CatalogSheet.Problem

  /// What an import did (or, in a dry run, would do), per sheet; new accounts with their one-time password links.
  struct Outcome: Sendable {
    var created: [String: Int] = [:]
    var updated: [String: Int] = [:]
    var unchanged: [String: Int] = [:]
    var problems: [Problem] = []
    /// (username, name, link token) of each account made.
    var newAccounts: [(username: String, name: String, token: String)] = []

    var changed: Int { created.values.reduce(0, +) + updated.values.reduce(0, +) }
  }

  struct RolledBack: Error {
    let outcome: Outcome
  }

  static func export(_ db: any Database, county: RegionCode) async throws -> [UInt8] {
    let directory = DirectoryRepository(db)
    let inCounty = { (code: RegionCode) in county.contains(code) }
    let sites = try await directory.sites().filter { inCounty($0.regionCode) }
    var windows: [Window] = []
    for site in sites { windows += try await directory.windows(site: site.id) }
    let people = try await StaffRepository(db).list(in: Scope(regionCode: county), limit: 1_000_000).filter {
      !$0.isDisabled
    }
    let duties = try await RosterRepository(db).assignments().filter { duty in
      windows.contains { $0.id == duty.windowID }
    }
    let sheets = DirectorySheet.sheets(
      regions: try await directory.regions().filter { inCounty($0.code) }, sites: sites,
      departments: try await directory.departments().filter { inCounty($0.regionCode) }, windows: windows,
      people: people.map { ($0.identity, $0.title, $0.phone) }, duties: duties)
    return Workbook(sheets: sheets.map { Workbook.Sheet(name: $0.name, rows: $0.rows, widths: $0.widths) }).xlsx()
  }

  /// Imports `bytes` for `staff`'s county; with `dryRun` (or any problem) nothing is written.
  static func run(
    _ bytes: [UInt8], by staff: StaffIdentity, dryRun: Bool, _ app: Application, db: any Database, now: Date,
    progress: @escaping @Sendable (String) -> Void = { _ in }
  ) async throws -> Outcome {
    let workbook: Workbook
    do {
      workbook = try Workbook(xlsx: bytes)
    } catch {
      var outcome = Outcome()
      outcome.problems = [
        Problem(
          sheet: "—", row: 0, column: "—",
          message: LocalizedText(
            zh: "不是有效的 .xlsx 工作簿（请用 Excel 或 WPS“另存为 .xlsx”）。",
            en: "This is not a valid .xlsx workbook (save it as .xlsx from Excel or WPS)."))
      ]
      return outcome
    }
    let (rows, shapeProblems) = DirectorySheet.rows(
      Dictionary(workbook.sheets.map { ($0.name, $0.rows) }, uniquingKeysWith: { a, _ in a }))
    guard shapeProblems.isEmpty else {
      var outcome = Outcome()
      outcome.problems = shapeProblems
      return outcome
    }
    let outcome: Outcome
    do {
      outcome = try await db.transaction { db in
        let importer = Importer(staff: staff, db: db, now: now, app: app, progress: progress)
        try await importer.run(rows)
        if dryRun || !importer.outcome.problems.isEmpty { throw RolledBack(outcome: importer.outcome) }
        return importer.outcome
      }
    } catch let rolledBack as RolledBack {
      outcome = rolledBack.outcome
    }
    if !dryRun && outcome.problems.isEmpty { app.lookups.invalidate() }
    return outcome
  }

  /// Walks the sheets in order (regions, departments, sites, windows, staff, duties), each row through the pages'
  /// checks, noting each problem at its sheet, row and column.
  final class Importer {
    let staff: StaffIdentity
    let db: any Database
    let now: Date
    let app: Application
    let progress: @Sendable (String) -> Void
    var outcome = Outcome()
    var county: RegionCode { staff.scope.regionCode.county }

    init(
      staff: StaffIdentity, db: any Database, now: Date, app: Application,
      progress: @escaping @Sendable (String) -> Void
    ) {
      self.staff = staff
      self.db = db
      self.now = now
      self.app = app
      self.progress = progress
    }

    func run(_ rows: [String: [DirectorySheet.Row]]) async throws {
      try await regions(rows[DirectorySheet.regionSheet] ?? [])
      try await departments(rows[DirectorySheet.departmentSheet] ?? [])
      try await sites(rows[DirectorySheet.siteSheet] ?? [])
      try await windows(rows[DirectorySheet.windowSheet] ?? [])
      try await people(rows[DirectorySheet.staffSheet] ?? [])
      try await duties(rows[DirectorySheet.dutySheet] ?? [])
    }

    /// Notes a problem; `fields` maps the checks' field names to this sheet's columns.
    func note(_ sheet: String, _ row: DirectorySheet.Row, _ errors: [ValidationError], _ fields: [String: String]) {
      for error in errors {
        outcome.problems.append(
          Problem(sheet: sheet, row: row.number, column: fields[error.field] ?? error.field, message: error.message))
      }
    }

    /// Runs one row's save, counting it, or notes its problems.
    func save(
      _ sheet: String, _ row: DirectorySheet.Row, fields: [String: String], existed: Bool, same: Bool,
      _ work: () async throws -> Void
    ) async throws {
      do {
        if same {
          outcome.unchanged[sheet, default: 0] += 1
          return
        }
        try await work()
        if existed { outcome.updated[sheet, default: 0] += 1 } else { outcome.created[sheet, default: 0] += 1 }
      } catch let errors as ValidationErrors {
        note(sheet, row, errors.errors, fields)
      } catch let error as ValidationError {
        note(sheet, row, [error], fields)
      } catch let error as AppError {
        note(sheet, row, [ValidationError(field: "—", message: error.message)], fields)
      }
    }

    func region(_ text: String) -> RegionCode? {
      text.isEmpty ? nil : try? RegionCode.parse(text, field: "")
    }

    func required(_ row: DirectorySheet.Row, _ columns: [String: String]) -> [ValidationError] {
      columns.compactMap { column, field in
        row[column].isEmpty ? ValidationError(field: field, zh: "请填写「\(column)」", en: "Fill in \(column)") : nil
      }
    }

    func regions(_ rows: [DirectorySheet.Row]) async throws {
      let sheet = DirectorySheet.regionSheet
      let fields = ["code": "统计用区划代码", "name": "名称"]
      let directory = DirectoryRepository(db)
      // Towns before villages, whatever the order of the rows.
      let depth = { (row: DirectorySheet.Row) in self.region(row["统计用区划代码"])?.value.count ?? 99 }
      for row in rows.sorted(by: { (depth($0), $0.number) < (depth($1), $1.number) }) {
        guard let code = region(row["统计用区划代码"]) else {
          note(
            sheet, row,
            [ValidationError(field: "code", zh: "应为 12 位统计用区划代码", en: "A 12-digit statistical code")], fields)
          continue
        }
        let existing = try await directory.region(code)
        try await save(sheet, row, fields: fields, existed: existing != nil, same: existing?.name == row["名称"]) {
          try DirectoryEditor.checkScope(staff, .manageSites, region: code.parent ?? code)
          try await directory.save(Region(code: code, name: row["名称"]), county: county)
        }
      }
      progress("区划 regions: \(rows.count)")
    }

    func departments(_ rows: [DirectorySheet.Row]) async throws {
      let sheet = DirectorySheet.departmentSheet
      let fields = [
        "id": "编号", "name": "名称", "short_name": "简称", "credit_code": "统一社会信用代码", "region_code": "所属区划代码",
        "in_hall": "进驻大厅",
      ]
      let directory = DirectoryRepository(db)
      let all = try await directory.departments().filter { county.contains($0.regionCode) }
      for row in rows {
        let existing = all.first { !row["编号"].isEmpty && $0.id == row["编号"] } ?? all.first { $0.name == row["名称"] }
        var problems = required(row, ["名称": "name", "统一社会信用代码": "credit_code", "所属区划代码": "region_code"])
        // A blank cell keeps what was known, and is unknown for a new department (never "yes" by default).
        let inHall = row["进驻大厅"].isEmpty ? existing?.inHall : DirectorySheet.flag(row["进驻大厅"])
        if !row["进驻大厅"].isEmpty, inHall == nil {
          problems.append(ValidationError(field: "in_hall", zh: "填“是”或“否”", en: "Yes (是) or no (否)"))
        }
        let code = region(row["所属区划代码"])
        if code == nil && !row["所属区划代码"].isEmpty {
          problems.append(ValidationError(field: "region_code", zh: "区划代码无效", en: "Not a region code"))
        }
        let department = Department(
          id: existing?.id ?? DirectoryEditor.newID("dept"), name: row["名称"], shortName: row["简称"],
          regionCode: code ?? county, creditCode: row["统一社会信用代码"].uppercased(), inHall: inHall)
        problems += department.problems().filter { error in !problems.contains { $0.field == error.field } }
        guard problems.isEmpty, let code else {
          note(sheet, row, problems, fields)
          continue
        }
        var comparable = department
        comparable.retiredAt = existing?.retiredAt
        try await save(sheet, row, fields: fields, existed: existing != nil, same: existing == comparable) {
          try DirectoryEditor.checkScope(staff, .manageSites, region: code)
          try await directory.save(department, county: county, now: now)
        }
      }
      progress("部门 departments: \(rows.count)")
    }

    func sites(_ rows: [DirectorySheet.Row]) async throws {
      let sheet = DirectorySheet.siteSheet
      let fields = [
        "id": "编号", "name": "名称", "kind": "类型", "region_code": "所在区划代码", "address": "地址", "phone": "咨询电话",
        "hours_weekdays": "工作日办公时间",
      ]
      let directory = DirectoryRepository(db)
      let all = try await directory.sites().filter { county.contains($0.regionCode) }
      for row in rows {
        let existing = all.first { !row["编号"].isEmpty && $0.id == row["编号"] } ?? all.first { $0.name == row["名称"] }
        guard let kind = DirectorySheet.choice(row["类型"], { (kind: SiteKind) in kind.name }) else {
          let names = SiteKind.allCases.map(\.name.zh).joined(separator: "、")
          note(sheet, row, [ValidationError(field: "kind", zh: "类型应为：\(names)", en: "One of: \(names)")], fields)
          continue
        }
        guard let code = region(row["所在区划代码"]) else {
          note(sheet, row, [ValidationError(field: "region_code", zh: "区划代码无效", en: "Not a region code")], fields)
          continue
        }
        let site = Site(
          id: existing?.id ?? DirectoryEditor.newID("site"), name: row["名称"], kind: kind, regionCode: code,
          address: row["地址"], phone: row["咨询电话"],
          openingHours: OpeningHours(
            weekdays: row["工作日办公时间"], extended: row["延时服务"].nonEmpty, saturday: row["周六服务"].nonEmpty))
        var comparable = site
        comparable.retiredAt = existing?.retiredAt
        try await save(sheet, row, fields: fields, existed: existing != nil, same: existing == comparable) {
          try DirectoryEditor.checkScope(staff, .manageSites, region: code)
          try await directory.save(site, county: county, now: now)
        }
      }
      progress("场所 sites: \(rows.count)")
    }

    func windows(_ rows: [DirectorySheet.Row]) async throws {
      let sheet = DirectorySheet.windowSheet
      let fields = [
        "site_id": "场所", "number": "窗口号", "name": "窗口名称", "kind": "类型", "department_id": "所属部门", "id": "编号",
      ]
      let directory = DirectoryRepository(db)
      let sites = try await directory.sites().filter { county.contains($0.regionCode) }
      let departments = try await directory.departments().filter { county.contains($0.regionCode) }
      var windowsBySite: [String: [Window]] = [:]
      for site in sites { windowsBySite[site.id] = try await directory.windows(site: site.id) }
      for row in rows {
        guard let site = sites.first(where: { $0.id == row["场所"] || $0.name == row["场所"] }) else {
          note(sheet, row, [ValidationError(field: "site_id", zh: "没有名为「\(row["场所"])」的场所", en: "No such site")], fields)
          continue
        }
        guard let kind = DirectorySheet.choice(row["类型"], { (kind: WindowKind) in kind.name }) else {
          let names = WindowKind.allCases.map(\.name.zh).joined(separator: "、")
          note(sheet, row, [ValidationError(field: "kind", zh: "类型应为：\(names)", en: "One of: \(names)")], fields)
          continue
        }
        var departmentID: String?
        if !row["所属部门"].isEmpty {
          departmentID =
            departments.first { $0.id == row["所属部门"] || $0.name == row["所属部门"] || $0.shortName == row["所属部门"] }?.id
          if departmentID == nil {
            note(
              sheet, row,
              [ValidationError(field: "department_id", zh: "没有名为「\(row["所属部门"])」的部门", en: "No such department")],
              fields)
            continue
          }
        }
        let windows = windowsBySite[site.id] ?? []
        let existing =
          windows.first { !row["编号"].isEmpty && $0.id == row["编号"] } ?? windows.first { $0.number == row["窗口号"] }
        let window = Window(
          id: existing?.id ?? DirectoryEditor.newID("win"), siteID: site.id, departmentID: departmentID,
          number: row["窗口号"], name: row["窗口名称"], kind: kind)
        var comparable = window
        comparable.retiredAt = existing?.retiredAt
        try await save(sheet, row, fields: fields, existed: existing != nil, same: existing == comparable) {
          try DirectoryEditor.checkScope(staff, .manageSites, region: site.regionCode)
          try await directory.save(window, county: county, now: now)
        }
        if existing == nil { windowsBySite[site.id, default: []].append(window) }
      }
      progress("窗口 windows: \(rows.count)")
    }

    func people(_ rows: [DirectorySheet.Row]) async throws {
      let sheet = DirectorySheet.staffSheet
      let fields = [
        "username": "用户名", "display_name": "姓名", "role": "角色", "region": "区划代码", "site": "场所", "department": "部门",
        "phone": "电话",
      ]
      let accounts = StaffRepository(db)
      let sites = try await DirectoryRepository(db).sites().filter { county.contains($0.regionCode) }
      let departments = try await DirectoryRepository(db).departments().filter { county.contains($0.regionCode) }
      for (index, row) in rows.enumerated() {
        if index > 0 && index % 500 == 0 { progress("人员 staff: \(index) / \(rows.count)") }
        guard let role = DirectorySheet.role(row["角色"]) else {
          let names = Role.allCases.map(\.name.zh).joined(separator: "、")
          note(
            sheet, row,
            [ValidationError(field: "role", zh: "角色应为：\(names)", en: "One of: \(names)")]
              + required(row, ["姓名": "display_name", "用户名": "username"]), fields)
          continue
        }
        guard let code = region(row["区划代码"]) else {
          note(sheet, row, [ValidationError(field: "region", zh: "区划代码无效", en: "Not a region code")], fields)
          continue
        }
        var siteID: String?
        if !row["场所"].isEmpty {
          siteID = sites.first { $0.id == row["场所"] || $0.name == row["场所"] }?.id
          guard siteID != nil else {
            note(sheet, row, [ValidationError(field: "site", zh: "没有名为「\(row["场所"])」的场所", en: "No such site")], fields)
            continue
          }
        }
        var departmentID: String?
        if !row["部门"].isEmpty {
          departmentID =
            departments.first { $0.id == row["部门"] || $0.name == row["部门"] || $0.shortName == row["部门"] }?.id
          guard departmentID != nil else {
            note(
              sheet, row, [ValidationError(field: "department", zh: "没有名为「\(row["部门"])」的部门", en: "No such department")],
              fields)
            continue
          }
        }
        let new = NewStaff(
          username: row["用户名"], displayName: row["姓名"], role: role,
          scope: Scope(regionCode: code, siteID: siteID, departmentID: departmentID),
          title: row["职务"].nonEmpty ?? role.name.zh, phone: row["电话"])
        let existing = try await accounts.find(username: row["用户名"])
        let same =
          existing.map {
            $0.identity.displayName == new.displayName && $0.identity.role == role && $0.identity.scope == new.scope
              && $0.title == new.title && $0.phone == new.phone
          } ?? false
        var token: String?
        try await save(sheet, row, fields: fields, existed: existing != nil, same: same) {
          try DirectoryEditor.checkScope(staff, .manageStaff, region: code)
          if let existing {
            _ = try await accounts.update(id: existing.identity.id, with: new)
          } else {
            let made = try await accounts.add(new, passwordHash: StaffRepository.noPassword)
            token = try await accounts.issuePasswordLink(staffID: made.id, now: now)
          }
        }
        if let token { outcome.newAccounts.append((new.username.lowercased(), new.displayName, token)) }
      }
      progress("人员 staff: \(rows.count)")
    }

    func duties(_ rows: [DirectorySheet.Row]) async throws {
      let sheet = DirectorySheet.dutySheet
      let fields = [
        "window_id": "窗口号", "post": "岗", "staff_id": "用户名", "starts_on": "上岗日期", "ends_on": "离岗日期",
      ]
      let directory = DirectoryRepository(db)
      let roster = RosterRepository(db)
      let accounts = StaffRepository(db)
      let sites = try await directory.sites().filter { county.contains($0.regionCode) }
      for row in rows {
        guard let site = sites.first(where: { $0.id == row["场所"] || $0.name == row["场所"] }) else {
          note(
            sheet, row, [ValidationError(field: "site", zh: "没有名为「\(row["场所"])」的场所", en: "No such site")],
            ["site": "场所"])
          continue
        }
        guard let window = try await directory.windows(site: site.id).first(where: { $0.number == row["窗口号"] }) else {
          note(
            sheet, row, [ValidationError(field: "window_id", zh: "本场所没有 \(row["窗口号"]) 号窗口", en: "No such window")],
            fields)
          continue
        }
        guard let post = DutyPost(rawValue: row["岗"].uppercased()) else {
          note(sheet, row, [ValidationError(field: "post", zh: "岗应为 A 或 B", en: "A or B")], fields)
          continue
        }
        guard let person = try await accounts.find(username: row["用户名"]) else {
          note(sheet, row, [ValidationError(field: "staff_id", zh: "没有用户「\(row["用户名"])」", en: "No such user")], fields)
          continue
        }
        guard let start = CivilDate(iso: row["上岗日期"]) else {
          note(
            sheet, row, [ValidationError(field: "starts_on", zh: "日期格式应为 2026-12-03", en: "A date like 2026-12-03")],
            fields)
          continue
        }
        let end = row["离岗日期"].isEmpty ? nil : CivilDate(iso: row["离岗日期"])
        if !row["离岗日期"].isEmpty && end == nil {
          note(
            sheet, row, [ValidationError(field: "ends_on", zh: "日期格式应为 2026-12-03", en: "A date like 2026-12-03")],
            fields)
          continue
        }
        let held = try await roster.assignments(site: site.id).first {
          $0.windowID == window.id && $0.post == post && $0.staffID == person.identity.id && $0.startsOn == start
        }
        try await save(sheet, row, fields: fields, existed: held != nil, same: held?.endsOn == end && held != nil) {
          try DirectoryEditor.checkScope(staff, .manageSites, region: site.regionCode)
          if let held {
            if let end { try await roster.end(duty: held.id, lastDay: end, county: county) }
          } else {
            try await roster.assign(
              window: window.id, post: post, staff: person.identity.id, startsOn: start, endsOn: end, county: county)
          }
        }
      }
      progress("岗位 duties: \(rows.count)")
    }
  }
}
