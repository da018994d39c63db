/// How a province's own implementation list maps onto the catalog's columns: which sheet holds the items, which row
/// holds its headers, which of its headers is each catalog column, and how the departments it names are matched.
/// The administrator sets it on the import page; it is saved per county for the next import.
public struct CatalogColumnMapping: Sendable, Hashable, Codable {
  /// The sheet that holds one row per item.
  public var sheet: String
  /// The row (1-based) that holds the headers; items follow it.
  public var headerRow: Int
  /// A catalog column → the list's header that holds it. A column mapped to nothing is read as blank (unknown).
  public var columns: [String: String]
  /// A department as the list names it (its name or credit code) → the department's ID, as resolved on the page.
  public var departments: [String: String]
  /// Where the list keeps its materials and steps, by detail sheet (材料, 流程): a sheet of its own with one row per
  /// material or step, keyed by the item's code. Absent: a sheet named like ours is read as it is, else none.
  public var details: [String: Detail]?

  /// A detail sheet of the list: which sheet, which header row, and which of its headers is each of our columns.
  public struct Detail: Sendable, Hashable, Codable {
    public var sheet: String
    public var headerRow: Int
    public var columns: [String: String]

    public init(sheet: String, headerRow: Int, columns: [String: String]) {
      self.sheet = sheet
      self.headerRow = headerRow
      self.columns = columns
    }

    public func headers(in sheets: [String: [[String]]]) -> [String] {
      guard let rows = sheets[sheet], headerRow >= 1, headerRow <= rows.count else { return [] }
      return rows[headerRow - 1].map { $0.trimmingWhitespace }
    }
  }

  public init(
    sheet: String, headerRow: Int, columns: [String: String], departments: [String: String] = [:],
    details: [String: Detail]? = nil
  ) {
    self.sheet = sheet
    self.headerRow = headerRow
    self.columns = columns
    self.departments = departments
    self.details = details
  }

  /// The detail sheets that can be mapped, with the columns the page offers (files are not in a province's list), and
  /// the ones without which a row means nothing.
  public static let detailParts: [(sheet: String, columns: [String], required: [String])] = [
    (
      CatalogSheet.materialSheet, CatalogSheet.materialColumns.filter { !["空白表格", "示例样表"].contains($0) },
      ["基本编码", "材料名称"]
    ),
    (CatalogSheet.stepSheet, CatalogSheet.stepColumns, ["基本编码", "环节名称"]),
  ]

  /// Other names provinces give the detail sheets' columns. The item's code may be its 实施编码: it is matched to the
  /// item's basic code through the items sheet.
  static let detailSynonyms: [String: [String]] = [
    "基本编码": ["基本编码", "事项编码", "子项编码", "实施编码", "事项实施编码", "实施清单编码"],
    "序号": ["序号", "材料序号", "环节序号", "顺序"],
    "材料名称": ["材料名称", "申请材料名称", "申请材料"],
    "必要性": ["必要性", "是否必要", "材料必要性", "是否必须"],
    "材料形式": ["材料形式", "材料类型", "提交形式"],
    "份数": ["份数", "纸质材料份数", "材料份数"],
    "来源": ["来源", "材料来源", "来源渠道"],
    "受理标准": ["受理标准", "材料要求", "填报须知"],
    "环节名称": ["环节名称", "办理环节", "环节"],
    "承办角色": ["承办角色", "办理人员", "承办人", "审批人员"],
    "时限（工作日）": ["时限", "办理时限", "环节时限"],
  ]

  /// The best sheet and header row of `sheets` (not `itemSheet`) for a detail part: the one naming the most of its
  /// columns, all of its required ones among them; `saved` is kept where its headers are still there.
  public static func guessDetail(
    _ part: (sheet: String, columns: [String], required: [String]), in sheets: [(name: String, rows: [[String]])],
    itemSheet: String, saved: Detail?
  ) -> Detail? {
    var best: (score: Int, detail: Detail)?
    for sheet in sheets where sheet.name != itemSheet {
      for (offset, row) in sheet.rows.prefix(10).enumerated() {
        let headers = row.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        var columns: [String: String] = [:]
        for column in part.columns {
          let names = Set((detailSynonyms[column] ?? [column]).map(normalized) + [normalized(column)])
          if let header = headers.first(where: { names.contains(normalized($0)) }) { columns[column] = header }
        }
        if let saved, saved.sheet == sheet.name, saved.headerRow == offset + 1 {
          for (column, header) in saved.columns where headers.contains(header) { columns[column] = header }
        }
        guard part.required.allSatisfy({ columns[$0] != nil }) else { continue }
        if columns.count > (best?.score ?? 0) {
          best = (columns.count, Detail(sheet: sheet.name, headerRow: offset + 1, columns: columns))
        }
      }
    }
    return best?.detail
  }

