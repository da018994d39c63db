import Foundation
import OneWindowDomain

/// 考核: the ranked table of a period for clerks, windows, departments, towns or agents — each subject's score, the
/// criteria it rests on and their shares — with the weights the center set (editable by its administrator) and an
/// .xlsx export.
public enum AssessmentPage {
  public struct Model: Sendable {
    public let subject: Assessment.Subject
    public let period: StatPeriod
    public let assessment: Assessment
    public let weights: [Assessment.Criterion: Int]
    /// Whether the weights are the center's own (false: the defaults).
    public let weightsAreCenters: Bool
    public let mayEditWeights: Bool
    public let errors: [ValidationError]
    public let form: [String: String]

    public init(
      subject: Assessment.Subject, period: StatPeriod, assessment: Assessment, weights: [Assessment.Criterion: Int],
      weightsAreCenters: Bool, mayEditWeights: Bool, errors: [ValidationError] = [], form: [String: String] = [:]
    ) {
      self.subject = subject
      self.period = period
      self.assessment = assessment
      self.weights = weights
      self.weightsAreCenters = weightsAreCenters
      self.mayEditWeights = mayEditWeights
      self.errors = errors
      self.form = form
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let criteria = Assessment.Criterion.allCases
    let query = { (subject: Assessment.Subject) in
      Links.assessment + Links.query([("by", subject.rawValue), ("period", model.period.code)])
    }
    let tabs = Assessment.Subject.allCases.map { subject -> HTML in
      subject == model.subject
        ? "<b aria-current=\"page\">\(context.t(subject.name))</b> "
        : "<a href=\"\(query(subject))\">\(context.t(subject.name))</a> "
    }
    let headings = criteria.map { c -> HTML in
      "<th class=\"num\" title=\"\(context.t(c.definition))\">\(context.t(c.name))<br><span class=\"meta\">×\(model.weights[c] ?? 0)</span></th>"
    }
    let rows = model.assessment.lines.map { line -> HTML in
      let cells = criteria.map { c -> HTML in
        "<td class=\"num\" data-label=\"\(context.t(c.name))\">\(StatText.percent(line.shares[c]))</td>"
      }
      return """
        <tr data-key="\(line.record.key)"><td class="num" data-label="\(context.t("名次", "Rank"))">\(line.rank.map(String.init) ?? (line.score == nil ? "—" : context.t("依据不足", "Too little data")))</td>\
        <th scope="row">\(line.record.name)</th>\
        <td class="num score" data-label="\(context.t("得分", "Score"))">\(line.score.map { String(format: "%.1f", $0) } ?? "—")</td>\
        <td class="num" data-label="\(context.t("依据项数", "Criteria known"))">\(line.shares.count)/\(criteria.count)</td>\
        <td class="num" data-label="\(context.t("经手件数", "Cases handled"))">\(line.record.handled)</td>\(cells)</tr>
        """
    }
    let table: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"assessment\">\(context.t("本期没有可考核的数据。", "Nothing to assess in this period."))</p>"
      : """
      <table class="stacked" id="assessment"><thead><tr><th class="num">\(context.t("名次", "Rank"))</th>\
      <th>\(context.t(model.subject.name))</th><th class="num">\(context.t("得分", "Score"))</th>\
      <th class="num">\(context.t("依据项数", "Criteria known"))</th><th class="num">\(context.t("经手件数", "Cases handled"))</th>\
      \(headings)</tr></thead><tbody>\(rows)</tbody></table>
      """
    let body: HTML = """
      <h1>\(context.t("考核", "Assessment")) · \(context.t(model.subject.name))</h1>
      <p class="lead" id="assessment-period">\(context.t("考核期间", "Period"))：\(model.period.from.iso) — \(model.period.through.iso)</p>
      <p class="tabs">\(tabs)</p>
      <form method="get" action="\(Links.assessment)" class="panel no-print">
      <input type="hidden" name="by" value="\(model.subject.rawValue)">
      <label for="period">\(context.t("期间（如 2026-11、2026-Q4、2026）", "Period (2026-11, 2026-Q4, 2026)"))</label>
      <input id="period" name="period" value="\(model.period.code)" autocomplete="off">
      <button type="submit">\(context.t("考核", "Assess"))</button>
      <a href="\(Links.assessment).xlsx\(Links.query([("by", model.subject.rawValue), ("period", model.period.code)]))" download>\(context.t("导出 Excel", "Export .xlsx"))</a>
      </form>
      \(table)
      <p class="meta">\(context.t("得分 = Σ（权重 × 指标值）÷ 已知指标的权重之和 × 100；没有数据的指标不计入，也不扣分；已知指标的权重不足一半的，列出得分但不排名（依据不足）。同分（保留一位小数）名次相同。", "Score = Σ(weight × share) ÷ the weights of the known criteria × 100; a criterion with nothing to count is left out, not counted as 0; a score resting on less than half the weights is shown but not ranked. Equal scores (to one decimal) share a rank."))</p>
      \(weightsSection(model, context))
      """
    return Layout.page(context, title: context.t("考核", "Assessment"), body: body)
  }

  private static func weightsSection(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    let rows = Assessment.Criterion.allCases.map { c -> HTML in
      let value = model.form[c.rawValue] ?? String(model.weights[c] ?? 0)
      let input: HTML =
        model.mayEditWeights
        ? "<input name=\"\(c.rawValue)\" id=\"weight-\(c.rawValue)\" value=\"\(value)\" inputmode=\"numeric\" size=\"4\"\(parts.invalid(c.rawValue))>\(parts.error(c.rawValue))"
        : "\(value)"
      return """
        <tr><th scope="row"><label for="weight-\(c.rawValue)">\(context.t(c.name))</label></th><td>\(input)</td>\
        <td class="definition">\(context.t(c.definition))</td></tr>
        """
    }
    let note =
      model.weightsAreCenters
      ? context.t("本中心设置的权重。", "The center's weights.")
      : context.t("默认权重（本中心尚未设置）。", "The default weights (the center has set none).")
    let table: HTML = """
      <table class="results" id="weights"><thead><tr><th>\(context.t("指标", "Criterion"))</th><th>\(context.t("权重", "Weight"))</th>\
      <th>\(context.t("口径", "Definition"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
    guard model.mayEditWeights else {
      return
        "<section id=\"assessment-weights\"><h2>\(context.t("权重", "Weights"))</h2><p class=\"meta\">\(note)</p>\(table)</section>"
    }
    return """
      <section id="assessment-weights"><h2>\(context.t("权重", "Weights"))</h2><p class="meta">\(note)</p>
      \(parts.summary())
      <form method="post" action="\(Links.assessment)/weights" id="weights-form">\(context.csrfField)
      <input type="hidden" name="by" value="\(model.subject.rawValue)"><input type="hidden" name="period" value="\(model.period.code)">
      \(table)
      <button type="submit">\(context.t("保存权重", "Save the weights"))</button></form></section>
      """
  }
}
