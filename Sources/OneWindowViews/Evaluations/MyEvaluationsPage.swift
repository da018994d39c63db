import Foundation
import OneWindowDomain

/// 我的评价与整改 (any staff member): the fixes assigned to me, and the ratings about me with my figures, each negative
/// one appealable once (申诉复核) with the reason and the evidence.
public enum MyEvaluationsPage {
  public struct Rated: Sendable {
    public let evaluation: Evaluation
    public let appeal: EvaluationAppeal?

    public init(evaluation: Evaluation, appeal: EvaluationAppeal?) {
      self.evaluation = evaluation
      self.appeal = appeal
    }
  }

  public struct Model: Sendable {
    public let assigned: [(Rectification, Evaluation)]
    public let rated: [Rated]
    public let figures: SatisfactionFigures
    public let errors: [ValidationError]
    public let erroredID: String?
    public let clock: CaseClock
    public let notice: String?

    public init(
      assigned: [(Rectification, Evaluation)], rated: [Rated], figures: SatisfactionFigures, errors: [ValidationError],
      erroredID: String?, clock: CaseClock, notice: String?
    ) {
      self.assigned = assigned
      self.rated = rated
      self.figures = figures
      self.errors = errors
      self.erroredID = erroredID
      self.clock = clock
      self.notice = notice
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let clock = model.clock
    let assigned = model.assigned.map { entry, e -> HTML in
      """
      <li><a href="\(Links.rectification(entry.id))">\(context.t(e.level.name)) · \(EvaluationText.about(e, context))</a> \
      <span class="meta">\(context.t("整改时限", "fix by")) \(clock.time(entry.fixDue))</span></li>
      """
    }
    let rows = model.rated.map { rated -> HTML in
      let e = rated.evaluation
      let appeal: HTML
      if let a = rated.appeal {
        appeal = "<b class=\"appeal-state\">\(context.t(a.state.name))</b>\(a.decision.map { "：\($0.text)" } ?? "")"
      } else if e.level.isPositive || e.voided {
        appeal = .empty
      } else {
        let form = FormParts(context: context, errors: model.erroredID == e.id ? model.errors : [])
        appeal = """
          <details\(model.erroredID == e.id ? " open" : "")><summary>\(context.t("申诉", "Appeal"))</summary>\
          <form method="post" action="\(Links.evaluationAppeal(e.id))" class="appeal" novalidate>\(context.csrfField)\
          \(form.summary())\(form.area("reason", context.t("申诉理由", "Reason"), ""))\
          \(form.area("evidence", context.t("证据（录音录像、办件记录等的说明）", "Evidence (recordings, the case's trail)"), ""))\
          <p><button type="submit">\(context.t("提交申诉", "Appeal"))</button></p></form></details>
          """
      }
      return """
        <tr data-evaluation="\(e.id)"><td>\(clock.time(e.at))</td><td><b>\(context.t(e.level.name))</b>\(e.voided ? "（\(context.t("已作废", "voided"))）" : "")</td>\
        <td>\(context.t(e.channel.name))</td><td>\(EvaluationText.about(e, context))<br><span class="meta">\(e.comment)</span></td>\
        <td>\(appeal)</td></tr>
        """
    }
    let body: HTML = """
      <h1>\(context.t("我的评价与整改", "My ratings and fixes"))</h1>
      \(model.notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      <h2>\(context.t("交办给我的整改", "Fixes assigned to me"))</h2>
      \(assigned.isEmpty ? "<p class=\"empty\">\(context.t("没有交办给您的整改。", "Nothing is assigned to you."))</p>" as HTML : "<ul id=\"assigned\">\(assigned)</ul>")
      <h2>\(context.t("对我的评价（近90天）", "Ratings about me (90 days)"))</h2>
      <table class="stacked" id="my-figures"><thead><tr>\(SatisfactionCells.headings(context))</tr></thead>\
      <tbody><tr>\(SatisfactionCells.cells(model.figures))</tr></tbody></table>
      \(rows.isEmpty ? "<p class=\"empty\">\(context.t("还没有对您的评价。", "No rating about you yet."))</p>" as HTML : """
      <table class="stacked" id="rated"><thead><tr><th>\(context.t("时间", "When"))</th><th>\(context.t("评价", "Rating"))</th>\
      <th>\(context.t("渠道", "Channel"))</th><th>\(context.t("内容", "About"))</th><th>\(context.t("申诉", "Appeal"))</th></tr></thead>\
      <tbody>\(rows)</tbody></table>
      """)
      """
    return Layout.page(context, title: context.t("我的评价与整改", "My ratings and fixes"), body: body)
  }
}
