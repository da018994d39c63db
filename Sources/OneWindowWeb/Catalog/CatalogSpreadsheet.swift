import Fluent
import Foundation
import OneWindowDomain
import OneWindowSpreadsheet
import OneWindowStore

/// The catalog to and from .xlsx, shared by the admin pages and the `catalog` command.
enum CatalogSpreadsheet {
  /// Every item that is not cancelled, in its current version.
  static func export(_ db: any Database) async throws -> [UInt8] {
    let items = try await CatalogRepository(db).items(statuses: [.draft, .published, .suspended])
    let names = Dictionary(
      try await DirectoryRepository(db).departments().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let sheets = CatalogSheet.sheets(items: items, departmentNames: names)
    return Workbook(sheets: sheets.map { Workbook.Sheet(name: $0.name, rows: $0.rows, widths: $0.widths) }).xlsx()
  }

  /// The items of a workbook, or every problem in it. A file that is not an .xlsx is one problem on sheet "—".
  static func read(_ bytes: [UInt8], _ db: any Database) async throws -> (
    items: [ServiceItem], problems: [CatalogSheet.Problem]
  ) {
    let workbook: Workbook
    do {
      workbook = try Workbook(xlsx: bytes)
    } catch {
      return (
        [],
        [
          CatalogSheet.Problem(
            sheet: "—", row: 0, column: "—",
            message: LocalizedText(
              zh: "不是有效的 .xlsx 工作簿（请用 Excel 或 WPS“另存为 .xlsx”）。",
              en: "This is not a valid .xlsx workbook (save it as .xlsx from Excel or WPS)."))
        ]
      )
    }
    var departments: [String: String] = [:]
    for department in try await DirectoryRepository(db).departments() {
      departments[department.name] = department.id
      departments[department.id] = department.id
    }
    let sheets = Dictionary(workbook.sheets.map { ($0.name, $0.rows) }, uniquingKeysWith: { a, _ in a })
    return CatalogSheet.read(sheets: sheets, departments: departments)
  }
}
