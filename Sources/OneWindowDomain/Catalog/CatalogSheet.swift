/// The catalog as the spreadsheet centers keep: sheet 事项 (one row per item), 材料 (one row per material) and
/// 流程 (one row per step), with Chinese column headers. Reading checks every row first and reports each problem
/// by sheet, row and column; the caller imports nothing unless the list of problems is empty.
/// The layout is documented in docs/catalog-spreadsheet.md.
public enum CatalogSheet {
  public static let itemSheet = "事项"
  public static let materialSheet = "材料"
  public static let stepSheet = "流程"

  public static let itemColumns = [
    "基本编码", "事项名称", "事项类型", "实施主体", "县级办理模式", "镇级办理模式", "村级办理模式", "办件类型", "法定时限（工作日）",
    "承诺时限（工作日）", "到现场次数", "需到现场原因", "网上办理深度", "服务对象", "主题", "受理条件", "设定依据", "收费金额（元）", "收费依据",
    "送达方式", "通办范围", "审批结果", "咨询电话", "监督投诉电话", "进驻例外原因", "检索关键词", "实施编码", "主项编码", "主项名称",
    "省定民生事项", "自助终端可办",
  ]
  /// Columns a workbook may leave out (older exports have none of them).
  static let optionalColumns: Set<String> = ["检索关键词", "实施编码", "主项编码", "主项名称", "省定民生事项", "自助终端可办"]
  public static let materialColumns = ["基本编码", "序号", "材料名称", "必要性", "材料形式", "份数", "来源", "受理标准", "空白表格", "示例样表"]
  public static let stepColumns = ["基本编码", "序号", "环节名称", "承办角色", "时限（工作日）"]

  /// One problem, where it is.
  public struct Problem: Sendable, Hashable, CustomStringConvertible {
    public let sheet: String
    /// The spreadsheet's row number (the header is row 1).
    public let row: Int
    public let column: String
    public let message: LocalizedText

    public init(sheet: String, row: Int, column: String, message: LocalizedText) {
      self.sheet = sheet
      self.row = row
      self.column = column
      self.message = message
    }

    public var description: String { "「\(sheet)」表第 \(row) 行「\(column)」列：\(message.zh)" }

    public func text(_ language: Language) -> String {
      language == .zh ? description : "Sheet \(sheet), row \(row), column \(column): \(message.en)"
    }
  }

  // MARK: writing

  /// The three sheets for `items`, department IDs written as names.
  public static func sheets(items: [ServiceItem], departmentNames: [String: String]) -> [(
    name: String, rows: [[String]], widths: [Int]
  )] {
    var itemRows = [itemColumns]
    var materialRows = [materialColumns]
    var stepRows = [stepColumns]
    for item in items {
      itemRows.append(itemRow(item, departmentName: departmentNames[item.departmentID] ?? item.departmentID))
      if item.materials.isEmpty, !item.unknown.contains(.materials) {
        materialRows.append([item.code, "1", "无需提交材料", "", "", "", "", "", "", ""])
      }
      for (index, material) in item.materials.enumerated() {
        materialRows.append([
          item.code, String(index + 1), material.name,
          material.deferrable ? "容缺后补" : material.required ? "必要" : "非必要", material.form.name.zh,
          String(material.copies), material.source.name.zh, material.standard, material.blankForm, material.sample,
        ])
      }
      for (index, step) in item.steps.enumerated() {
        stepRows.append([item.code, String(index + 1), step.name, step.role.name.zh, String(step.limitDays)])
      }
    }
    return [
      (
        itemSheet, itemRows,
        [
          15, 30, 12, 26, 10, 10, 10, 8, 10, 10, 8, 20, 8, 16, 16, 40, 40, 10, 30, 20, 10, 20, 14, 14, 20, 16, 34, 15,
          30, 10, 10,
        ]
      ),
      (materialSheet, materialRows, [15, 6, 30, 10, 12, 6, 14, 30, 20, 20]),
      (stepSheet, stepRows, [15, 6, 20, 10, 12]),
    ]
  }

  private static func itemRow(_ item: ServiceItem, departmentName: String) -> [String] {
    // An unknown element is written blank, as it came; a known "free" is written as such.
    func known(_ element: ItemElement, _ text: String) -> String { item.unknown.contains(element) ? "" : text }
    return [
      item.code, item.name, item.type.name.zh, departmentName,
      item.levels.contains(.county) ? item.handling[.county]?.name.zh ?? "" : "",
      item.levels.contains(.town) ? item.handling[.town]?.name.zh ?? "" : "",
      item.levels.contains(.village) ? item.handling[.village]?.name.zh ?? "" : "",
      known(.caseKind, item.caseKind.name.zh), known(.legalLimit, String(item.legalLimitDays)),
      known(.promisedLimit, String(item.promisedLimitDays)), known(.visits, String(item.visits)), item.visitReason,
      known(.onlineDepth, String(item.onlineDepth)),
      ServiceObject.allCases.filter(item.serviceObjects.contains).map(\.name.zh).joined(separator: "、"),
      ItemTheme.allCases.filter(item.themes.contains).map(\.name.zh).joined(separator: "、"), item.conditions,
      item.legalBasis, known(.fee, item.fee?.yuanText ?? "不收费"), item.fee?.basis ?? "",
      DeliveryMode.allCases.filter(item.deliveryModes.contains).map(\.name.zh).joined(separator: "、"),
      item.acceptanceScope.name.zh, item.resultName, item.inquiryPhone, item.supervisionPhone, item.hallExceptionReason,
      item.aliases.joined(separator: "、"), item.implementationCode, item.mainItem?.code ?? "",
      item.mainItem?.name ?? "", yesNo(item.onLivelihoodList), yesNo(item.kioskReady),
    ]
  }

  /// 是, 否, or blank for a fact nobody gave.
  static func yesNo(_ value: Bool?) -> String { value.map { $0 ? "是" : "否" } ?? "" }

  // MARK: reading

  /// Every item of the sheets, or every problem found in them. `departments` maps names (and IDs) to IDs.
  public static func read(
    sheets: [String: [[String]]], departments: [String: String]
  ) -> (items: [ServiceItem], problems: [Problem]) {
    var reader = Reader(departments: departments)
    reader.read(sheets)
    return (reader.problems.isEmpty ? reader.items.map(\.item) : [], reader.problems)
  }

  struct Located {
    var item: ServiceItem
    let row: Int
    var materialRows: [Int] = []
    var stepRows: [Int] = []
    /// A 材料 row said the item needs none ("无需提交材料"); without it, no rows means the list is unknown.
    var declaresNoMaterials = false
  }

  /// A 材料 row's name that says the item needs no materials at all.
  public static let noMaterials: Set<String> = ["无需提交材料", "无"]
}