  /// The implementing department's 统一社会信用代码, which matches a department before its name does.
  public static let creditCodeColumn = "实施主体编码"
  /// 行使层级 as provinces write it (县级、乡级、村级): each level named is taken as handling the item directly,
  /// unless that level's own 办理模式 column is mapped.
  public static let levelsColumn = "行使层级"

  /// Every column the page offers to map, in the catalog's order.
  public static var mappable: [String] { CatalogSheet.itemColumns + [creditCodeColumn, levelsColumn] }

  /// Other names provinces give the catalog's columns; a header matches when it equals one of them once spaces and
  /// parenthesised notes (such as "（工作日）") are set aside.
  static let synonyms: [String: [String]] = [
    "基本编码": ["基本编码", "事项编码", "子项编码", "基本目录编码", "事项基本编码"],
    "事项名称": ["事项名称", "子项名称", "实施清单名称", "事项实施名称"],
    "事项类型": ["事项类型", "权力类型", "职权类型"],
    "实施主体": ["实施主体", "实施主体名称", "实施机构", "实施部门", "办理部门"],
    creditCodeColumn: ["实施主体编码", "实施主体统一社会信用代码", "统一社会信用代码", "实施机构统一社会信用代码"],
    levelsColumn: ["行使层级", "办理层级"],
    "办件类型": ["办件类型"],
    "法定时限（工作日）": ["法定时限", "法定办结时限"],
    "承诺时限（工作日）": ["承诺时限", "承诺办结时限"],
    "到现场次数": ["到现场次数", "到办事现场次数", "跑动次数"],
    "需到现场原因": ["需到现场原因", "必须现场办理原因说明"],
    "网上办理深度": ["网上办理深度", "网办深度"],
    "服务对象": ["服务对象"],
    "主题": ["主题", "主题分类"],
    "受理条件": ["受理条件", "申请条件"],
    "设定依据": ["设定依据", "法律依据", "实施依据"],
    "收费金额（元）": ["收费金额", "收费标准"],
    "收费依据": ["收费依据"],
    "送达方式": ["送达方式"],
    "通办范围": ["通办范围"],
    "审批结果": ["审批结果", "审批结果名称", "结果名称"],
    "咨询电话": ["咨询电话", "咨询方式"],
    "监督投诉电话": ["监督投诉电话", "投诉电话", "监督投诉方式"],
    "进驻例外原因": ["进驻例外原因"],
    "检索关键词": ["检索关键词", "俗称"],
    "实施编码": ["实施编码", "事项实施编码", "实施清单编码"],
    "主项编码": ["主项编码"],
    "主项名称": ["主项名称"],
    "省定民生事项": ["省定民生事项", "民生事项", "是否民生事项", "就近办事项", "是否就近办"],
    "自助终端可办": ["自助终端可办", "是否自助终端可办", "自助终端办理", "是否支持自助终端"],
  ]

  static func normalized(_ header: String) -> String {
    var result = ""
    var depth = 0
    for character in header {
      if "（(".contains(character) {
        depth += 1
      } else if "）)".contains(character) {
        depth = max(0, depth - 1)
      } else if depth == 0, !character.isWhitespace {
        result.append(character)
      }
    }
    return result
  }

