import Foundation

/// The directory of a whole county as one workbook: sheets 区划, 场所, 部门, 窗口, 人员 and 岗位, with Chinese column
/// headers (docs/directory-workbook.md). Records are matched by their 编号 when it is given (so a renamed record stays
/// the same record), else by name (sites, departments), by site and number (windows), by username (staff) and by
/// window, post, person and start (duties); a re-imported export changes nothing.
public enum DirectorySheet {
  public static let regionSheet = "区划"
  public static let siteSheet = "场所"
  public static let departmentSheet = "部门"
  public static let windowSheet = "窗口"
  public static let staffSheet = "人员"
  public static let dutySheet = "岗位"

  public static let regionColumns = ["统计用区划代码", "名称"]
  public static let siteColumns = ["编号", "名称", "类型", "所在区划代码", "地址", "咨询电话", "工作日办公时间", "延时服务", "周六服务"]
  public static let departmentColumns = ["编号", "名称", "简称", "统一社会信用代码", "所属区划代码", "进驻大厅"]
  public static let windowColumns = ["编号", "场所", "窗口号", "窗口名称", "类型", "所属部门"]
  public static let staffColumns = ["用户名", "姓名", "角色", "区划代码", "场所", "部门", "职务", "电话"]
  public static let dutyColumns = ["场所", "窗口号", "岗", "用户名", "上岗日期", "离岗日期"]

  /// Every sheet in import order, with its columns and the columns a workbook may leave out.
  public static let layout: [(name: String, columns: [String], optional: Set<String>)] = [
    (regionSheet, regionColumns, []),
    (departmentSheet, departmentColumns, ["编号", "简称", "进驻大厅"]),
    (siteSheet, siteColumns, ["编号", "延时服务", "周六服务"]),
    (windowSheet, windowColumns, ["编号", "所属部门"]),
    (staffSheet, staffColumns, ["场所", "部门", "职务", "电话"]),
    (dutySheet, dutyColumns, ["离岗日期"]),
  ]

  /// One data row: its spreadsheet row number (the header is row 1) and its cells by column name, trimmed.
  public struct Row: Sendable, Hashable {
    public let number: Int
    public let cells: [String: String]

    public init(number: Int, cells: [String: String]) {
      self.number = number
      self.cells = cells
    }

    public subscript(_ column: String) -> String { cells[column] ?? "" }
  }

  /// The rows of each sheet present, or the problems of the sheets' shape (a missing sheet or column).
  public static func rows(_ sheets: [String: [[String]]]) -> (rows: [String: [Row]], problems: [CatalogSheet.Problem]) {
    var result: [String: [Row]] = [:]
    var problems: [CatalogSheet.Problem] = []
    for (name, columns, optional) in layout {
      guard let table = sheets[name] else {
        if name != dutySheet && name != staffSheet {
          problems.append(
            CatalogSheet.Problem(
              sheet: name, row: 0, column: "—",
              message: LocalizedText(zh: "缺少工作表「\(name)」", en: "The sheet \(name) is missing")))
        }
        continue
      }
      let header = (table.first ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
      for column in columns where !optional.contains(column) && !header.contains(column) {
        problems.append(
          CatalogSheet.Problem(
            sheet: name, row: 1, column: column,
            message: LocalizedText(zh: "缺少列「\(column)」", en: "The column \(column) is missing")))
      }
      result[name] = table.dropFirst().enumerated().compactMap { offset, cells in
        guard cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
        var named: [String: String] = [:]
        for (index, column) in header.enumerated() where index < cells.count && !column.isEmpty {
          named[column] = cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return Row(number: offset + 2, cells: named)
      }
    }
    return (result, problems)
  }

  /// A yes/no cell: 是/否 (also Y/N, 1/0, true/false); nil when it is neither.
  public static func flag(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "是", "y", "yes", "1", "true", "进驻": true
    case "否", "n", "no", "0", "false", "未进驻": false
    default: nil
    }
  }

  /// A kind by its Chinese name (as exported) or its code.
  public static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ name: (T) -> LocalizedText) -> T?
  where T.RawValue == String {
    T.allCases.first { name($0).zh == text || $0.rawValue == text }
  }

  /// A role by its Chinese name or its code.
  public static func role(_ text: String) -> Role? {
    choice(text) { (role: Role) in role.name }
  }

  // MARK: writing

  /// The six sheets of a county's directory. `people` are (username, name, role, region, site, department, title,
  /// phone); names stand for ids so the workbook reads as the county knows it.
  public static func sheets(
    regions: [Region], sites: [Site], departments: [Department], windows: [Window],
    people: [(identity: StaffIdentity, title: String, phone: String)], duties: [DutyAssignment]
  ) -> [(name: String, rows: [[String]], widths: [Int])] {
    let siteNames = Dictionary(sites.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let departmentNames = Dictionary(departments.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let windowsByID = Dictionary(windows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let usernames = Dictionary(people.map { ($0.identity.id, $0.identity.username) }, uniquingKeysWith: { a, _ in a })
    let regionRows = regions.filter { $0.level != .county }.map { [$0.code.statisticalCode, $0.name] }
    let siteRows = sites.filter { !$0.isRetired }.map {
      [
        $0.id, $0.name, $0.kind.name.zh, $0.regionCode.statisticalCode, $0.address, $0.phone, $0.openingHours.weekdays,
        $0.openingHours.extended ?? "", $0.openingHours.saturday ?? "",
      ]
    }
    let departmentRows = departments.filter { !$0.isRetired }.map {
      [
        $0.id, $0.name, $0.shortName, $0.creditCode, $0.regionCode.statisticalCode,
        $0.inHall.map { $0 ? "是" : "否" } ?? "",
      ]
    }
    let windowRows = windows.filter { !$0.isRetired }.map {
      [
        $0.id, siteNames[$0.siteID] ?? $0.siteID, $0.number, $0.name, $0.kind.name.zh,
        $0.departmentID.map { departmentNames[$0] ?? $0 } ?? "",
      ]
    }
    let staffRows = people.map { person in
      let scope = person.identity.scope
      return [
        person.identity.username, person.identity.displayName, person.identity.role.name.zh,
        scope.regionCode.statisticalCode, scope.siteID.map { siteNames[$0] ?? $0 } ?? "",
        scope.departmentID.map { departmentNames[$0] ?? $0 } ?? "", person.title, person.phone,
      ]
    }
    let dutyRows = duties.compactMap { duty -> [String]? in
      guard let window = windowsByID[duty.windowID], !window.isRetired, let username = usernames[duty.staffID] else {
        return nil
      }
      return [
        siteNames[window.siteID] ?? window.siteID, window.number, duty.post.rawValue, username, duty.startsOn.iso,
        duty.endsOn?.iso ?? "",
      ]
    }
    return [
      (regionSheet, [regionColumns] + regionRows, [16, 20]),
      (siteSheet, [siteColumns] + siteRows, [18, 26, 14, 16, 30, 16, 26, 16, 16]),
      (departmentSheet, [departmentColumns] + departmentRows, [18, 26, 12, 22, 16, 10]),
      (windowSheet, [windowColumns] + windowRows, [18, 26, 8, 22, 16, 26]),
      (staffSheet, [staffColumns] + staffRows, [14, 10, 16, 16, 26, 26, 20, 14]),
      (dutySheet, [dutyColumns] + dutyRows, [26, 8, 6, 14, 12, 12]),
    ]
  }
}
