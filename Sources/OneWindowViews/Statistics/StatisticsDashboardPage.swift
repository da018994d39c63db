import Foundation
import OneWindowDomain

/// 统计 dashboards — the center's, a department's and a town's: the seeds' targets next to the actual figures, every
/// figure with its definition, the trend by week or month as server-drawn charts, the breakdown by department, town,
/// site or staff member, and the top items by volume, by late decisions and by negative ratings. The same page, with
/// `isReport`, is the printable monthly report.
public enum StatisticsDashboardPage {
  public enum Kind: String, Sendable {
    case center, department, town

    public var name: LocalizedText {
      switch self {
      case .center: LocalizedText(zh: "中心统计", en: "Center dashboard")
      case .department: LocalizedText(zh: "部门统计", en: "Department dashboard")
      case .town: LocalizedText(zh: "镇街统计", en: "Town dashboard")
      }
    }
  }

  public struct FigureLine: Sendable {
    public let figure: StatFigure
    public let value: FigureValue
    public let target: StatTarget?
    public let standing: StatTarget.Standing?

    public init(figure: StatFigure, value: FigureValue, target: StatTarget?, standing: StatTarget.Standing?) {
      self.figure = figure
      self.value = value
      self.target = target
      self.standing = standing
    }
  }

  /// One line of a breakdown table.
  public struct Row: Sendable {
    public let key: String
    public let name: String
    public let link: String?
    public let tally: CaseTally
    public let ratings: SatisfactionFigures?

    public init(key: String, name: String, link: String?, tally: CaseTally, ratings: SatisfactionFigures?) {
      self.key = key
      self.name = name
      self.link = link
      self.tally = tally
      self.ratings = ratings
    }
  }

  public struct Breakdown: Sendable {
    public let id: String
    public let heading: LocalizedText
    public let rows: [Row]

    public init(id: String, heading: LocalizedText, rows: [Row]) {
      self.id = id
      self.heading = heading
      self.rows = rows
    }
  }

  public struct ItemLine: Sendable {
    public let code: String
    public let name: String
    public let filed: Int
    public let concluded: Int
    public let late: Int
    public let negatives: Int
    public let ratings: Int

    public init(code: String, name: String, filed: Int, concluded: Int, late: Int, negatives: Int, ratings: Int) {
      self.code = code
      self.name = name
      self.filed = filed
      self.concluded = concluded
      self.late = late
      self.negatives = negatives
      self.ratings = ratings
    }
  }

  public struct Model: Sendable {
    public let kind: Kind
    /// The scope's name: the county, the department, the town.
    public let scopeName: String
    /// This dashboard's address, without its query.
    public let path: String
    public let period: StatPeriod
    public let trendStep: TrendStep
    public let figures: [FigureLine]
    public let trend: [(label: String, tally: CaseTally)]
    public let breakdowns: [Breakdown]
    public let topByVolume: [ItemLine]
    public let topByLate: [ItemLine]
    public let topByNegative: [ItemLine]
    /// When the rollup last read the trail (nil: not yet).
    public let foldedAt: Date?
    public let clock: CaseClock
    public let isReport: Bool
    /// Whether the viewer may set targets (the center's administrator).
    public let mayEditTargets: Bool
    /// 诉求 filed in the period (the center's dashboard and report): by kind, answered in time, satisfied, 群众点菜.
    public let inquiries: InquiryFigures?

