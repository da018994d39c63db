import Foundation
import OneWindowDomain

/// One 差评整改 entry: the rating and what it was about, each step taken (who, when, what), its deadlines and light,
/// and the form for the step it waits on, for whoever may take it (the service team, or the person assigned).
public enum RectificationPage {
  public struct Model: Sendable {
    public let entry: Rectification
    public let evaluation: Evaluation
    public let warning: WarningLevel
    public let names: [String: String]
    /// The people a fix can be assigned to: (value "department|staff", label).
    public let assignees: [(String, String)]
    public let mayServe: Bool
    public let mayFix: Bool
    public let errors: [ValidationError]
    public let clock: CaseClock

    public init(
      entry: Rectification, evaluation: Evaluation, warning: WarningLevel, names: [String: String],
      assignees: [(String, String)], mayServe: Bool, mayFix: Bool, errors: [ValidationError], clock: CaseClock
    ) {
      self.entry = entry
      self.evaluation = evaluation
      self.warning = warning
      self.names = names
      self.assignees = assignees
      self.mayServe = mayServe
      self.mayFix = mayFix
      self.errors = errors
      self.clock = clock
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let e = model.evaluation
    let r = model.entry
    let clock = model.clock
    let form = FormParts(context: context, errors: model.errors)
    func name(_ id: String?) -> String { id.flatMap { model.names[$0] } ?? id ?? "—" }
    var steps: [HTML] = [
      "<li>\(clock.time(r.openedAt)) \(context.t("收到差评，登记整改台账", "Negative rating received; entry opened"))</li>"
    ]
    if let call = r.callBack {
      steps.append(
        """
        <li>\(clock.time(call.note.at)) \(call.note.byName) \(context.t("核实回访", "verified and called back"))\
        （\(call.reached ? context.t("已联系到评价人", "rater reached") : context.t("未联系到评价人", "rater not reached"))，\
        \(call.founded ? context.t("情况属实", "founded") : context.t("情况不属实", "unfounded"))）：\(call.note.text)</li>
        """)
    }
    if let a = r.assignment {
      steps.append(
        "<li>\(clock.time(a.by.at)) \(a.by.byName) \(context.t("交办", "assigned to")) \(name(a.departmentID)) · \(a.staffName)</li>"
      )
    }
    if let fix = r.fix {
      steps.append(
        """
        <li>\(clock.time(fix.at)) \(fix.byName) \(context.t("整改", "fixed"))：\(context.t("原因", "cause"))「\(fix.cause)」，\
        \(context.t("措施", "measure"))「\(fix.measure)」</li>
        """)
    }
    if let result = r.result {
      steps.append(
        "<li>\(clock.time(result.at)) \(result.byName) \(context.t("反馈评价人", "told the rater"))：\(result.text)</li>")
    }
    if let explanation = r.explanation, r.state == .voided {
      steps.append(
        "<li>\(clock.time(explanation.at)) \(explanation.byName) \(context.t("申诉复核：评价作废", "appeal: rating voided"))：\(explanation.text)</li>"
      )
    }
    let action = Links.rectification(r.id)
    func stepForm(_ step: String, _ title: String, _ fields: HTML, _ button: String) -> HTML {
      """
      <form method="post" action="\(action)" class="panel" id="step-\(step)" novalidate>\(context.csrfField)
      <input type="hidden" name="step" value="\(step)"><h2>\(title)</h2>\(form.summary())\(fields)
      <p><button type="submit">\(button)</button></p></form>
      """
    }
    var next: HTML = .empty
    switch r.state {
    case .callBack where model.mayServe:
      next = stepForm(
        "call_back", context.t("核实与回访", "Verify and call back"),
        """
        \(form.area("note", context.t("核实与回访情况", "What was verified and said"), ""))
        <p>\(form.check("reached", context.t("已电话联系到评价人", "The rater was reached by phone"), e.rater.isRealName))</p>
        <fieldset class="checks bare" id="founded"><legend>\(context.t("核实结论", "Finding"))</legend>\
        <label><input type="radio" name="founded" value="yes" checked> \(context.t("属实，需整改", "Founded: to be fixed"))</label>\
        <label><input type="radio" name="founded" value="no"> \(context.t("不属实，已向评价人解释", "Unfounded: explained to the rater"))</label></fieldset>
        """, context.t("保存回访记录", "Save"))
    case .assign where model.mayServe, .fix where model.mayServe && !model.mayFix:
      next = stepForm(
        "assign", r.state == .assign ? context.t("交办整改", "Assign the fix") : context.t("改派整改责任人", "Reassign"),
        form.select(
          "assignee", context.t("责任部门与责任人", "Department and person responsible"),
          [("", context.t("请选择", "Choose"))] + model.assignees, ""),
        context.t("交办", "Assign"))
    case .fix where model.mayFix:
      next = stepForm(
        "fix", context.t("填写整改情况", "Record the fix"),
        """
        \(form.area("cause", context.t("问题原因", "Cause"), ""))
        \(form.area("measure", context.t("整改措施与结果", "What was done"), ""))
        """, context.t("提交整改情况", "Send"))
    case .feedback where model.mayServe:
      next = stepForm(
        "result", context.t("反馈评价人", "Tell the rater"),
        form.area("note", context.t("向评价人反馈的内容及其意见", "What the rater was told, and what they said"), ""),
        context.t("办结", "Close"))
    default:
      break
    }
    let tags = e.tags.isEmpty ? "" : " · " + e.tags.joined(separator: "、")
    let body: HTML = """
      <h1>\(context.t("差评整改", "Rectification"))</h1>
      <section class="panel" id="entry">
      <p>\(EvaluationText.light(model.warning, context)) <b id="entry-state">\(context.t(r.state.name))</b></p>
      <table class="facts"><tbody>
      <tr><th scope="row">\(context.t("评价", "Rating"))</th><td><b>\(context.t(e.level.name))</b>\(tags)</td></tr>
      <tr><th scope="row">\(context.t("评价内容", "Comment"))</th><td>\(e.comment.isEmpty ? "—" : e.comment)</td></tr>
      <tr><th scope="row">\(context.t("渠道与时间", "Channel, time"))</th><td>\(context.t(e.channel.name)) · \(clock.time(e.at))</td></tr>
      <tr><th scope="row">\(context.t("评价人", "Rater"))</th><td>\(e.rater.isRealName ? "\(e.rater.name) \(e.rater.phone)" : context.t("匿名", "Anonymous"))</td></tr>
      <tr><th scope="row">\(context.t("事项与办件", "Item, case"))</th><td>\(EvaluationText.about(e, context))\
      \(e.about.caseNumber.map { " <a href=\"\(Links.casePage($0))\">\(context.t("查看办件", "Open the case"))</a>" as HTML } ?? .empty)</td></tr>
      <tr><th scope="row">\(context.t("被评价人、窗口、部门", "Staff, window, department"))</th>\
      <td>\(name(e.about.staffID)) · \(name(e.about.windowID)) · \(name(e.about.departmentID))</td></tr>
      <tr><th scope="row">\(context.t("回访时限", "Call back by"))</th><td>\(clock.time(r.callBackDue))</td></tr>
      <tr><th scope="row">\(context.t("整改时限", "Fix by"))</th><td>\(clock.time(r.fixDue))</td></tr>
      </tbody></table>
      <h2>\(context.t("办理记录", "Steps"))</h2><ol class="trail" id="entry-steps">\(steps)</ol>
      </section>
      \(next)
      """
    return Layout.page(context, title: context.t("差评整改", "Rectification"), body: body)
  }
}
