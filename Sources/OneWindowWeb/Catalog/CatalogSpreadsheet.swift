import Fluent
import Foundation
import OneWindowDomain
import OneWindowSpreadsheet
import OneWindowStore

/// The catalog to and from .xlsx, shared by the admin pages and the `catalog` command.
enum CatalogSpreadsheet {
  /// Every item of `county` that is not cancelled, in its current version.
  static func export(county: String, _ db: any Database) async throws -> [UInt8] {
    let items = try await CatalogRepository(db).items(statuses: [.draft, .published, .suspended], county: county)
    let names = Dictionary(
      try await DirectoryRepository(db).departments(county: county).map { ($0.id, $0.name) },
      uniquingKeysWith: { a, _ in a })
    let sheets = CatalogSheet.sheets(items: items, departmentNames: names)
    return Workbook(sheets: sheets.map { Workbook.Sheet(name: $0.name, rows: $0.rows, widths: $0.widths) }).xlsx()
  }

  /// A workbook's sheets in order, or nil when the bytes are not an .xlsx.
  static func sheets(_ bytes: [UInt8]) -> [(name: String, rows: [[String]])]? {
    guard let workbook = try? Workbook(xlsx: bytes) else { return nil }
    return workbook.sheets.map { ($0.name, $0.rows) }
  }

  static let notWorkbook = CatalogSheet.Problem(
    sheet: "—", row: 0, column: "—",
    message: LocalizedText(
      zh: "不是有效的 .xlsx 工作簿（请用 Excel 或 WPS“另存为 .xlsx”）。",
      en: "This is not a valid .xlsx workbook (save it as .xlsx from Excel or WPS)."))

  /// What reading a workbook found.
  struct Reading {
    var items: [ServiceItem] = []
    var problems: [CatalogSheet.Problem] = []
    /// Departments the list names that the directory and the county's resolutions do not know.
    var unknownDepartments: [CatalogColumnMapping.UnknownDepartment] = []
  }

  /// The items of a workbook, or every problem in it. A workbook in the catalog's own layout is read as it is;
  /// another is read through `mapping` (a province's list), and without one it is a problem. `resolutions` maps
  /// departments as a list names them to IDs (the county's saved choices). Problems are placed in the list's own
  /// sheet, row and column. Departments are matched among `county`'s, and a code another county holds is a problem:
  /// one county's import never writes another's items.
  static func read(
    _ bytes: [UInt8], mapping: CatalogColumnMapping?, resolutions: [String: String] = [:], county: String,
    _ db: any Database
  ) async throws -> Reading {
    guard let ordered = sheets(bytes) else { return Reading(problems: [notWorkbook]) }
    let sheets = Dictionary(ordered.map { ($0.name, $0.rows) }, uniquingKeysWith: { a, _ in a })
    var known: [String: String] = [:]
    for department in try await DirectoryRepository(db).departments(county: county) where !department.isRetired {
      known[department.name] = department.id
      known[department.id] = department.id
      if !department.creditCode.isEmpty { known[department.creditCode] = department.id }
    }
    var effective: CatalogColumnMapping
    if CatalogColumnMapping.isOwnLayout(sheets) {
      let header = sheets[CatalogSheet.itemSheet]?.first?.map { $0.trimmingCharacters(in: .whitespaces) } ?? []
      effective = CatalogColumnMapping(
        sheet: CatalogSheet.itemSheet, headerRow: 1,
        columns: Dictionary(
          uniqueKeysWithValues: CatalogColumnMapping.mappable.filter(header.contains).map { ($0, $0) }))
    } else if let mapping {
      effective = mapping
    } else {
      return Reading(problems: [
        CatalogSheet.Problem(
          sheet: CatalogSheet.itemSheet, row: 1, column: "—",
          message: LocalizedText(
            zh: "工作簿不是本系统导出的格式，且本县没有保存过列对应关系：请在“Excel 导入”页面上对应各列。",
            en:
              "The workbook is not in the exported layout and this county has no saved column mapping: map its columns on the import page."
          ))
      ])
    }
    effective.departments.merge(resolutions) { mine, _ in mine }
    var reading = Reading()
    reading.unknownDepartments = effective.unknownDepartments(in: sheets, known: known)
    let read = CatalogSheet.read(sheets: effective.apply(to: sheets, known: known), departments: known)
    reading.items = read.items
    reading.problems = effective.locate(read.problems)
    let owners = try await CatalogRepository(db).counties(ofItems: read.items.map(\.code))
    for item in read.items {
      if let owner = owners[item.code], owner != county {
        reading.problems.append(
          CatalogSheet.Problem(
            sheet: effective.sheet, row: 0, column: "基本编码",
            message: LocalizedText(
              zh: "编码 \(item.code) 已是其他县区（\(owner)）的事项，不能由本县导入", en: "\(item.code) is another county's item (\(owner))")
          )
        )
      }
    }
    return reading
  }
}
