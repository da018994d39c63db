import Foundation
import OneWindowDomain

/// The rating form (好差评): the five levels, the channel's indicators, tags, a comment and 匿名. The same form on
/// the status page, the portal, the QR code's page and the service team's phone entry; fields are named as
/// `EvaluationForm.fields` reads them.
public enum EvaluationFormPart {
  public struct Model: Sendable {
    public let id: String
    public let title: String
    public let action: String
    public let hidden: [(String, String)]
    public let channel: EvaluationChannel
    public let errors: [ValidationError]
    public let allowAnonymous: Bool
    /// What was posted, put back after a refusal.
    public let posted: [String: String]
    /// Fields of the caller's own, inside the form before the rating (the phone entry's case and rater).
    public let extra: HTML

    public init(
      id: String, title: String, action: String, hidden: [(String, String)], channel: EvaluationChannel,
      errors: [ValidationError] = [], allowAnonymous: Bool = true, posted: [String: String] = [:],
      extra: HTML = .empty
    ) {
      self.extra = extra
      self.id = id
      self.title = title
      self.action = action
      self.hidden = hidden
      self.channel = channel
      self.errors = errors
      self.allowAnonymous = allowAnonymous
      self.posted = posted
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let p = model.id
    // Each rating form on a page has its own ids, so the error summary's links must name them.
    var form = FormParts(context: context, errors: model.errors)
    form.anchors = ["level": "\(p)-level", "comment": "\(p)-comment"]
    for indicator in EvaluationIndicator.allCases {
      form.anchors["score_\(indicator.rawValue)"] = "\(p)-score_\(indicator.rawValue)"
    }
    let levels = EvaluationLevel.allCases.map { level -> HTML in
      let checked = model.posted["level"] == String(level.rawValue) ? " checked" : ""
      return """
        <label for="\(p)-level-\(level.rawValue)" class="level level-\(level.rawValue)"><input type="radio" \
        id="\(p)-level-\(level.rawValue)" name="level" value="\(level.rawValue)"\(checked)> \(context.t(level.name))</label>
        """
    }
    let indicators = model.channel.indicators.map { indicator -> HTML in
      let field = "score_\(indicator.rawValue)"
      let options =
        [("", context.t("不评", "—"))] + (1...5).reversed().map { (String($0), "\($0) \(context.t("分", ""))") }
      let rendered = options.map { value, name -> HTML in
        "<option value=\"\(value)\"\(model.posted[field] == value ? " selected" : "")>\(name)</option>"
      }
      return """
        <div><label for="\(p)-\(field)">\(context.t(indicator.name))</label>\
        <select id="\(p)-\(field)" name="\(field)"\(form.invalid(field))>\(rendered)</select>\(form.error(field))</div>
        """
    }
    let tags = EvaluationTag.all.enumerated().map { index, tag -> HTML in
      let checked = model.posted["tag_\(index)"] == tag.zh ? " checked" : ""
      return """
        <label><input type="checkbox" name="tag_\(index)" value="\(tag.zh)"\(checked)> \(context.t(tag))</label>
        """
    }
    let hidden = model.hidden.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">" as HTML }
    let anonymous: HTML =
      model.allowAnonymous
      ? """
      <p>\(form.check("anonymous", context.t("匿名评价（不留姓名电话，无法电话回访）", "Rate anonymously (no call back possible)"), model.posted["anonymous"] == "on"))</p>
      """ : .empty
    return """
      <form method="post" action="\(model.action)" class="panel evaluation-form" id="\(p)" novalidate>
      <h3>\(model.title)</h3>
      \(context.csrfField)\(hidden)
      \(form.summary(saves: false))\(model.extra)
      <fieldset class="checks bare levels" id="\(p)-level"><legend>\(context.t("整体满意度", "Overall"))</legend>\(levels)\
      \(form.error("level"))</fieldset>
      <details><summary>\(context.t("分项评价（选填）", "Scores by aspect (optional)"))</summary>
      <div class="form-grid">\(indicators)</div></details>
      <fieldset class="checks bare" id="tags"><legend>\(context.t("标签（选填）", "Tags (optional)"))</legend>\(tags)\
      \(form.error("tags"))</fieldset>
      <div><label for="\(p)-comment">\(context.t("意见建议", "Comment"))</label>\
      <textarea id="\(p)-comment" name="comment" maxlength="\(EvaluationForm.commentLimit)"\(form.invalid("comment"))>\
      \(model.posted["comment"] ?? "")</textarea>\(form.error("comment"))</div>
      \(anonymous)
      <p><button type="submit">\(context.t("提交评价", "Send the rating"))</button></p>
      </form>
      """
  }
}

extension EvaluationForm {
  /// Reads the form `EvaluationFormPart` renders.
  public static func fields(_ posted: [String: String]) -> EvaluationForm {
    EvaluationForm(
      level: posted["level"],
      scores: Dictionary(
        uniqueKeysWithValues: EvaluationIndicator.allCases.compactMap { indicator in
          posted["score_\(indicator.rawValue)"].map { (indicator.rawValue, $0) }
        }),
      tags: posted.filter { $0.key.hasPrefix("tag_") }.map(\.value), comment: posted["comment"] ?? "",
      anonymous: posted["anonymous"] == "on")
  }
}
