import OneWindowDomain
import Testing

@Suite("Catalog spreadsheet layout")
struct CatalogSheetTests {
  let county = DemoCounty.shared
  var names: [String: String] { Dictionary(uniqueKeysWithValues: county.departments.map { ($0.id, $0.name) }) }
  var lookup: [String: String] {
    var lookup = Dictionary(uniqueKeysWithValues: county.departments.map { ($0.name, $0.id) })
    for department in county.departments { lookup[department.id] = department.id }
    return lookup
  }

  func sheets(_ items: [ServiceItem]) -> [String: [[String]]] {
    Dictionary(
      uniqueKeysWithValues: CatalogSheet.sheets(items: items, departmentNames: names).map { ($0.name, $0.rows) })
  }

  @Test("the whole demo catalog survives writing and reading its sheets")
  func roundTrip() {
    let read = CatalogSheet.read(sheets: sheets(county.items), departments: lookup)
    #expect(read.problems.isEmpty, "\(read.problems.prefix(3))")
    #expect(read.items == county.items)
  }

  @Test("every bad cell is reported by sheet, row and column, and no item is returned")
  func problems() {
    var workbook = sheets(Array(county.items.prefix(3)))
    workbook["事项"]![2][CatalogSheet.itemColumns.firstIndex(of: "承诺时限（工作日）")!] = "五"
    workbook["事项"]![3][CatalogSheet.itemColumns.firstIndex(of: "实施主体")!] = "不存在的局"
    workbook["材料"]![1][CatalogSheet.materialColumns.firstIndex(of: "材料名称")!] = ""
    workbook["流程"]!.append(["369999999999", "1", "受理", "受理", "0"])
    let read = CatalogSheet.read(sheets: workbook, departments: lookup)
    #expect(read.items.isEmpty)
    let places = Set(read.problems.map { "\($0.sheet)/\($0.row)/\($0.column)" })
    #expect(places.contains("事项/3/承诺时限（工作日）"))
    #expect(places.contains("事项/4/实施主体"))
    #expect(places.contains("材料/2/材料名称"))
    #expect(places.contains("流程/\(workbook["流程"]!.count)/基本编码"))
    #expect(read.problems.first { $0.column == "实施主体" }?.description.hasPrefix("「事项」表第 4 行「实施主体」列") == true)
  }

  @Test("a missing header column and a duplicate code are problems too")
  func structure() {
    var workbook = sheets(Array(county.items.prefix(2)))
    workbook["事项"]!.append(workbook["事项"]![1])
    workbook["材料"]![0][2] = "名称"
    let read = CatalogSheet.read(sheets: workbook, departments: lookup)
    #expect(read.problems.contains { $0.sheet == "事项" && $0.row == 4 && $0.column == "基本编码" })
    #expect(read.problems.contains { $0.sheet == "材料" && $0.row == 1 && $0.column == "材料名称" })
  }
}
