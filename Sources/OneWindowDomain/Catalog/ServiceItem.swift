/// 政务服务事项: one item of the implementation list, in the version a site works with.
/// The catalog issue adds materials, steps, fees and versions; these are the elements every screen needs.
public struct ServiceItem: Sendable, Hashable, Codable {
  /// 基本编码 (12 characters: prefix, type, department, item, sub-item).
  public let code: String
  public let name: String
  public let type: ItemType
  /// The implementing department (实施主体).
  public let departmentID: String
  /// 行使层级: every level that may exercise the item.
  public let levels: Set<RegionLevel>
  public let caseKind: CaseKind
  /// 法定时限 in working days (0 for an immediate item).
  public let legalLimitDays: Int
  /// 承诺时限 in working days (0 for an immediate item).
  public let promisedLimitDays: Int
  /// 到现场次数: 0, 1 or 2.
  public let visits: Int
  /// 网上办理深度: 1–4; 4 is 全程网办.
  public let onlineDepth: Int

  public init(
    code: String, name: String, type: ItemType, departmentID: String, levels: Set<RegionLevel>,
    caseKind: CaseKind, legalLimitDays: Int, promisedLimitDays: Int, visits: Int, onlineDepth: Int
  ) {
    self.code = code
    self.name = name
    self.type = type
    self.departmentID = departmentID
    self.levels = levels
    self.caseKind = caseKind
    self.legalLimitDays = legalLimitDays
    self.promisedLimitDays = promisedLimitDays
    self.visits = visits
    self.onlineDepth = onlineDepth
  }
}

/// 事项类型 (GB/T 39046-2020 appendix A), by its two-digit code.
public enum ItemType: String, Sendable, Codable, CaseIterable {
  case license = "01"
  case penalty = "02"
  case enforcement = "03"
  case levy = "04"
  case benefit = "05"
  case inspection = "06"
  case confirmation = "07"
  case reward = "08"
  case adjudication = "09"
  case otherPower = "10"
  case publicService = "20"

  public var name: LocalizedText {
    switch self {
    case .license: LocalizedText(zh: "行政许可", en: "Administrative license")
    case .penalty: LocalizedText(zh: "行政处罚", en: "Administrative penalty")
    case .enforcement: LocalizedText(zh: "行政强制", en: "Administrative enforcement")
    case .levy: LocalizedText(zh: "行政征收", en: "Administrative levy")
    case .benefit: LocalizedText(zh: "行政给付", en: "Administrative benefit")
    case .inspection: LocalizedText(zh: "行政检查", en: "Administrative inspection")
    case .confirmation: LocalizedText(zh: "行政确认", en: "Administrative confirmation")
    case .reward: LocalizedText(zh: "行政奖励", en: "Administrative reward")
    case .adjudication: LocalizedText(zh: "行政裁决", en: "Administrative adjudication")
    case .otherPower: LocalizedText(zh: "其他行政权力", en: "Other administrative power")
    case .publicService: LocalizedText(zh: "公共服务", en: "Public service")
    }
  }
}

/// 办件类型.
public enum CaseKind: String, Sendable, Codable, CaseIterable {
  /// 即办件: accepted and decided in one visit.
  case immediate
  /// 承诺件: decided within the promised limit.
  case promised
  /// 上报件: pre-reviewed here, decided by the upper level.
  case escalated

  public var name: LocalizedText {
    switch self {
    case .immediate: LocalizedText(zh: "即办件", en: "Immediate")
    case .promised: LocalizedText(zh: "承诺件", en: "Promised")
    case .escalated: LocalizedText(zh: "上报件", en: "Escalated")
    }
  }
}
