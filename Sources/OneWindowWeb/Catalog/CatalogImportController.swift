import Crypto
import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// Excel import and export of the catalog. An upload is checked and shown as a dry run first; the file waits in
/// the data directory under its SHA-256 until the admin confirms, so the confirmation imports exactly what was checked.
enum CatalogImportController {
  static let maxUpload = 20 * 1024 * 1024

  /// `GET /admin/catalog/export.xlsx`
  @Sendable static func export(req: Request) async throws -> Response {
    try req.authorize(.manageCatalog)
    let bytes = try await CatalogSpreadsheet.export(county: try await CatalogAdminController.county(req), req.database)
    return XLSXResponse.make(
      bytes, fileName: "事项目录-\(CatalogController.today(req).iso).xlsx", asciiName: "catalog.xlsx")
  }

  /// `GET /admin/catalog/import`
  @Sendable static func show(req: Request) async throws -> HTML {
    try req.authorize(.manageCatalog)
    return CatalogImportPage.render(.form(nil), try await req.pageContext())
  }

  struct Upload: Content {
    var file: File?
  }

  /// `POST /admin/catalog/import`. A new file is stored and checked (dry run), or — when it is a province's list —
  /// its columns are mapped first. The later steps post `upload` (the stored file's SHA-256) with one of: `map` (the
  /// column mapping), `remap`, `resolve` (unknown departments) or `confirm` (import what was checked).
  @Sendable static func submit(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageCatalog)
    let context = try await req.pageContext()
    func page(_ stage: CatalogImportPage.Stage, _ status: HTTPResponseStatus = .ok) -> Response {
      .html(CatalogImportPage.render(stage, context), status: status)
    }
    let county = try await CatalogAdminController.county(req)
    if let file = try? req.content.decode(Upload.self).file, file.data.readableBytes > 0 || !file.filename.isEmpty {
      if let refused = refusal(file) { return page(.form(refused), .unprocessableEntity) }
      let bytes = Array(file.data.readableBytesView)
      let id = Hex.encode(SHA256.hash(data: bytes))
      try FileManager.default.createDirectory(atPath: directory(req), withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: path(id, req)), options: .atomic)
      guard let sheets = CatalogSpreadsheet.sheets(bytes) else {
        return page(.problems(nil, [CatalogSpreadsheet.notWorkbook]), .unprocessableEntity)
      }
      let own = CatalogColumnMapping.isOwnLayout(
        Dictionary(sheets.map { ($0.name, $0.rows) }, uniquingKeysWith: { a, _ in a }))
      let upload = CatalogImportPage.Upload(fileName: file.filename, id: id, mapped: !own)
      guard own else { return page(try await mappingStage(upload, sheets, county: county, req)) }
      return try await evaluate(upload, bytes, county: county, staff: staff, confirm: false, req, page)
    }
    let fields = (try? req.content.decode([String: String].self)) ?? [:]
    guard let id = fields["upload"], let bytes = stored(id, req) else {
      if fields["upload"] == nil {
        return page(
          .form(ValidationError(field: "file", zh: "请选择要导入的 .xlsx 文件。", en: "Choose the .xlsx file to import.")),
          .unprocessableEntity)
      }
      return page(
        .form(
          ValidationError(field: "file", zh: "待导入的文件已失效，请重新上传。", en: "That upload has expired; upload it again.")),
        .unprocessableEntity)
    }
    let upload = CatalogImportPage.Upload(
      fileName: String((fields["file_name"] ?? "").prefix(200)), id: id, mapped: fields["layout"] == "mapped")
    let sheets = CatalogSpreadsheet.sheets(bytes) ?? []
    if fields["remap"] != nil, upload.mapped {
      return page(try await mappingStage(upload, sheets, county: county, req))
    }
    if fields["map"] != nil, upload.mapped {
      switch try await map(fields, upload, sheets, county: county, by: staff, req) {
      case .again(let stage): return page(stage, .unprocessableEntity)
      case .saved: break
      }
    }
    if fields["resolve"] != nil {
      if let stage = try await resolve(fields, upload, bytes, county: county, by: staff, req) {
        return page(stage, .unprocessableEntity)
      }
    }
    return try await evaluate(upload, bytes, county: county, staff: staff, confirm: fields["confirm"] != nil, req, page)
  }

  /// A chosen file that cannot be imported, said at the file field.
  private static func refusal(_ file: File) -> ValidationError? {
    if file.data.readableBytes == 0 {
      return ValidationError(field: "file", zh: "请选择要导入的 .xlsx 文件。", en: "Choose the .xlsx file to import.")
    }
    if !file.filename.lowercased().hasSuffix(".xlsx") {
      return ValidationError(
        field: "file", zh: "只能导入 .xlsx 文件（“\(file.filename)”不是）。",
        en: "Only .xlsx files can be imported (\(file.filename) is not).")
    }
    if file.data.readableBytes > maxUpload {
      return ValidationError(field: "file", zh: "文件超过 20 MB。", en: "The file is larger than 20 MB.")
    }
    return nil
  }

  /// The mapping form for `sheets`, prefilled from `chosen` (a sheet and header row the admin picked), else the
  /// county's saved mapping and the headers' names.
  private static func mappingStage(
    _ upload: CatalogImportPage.Upload, _ sheets: [(name: String, rows: [[String]])], county: String,
    chosen: (sheet: String, row: Int)? = nil, errors: [ValidationError] = [], _ req: Request
  ) async throws -> CatalogImportPage.Stage {
    let saved = try await CatalogMappingRepository(req.database).mapping(county: county)
    var mapping =
      CatalogColumnMapping.guess(sheets, saved: saved)
      ?? CatalogColumnMapping(sheet: sheets.first?.name ?? "", headerRow: 1, columns: [:])
    if let chosen, let rows = sheets.first(where: { $0.name == chosen.sheet })?.rows {
      let row = min(max(chosen.row, 1), max(rows.count, 1))
      let slice = rows.isEmpty ? [] : [rows[row - 1]]
      let guessed = CatalogColumnMapping.guess([(chosen.sheet, slice)], saved: saved)
      mapping = CatalogColumnMapping(
        sheet: chosen.sheet, headerRow: row, columns: guessed?.columns ?? [:], departments: saved?.departments ?? [:],
        details: mapping.details)
    }
    return stage(upload, sheets, mapping, errors: errors)
  }

  /// The mapping form showing `mapping`: the items sheet's headers and samples, and each detail sheet's headers.
  private static func stage(
    _ upload: CatalogImportPage.Upload, _ sheets: [(name: String, rows: [[String]])], _ mapping: CatalogColumnMapping,
    errors: [ValidationError]
  ) -> CatalogImportPage.Stage {
    let byName = Dictionary(sheets.map { ($0.name, $0.rows) }, uniquingKeysWith: { a, _ in a })
    let rows = byName[mapping.sheet] ?? []
    return .mapping(
      upload,
      CatalogImportPage.Mapping(
        sheets: sheets.map(\.name), mapping: mapping, headers: mapping.headers(in: byName),
        samples: Array(rows.dropFirst(mapping.headerRow).prefix(3)), errors: errors,
        detailHeaders: (mapping.details ?? [:]).mapValues { $0.headers(in: byName) }))
  }

  /// The detail sheets (材料, 流程) as the form maps them: each sheet chosen or none, its header row, its columns. A
  /// sheet or row changed since the form was shown is guessed afresh and shown again (`changed`).
  private static func details(
    _ fields: [String: String], _ sheets: [(name: String, rows: [[String]])], itemSheet: String,
    saved: CatalogColumnMapping?
  ) -> (details: [String: CatalogColumnMapping.Detail], errors: [ValidationError], changed: Bool) {
    var details: [String: CatalogColumnMapping.Detail] = [:]
    var errors: [ValidationError] = []
    var changed = false
    for (index, part) in CatalogColumnMapping.detailParts.enumerated() {
      let prefix = "detail\(index)_"
      let sheet = fields[prefix + "sheet"] ?? ""
      guard !sheet.isEmpty else { continue }
      guard let rows = sheets.first(where: { $0.name == sheet })?.rows else {
        errors.append(ValidationError(field: prefix + "sheet", zh: "工作簿中没有这张表。", en: "The workbook has no such sheet."))
        continue
      }
      let row = Int(fields[prefix + "header_row"] ?? "") ?? 0
      guard (1...max(rows.count, 1)).contains(row) else {
        errors.append(
          ValidationError(
            field: prefix + "header_row", zh: "表头所在行应在 1–\(rows.count) 之间。",
            en: "The header row must be 1–\(rows.count)."))
        continue
      }
      if sheet != fields[prefix + "shown_sheet"] || String(row) != fields[prefix + "shown_row"] {
        changed = true
        let slice = [(sheet, Array(rows.prefix(row)))]
        details[part.sheet] =
          CatalogColumnMapping.guessDetail(part, in: slice, itemSheet: itemSheet, saved: saved?.details?[part.sheet])
          .flatMap { $0.headerRow == row ? $0 : nil }
          ?? CatalogColumnMapping.Detail(sheet: sheet, headerRow: row, columns: [:])
        continue
      }
      let headers = Set(rows[row - 1].map { $0.trimmingCharacters(in: .whitespaces) })
      var columns: [String: String] = [:]
      for (at, column) in part.columns.enumerated() {
        let field = prefix + "column_\(at)"
        let header = fields[field] ?? ""
        if header.isEmpty {
          if part.required.contains(column) {
            errors.append(
              ValidationError(
                field: field, zh: "请选出\(part.sheet)表“\(column)”对应的列（必填）。",
                en: "Choose the column for \(column) of \(part.sheet) (required)."))
          }
        } else if headers.contains(header) {
          columns[column] = header
        } else {
          errors.append(ValidationError(field: field, zh: "表头中没有“\(header)”。", en: "The header row has no \(header)."))
        }
      }
      details[part.sheet] = CatalogColumnMapping.Detail(sheet: sheet, headerRow: row, columns: columns)
    }
    return (details, errors, changed)
  }

  private enum Mapped {
    case saved
    case again(CatalogImportPage.Stage)
  }

  /// Reads the mapping form and saves it for the county. A changed sheet or header row shows the form again for it.
  private static func map(
    _ fields: [String: String], _ upload: CatalogImportPage.Upload, _ sheets: [(name: String, rows: [[String]])],
    county: String, by staff: StaffIdentity, _ req: Request
  ) async throws -> Mapped {
    let sheet = fields["sheet"] ?? ""
    let row = Int(fields["header_row"] ?? "") ?? 0
    guard let rows = sheets.first(where: { $0.name == sheet })?.rows else {
      let error = ValidationError(field: "sheet", zh: "工作簿中没有这张表。", en: "The workbook has no such sheet.")
      return .again(try await mappingStage(upload, sheets, county: county, errors: [error], req))
    }
    guard (1...max(rows.count, 1)).contains(row) else {
      let error = ValidationError(
        field: "header_row", zh: "表头所在行应在 1–\(rows.count) 之间。", en: "The header row must be 1–\(rows.count).")
      return .again(
        try await mappingStage(upload, sheets, county: county, chosen: (sheet, 1), errors: [error], req))
    }
    if sheet != fields["shown_sheet"] || String(row) != fields["shown_row"] {
      return .again(try await mappingStage(upload, sheets, county: county, chosen: (sheet, row), req))
    }
    let headers = Set(rows[row - 1].map { $0.trimmingCharacters(in: .whitespaces) })
    var columns: [String: String] = [:]
    var errors: [ValidationError] = []
    for (index, column) in CatalogColumnMapping.mappable.enumerated() {
      let header = fields["column_\(index)"] ?? ""
      if header.isEmpty {
        if ["基本编码", "事项名称", "事项类型", "实施主体"].contains(column) {
          errors.append(
            ValidationError(
              field: "column_\(index)", zh: "请选出“\(column)”对应的列（必填）。",
              en: "Choose the list's column for \(column) (required)."))
        }
      } else if headers.contains(header) {
        columns[column] = header
      } else {
        errors.append(
          ValidationError(field: "column_\(index)", zh: "表头中没有“\(header)”。", en: "The header row has no \(header)."))
      }
    }
    let saved = try await CatalogMappingRepository(req.database).mapping(county: county)
    let detail = details(fields, sheets, itemSheet: sheet, saved: saved)
    let mapping = CatalogColumnMapping(
      sheet: sheet, headerRow: row, columns: columns, departments: saved?.departments ?? [:], details: detail.details)
    guard errors.isEmpty, detail.errors.isEmpty, !detail.changed else {
      return .again(stage(upload, sheets, mapping, errors: errors + detail.errors))
    }
    try await CatalogMappingRepository(req.database).save(mapping, county: county, by: staff.username, now: req.now)
    return .saved
  }

  /// Resolves the departments the list names and the directory does not hold: each is mapped to a department or
  /// created (which needs the department permission and a valid credit code). Every choice that worked is saved for
  /// the county; the stage is returned again when any did not.
  private static func resolve(
    _ fields: [String: String], _ upload: CatalogImportPage.Upload, _ bytes: [UInt8], county: String,
    by staff: StaffIdentity, _ req: Request
  ) async throws -> CatalogImportPage.Stage? {
    let departments = try await DirectoryRepository(req.database).departments()
    let ids = Set(departments.filter { !$0.isRetired }.map(\.id))
    var resolved: [String: String] = [:]
    var errors: [ValidationError] = []
    var index = 0
    while let name = fields["name_\(index)"] {
      defer { index += 1 }
      let choice = fields["department_\(index)"] ?? ""
      if choice == "new" {
        do {
          let saved = try await DirectoryEditor.save(
            .departments, id: nil,
            [
              "name": name, "credit_code": fields["credit_code_\(index)"] ?? "", "region_code": county,
            ],
            by: staff, req)
          resolved[name] = saved.id
        } catch let error as ValidationErrors {
          errors += error.errors.map {
            ValidationError(
              field: $0.field == "credit_code" ? "credit_code_\(index)" : "department_\(index)",
              zh: "「\(name)」：\($0.message.zh)", en: "\(name): \($0.message.en)")
          }
        } catch is AppError {
          errors.append(
            ValidationError(
              field: "department_\(index)", zh: "「\(name)」：您无权新建部门，请对应到已有部门。",
              en: "\(name): you may not create departments; map it to an existing one."))
        }
      } else if ids.contains(choice) {
        resolved[name] = choice
      } else {
        errors.append(
          ValidationError(field: "department_\(index)", zh: "「\(name)」：请选择处理方式。", en: "\(name): choose what to do."))
      }
    }
    let repository = CatalogMappingRepository(req.database)
    var mapping =
      try await repository.mapping(county: county)
      ?? CatalogColumnMapping(
        sheet: CatalogSheet.itemSheet, headerRow: 1,
        columns: Dictionary(uniqueKeysWithValues: CatalogSheet.itemColumns.map { ($0, $0) }))
    if !resolved.isEmpty {
      mapping.departments.merge(resolved) { _, new in new }
      try await repository.save(mapping, county: county, by: staff.username, now: req.now)
    }
    guard !errors.isEmpty else { return nil }
    let reading = try await CatalogSpreadsheet.read(
      bytes, mapping: upload.mapped ? mapping : nil, resolutions: mapping.departments, county: county, req.database)
    return .departments(
      upload, reading.unknownDepartments,
      existing: try await DirectoryRepository(req.database).departments(county: county),
      errors: errors, choices: fields)
  }

  /// Reads the stored upload through the county's mapping and shows what comes next: departments to resolve,
  /// problems, the dry run — or, confirmed, imports it.
  private static func evaluate(
    _ upload: CatalogImportPage.Upload, _ bytes: [UInt8], county: String, staff: StaffIdentity, confirm: Bool,
    _ req: Request, _ page: (CatalogImportPage.Stage, HTTPResponseStatus) -> Response
  ) async throws -> Response {
    let saved = try await CatalogMappingRepository(req.database).mapping(county: county)
    let reading = try await CatalogSpreadsheet.read(
      bytes, mapping: upload.mapped ? saved : nil, resolutions: saved?.departments ?? [:], county: county, req.database)
    if !reading.unknownDepartments.isEmpty {
      return page(
        .departments(
          upload, reading.unknownDepartments,
          existing: try await DirectoryRepository(req.database).departments(county: county),
          errors: [], choices: [:]), .ok)
    }
    guard reading.problems.isEmpty else { return page(.problems(upload, reading.problems), .unprocessableEntity) }
    let catalog = CatalogRepository(req.database)
    let plan = try await catalog.plan(reading.items)
    guard confirm else {
      func missing(_ item: ServiceItem) -> String { item.missingText(req.language) }
      return page(
        .plan(
          upload, created: plan.created.map { .init(code: $0.code, name: $0.name, changes: [], missing: missing($0)) },
          updated: plan.updated.map {
            .init(code: $0.item.code, name: $0.item.name, changes: $0.changes, missing: missing($0.item))
          }, unchanged: plan.unchanged.count), .ok)
    }
    try await catalog.apply(plan, by: staff.username, note: "Excel 导入", county: county, now: req.now)
    req.application.lookups.invalidate()
    try? FileManager.default.removeItem(atPath: path(upload.id, req))
    let drafts = (plan.created + plan.updated.map(\.item)).filter { !$0.isComplete }.count
    return page(
      .done(
        created: plan.created.count, updated: plan.updated.count, unchanged: plan.unchanged.count, drafts: drafts),
      .ok)
  }

  /// `GET /admin/catalog/import/report.csv?upload=&layout=`: the whole of what the page lists in part — every
  /// problem, or every item of the dry run with what changes and what is missing.
  @Sendable static func report(req: Request) async throws -> Response {
    try req.authorize(.manageCatalog)
    guard let id = req.query[String.self, at: "upload"], let bytes = stored(id, req) else {
      throw AppError.notFound(LocalizedText(zh: "待导入的文件已失效，请重新上传。", en: "That upload has expired; upload it again."))
    }
    let county = try await CatalogAdminController.county(req)
    let saved = try await CatalogMappingRepository(req.database).mapping(county: county)
    let mapped = req.query[String.self, at: "layout"] == "mapped"
    let reading = try await CatalogSpreadsheet.read(
      bytes, mapping: mapped ? saved : nil, resolutions: saved?.departments ?? [:], county: county, req.database)
    var rows: [[String]]
    if !reading.problems.isEmpty || !reading.unknownDepartments.isEmpty {
      rows = [["工作表", "行", "列", "问题"]]
      rows += reading.unknownDepartments.map { ["—", "", "实施主体", "机构目录中没有「\($0.name)」（\($0.rows) 行）"] }
      rows += reading.problems.map { [$0.sheet, String($0.row), $0.column, $0.message.text(req.language)] }
    } else {
      let plan = try await CatalogRepository(req.database).plan(reading.items)
      rows = [["结果", "基本编码", "事项名称", "变化", "未提供（导入为草稿）"]]
      rows += plan.created.map { ["新增", $0.code, $0.name, "", $0.missingText(.zh)] }
      rows += plan.updated.map { item, changes in
        [
          "更新", item.code, item.name,
          changes.map { "\($0.element.zh)：\($0.before) → \($0.after)" }.joined(separator: "；"), item.missingText(.zh),
        ]
      }
      rows += plan.unchanged.map { ["无变化", $0, "", "", ""] }
    }
    return CSVResponse.make(rows, fileName: "import-report.csv")
  }

  private static func directory(_ req: Request) -> String {
    req.application.configuration.dataDirectory + "/imports"
  }

  private static func path(_ upload: String, _ req: Request) -> String {
    directory(req) + "/\(upload).xlsx"
  }

  /// The stored upload, if `upload` is a SHA-256 we wrote.
  private static func stored(_ upload: String, _ req: Request) -> [UInt8]? {
    guard upload.count == 64, upload.allSatisfy(\.isHexDigit) else { return nil }
    return FileManager.default.contents(atPath: path(upload, req)).map { Array($0) }
  }
}
