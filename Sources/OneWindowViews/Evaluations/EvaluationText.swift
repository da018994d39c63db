import Foundation
import OneWindowDomain

/// Small shared pieces of the rating pages: a figure as a percentage, a warning light, a masked rater.
enum EvaluationText {
  static func percent(_ value: Double?) -> String {
    value.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
  }

  static func score(_ value: Double?) -> String {
    value.map { String(format: "%.1f", $0) } ?? "—"
  }

  static func light(_ level: WarningLevel, _ context: PageContext) -> HTML {
    switch level {
    case .red: "<span class=\"light red\">\(context.t("红灯", "Red"))</span>"
    case .yellow: "<span class=\"light yellow\">\(context.t("黄灯", "Yellow"))</span>"
    default: "<span class=\"light green\">\(context.t("正常", "On time"))</span>"
    }
  }

  /// 张三 → 张*, a phone → 138******78; anonymous stays 匿名.
  static func rater(_ rater: Evaluation.Rater, _ context: PageContext) -> String {
    guard rater.isRealName else { return context.t("匿名", "Anonymous") }
    let name = rater.name.first.map { String($0) + String(repeating: "*", count: max(1, rater.name.count - 1)) } ?? ""
    return "\(name) \(Masking.phone(rater.phone))"
  }

  static func about(_ e: Evaluation, _ context: PageContext) -> String {
    [e.about.itemName, e.about.caseNumber].compactMap { $0 }.joined(separator: " · ")
  }
}

/// The figures of one group as table cells, in the order of `headings`.
public enum SatisfactionCells {
  public static func headings(_ context: PageContext) -> HTML {
    """
    <th>\(context.t("评价数", "Ratings"))</th><th>\(context.t("整体满意度", "Satisfaction"))</th>\
    <th>\(context.t("好评率", "Good"))</th><th>\(context.t("差评数", "Negative"))</th>\
    <th>\(context.t("差评整改率", "Rectified"))</th><th>\(context.t("按期率", "On time"))</th>\
    <th>\(context.t("回访率", "Called back"))</th>
    """
  }

  public static func cells(_ f: SatisfactionFigures) -> HTML {
    """
    <td>\(f.total)\(f.defaulted > 0 ? "（默认 \(f.defaulted)）" : "")</td><td>\(EvaluationText.score(f.satisfaction))</td>\
    <td>\(EvaluationText.percent(f.goodRate))</td><td>\(f.negatives)</td>\
    <td>\(EvaluationText.percent(f.rectificationRate))</td><td>\(EvaluationText.percent(f.onTimeRate))</td>\
    <td>\(EvaluationText.percent(f.callBackRate))</td>
    """
  }
}
