extension CatalogSheet {
  /// Reads the three sheets row by row, remembering where every value came from so that the item rules'
  /// field errors can be reported at the cell they concern.
  struct Reader {
    let departments: [String: String]
    var items: [Located] = []
    var problems: [Problem] = []
    private var index: [String: Int] = [:]

    init(departments: [String: String]) {
      self.departments = departments
    }

    mutating func read(_ sheets: [String: [[String]]]) {
      guard let itemRows = sheets[itemSheet] else {
        problems.append(
          Problem(
            sheet: itemSheet, row: 1, column: "—",
            message: LocalizedText(zh: "缺少“事项”工作表。", en: "The workbook has no 事项 sheet.")))
        return
      }
      readItems(itemRows)
      if let rows = sheets[materialSheet] { readMaterials(rows) }
      if let rows = sheets[stepSheet] { readSteps(rows) }
      for at in items.indices where items[at].item.materials.isEmpty && !items[at].declaresNoMaterials {
        items[at].item.unknown.insert(.materials)
      }
      // A rule about a cell that could not be read would only repeat that cell's problem.
      let unread = Set(problems.map { "\($0.sheet)/\($0.row)/\($0.column)" })
      for located in items {
        for error in ItemValidator.problems(of: located.item, departmentIDs: Set(departments.values)) {
          let problem = place(error, located)
          if !unread.contains("\(problem.sheet)/\(problem.row)/\(problem.column)") { problems.append(problem) }
        }
      }
      problems.sort { ($0.sheet, $0.row) < ($1.sheet, $1.row) }
    }

    /// The columns of a header row, or problems naming the missing ones.
    private mutating func columns(_ header: [String]?, _ expected: [String], sheet: String) -> [String: Int]? {
      let header = (header ?? []).map { $0.trimmingWhitespace }
      let missing = expected.filter { !header.contains($0) && !optionalColumns.contains($0) }
      guard missing.isEmpty else {
        problems.append(
          Problem(
            sheet: sheet, row: 1, column: missing.joined(separator: "、"),
            message: LocalizedText(zh: "表头缺少这些列。", en: "The header row lacks these columns.")))
        return nil
      }
      return Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private mutating func readItems(_ rows: [[String]]) {
      guard let columns = columns(rows.first, itemColumns, sheet: itemSheet) else { return }
      for (offset, row) in rows.enumerated().dropFirst() where row.contains(where: { !$0.trimmingWhitespace.isEmpty }) {
        var cells = Cells(row: row, columns: columns, sheet: itemSheet, number: offset + 1)
        let item = cells.item(departments: departments)
        problems += cells.problems
        guard let item else { continue }
        if index[item.code] != nil {
          problems.append(
            Problem(
              sheet: itemSheet, row: offset + 1, column: "基本编码",
              message: LocalizedText(zh: "编码 \(item.code) 在表中重复。", en: "The code \(item.code) appears twice.")))
          continue
        }
        index[item.code] = items.count
        items.append(Located(item: item, row: offset + 1))
      }
    }

    private mutating func readMaterials(_ rows: [[String]]) {
      readDetails(rows, materialColumns, sheet: materialSheet) { located, cells, row in
        if CatalogSheet.noMaterials.contains(cells.text("材料名称")) {
          located.declaresNoMaterials = true
          return
        }
        guard let material = cells.material() else { return }
        located.item.materials.append(material)
        located.materialRows.append(row)
      }
    }

    private mutating func readSteps(_ rows: [[String]]) {
      readDetails(rows, stepColumns, sheet: stepSheet) { located, cells, row in
        guard let step = cells.step() else { return }
        located.item.steps.append(step)
        located.stepRows.append(row)
      }
    }

    /// The rows of a detail sheet (材料, 流程), each added to the item its code names.
    private mutating func readDetails(
      _ rows: [[String]], _ expected: [String], sheet: String, add: (inout Located, inout Cells, Int) -> Void
    ) {
      guard let columns = columns(rows.first, expected, sheet: sheet) else { return }
      for (offset, row) in rows.enumerated().dropFirst() where row.contains(where: { !$0.trimmingWhitespace.isEmpty }) {
        var cells = Cells(row: row, columns: columns, sheet: sheet, number: offset + 1)
        guard let at = owner(cells.text("基本编码").uppercased(), sheet: sheet, row: offset + 1) else { continue }
        add(&items[at], &cells, offset + 1)
        problems += cells.problems
      }
    }

    private mutating func owner(_ code: String, sheet: String, row: Int) -> Int? {
      guard let at = index[code] else {
        problems.append(
          Problem(
            sheet: sheet, row: row, column: "基本编码",
            message: LocalizedText(
              zh: "“事项”表中没有编码 \(code) 的事项。", en: "No item with the code \(code) on the 事项 sheet.")))
        return nil
      }
      return at
    }

    /// Where an item rule's field error belongs in the workbook.
    private func place(_ error: ValidationError, _ located: Located) -> Problem {
      let parts = error.field.split(separator: ".")
      if parts.count == 3, let number = Int(parts[1]) {
        let isMaterial = parts[0] == "materials"
        let rows = isMaterial ? located.materialRows : located.stepRows
        let column: String =
          switch parts[2] {
          case "copies": "份数"
          case "deferrable": "必要性"
          case "limit_days": "时限（工作日）"
          default: isMaterial ? "材料名称" : "环节名称"
          }
        return Problem(
          sheet: isMaterial ? materialSheet : stepSheet, row: number <= rows.count ? rows[number - 1] : located.row,
          column: column, message: error.message)
      }
      if error.field == "steps" {
        return Problem(
          sheet: located.stepRows.isEmpty ? itemSheet : stepSheet, row: located.stepRows.first ?? located.row,
          column: located.stepRows.isEmpty ? "承诺时限（工作日）" : "时限（工作日）", message: error.message)
      }
      let columns: [String: String] = [
        "code": "基本编码", "name": "事项名称", "department_id": "实施主体", "levels": "县级办理模式",
        "handling_county": "县级办理模式", "handling_town": "镇级办理模式", "handling_village": "村级办理模式",
        "legal_limit_days": "法定时限（工作日）", "promised_limit_days": "承诺时限（工作日）", "visits": "到现场次数",
        "visit_reason": "需到现场原因", "online_depth": "网上办理深度", "fee_amount": "收费金额（元）", "fee_basis": "收费依据",
        "delivery_modes": "送达方式", "service_objects": "服务对象", "implementation_code": "实施编码",
        "main_item_name": "主项名称", "main_item_code": "主项编码",
      ]
      return Problem(
        sheet: itemSheet, row: located.row, column: columns[error.field] ?? error.field, message: error.message)
    }
  }
}

extension String {
  var trimmingWhitespace: String { String(trimmed) }
}
