/// 窗口: a counter at a site, staffed by a department (or the center itself).
public struct Window: Sendable, Hashable, Codable, Identifiable {
  public let id: String
  public let siteID: String
  /// The department that staffs it; nil for the center's own windows (综合窗口, 出件, 导服).
  public let departmentID: String?
  public let number: String
  public let name: String
  public let kind: WindowKind

  public init(
    id: String, siteID: String, departmentID: String?, number: String, name: String,
    kind: WindowKind
  ) {
    self.id = id
    self.siteID = siteID
    self.departmentID = departmentID
    self.number = number
    self.name = name
    self.kind = kind
  }
}

/// The window kinds of DESIGN.md.
public enum WindowKind: String, Sendable, Codable, CaseIterable {
  /// 无差别综合窗口: accepts any item.
  case general
  /// 分领域综合窗口: accepts the items of one field.
  case domain
  /// 专窗: a department's dedicated window.
  case dedicated
  /// 帮办代办窗口
  case proxy
  /// 出件窗口 (统一出件)
  case delivery
  /// 导服台
  case guide

  public var name: LocalizedText {
    switch self {
    case .general: LocalizedText(zh: "无差别综合窗口", en: "General window")
    case .domain: LocalizedText(zh: "分领域综合窗口", en: "Domain window")
    case .dedicated: LocalizedText(zh: "专窗", en: "Dedicated window")
    case .proxy: LocalizedText(zh: "帮办代办窗口", en: "Proxy service window")
    case .delivery: LocalizedText(zh: "出件窗口", en: "Result delivery window")
    case .guide: LocalizedText(zh: "导服台", en: "Guide desk")
    }
  }
}

/// AB岗: who is on duty at a window. A is the regular clerk, B the backup.
public enum DutyPost: String, Sendable, Codable, CaseIterable {
  case a = "A"
  case b = "B"
}
