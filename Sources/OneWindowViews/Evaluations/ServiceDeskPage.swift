import Foundation
import OneWindowDomain

/// 客服工作台 (好差评): what is the service team's to do today — every open 差评整改 entry, soonest due first, with
/// its light — the phone-rating entry, and the county's figures at a glance.
public enum ServiceDeskPage {
  public struct Row: Sendable {
    public let entry: Rectification
    public let evaluation: Evaluation
    public let warning: WarningLevel
    public let staffName: String?

    public init(entry: Rectification, evaluation: Evaluation, warning: WarningLevel, staffName: String?) {
      self.entry = entry
      self.evaluation = evaluation
      self.warning = warning
      self.staffName = staffName
    }
  }

  public struct Model: Sendable {
    public let rows: [Row]
    public let county: SatisfactionFigures
    public let phoneForm: EvaluationFormPart.Model
    public let clock: CaseClock
    public let notice: String?

    public init(
      rows: [Row], county: SatisfactionFigures, phoneForm: EvaluationFormPart.Model, clock: CaseClock, notice: String?
    ) {
      self.rows = rows
      self.county = county
      self.phoneForm = phoneForm
      self.clock = clock
      self.notice = notice
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let rows = model.rows.map { row -> HTML in
      let e = row.evaluation
      return """
        <tr class="rectification" data-state="\(row.entry.state.rawValue)"><td>\(EvaluationText.light(row.warning, context))</td>\
        <td>\(model.clock.time(row.entry.currentDue))</td><td>\(context.t(row.entry.state.name))</td>\
        <td><b>\(context.t(e.level.name))</b><br><span class="meta">\(context.t(e.channel.name))</span></td>\
        <td>\(EvaluationText.about(e, context))<br><span class="meta">\(e.comment)</span></td>\
        <td>\(row.staffName ?? "—")</td><td>\(EvaluationText.rater(e.rater, context))</td>\
        <td><a class="button" href="\(Links.rectification(row.entry.id))">\(context.t("办理", "Open"))</a></td></tr>
        """
    }
    let list: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"rectifications\">\(context.t("没有待办的差评整改。", "No negative rating waits on you."))</p>"
      : """
      <table class="stacked" id="rectifications"><thead><tr><th>\(context.t("预警", "Light"))</th>\
      <th>\(context.t("本步到期", "Step due"))</th><th>\(context.t("状态", "State"))</th><th>\(context.t("评价", "Rating"))</th>\
      <th>\(context.t("事项与内容", "About"))</th><th>\(context.t("被评价人", "Rated"))</th>\
      <th>\(context.t("评价人", "Rater"))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
      """
    let f = model.county
    let body: HTML = """
      <h1>\(context.t("好差评工作台", "Ratings desk"))</h1>
      \(model.notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      <div class="figures" id="county-figures">\
      <div class="figure"><b>\(f.total)</b>\(context.t("近30天评价", "Ratings, 30 days"))</div>\
      <div class="figure"><b>\(EvaluationText.percent(f.goodRate))</b>\(context.t("好评率", "Good"))</div>\
      <div class="figure"><b>\(EvaluationText.percent(f.rectificationRate))</b>\(context.t("差评整改率", "Rectified"))</div>\
      <div class="figure"><b>\(EvaluationText.percent(f.callBackRate))</b>\(context.t("实名差评回访率", "Called back"))</div></div>
      <p><a href="\(Links.evaluationFigures)">\(context.t("按人员、窗口、部门、场所、事项查看满意度", "Figures by staff, window, department, site, item"))</a> · \
      <a href="\(Links.publicEvaluations)">\(context.t("好差评公示", "Public ratings"))</a></p>
      <h2>\(context.t("待办差评整改（到期早的在前）", "Negative ratings to handle (soonest due first)"))</h2>
      \(list)
      <h2>\(context.t("录入电话评价", "Enter a rating given by phone"))</h2>
      \(EvaluationFormPart.render(model.phoneForm, context))
      """
    return Layout.page(context, title: context.t("好差评工作台", "Ratings desk"), body: body)
  }
}

extension ServiceDeskPage {
  /// The case and the rater of a rating given by phone, inside the rating form.
  public static func phoneFields(
    number: String, name: String, phone: String, errors: [ValidationError], _ context: PageContext
  )
    -> HTML
  {
    let form = FormParts(context: context, errors: errors)
    return """
      <div class="form-grid" id="phone-rater">\
      \(form.text("case_number", context.t("办件编号", "Case number"), number, required: true))\
      \(form.text("rater_name", context.t("评价人姓名", "Rater's name"), name, required: true))\
      \(form.phone("rater_phone", context.t("评价人电话", "Rater's phone"), phone, required: true))</div>
      """
  }
}
