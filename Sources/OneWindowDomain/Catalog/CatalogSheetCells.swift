extension CatalogSheet {
  /// One row's cells by column header, converted to catalog values; a cell that cannot be read becomes a problem
  /// naming its row and column.
  struct Cells {
    let row: [String]
    let columns: [String: Int]
    let sheet: String
    let number: Int
    var problems: [Problem] = []

    init(row: [String], columns: [String: Int], sheet: String, number: Int) {
      self.row = row
      self.columns = columns
      self.sheet = sheet
      self.number = number
    }

    func text(_ column: String) -> String {
      guard let at = columns[column], at < row.count else { return "" }
      return row[at].trimmingWhitespace
    }

    mutating func fail(_ column: String, _ zh: String, _ en: String) {
      problems.append(Problem(sheet: sheet, row: number, column: column, message: LocalizedText(zh: zh, en: en)))
    }

    /// A whole number; Excel's "20.0" reads as 20. Empty is `empty`.
    mutating func integer(_ column: String, empty: Int = 0) -> Int {
      var value = text(column)
      if value.isEmpty { return empty }
      if value.hasSuffix(".0") { value.removeLast(2) }
      guard let number = Int(value) else {
        fail(column, "“\(text(column))”不是整数。", "\(text(column)) is not a whole number.")
        return empty
      }
      return number
    }

    /// One of `options` by its Chinese name (or raw value); `fallback` when the cell is empty.
    mutating func choice<T: RawRepresentable & CaseIterable>(
      _ column: String, _ name: (T) -> String, fallback: T?
    ) -> T? where T.RawValue == String {
      let value = text(column)
      if value.isEmpty { return fallback }
      if let match = T.allCases.first(where: { name($0) == value || $0.rawValue == value }) { return match }
      let names = T.allCases.map(name).joined(separator: "、")
      fail(column, "“\(value)”不是可选值（\(names)）。", "\(value) is not one of: \(names).")
      return fallback
    }

    /// Several choices separated by 、 , ， ; or ；.
    mutating func choices<T: RawRepresentable & CaseIterable & Hashable>(_ column: String, _ name: (T) -> String)
      -> Set<T>
    where T.RawValue == String {
      var result: Set<T> = []
      for value in ListText.items(text(column)) {
        if let match = T.allCases.first(where: { name($0) == value || $0.rawValue == value }) {
          result.insert(match)
        } else {
          let names = T.allCases.map(name).joined(separator: "、")
          fail(column, "“\(value)”不是可选值（\(names)）。", "\(value) is not one of: \(names).")
        }
      }
      return result
    }

    mutating func item(departments: [String: String]) -> ServiceItem? {
      let code = text("基本编码").uppercased()
      guard !code.isEmpty else {
        fail("基本编码", "缺少基本编码。", "The code is missing.")
        return nil
      }
      let type = choice("事项类型", { (type: ItemType) in type.name.zh }, fallback: nil) ?? ItemType(rawValue: text("事项类型"))
      if type == nil, text("事项类型").isEmpty { fail("事项类型", "缺少事项类型。", "The item type is missing.") }
      let department = departments[text("实施主体")]
      if department == nil {
        fail("实施主体", "没有部门“\(text("实施主体"))”。", "No department \(text("实施主体")).")
      }
      var handling: [RegionLevel: HandlingMode] = [:]
      for (level, column) in [(RegionLevel.county, "县级办理模式"), (.town, "镇级办理模式"), (.village, "村级办理模式")] {
        if let mode = choice(column, { (mode: HandlingMode) in mode.name.zh }, fallback: nil) { handling[level] = mode }
      }
      if handling.isEmpty {
        fail("县级办理模式", "至少一个层级须填写办理模式。", "At least one level needs a handling mode.")
      }
      // A blank cell is unknown, never a fact: it is recorded as such and the item is kept as a draft.
      var unknown: Set<ItemElement> = []
      func known(_ column: String, _ element: ItemElement) -> Bool {
        if text(column).isEmpty { unknown.insert(element) }
        return !text(column).isEmpty
      }
      let caseKind: CaseKind =
        known("办件类型", .caseKind)
        ? choice("办件类型", { (kind: CaseKind) in kind.name.zh }, fallback: .promised)! : .promised
      let promisedKnown = caseKind == .immediate && !unknown.contains(.caseKind) || known("承诺时限（工作日）", .promisedLimit)
      if promisedKnown { unknown.remove(.promisedLimit) }
      var item = ServiceItem(
        code: code, name: text("事项名称"), type: type ?? .publicService, departmentID: department ?? "",
        levels: Set(handling.keys), caseKind: caseKind,
        legalLimitDays: known("法定时限（工作日）", .legalLimit) ? integer("法定时限（工作日）") : 0,
        promisedLimitDays: integer("承诺时限（工作日）"),
        visits: known("到现场次数", .visits) ? integer("到现场次数") : 0,
        onlineDepth: known("网上办理深度", .onlineDepth) ? integer("网上办理深度", empty: 1) : 1,
        visitReason: text("需到现场原因"),
        serviceObjects: known("服务对象", .serviceObjects)
          ? choices("服务对象") { (object: ServiceObject) in object.name.zh } : [],
        themes: choices("主题") { (theme: ItemTheme) in theme.name.zh }, conditions: text("受理条件"),
        legalBasis: text("设定依据"),
        deliveryModes: known("送达方式", .deliveryModes) ? choices("送达方式") { (mode: DeliveryMode) in mode.name.zh } : [],
        acceptanceScope: choice("通办范围", { (scope: AcceptanceScope) in scope.name.zh }, fallback: .county)!,
        handling: handling, resultName: text("审批结果"), inquiryPhone: text("咨询电话"),
        supervisionPhone: text("监督投诉电话"), hallExceptionReason: text("进驻例外原因"),
        aliases: ListText.items(text("检索关键词")))
      let amount = text("收费金额（元）")
      if amount.isEmpty {
        unknown.insert(.fee)
      } else if !Fee.freeWords.contains(amount) {
        if let fen = Fee.fen(fromYuan: amount) {
          item.fee = Fee(amountFen: fen, basis: text("收费依据"))
        } else {
          fail(
            "收费金额（元）", "“\(amount)”不是金额（如 20 或 12.50；不收费填“不收费”）。",
            "\(amount) is not an amount such as 20 or 12.50 (enter 不收费 when free).")
        }
      }
      item.unknown = unknown
      item.implementationCode = text("实施编码").uppercased()
      let mainCode = text("主项编码").uppercased()
      if !mainCode.isEmpty || !text("主项名称").isEmpty {
        item.mainItem = MainItem(code: mainCode, name: text("主项名称"))
      }
      item.onLivelihoodList = yesNo("省定民生事项")
      item.kioskReady = yesNo("自助终端可办")
      return item
    }

    /// 是 or 否 (also 有/无, Y/N, true/false as provinces write them); blank is unknown.
    mutating func yesNo(_ column: String) -> Bool? {
      let value = text(column)
      if value.isEmpty { return nil }
      if ["是", "有", "Y", "YES", "TRUE", "1", "√"].contains(value.uppercased()) { return true }
      if ["否", "无", "N", "NO", "FALSE", "0", "×"].contains(value.uppercased()) { return false }
      fail(column, "“\(value)”应为“是”或“否”（不清楚的留空）。", "\(value) must be 是 or 否 (leave it blank when unknown).")
      return nil
    }

    mutating func material() -> Material? {
      let necessity = text("必要性")
      guard ["", "必要", "非必要", "容缺后补"].contains(necessity) else {
        fail("必要性", "必要性应为“必要”“非必要”或“容缺后补”。", "Necessity must be 必要, 非必要 or 容缺后补.")
        return nil
      }
      return Material(
        name: text("材料名称"), required: necessity != "非必要", deferrable: necessity == "容缺后补",
        form: choice("材料形式", { (form: MaterialForm) in form.name.zh }, fallback: .original)!,
        copies: integer("份数", empty: 1),
        source: choice("来源", { (source: MaterialSource) in source.name.zh }, fallback: .applicant)!,
        standard: text("受理标准"), blankForm: text("空白表格"), sample: text("示例样表"))
    }

    mutating func step() -> ProcessStep? {
      guard let role = choice("承办角色", { (role: StepRole) in role.name.zh }, fallback: .review) else { return nil }
      return ProcessStep(name: text("环节名称"), role: role, limitDays: integer("时限（工作日）"))
    }
  }
}
