import Foundation
import OneWindowDomain

/// 人流与排队分析: waiting and service times per group, window and hour, the no-show rate and appointment use, for a
/// site and a period.
public enum HallFiguresPage {
  public struct Model: Sendable {
    public let sites: [(id: String, name: String)]
    public let siteID: String
    public let from: CivilDate
    public let through: CivilDate
    public let figures: HallFigures
    public let groupNames: [String: String]
    public let windowNames: [String: String]
    public let errors: [ValidationError]

    public init(
      sites: [(id: String, name: String)], siteID: String, from: CivilDate, through: CivilDate, figures: HallFigures,
      groupNames: [String: String], windowNames: [String: String], errors: [ValidationError]
    ) {
      self.sites = sites
      self.siteID = siteID
      self.from = from
      self.through = through
      self.figures = figures
      self.groupNames = groupNames
      self.windowNames = windowNames
      self.errors = errors
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    let f = model.figures
    let use = f.appointments
    let body: HTML = """
      <h1>\(context.t("排队与办理分析", "Queue and service figures"))</h1>
      \(parts.summary())
      <form method="get" action="\(Links.hallFigures)" class="panel">
      <div class="grid3">
      \(parts.select("site", context.t("大厅", "Hall"), model.sites.map { ($0.id, $0.name) }, model.siteID))
      \(parts.date("from", context.t("自", "From"), model.from.iso))
      \(parts.date("through", context.t("至", "Through"), model.through.iso))
      </div>
      <button type="submit" class="button">\(context.t("统计", "Show"))</button>
      </form>
      <div class="cards" id="totals">
      <div class="card"><h3>\(context.t("取号", "Tickets"))</h3><p class="big-number">\(String(f.all.tickets))</p></div>
      <div class="card"><h3>\(context.t("平均等候", "Average wait"))</h3><p class="big-number">\(minutes(f.all.averageWait, context))</p></div>
      <div class="card"><h3>\(context.t("平均办理", "Average service"))</h3><p class="big-number">\(minutes(f.all.averageService, context))</p></div>
      <div class="card"><h3>\(context.t("过号率", "No-show rate"))</h3><p class="big-number" id="no-show-rate">\(percent(f.all.noShowRate))</p></div>
      <div class="card"><h3>\(context.t("预约使用", "Appointments"))</h3><p>\(context.t("预约 \(use.booked) · 签到 \(use.checkedIn) · 取消 \(use.cancelled) · 爽约 \(use.missed)", "booked \(use.booked) · checked in \(use.checkedIn) · cancelled \(use.cancelled) · missed \(use.missed)"))</p>\
      <p class="meta">\(context.t("签到率", "Use rate")) \(percent(use.useRate))</p></div>
      </div>
      <h2>\(context.t("按业务分组", "By group"))</h2>
      \(table(f.byGroup, label: { "\($0) \(model.groupNames[$0] ?? "")" }, id: "by-group", context))
      <h2>\(context.t("按窗口", "By window"))</h2>
      \(table(f.byWindow, label: { model.windowNames[$0] ?? $0 }, id: "by-window", context))
      <h2>\(context.t("按取号时段", "By hour taken"))</h2>
      \(table(f.byHour, label: { "\($0):00" }, id: "by-hour", context))
      """
    return Layout.page(context, title: context.t("排队与办理分析", "Queue figures"), body: body)
  }

  static func table(_ lines: [HallFigures.Line], label: (String) -> String, id: String, _ context: PageContext) -> HTML
  {
    guard !lines.isEmpty else {
      return "<p class=\"empty\" id=\"\(id)\">\(context.t("该期间没有取号。", "No tickets in this period."))</p>"
    }
    let rows = lines.map { line -> HTML in
      """
      <tr><td>\(label(line.key))</td><td>\(String(line.tickets))</td><td>\(String(line.served))</td>\
      <td>\(String(line.transferred))</td><td>\(String(line.noShows))</td><td>\(minutes(line.averageWait, context))</td>\
      <td>\(minutes(line.longestWait, context))</td><td>\(minutes(line.averageService, context))</td><td>\(percent(line.noShowRate))</td></tr>
      """
    }
    return """
      <table class="results" id="\(id)"><thead><tr><th></th><th>\(context.t("取号", "Tickets"))</th>\
      <th>\(context.t("办结", "Served"))</th><th>\(context.t("转移", "Transferred"))</th><th>\(context.t("过号", "No-show"))</th>\
      <th>\(context.t("平均等候", "Avg wait"))</th><th>\(context.t("最长等候", "Longest wait"))</th>\
      <th>\(context.t("平均办理", "Avg service"))</th><th>\(context.t("过号率", "No-show rate"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
  }

  static func minutes(_ seconds: TimeInterval?, _ context: PageContext) -> String {
    guard let seconds else { return "—" }
    return String(format: "%.1f", seconds / 60) + context.t(" 分钟", " min")
  }

  static func percent(_ rate: Double?) -> String {
    guard let rate else { return "—" }
    return String(format: "%.1f%%", rate * 100)
  }
}
