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

  @Test("a blank cell is unknown, never a fact: no 0 days, 零跑动, 不收费 or empty material list is invented")
  func blanksAreUnknown() throws {
    let item = try #require(county.items.first { $0.caseKind == .promised && !$0.materials.isEmpty })
    var workbook = sheets([item])
    for column in ["办件类型", "法定时限（工作日）", "承诺时限（工作日）", "到现场次数", "网上办理深度", "服务对象", "送达方式", "收费金额（元）", "收费依据"] {
      workbook["事项"]![1][CatalogSheet.itemColumns.firstIndex(of: column)!] = ""
    }
    workbook["材料"] = [CatalogSheet.materialColumns]
    let read = CatalogSheet.read(sheets: workbook, departments: lookup)
    #expect(read.problems.isEmpty, "\(read.problems)")
    let blank = try #require(read.items.first)
    #expect(blank.unknown == Set(ItemElement.allCases))
    #expect(!blank.isComplete && blank.publishProblems.count == ItemElement.allCases.count)
    #expect(blank.missingText(.zh) == "办件类型、法定时限、承诺时限、到现场次数、网上办理深度、服务对象、送达方式、收费、申请材料")
    // written back, the blanks stay blank
    let again = CatalogSheet.read(sheets: sheets([blank]), departments: lookup)
    #expect(again.items == [blank])

    // "不收费" and a 无需提交材料 row are facts; an immediate item's blank promised limit is known to be none
    var stated = sheets([item])
    stated["事项"]![1][CatalogSheet.itemColumns.firstIndex(of: "收费金额（元）")!] = "不收费"
    stated["事项"]![1][CatalogSheet.itemColumns.firstIndex(of: "收费依据")!] = ""
    stated["事项"]![1][CatalogSheet.itemColumns.firstIndex(of: "办件类型")!] = "即办件"
    stated["事项"]![1][CatalogSheet.itemColumns.firstIndex(of: "承诺时限（工作日）")!] = ""
    stated["材料"] = [CatalogSheet.materialColumns, [item.code, "1", "无需提交材料", "", "", "", "", "", "", ""]]
    let free = try #require(CatalogSheet.read(sheets: stated, departments: lookup).items.first)
    #expect(free.isComplete && free.fee == nil && free.materials.isEmpty && free.promisedLimitDays == 0)
    #expect(CatalogSheet.read(sheets: sheets([free]), departments: lookup).items == [free])
  }

  @Test("a code prefix is searched as a range: the upper bound is the next code")
  func codeRanges() {
    #expect(ItemCode.upperBound(ofPrefix: "3601") == "3602")
    #expect(ItemCode.upperBound(ofPrefix: "3609") == "360A")
    #expect(ItemCode.upperBound(ofPrefix: "36Z") == "37")
    #expect(ItemCode.upperBound(ofPrefix: "11360999MB") == "11360999MC")
    #expect(ItemCode.upperBound(ofPrefix: "ZZ") == nil)
    #expect(ItemCode.isBasic("00010500100Y01") && !ItemCode.isBasic("0001050010") && !ItemCode.isBasic("0001-0500100Y"))
    #expect(ItemCode.isOwn("360105001000") && !ItemCode.isOwn("00010500100Y"))
    #expect(ItemCode.looksLikeCode("3601") && ItemCode.looksLikeCode("11360999mb") && !ItemCode.looksLikeCode("hjqy"))
  }
}