    public init(
      kind: Kind, scopeName: String, path: String, period: StatPeriod, trendStep: TrendStep, figures: [FigureLine],
      trend: [(label: String, tally: CaseTally)], breakdowns: [Breakdown], topByVolume: [ItemLine],
      topByLate: [ItemLine], topByNegative: [ItemLine], foldedAt: Date?, clock: CaseClock, isReport: Bool,
      mayEditTargets: Bool, inquiries: InquiryFigures? = nil
    ) {
      self.inquiries = inquiries
      self.kind = kind
      self.scopeName = scopeName
      self.path = path
      self.period = period
      self.trendStep = trendStep
      self.figures = figures
      self.trend = trend
      self.breakdowns = breakdowns
      self.topByVolume = topByVolume
      self.topByLate = topByLate
      self.topByNegative = topByNegative
      self.foldedAt = foldedAt
      self.clock = clock
      self.isReport = isReport
      self.mayEditTargets = mayEditTargets
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let title =
      model.isReport
      ? context.t(
        "\(model.scopeName) 政务服务月度统计报告 \(model.period.code)", "\(model.scopeName) monthly report \(model.period.code)")
      : "\(context.t(model.kind.name)) · \(model.scopeName)"
    let body: HTML = """
      <h1 id="dashboard-title">\(title)</h1>
      <p class="lead" id="dashboard-period">\(context.t("统计期间", "Period"))：\(model.period.from.iso) — \(model.period.through.iso)\
       · \(freshness(model, context))</p>
      \(model.isReport ? .empty : controls(model, context))
      \(targets(model, context))
      \(trend(model, context))
      \(figureTables(model, context))
      \(HTML.join(model.breakdowns.map { breakdown($0, model, context) }))
      \(topItems(model, context))
      \(model.inquiries.map { inquiries($0, context) } ?? .empty)
      """
    return Layout.page(context, title: title, body: body)
  }

  /// 诉求 of the period, each line with what it counts.
  private static func inquiries(_ f: InquiryFigures, _ context: PageContext) -> HTML {
    let lines = inquiryLines(f, context).map {
      "<tr><th scope=\"row\">\($0.name)</th><td>\($0.value)</td><td class=\"meta\">\($0.definition)</td></tr>" as HTML
    }
    return """
      <section class="panel" id="inquiry-figures"><h2>\(context.t("咨询投诉与群众点菜（按提交时间）", "Inquiries and requests (by filing date)"))</h2>
      <table class="figure-table"><thead><tr><th>\(context.t("指标", "Figure"))</th><th>\(context.t("数值", "Value"))</th>\
      <th>\(context.t("口径", "Definition"))</th></tr></thead><tbody>\(lines)</tbody></table></section>
      """
  }

