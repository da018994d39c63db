import OneWindowDomain

/// How catalog values read on every page.
enum ItemText {
  static func limit(_ kind: CaseKind, _ days: Int, _ context: PageContext) -> String {
    kind == .immediate ? context.t("即办", "Same day") : context.t("\(days) 个工作日", "\(days) working days")
  }

  static func levels(_ levels: [RegionLevel], _ context: PageContext) -> String {
    levels.map { context.t($0.name) }.joined(separator: context.t("、", ", "))
  }

  static func visits(_ visits: Int, _ context: PageContext) -> String {
    visits == 0 ? context.t("零跑动", "No visit") : context.t("最多跑 \(visits) 次", "At most \(visits) visit(s)")
  }

  static func depth(_ depth: Int, _ context: PageContext) -> String {
    switch depth {
    case 4: context.t("四级（全程网办）", "Level 4 (fully online)")
    case 3: context.t("三级（网上预审）", "Level 3 (online pre-review)")
    case 2: context.t("二级（网上预约、下载表格）", "Level 2 (booking, forms online)")
    default: context.t("一级（网上办事指南）", "Level 1 (guide online)")
    }
  }

  static func fee(_ fee: Fee?, _ context: PageContext) -> String {
    guard let fee else { return context.t("不收费", "Free of charge") }
    return context.t("\(fee.yuanText) 元", "CNY \(fee.yuanText)")
  }

  /// An element the source left blank (a draft's): said to be unknown, never shown as 0, none or free.
  static func known(_ item: ServiceItem, _ element: ItemElement, _ text: String, _ context: PageContext) -> String {
    item.unknown.contains(element) ? context.t("未提供", "Not provided") : text
  }

  static func yesNo(_ value: Bool, _ context: PageContext) -> String {
    value ? context.t("是", "Yes") : context.t("否", "No")
  }

  static func statusTag(_ status: ItemStatus, _ context: PageContext) -> HTML {
    "<span class=\"tag status-\(status.rawValue)\">\(context.t(status.name))</span>"
  }
}
