import Foundation
import OneWindowDomain

/// 申诉复核 (supervisors): appeals waiting first, each with the rating, the reason and the evidence, to uphold or void
/// with a reason; then those decided.
public enum AppealsPage {
  public struct Model: Sendable {
    public let appeals: [(EvaluationAppeal, Evaluation)]
    public let errors: [ValidationError]
    public let erroredID: String?
    public let clock: CaseClock
    public let notice: String?

    public init(
      appeals: [(EvaluationAppeal, Evaluation)], errors: [ValidationError], erroredID: String?, clock: CaseClock,
      notice: String?
    ) {
      self.appeals = appeals
      self.errors = errors
      self.erroredID = erroredID
      self.clock = clock
      self.notice = notice
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let clock = model.clock
    let items = model.appeals.map { appeal, e -> HTML in
      let form = FormParts(context: context, errors: model.erroredID == appeal.id ? model.errors : [])
      let decision: HTML =
        appeal.state == .pending
        ? """
        <form method="post" action="\(Links.appealDecision(appeal.id))" class="decide" novalidate>\(context.csrfField)\
        \(form.summary())\(form.area("reason", context.t("复核理由", "Reason for the decision"), ""))\
        <p><button type="submit" name="decision" value="uphold" class="secondary">\(context.t("维持原评价", "Uphold the rating"))</button> \
        <button type="submit" name="decision" value="void">\(context.t("申诉成立，评价作废", "Void the rating"))</button></p></form>
        """
        : "<p><b class=\"appeal-state\">\(context.t(appeal.state.name))</b> \(appeal.decision.map { "\($0.byName) \(clock.time($0.at))：\($0.text)" } ?? "")</p>"
      return """
        <article class="panel appeal" id="appeal-\(appeal.id)">
        <h2>\(context.t(e.level.name)) · \(EvaluationText.about(e, context))</h2>
        <p class="meta">\(context.t(e.channel.name)) · \(clock.time(e.at)) · \(EvaluationText.rater(e.rater, context))</p>
        <p>\(context.t("评价内容：", "Comment: "))\(e.comment.isEmpty ? "—" : e.comment)</p>
        <p>\(appeal.filedByName) \(clock.time(appeal.filedAt)) \(context.t("申诉：", "appealed: "))\(appeal.reason)</p>
        <p>\(context.t("证据：", "Evidence: "))\(appeal.evidence)</p>
        \(decision)
        </article>
        """
    }
    let body: HTML = """
      <h1>\(context.t("申诉复核", "Appeals"))</h1>
      \(model.notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      \(items.isEmpty ? "<p class=\"empty\">\(context.t("没有申诉。", "No appeal."))</p>" as HTML : "\(items)")
      """
    return Layout.page(context, title: context.t("申诉复核", "Appeals"), body: body)
  }
}