  /// The 诉求 lines of the dashboard and the monthly report's sheet: name, value (unknown as —) and definition.
  public static func inquiryLines(_ f: InquiryFigures, _ context: PageContext) -> [(
    name: String, value: String, definition: String
  )] {
    let percent = { (value: Double?) -> String in value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
    let kinds = InquiryKind.allCases.map { "\(context.t($0.name)) \(f.filed[$0] ?? 0)" }.joined(separator: "，")
    let rows: [(String, String, String)] = [
      (context.t("诉求总数", "Inquiries filed"), "\(f.total)", kinds),
      (
        context.t("按期答复率", "Answered in time"), percent(f.onTimeRate),
        context.t(
          "期限内答复的 ÷ 已答复的（期限按类型，含批准的延期；重新办理的以最后一次答复计）",
          "answered by the limit ÷ answered (limit by kind, with an approved extension; a reopened one by its last answer)"
        )
      ),
      (
        context.t("诉求满意率", "Satisfied with the answer"), percent(f.satisfactionRate),
        context.t("满意和基本满意 ÷ 已评价的（未评价的不计）", "satisfied or fairly satisfied ÷ rated (unrated ones not counted)")
      ),
      (
        context.t("不满意重办", "Reopened"), "\(f.reopened)",
        context.t("投诉评价不满意后重新交办的", "complaints reopened after an unsatisfied rating")
      ),
      (
        context.t("群众点菜已公开答复 / 已落实", "Requests answered in public / done"),
        "\(f.requestsPublished) / \(f.requestsDone)",
        context.t("公开答复的群众点菜；写明落实情况的为已落实", "requests answered in public; done when what was done is written")
      ),
    ]
    return rows.map { (name: $0.0, value: $0.1, definition: $0.2) }
  }

  private static func freshness(_ model: Model, _ context: PageContext) -> String {
    guard let at = model.foldedAt else {
      return context.t("办件数据尚未汇总（后台每分钟汇总一次）", "Case figures not yet rolled up (the worker does so every minute)")
    }
    return context.t(
      "办件数据汇总至 \(model.clock.time(at))（每分钟更新）", "Case figures rolled up at \(model.clock.time(at)) (every minute)")
  }

  private static func link(_ model: Model, period: String? = nil, trend: TrendStep? = nil) -> String {
    model.path
      + Links.query([
        ("period", period ?? model.period.code), ("trend", (trend ?? model.trendStep).rawValue),
      ])
  }

  private static func controls(_ model: Model, _ context: PageContext) -> HTML {
    let today = model.clock.today
    let thisMonth = StatPeriod.month(containing: today)
    let lastMonth = StatPeriod.month(containing: thisMonth.from.adding(days: -1))
    let year = String(today.components.year)
    let quarter = "\(year)-Q\((today.components.month - 1) / 3 + 1)"
    let last12 = "\(StatPeriod.month(containing: today.adding(days: -334)).from.iso)..\(today.iso)"
    let quick: [(String, String, String)] = [
      (thisMonth.code, "本月", "This month"), (lastMonth.code, "上月", "Last month"), (quarter, "本季度", "This quarter"),
      (year, "本年", "This year"), (last12, "近12个月", "Last 12 months"),
    ]
    let quickLinks = quick.map { code, zh, en -> HTML in
      code == model.period.code
        ? "<b aria-current=\"page\">\(context.t(zh, en))</b> "
        : "<a href=\"\(link(model, period: code))\">\(context.t(zh, en))</a> "
    }
    let trendLinks = TrendStep.allCases.map { step -> HTML in
      step == model.trendStep
        ? "<b aria-current=\"page\">\(context.t(step.name))</b> "
        : "<a href=\"\(link(model, trend: step))\">\(context.t(step.name))</a> "
    }
    let exportQuery = Links.query([("period", model.period.code)])
    return """
      <form method="get" action="\(model.path)" class="panel no-print" id="period-form">
      <p class="tabs">\(quickLinks)</p>
      <label for="period">\(context.t("期间（如 2026-11、2026-Q4、2026、2026-W47，或 2026-01-01..2026-03-31）", "Period (2026-11, 2026-Q4, 2026, 2026-W47, or 2026-01-01..2026-03-31)"))</label>
      <input id="period" name="period" value="\(model.period.code)" autocomplete="off">
      <input type="hidden" name="trend" value="\(model.trendStep.rawValue)">
      <button type="submit">\(context.t("统计", "Show"))</button>
      <p class="meta">\(context.t("趋势", "Trend"))：\(trendLinks)</p>
      <p class="meta">\(context.t("导出", "Export"))：<a href="\(model.path)/figures.xlsx\(exportQuery)" download>\(context.t("指标表 Excel", "Figures .xlsx"))</a> · \
      <a href="\(model.path)/figures.csv\(exportQuery)" download>CSV</a>\
      \(model.breakdowns.map { b -> HTML in " · <a href=\"\(model.path)/\(b.id).xlsx\(exportQuery)\" download>\(context.t(b.heading)) Excel</a> · <a href=\"\(model.path)/\(b.id).csv\(exportQuery)\" download>CSV</a>" })\
      \(model.kind == .center ? " · <a href=\"\(Links.statisticsReport)?month=\(StatPeriod.month(containing: model.period.through).code)\">\(context.t("月度报告（可打印）", "Monthly report (printable)"))</a>" as HTML : .empty)</p>
      </form>
      """
  }

  private static func targets(_ model: Model, _ context: PageContext) -> HTML {
    let lines = model.figures.filter { $0.target != nil }
    guard !lines.isEmpty else { return .empty }
    let rows = lines.map { line -> HTML in
      let target = line.target!
      let standing = line.standing ?? .unknown
      return """
        <tr id="target-\(line.figure.rawValue)"><th scope="row">\(context.t(line.figure.name))</th>\
        <td class="num" data-label="\(context.t("实绩", "Actual"))" data-value="\(line.value.value.map { String($0) } ?? "")">\(StatText.value(line.figure, line.value.value, context))</td>\
        <td class="num" data-label="\(context.t("目标", "Target"))">\(StatText.value(line.figure, target.value, context))</td>\
        <td data-label="\(context.t("期限", "By"))">\(target.due.iso)</td>\
        <td data-label="\(context.t("来源", "Source"))">\(target.isCenters ? context.t("本中心：", "Center: ") + target.source : target.source)</td>\
        <td data-label="\(context.t("状态", "Standing"))"><span class="standing standing-\(standing.rawValue)">\(context.t(standing.name))</span></td></tr>
        """
    }
    let edit: HTML =
      model.mayEditTargets && !model.isReport
      ? "<p class=\"no-print\"><a href=\"\(Links.statisticsTargets)\">\(context.t("设置本中心的目标", "Set the center's targets"))</a></p>"
      : .empty
    return """
      <section id="targets"><h2>\(context.t("目标与实绩", "Targets and actual figures"))</h2>
      <table class="stacked"><thead><tr><th>\(context.t("指标", "Figure"))</th><th class="num">\(context.t("实绩", "Actual"))</th>\
      <th class="num">\(context.t("目标", "Target"))</th><th>\(context.t("期限", "By"))</th><th>\(context.t("来源", "Source"))</th>\
      <th>\(context.t("状态", "Standing"))</th></tr></thead><tbody>\(rows)</tbody></table>
      <p class="meta">\(context.t("分期目标（如一窗综办率2023年6月底80%、9月底100%）按当前日期之后最近的一期考核，期限均已过的按最后一期。", "A staged target (一窗综办 80 % by June, 100 % by September 2023) is read at its next date, or its last once all have passed."))</p>
      \(edit)</section>
      """
  }

  private static func trend(_ model: Model, _ context: PageContext) -> HTML {
    guard !model.trend.isEmpty else { return .empty }
    let labels = model.trend.map { label in
      model.trendStep == .month ? String(label.label.suffix(5)) : String(label.label.suffix(3))
    }
    let counts = SVGChart.lines(
      id: "trend-cases", title: context.t("办件量趋势", "Cases over time"), labels: labels,
      series: [
        SVGChart.Series(name: context.t("申报", "Filed"), values: model.trend.map { Double($0.tally.filed) }),
        SVGChart.Series(name: context.t("办结", "Concluded"), values: model.trend.map { Double($0.tally.concluded) }),
        SVGChart.Series(
          name: context.t("网上申报", "Filed online"), values: model.trend.map { Double($0.tally.filedOnline) }),
      ], scale: .count)
    func rate(_ n: (CaseTally) -> Int, _ d: (CaseTally) -> Int) -> [Double?] {
      model.trend.map { d($0.tally) > 0 ? Double(n($0.tally)) / Double(d($0.tally)) : nil }
    }
    let rates = SVGChart.lines(
      id: "trend-rates", title: context.t("主要比率趋势", "Rates over time"), labels: labels,
      series: [
        SVGChart.Series(name: context.t("网上申报率", "Filed online"), values: rate(\.filedOnline, \.filed)),
        SVGChart.Series(name: context.t("超期率", "Decided late"), values: rate(\.decidedLate, \.concluded)),
        SVGChart.Series(name: context.t("提前办结率", "Decided early"), values: rate(\.decidedEarly, \.concluded)),
        SVGChart.Series(
          name: context.t("综合一窗受理率", "General windows"), values: rate(\.acceptedAtGeneralWindow, \.acceptedAtWindow)),
      ], scale: .percent)
    let rows = model.trend.map { line -> HTML in
      let t = line.tally
      return """
        <tr><th scope="row">\(line.label)</th><td class="num">\(t.filed)</td><td class="num">\(t.filedOnline)</td>\
        <td class="num">\(t.accepted)</td><td class="num">\(t.concluded)</td><td class="num">\(StatText.rate(t.decidedLate, t.concluded))</td>\
        <td class="num">\(t.averageWorkingDays.map(StatText.decimal) ?? "—")</td></tr>
        """
    }
    return """
      <section id="trend"><h2>\(context.t("趋势", "Trend"))（\(context.t(model.trendStep.name))）</h2>
      <div class="charts">\(counts)\(rates)</div>
      <details\(model.isReport ? " open" as HTML : " class=\"no-print\"")><summary>\(context.t("趋势数据表", "Trend table"))</summary>
      <table class="results" id="trend-table"><thead><tr><th>\(context.t("期间", "Period"))</th><th class="num">\(context.t("申报", "Filed"))</th>\
      <th class="num">\(context.t("网上申报", "Online"))</th><th class="num">\(context.t("受理", "Accepted"))</th>\
      <th class="num">\(context.t("办结", "Concluded"))</th><th class="num">\(context.t("超期率", "Late"))</th>\
      <th class="num">\(context.t("平均用时（工作日）", "Avg. working days"))</th></tr></thead><tbody>\(rows)</tbody></table></details>
      </section>
      """
  }

  private static func figureTables(_ model: Model, _ context: PageContext) -> HTML {
    let sections = StatFigure.Source.allCases.compactMap { source -> HTML? in
      let lines = model.figures.filter { $0.figure.source == source }
      guard !lines.isEmpty else { return nil }
      let rows = lines.map { line -> HTML in
        """
        <tr id="figure-\(line.figure.rawValue)"><th scope="row">\(context.t(line.figure.name))</th>\
        <td class="num" data-label="\(context.t("数值", "Value"))" data-value="\(line.value.value.map { String($0) } ?? "")">\(StatText.value(line.figure, line.value.value, context))</td>\
        <td class="num" data-label="\(context.t("分子/分母", "Parts"))">\(StatText.parts(line.value))</td>\
        <td class="definition" data-label="\(context.t("口径", "Definition"))">\(context.t(line.figure.definition))</td></tr>
        """
      }
      return """
        <h3>\(context.t(source.name))</h3>
        <table class="stacked figure-table"><thead><tr><th>\(context.t("指标", "Figure"))</th><th class="num">\(context.t("数值", "Value"))</th>\
        <th class="num">\(context.t("分子/分母", "Parts"))</th><th>\(context.t("口径", "Definition"))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }
    return """
      <section id="figures"><h2>\(context.t("全部指标及口径", "Every figure and its definition"))</h2>
      <p class="meta">\(context.t("“—”表示没有可统计的数据（分母为零或该项数据未记录），不是零。", "“—” means there was nothing to count (a zero denominator or data not recorded), not zero."))</p>
      \(sections)</section>
      """
  }

  private static func breakdown(_ breakdown: Breakdown, _ model: Model, _ context: PageContext) -> HTML {
    guard !breakdown.rows.isEmpty else {
      return """
        <section id="\(breakdown.id)"><h2>\(context.t(breakdown.heading))</h2>
        <p class="empty">\(context.t("本期没有办件。", "No cases in this period."))</p></section>
        """
    }
    let rows = breakdown.rows.map { row -> HTML in
      let t = row.tally
      let name: HTML =
        row.link.map { "<a href=\"\($0)\(Links.query([("period", model.period.code)]))\">\(row.name)</a>" }
        ?? "\(row.name)"
      return """
        <tr data-key="\(row.key)"><th scope="row">\(name)</th>\
        <td class="num" data-label="\(context.t("申报", "Filed"))">\(t.filed)</td>\
        <td class="num" data-label="\(context.t("网上申报率", "Online"))">\(StatText.rate(t.filedOnline, t.filed))</td>\
        <td class="num" data-label="\(context.t("受理", "Accepted"))">\(t.accepted)</td>\
        <td class="num" data-label="\(context.t("综合一窗", "General windows"))">\(StatText.rate(t.acceptedAtGeneralWindow, t.acceptedAtWindow))</td>\
        <td class="num" data-label="\(context.t("办结", "Concluded"))">\(t.concluded)</td>\
        <td class="num" data-label="\(context.t("即办率", "Same day"))">\(StatText.rate(t.decidedSameDay, t.concluded))</td>\
        <td class="num" data-label="\(context.t("提前办结率", "Early"))">\(StatText.rate(t.decidedEarly, t.concluded))</td>\
        <td class="num" data-label="\(context.t("超期率", "Late"))">\(StatText.rate(t.decidedLate, t.concluded))</td>\
        <td class="num" data-label="\(context.t("平均用时", "Avg. days"))">\(t.averageWorkingDays.map(StatText.decimal) ?? "—")</td>\
        <td class="num" data-label="\(context.t("件均跑动", "Visits"))">\(t.concluded > 0 ? StatText.decimal(Double(t.visits) / Double(t.concluded)) : "—")</td>\
        <td class="num" data-label="\(context.t("好评率", "Good ratings"))">\(StatText.percent(row.ratings?.goodRate))</td></tr>
        """
    }
    return """
      <section id="\(breakdown.id)"><h2>\(context.t(breakdown.heading))</h2>
      <table class="stacked breakdown"><thead><tr><th></th><th class="num">\(context.t("申报", "Filed"))</th>\
      <th class="num">\(context.t("网上申报率", "Online"))</th><th class="num">\(context.t("受理", "Accepted"))</th>\
      <th class="num">\(context.t("综合一窗", "General windows"))</th><th class="num">\(context.t("办结", "Concluded"))</th>\
      <th class="num">\(context.t("即办率", "Same day"))</th><th class="num">\(context.t("提前办结率", "Early"))</th>\
      <th class="num">\(context.t("超期率", "Late"))</th><th class="num">\(context.t("平均用时（工作日）", "Avg. working days"))</th>\
      <th class="num">\(context.t("件均跑动", "Visits per case"))</th><th class="num">\(context.t("好评率", "Good ratings"))</th></tr></thead>
      <tbody>\(rows)</tbody></table></section>
      """
  }

  private static func topItems(_ model: Model, _ context: PageContext) -> HTML {
    func table(_ id: String, _ heading: String, _ lines: [ItemLine], _ cells: (ItemLine) -> HTML) -> HTML {
      guard !lines.isEmpty else {
        return
          "<div id=\"\(id)\"><h3>\(heading)</h3><p class=\"empty\">\(context.t("本期无数据。", "Nothing in this period."))</p></div>"
      }
      let rows = lines.enumerated().map { index, line -> HTML in
        "<tr><td class=\"num\">\(index + 1)</td><td><a href=\"\(Links.item(line.code))\">\(line.name)</a></td>\(cells(line))</tr>"
      }
      return "<div id=\"\(id)\"><h3>\(heading)</h3><table class=\"results\"><tbody>\(rows)</tbody></table></div>"
    }
    return """
      <section id="top-items"><h2>\(context.t("事项排行", "Top items"))</h2><div class="two-col">
      \(table("top-volume", context.t("办件量最多", "Most cases filed"), model.topByVolume) { "<td class=\"num\">\($0.filed) \(context.t("件", ""))</td>" })
      \(table("top-late", context.t("超期最多", "Most decided late"), model.topByLate) { "<td class=\"num\">\($0.late) / \($0.concluded)</td>" })
      \(table("top-negative", context.t("差评最多", "Most negative ratings"), model.topByNegative) { "<td class=\"num\">\($0.negatives) / \($0.ratings)</td>" })
      </div></section>
      """
  }
}