  /// A first guess for a workbook: the sheet and header row that name the most catalog columns, each column mapped
  /// to the header that names it. `saved` (the county's last mapping) is kept where its headers are still there.
  public static func guess(_ sheets: [(name: String, rows: [[String]])], saved: CatalogColumnMapping?)
    -> CatalogColumnMapping?
  {
    var best: (score: Int, mapping: CatalogColumnMapping)?
    for sheet in sheets {
      for (offset, row) in sheet.rows.prefix(10).enumerated() {
        let headers = row.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        var columns: [String: String] = [:]
        for column in mappable {
          let names = Set((synonyms[column] ?? [column]).map(normalized) + [normalized(column)])
          if let header = headers.first(where: { names.contains(normalized($0)) }) { columns[column] = header }
        }
        if let saved, saved.sheet == sheet.name {
          for (column, header) in saved.columns where headers.contains(header) { columns[column] = header }
        }
        if columns.count > (best?.score ?? 0) {
          best = (
            columns.count,
            CatalogColumnMapping(
              sheet: sheet.name, headerRow: offset + 1, columns: columns, departments: saved?.departments ?? [:])
          )
        }
      }
    }
    guard var mapping = best?.mapping else { return nil }
    var details: [String: Detail] = [:]
    for part in detailParts {
      details[part.sheet] = guessDetail(part, in: sheets, itemSheet: mapping.sheet, saved: saved?.details?[part.sheet])
    }
    mapping.details = details
    return mapping
  }

  /// Whether a workbook is in the catalog's own layout (its 事项 sheet has every required column): then it is read
  /// as it is, with no mapping.
  public static func isOwnLayout(_ sheets: [String: [[String]]]) -> Bool {
    guard let header = sheets[CatalogSheet.itemSheet]?.first?.map({ $0.trimmingWhitespace }) else { return false }
    return CatalogSheet.itemColumns.allSatisfy { header.contains($0) || CatalogSheet.optionalColumns.contains($0) }
  }

  /// The headers of the mapped sheet's header row.
  public func headers(in sheets: [String: [[String]]]) -> [String] {
    guard let rows = sheets[sheet], headerRow >= 1, headerRow <= rows.count else { return [] }
    return rows[headerRow - 1].map { $0.trimmingWhitespace }
  }

  /// The workbook in the catalog's layout: sheet 事项 rebuilt from the mapped sheet, and sheets 材料 and 流程 as they
  /// are. A department is matched by its credit code (`known` maps credit codes to IDs), then as resolved on the page.
  public func apply(to sheets: [String: [[String]]], known: [String: String] = [:]) -> [String: [[String]]] {
    var result = sheets.filter { [CatalogSheet.materialSheet, CatalogSheet.stepSheet].contains($0.key) }
    guard let rows = sheets[sheet], headerRow >= 1, headerRow <= rows.count else { return result }
    let header = headers(in: sheets)
    let at = columns.compactMapValues { header.firstIndex(of: $0) }
    func cell(_ row: [String], _ column: String) -> String {
      guard let index = at[column], index < row.count else { return "" }
      return row[index].trimmingWhitespace
    }
    var items = [CatalogSheet.itemColumns]
    for row in rows.dropFirst(headerRow) {
      var out = CatalogSheet.itemColumns.map { cell(row, $0) }
      let department = out[CatalogSheet.itemColumns.firstIndex(of: "实施主体")!]
      let credit = cell(row, Self.creditCodeColumn).uppercased()
      if let id = departments[credit] ?? (credit.isEmpty ? nil : known[credit]) ?? departments[department] {
        out[CatalogSheet.itemColumns.firstIndex(of: "实施主体")!] = id
      }
      if at[Self.levelsColumn] != nil {
        let levels = cell(row, Self.levelsColumn)
        for (column, marks) in [("县级办理模式", ["县", "区"]), ("镇级办理模式", ["乡", "镇", "街道"]), ("村级办理模式", ["村", "社区"])]
        where at[column] == nil && marks.contains(where: { levels.contains($0) }) {
          out[CatalogSheet.itemColumns.firstIndex(of: column)!] = HandlingMode.direct.name.zh
        }
      }
      items.append(out)
    }
    result[CatalogSheet.itemSheet] = items
    result.merge(applyDetails(to: sheets, items: items)) { _, mapped in mapped }
    return result
  }

