import Foundation
import OneWindowDomain

/// 满意度统计: the satisfaction figures per staff member, window, department, site or item over a span, with the
/// definitions, for the service team, the administrator and the supervisors (and the public page per department and
/// site).
public enum SatisfactionFiguresPage {
  public struct Model: Sendable {
    public let grouping: SatisfactionGrouping
    public let rows: [(name: String, figures: SatisfactionFigures)]
    public let total: SatisfactionFigures
    public let days: Int
    public let policy: EvaluationPolicy

    public init(
      grouping: SatisfactionGrouping, rows: [(name: String, figures: SatisfactionFigures)], total: SatisfactionFigures,
      days: Int, policy: EvaluationPolicy
    ) {
      self.grouping = grouping
      self.rows = rows
      self.total = total
      self.days = days
      self.policy = policy
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let tabs = SatisfactionGrouping.allCases.map { g -> HTML in
      g == model.grouping
        ? "<b>\(context.t(g.name))</b>"
        : "<a href=\"\(Links.evaluationFigures)?by=\(g.rawValue)&amp;days=\(model.days)\">\(context.t(g.name))</a>"
    }
    let rows = model.rows.map {
      "<tr><th scope=\"row\">\($0.name)</th>\(SatisfactionCells.cells($0.figures))</tr>" as HTML
    }
    let body: HTML = """
      <h1>\(context.t("满意度统计", "Satisfaction figures"))</h1>
      <p class="tabs">\(context.t("按：", "By: "))\(tabs.map { "\($0) " as HTML })</p>
      <p class="meta">\(context.t("近 \(model.days) 天的评价。", "Ratings of the last \(model.days) days."))</p>
      <table class="stacked" id="figures"><thead><tr><th>\(context.t(model.grouping.name))</th>\(SatisfactionCells.headings(context))</tr></thead>
      <tbody>\(rows)</tbody><tfoot><tr><th scope="row">\(context.t("合计", "All"))</th>\(SatisfactionCells.cells(model.total))</tr></tfoot></table>
      \(definitions(model.policy, context))
      """
    return Layout.page(context, title: context.t("满意度统计", "Satisfaction figures"), body: body)
  }

  /// How each figure is counted (RULES.md), with the county's settings.
  public static func definitions(_ policy: EvaluationPolicy, _ context: PageContext) -> HTML {
    """
    <details id="definitions"><summary>\(context.t("指标口径", "Definitions"))</summary><ul>
    <li>\(context.t("整体满意度：各评价等级分值（非常满意 100、满意 80、基本满意 60、不满意 40、非常不满意 20）的平均值。", "Satisfaction: the mean of the levels' weights (100, 80, 60, 40, 20)."))</li>
    <li>\(context.t("好评率：（非常满意＋满意）÷ 评价数。", "Good: (very satisfied + satisfied) ÷ ratings."))</li>
    <li>\(context.t("差评整改率：已整改反馈或核实不属实并解释的差评 ÷ 差评数；按期率：其中在整改时限内办结的 ÷ 已整改数；回访率：已回访的实名差评 ÷ 实名差评。", "Rectified: negatives fixed and told, or found unfounded and explained ÷ negatives; on time: of those, closed by the fix deadline; called back: real-name negatives reached ÷ real-name negatives."))</li>
    <li>\(context.t("办结后 \(policy.defaultAfterDays) 天未评价的办件按「\(policy.defaultLevel.name.zh)」计入部门、场所、事项的评价数（括号内为默认评价数）；再评价取代原评价；申诉成立作废的评价不计入。", "A case unrated \(policy.defaultAfterDays) days after conclusion counts as '\(policy.defaultLevel.name.en)' for its department, site and item (defaults in brackets); a second rating replaces the first; voided ratings are left out."))</li>
    <li>\(context.t("差评回访时限 \(policy.callBackWorkdays) 个工作日，整改时限 \(policy.fixWorkdays) 个工作日。", "Call back within \(policy.callBackWorkdays) working day(s); fix within \(policy.fixWorkdays)."))</li>
    </ul></details>
    """
  }
}
