import Foundation

/// 窗口: a counter at a site, staffed by a department (or the center itself).
public struct Window: Sendable, Hashable, Codable, Identifiable {
  public let id: String
  public let siteID: String
  /// The department that staffs it; nil for the center's own windows (综合窗口, 出件, 导服).
  public var departmentID: String?
  public var number: String
  public var name: String
  public var kind: WindowKind
  /// Retired windows stay for the tickets and ratings made at them; nobody is put on duty there.
  public var retiredAt: Date?

  public init(
    id: String, siteID: String, departmentID: String?, number: String, name: String,
    kind: WindowKind, retiredAt: Date? = nil
  ) {
    self.id = id
    self.siteID = siteID
    self.departmentID = departmentID
    self.number = number
    self.name = name
    self.kind = kind
    self.retiredAt = retiredAt
  }

  public var isRetired: Bool { retiredAt != nil }

  /// Problems with the fields: a number the display can show, a name, and a department for a 专窗.
  public func problems() -> [ValidationError] {
    var errors = DirectoryText.name(
      name, field: "name", what: LocalizedText(zh: "窗口名称", en: "the window's name"), limit: 40)
    let trimmed = number.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty || trimmed.count > 8
      || !trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
    {
      errors.append(
        ValidationError(
          field: "number", zh: "窗口号为 1–8 位字母、数字或 -，如 01、A3", en: "A window number has 1–8 letters, digits or -"))
    }
    if kind == .dedicated, departmentID == nil {
      errors.append(
        ValidationError(field: "department_id", zh: "专窗须选择所属部门", en: "A dedicated window needs its department"))
    }
    return errors
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
