/// The satisfaction figures of RULES.md for one group of ratings (a clerk, a window, a department, a site, an item,
/// or the county). A figure whose denominator is zero is unknown (nil), never 0 %.
public struct SatisfactionFigures: Sendable, Hashable, Codable {
  /// Ratings per level code 1–5 (voided ratings left out; defaulted cases included at the county's default level).
  public var levels: [Int: Int]
  /// Of them, counted by default (unrated after the county's number of days).
  public var defaulted: Int
  public var negatives: Int
  /// Negatives closed: fixed and told, or found unfounded and explained.
  public var rectified: Int
  public var rectifiedOnTime: Int
  public var realNameNegatives: Int
  public var calledBack: Int

  public init(
    levels: [Int: Int] = [:], defaulted: Int = 0, negatives: Int = 0, rectified: Int = 0, rectifiedOnTime: Int = 0,
    realNameNegatives: Int = 0, calledBack: Int = 0
  ) {
    self.levels = levels
    self.defaulted = defaulted
    self.negatives = negatives
    self.rectified = rectified
    self.rectifiedOnTime = rectifiedOnTime
    self.realNameNegatives = realNameNegatives
    self.calledBack = calledBack
  }

  public var total: Int { levels.values.reduce(0, +) }

  /// 整体满意度: the mean of the levels' weights (非常满意 100, 满意 80, 基本满意 60, 不满意 40, 非常不满意 20).
  public var satisfaction: Double? {
    guard total > 0 else { return nil }
    let sum = levels.reduce(0) { $0 + (EvaluationLevel(rawValue: $1.key)?.weight ?? 0) * $1.value }
    return Double(sum) / Double(total)
  }

  /// 好评率: 非常满意 + 满意 ÷ ratings.
  public var goodRate: Double? {
    guard total > 0 else { return nil }
    return Double(levels[5, default: 0] + levels[4, default: 0]) / Double(total)
  }

  /// 差评整改率: rectified ÷ negative.
  public var rectificationRate: Double? {
    negatives > 0 ? Double(rectified) / Double(negatives) : nil
  }

  /// 按期率: rectified on time ÷ rectified.
  public var onTimeRate: Double? {
    rectified > 0 ? Double(rectifiedOnTime) / Double(rectified) : nil
  }

  /// 回访率: real-name negatives called back ÷ real-name negatives (target 100 %).
  public var callBackRate: Double? {
    realNameNegatives > 0 ? Double(calledBack) / Double(realNameNegatives) : nil
  }

  public static func + (a: SatisfactionFigures, b: SatisfactionFigures) -> SatisfactionFigures {
    SatisfactionFigures(
      levels: a.levels.merging(b.levels, uniquingKeysWith: +), defaulted: a.defaulted + b.defaulted,
      negatives: a.negatives + b.negatives, rectified: a.rectified + b.rectified,
      rectifiedOnTime: a.rectifiedOnTime + b.rectifiedOnTime,
      realNameNegatives: a.realNameNegatives + b.realNameNegatives,
      calledBack: a.calledBack + b.calledBack)
  }
}

/// The groups figures are told by.
public enum SatisfactionGrouping: String, Sendable, CaseIterable, Codable {
  case staff
  case window
  case department
  case site
  case item

  public var name: LocalizedText {
    switch self {
    case .staff: LocalizedText(zh: "工作人员", en: "Staff member")
    case .window: LocalizedText(zh: "窗口", en: "Window")
    case .department: LocalizedText(zh: "部门", en: "Department")
    case .site: LocalizedText(zh: "场所", en: "Site")
    case .item: LocalizedText(zh: "事项", en: "Item")
    }
  }
}