  /// The mapped detail sheets in our layout: one row per row of the list's sheet (its blank rows too, so row numbers
  /// carry back), each column from its mapped header, the item's key turned into its basic code where the list keys
  /// by 实施编码.
  func applyDetails(to sheets: [String: [[String]]], items: [[String]]) -> [String: [[String]]] {
    var result: [String: [[String]]] = [:]
    let codeAt = CatalogSheet.itemColumns.firstIndex(of: "基本编码")!
    let implementationAt = CatalogSheet.itemColumns.firstIndex(of: "实施编码")!
    var basic: [String: String] = [:]
    for row in items.dropFirst() where row.count > implementationAt && !row[implementationAt].isEmpty {
      basic[row[implementationAt].uppercased()] = row[codeAt]
    }
    for part in Self.detailParts {
      guard let detail = details?[part.sheet], let rows = sheets[detail.sheet], detail.headerRow >= 1,
        detail.headerRow <= rows.count
      else { continue }
      let all = part.sheet == CatalogSheet.materialSheet ? CatalogSheet.materialColumns : CatalogSheet.stepColumns
      let header = detail.headers(in: sheets)
      let at = detail.columns.compactMapValues { header.firstIndex(of: $0) }
      var out = [all]
      for row in rows.dropFirst(detail.headerRow) {
        var cells = all.map { column -> String in
          guard let index = at[column], index < row.count else { return "" }
          return row[index].trimmingWhitespace
        }
        cells[0] = basic[cells[0].uppercased()] ?? cells[0]
        out.append(cells)
      }
      result[part.sheet] = out
    }
    return result
  }

  /// Problems of the rebuilt sheets, moved back to the list's own sheet, row and header.
  public func locate(_ problems: [CatalogSheet.Problem]) -> [CatalogSheet.Problem] {
    problems.map { problem in
      if let detail = details?[problem.sheet] {
        return CatalogSheet.Problem(
          sheet: detail.sheet, row: problem.row == 1 ? detail.headerRow : problem.row + detail.headerRow - 1,
          column: detail.columns[problem.column] ?? "\(problem.column)（未对应）", message: problem.message)
      }
      guard problem.sheet == CatalogSheet.itemSheet else { return problem }
      let header =
        columns[problem.column]
        ?? (["县级办理模式", "镇级办理模式", "村级办理模式"].contains(problem.column) ? columns[Self.levelsColumn] : nil)
      return CatalogSheet.Problem(
        sheet: sheet, row: problem.row == 1 ? headerRow : problem.row + headerRow - 1,
        column: header ?? "\(problem.column)（未对应）", message: problem.message)
    }
  }

  /// A department the list names that is not in the directory: as named, with its credit code when one is mapped,
  /// and how many rows name it.
  public struct UnknownDepartment: Sendable, Hashable {
    public let name: String
    public let creditCode: String
    public let rows: Int
  }

  /// The departments the list names that neither `known` (names and IDs and credit codes → IDs) nor the resolutions
  /// match, most rows first.
  public func unknownDepartments(in sheets: [String: [[String]]], known: [String: String]) -> [UnknownDepartment] {
    guard let rows = sheets[sheet], headerRow >= 1, headerRow <= rows.count else { return [] }
    let header = headers(in: sheets)
    guard let nameAt = columns["实施主体"].flatMap({ header.firstIndex(of: $0) }) else { return [] }
    let creditAt = columns[Self.creditCodeColumn].flatMap { header.firstIndex(of: $0) }
    var found: [String: (credit: String, rows: Int, first: Int)] = [:]
    for (offset, row) in rows.dropFirst(headerRow).enumerated() {
      let name = nameAt < row.count ? row[nameAt].trimmingWhitespace : ""
      let credit = creditAt.map { $0 < row.count ? row[$0].trimmingWhitespace.uppercased() : "" } ?? ""
      guard !name.isEmpty else { continue }
      if known[name] != nil || departments[name] != nil { continue }
      if !credit.isEmpty, known[credit] != nil || departments[credit] != nil { continue }
      found[name, default: (credit, 0, offset)].rows += 1
    }
    return found.sorted { ($1.value.rows, $0.value.first) < ($0.value.rows, $1.value.first) }.map {
      UnknownDepartment(name: $0.key, creditCode: $0.value.credit, rows: $0.value.rows)
    }
  }
}
