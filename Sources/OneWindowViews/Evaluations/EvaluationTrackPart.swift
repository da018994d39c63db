import Foundation
import OneWindowDomain

/// What a rater sees of their ratings: each one, and for a negative one how its rectification stands — called back,
/// fixed, the result told — with the 再评价 form once the result is told.
public enum EvaluationTrackPart {
  public struct Row: Sendable {
    public let evaluation: Evaluation
    public let entry: Rectification?
    /// The form to rate again, when the result was told and not yet rated again.
    public let again: EvaluationFormPart.Model?

    public init(evaluation: Evaluation, entry: Rectification?, again: EvaluationFormPart.Model?) {
      self.evaluation = evaluation
      self.entry = entry
      self.again = again
    }
  }

  /// `problems`: a refused rating whose form is gone (rated meanwhile, say), told here rather than lost.
  public static func render(
    _ rows: [Row], problems: [ValidationError] = [], clock: CaseClock, _ context: PageContext
  ) -> HTML {
    let told: HTML =
      problems.isEmpty
      ? .empty
      : "<p class=\"field-error\" id=\"rating-error\" role=\"alert\">\(problems.map { context.t($0.message) }.joined(separator: " "))</p>"
    guard !rows.isEmpty else { return told }
    let items = rows.map { row -> HTML in
      let e = row.evaluation
      let progress: HTML =
        row.entry.map { entry in
          var lines: [HTML] = [
            "<li>\(context.t("整改状态：", "Rectification: "))<b class=\"entry-state\">\(context.t(entry.state.name))</b></li>"
          ]
          if let call = entry.callBack {
            lines.append("<li>\(clock.time(call.note.at)) \(context.t("已核实回访", "Called back"))</li>")
          }
          if let fix = entry.fix {
            lines.append(
              "<li>\(clock.time(fix.at)) \(context.t("整改措施：", "What was done: "))<span class=\"fix\">\(fix.measure)</span></li>"
            )
          }
          if let result = entry.result {
            lines.append(
              "<li>\(clock.time(result.at)) \(context.t("结果反馈：", "Result: "))<span class=\"result\">\(result.text)</span></li>"
            )
          }
          if let explanation = entry.explanation {
            lines.append(
              "<li>\(clock.time(explanation.at)) \(context.t("说明：", "Explanation: "))<span class=\"result\">\(explanation.text)</span></li>"
            )
          }
          return "<ul class=\"track\">\(lines)</ul>" as HTML
        } ?? .empty
      return """
        <li class="evaluation" data-level="\(e.level.rawValue)"><b>\(context.t(e.level.name))</b> \
        <span class="meta">\(context.t(e.subject.name)) · \(context.t(e.channel.name)) · \(clock.time(e.at))\
        \(e.followUpOf == nil ? .empty : " · \(context.t("再评价", "rated again"))" as HTML)</span>\
        \(e.comment.isEmpty ? .empty : "<p>\(e.comment)</p>" as HTML)\(progress)\
        \(row.again.map { EvaluationFormPart.render($0, context) } ?? .empty)</li>
        """
    }
    return """
      <section class="panel" id="my-evaluations"><h3>\(context.t("我的评价", "My ratings"))</h3>\(told)
      <ul class="evaluations">\(items)</ul></section>
      """
  }
}
