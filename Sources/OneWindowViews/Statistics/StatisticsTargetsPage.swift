import Foundation
import OneWindowDomain

/// 目标设置: the seeds' targets, the center's own (which replace the seed's for their figure), and the form to enter
/// one — a value and the date to reach it by.
public enum StatisticsTargetsPage {
  public struct Model: Sendable {
    public let centers: [StatTarget]
    public let today: CivilDate
    public let errors: [ValidationError]
    /// What the form held when it was refused.
    public let form: [String: String]

    public init(centers: [StatTarget], today: CivilDate, errors: [ValidationError], form: [String: String]) {
      self.centers = centers
      self.today = today
      self.errors = errors
      self.form = form
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    func value(_ target: StatTarget) -> String {
      target.figure.unit == .rate ? StatText.percent(target.value) : StatText.decimal(target.value)
    }
    let ownRows = model.centers.map { target -> HTML in
      """
      <tr><th scope="row">\(context.t(target.figure.name))</th><td class="num">\(value(target))</td><td>\(target.due.iso)</td>\
      <td>\(target.source)</td><td><form method="post" action="\(Links.statisticsTargets)/delete" class="inline">\(context.csrfField)\
      <input type="hidden" name="figure" value="\(target.figure.rawValue)"><input type="hidden" name="due" value="\(target.due.iso)">\
      <button type="submit" class="secondary">\(context.t("删除", "Delete"))</button></form></td></tr>
      """
    }
    let own: HTML =
      ownRows.isEmpty
      ? "<p class=\"empty\">\(context.t("本中心尚未设置目标，各指标按通知文件的默认目标考核。", "The center has set no targets; the seeds' defaults apply."))</p>"
      : """
      <table class="results" id="center-targets"><thead><tr><th>\(context.t("指标", "Figure"))</th><th class="num">\(context.t("目标", "Target"))</th>\
      <th>\(context.t("期限", "By"))</th><th>\(context.t("说明", "Note"))</th><th></th></tr></thead><tbody>\(ownRows)</tbody></table>
      """
    let seedRows = StatTarget.seedDefaults.map { target -> HTML in
      let replaced = model.centers.contains { $0.figure == target.figure }
      return """
        <tr\(replaced ? " class=\"muted\"" as HTML : .empty)><th scope="row">\(context.t(target.figure.name))</th><td class="num">\(value(target))</td>\
        <td>\(target.due.iso)</td><td>\(target.source)\(replaced ? context.t("（已由本中心目标替代）", " (replaced by the center's)") : "")</td></tr>
        """
    }
    let options = StatFigure.allCases.map { ($0.rawValue, context.t($0.name)) }
    let body: HTML = """
      <h1>\(context.t("统计目标", "Statistics targets"))</h1>
      <p class="lead">\(context.t("目标是一个数值和达标日期。本中心设置的目标替代该指标的默认目标；比率按百分数填写。", "A target is a value and a date. The center's targets replace the seed's for that figure; rates are entered in per cent."))</p>
      \(parts.summary())
      <form method="post" action="\(Links.statisticsTargets)" class="panel" id="target-form">\(context.csrfField)
      <div class="grid3">
      \(parts.select("figure", context.t("指标", "Figure"), options, model.form["figure"] ?? StatFigure.generalWindowRate.rawValue))
      \(parts.text("value", context.t("目标值（比率填百分数，如 80；用时填工作日）", "Target (rates in per cent, e.g. 80; times in working days)"), model.form["value"] ?? "", required: true))
      \(parts.date("due", context.t("达标日期", "By"), model.form["due"] ?? ""))
      </div>
      \(parts.text("note", context.t("依据或说明（如文件名）", "Basis or note (e.g. the document)"), model.form["note"] ?? ""))
      <button type="submit">\(context.t("保存目标", "Save the target"))</button>
      </form>
      <h2>\(context.t("本中心的目标", "The center's targets"))</h2>
      \(own)
      <h2>\(context.t("通知文件的默认目标", "The seeds' default targets"))</h2>
      <table class="results" id="seed-targets"><thead><tr><th>\(context.t("指标", "Figure"))</th><th class="num">\(context.t("目标", "Target"))</th>\
      <th>\(context.t("期限", "By"))</th><th>\(context.t("来源", "Source"))</th></tr></thead><tbody>\(seedRows)</tbody></table>
      <p><a href="\(Links.statistics)">\(context.t("返回中心统计", "Back to the center dashboard"))</a></p>
      """
    return Layout.page(context, title: context.t("统计目标", "Statistics targets"), body: body)
  }
}
