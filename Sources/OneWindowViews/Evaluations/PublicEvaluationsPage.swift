import Foundation
import OneWindowDomain

/// 好差评公示: the public page of recent ratings and the fixes made (raters and staff not named), and the figures per
/// department and site.
public enum PublicEvaluationsPage {
  public struct Model: Sendable {
    public let recent: [(Evaluation, Rectification?)]
    public let departments: [(name: String, figures: SatisfactionFigures)]
    public let sites: [(name: String, figures: SatisfactionFigures)]
    public let policy: EvaluationPolicy
    public let clock: CaseClock

    public init(
      recent: [(Evaluation, Rectification?)], departments: [(name: String, figures: SatisfactionFigures)],
      sites: [(name: String, figures: SatisfactionFigures)], policy: EvaluationPolicy, clock: CaseClock
    ) {
      self.recent = recent
      self.departments = departments
      self.sites = sites
      self.policy = policy
      self.clock = clock
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    func table(_ id: String, _ heading: String, _ rows: [(name: String, figures: SatisfactionFigures)]) -> HTML {
      """
      <table class="stacked" id="\(id)"><thead><tr><th>\(heading)</th>\(SatisfactionCells.headings(context))</tr></thead>\
      <tbody>\(rows.map { "<tr><th scope=\"row\">\($0.name)</th>\(SatisfactionCells.cells($0.figures))</tr>" as HTML })</tbody></table>
      """
    }
    let recent = model.recent.map { e, entry -> HTML in
      let fix: HTML =
        entry.map { entry -> HTML in
          let text = entry.fix?.measure ?? entry.explanation?.text
          return """
            <p class="meta">\(context.t("整改：", "Rectification: "))\(context.t(entry.state.name))\
            \(text.map { "——\($0)" } ?? "")</p>
            """
        } ?? .empty
      return """
        <li class="evaluation" data-level="\(e.level.rawValue)"><b>\(context.t(e.level.name))</b> \
        <span class="meta">\(e.about.itemName ?? context.t(e.subject.name)) · \(context.t(e.channel.name)) · \
        \(model.clock.day(e.at)) · \(e.rater.isRealName ? context.t("实名", "named") : context.t("匿名", "anonymous"))</span>\
        \(e.comment.isEmpty ? .empty : "<p>\(e.comment)</p>" as HTML)\(fix)</li>
        """
    }
    let body: HTML = """
      <h1>\(context.t("好差评公示", "Ratings and fixes"))</h1>
      <p class="lead">\(context.t("每一条差评都登记整改、回访并向评价人反馈结果。以下为近 90 天的评价和整改情况。", "Every negative rating is put right, called back and answered. These are the last 90 days."))</p>
      <h2>\(context.t("各部门", "By department"))</h2>\(table("by-department", context.t("部门", "Department"), model.departments))
      <h2>\(context.t("各服务场所", "By site"))</h2>\(table("by-site", context.t("场所", "Site"), model.sites))
      \(SatisfactionFiguresPage.definitions(model.policy, context))
      <h2>\(context.t("最新评价", "Latest ratings"))</h2>
      \(recent.isEmpty ? "<p class=\"empty\">\(context.t("暂无评价。", "No rating yet."))</p>" as HTML : "<ul class=\"evaluations\" id=\"recent\">\(recent)</ul>")
      """
    return Layout.page(context, title: context.t("好差评公示", "Ratings and fixes"), body: body)
  }
}
