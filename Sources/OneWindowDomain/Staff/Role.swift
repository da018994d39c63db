/// The staff roles of DESIGN.md's "who uses it".
public enum Role: String, Sendable, Codable, CaseIterable {
  /// 行政服务中心管理办公室
  case admin
  /// 综合窗口受理员
  case clerk
  /// 后台审批人员 / 首席代表
  case reviewer
  /// 帮办代办员
  case agent
  /// 电子监察 / 纪委
  case supervisor
  /// 客服 (好差评 and 12345 follow-up)
  case service

  public var name: LocalizedText {
    switch self {
    case .admin: LocalizedText(zh: "中心管理员", en: "Center administrator")
    case .clerk: LocalizedText(zh: "综合窗口受理员", en: "Window clerk")
    case .reviewer: LocalizedText(zh: "后台审批人员", en: "Back-office reviewer")
    case .agent: LocalizedText(zh: "帮办代办员", en: "Proxy agent")
    case .supervisor: LocalizedText(zh: "电子监察员", en: "Supervisor")
    case .service: LocalizedText(zh: "客服专员", en: "Service desk")
    }
  }

  /// Parses a role from the CLI or an API body, naming the field when it is unknown.
  public static func parse(_ raw: String, field: String = "role") throws(ValidationError) -> Role {
    guard let role = Role(rawValue: raw.lowercased()) else {
      let names = Role.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError(
        field: field, zh: "未知角色「\(raw)」，可选：\(names)",
        en: "Unknown role '\(raw)'; one of: \(names)")
    }
    return role
  }
}
