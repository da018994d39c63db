import Foundation
import OneWindowDomain

/// 电子监察 · 全程监控: every open case's clock by department, site or town, with green, yellow, red and paused counts
/// that open the cases behind them; then what is late besides cases: follow-ups owed, opinions overdue, pauses
/// longer than planned. Read-only: supervisors act through 督办.
public enum SupervisionBoardPage {
  public struct Model: Sendable {
    public let board: ClockBoard
    public let dimension: ClockBoard.Dimension
    public let names: DirectoryNames
    public let townNames: [String: String]
    public let followUps: [FollowUp.Kind: (open: Int, overdue: Int)]
    public let overdueOpinions: [(departmentID: String, due: CivilDate, serviceCase: ServiceCase)]
    public let overlongPauses: [(serviceCase: ServiceCase, plannedEnd: CivilDate)]
    public let escalated: Int
    public let clock: CaseClock
    /// When the lights were counted (the board is recounted every few seconds, not per request).
    public let countedAt: Date
    /// Open rule hits, and open and overdue 督办 tickets.
    public var openHits = 0
    public var tickets: (open: Int, overdue: Int) = (0, 0)

    public init(
      board: ClockBoard, dimension: ClockBoard.Dimension, names: DirectoryNames, townNames: [String: String],
      followUps: [FollowUp.Kind: (open: Int, overdue: Int)],
      overdueOpinions: [(departmentID: String, due: CivilDate, serviceCase: ServiceCase)],
      overlongPauses: [(serviceCase: ServiceCase, plannedEnd: CivilDate)], escalated: Int, clock: CaseClock,
      countedAt: Date
    ) {
      self.countedAt = countedAt
      self.board = board
      self.dimension = dimension
      self.names = names
      self.townNames = townNames
      self.followUps = followUps
      self.overdueOpinions = overdueOpinions
      self.overlongPauses = overlongPauses
      self.escalated = escalated
      self.clock = clock
    }

    /// A row's name in the board's dimension.
    public func name(_ key: String) -> String {
      switch dimension {
      case .department: names.department(key)
      case .site: names.site(key)
      case .town: townNames[key] ?? key
      }
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let tabs = ClockBoard.Dimension.allCases.map { d -> HTML in
      d == model.dimension
        ? "<b aria-current=\"page\">\(context.t(d.name))</b>"
        : "<a href=\"\(Links.supervision)?by=\(d.rawValue)\">\(context.t(d.name))</a>"
    }
    let lights = ClockBoard.Light.allCases
    let headings = lights.map { "<th class=\"num light-\($0.rawValue)\">\(context.t($0.name))</th>" as HTML }
    let rows = model.board.grouped(by: model.dimension).map { key, counts -> HTML in
      """
      <tr><th scope="row">\(model.name(key))</th>\(cells(counts, filter: (model.dimension.rawValue, key), context))\
      <td class="num">\(counts.open)</td></tr>
      """
    }
    let total = model.board.total
    let table: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"clock-board\">\(context.t("目前没有在办件。", "No open cases."))</p>"
      : """
      <table class="stacked" id="clock-board"><thead><tr><th>\(context.t(model.dimension.name))</th>\(headings)\
      <th class="num">\(context.t("在办合计", "Open"))</th></tr></thead>
      <tbody>\(rows)</tbody>
      <tfoot><tr><th scope="row">\(context.t("全县合计", "County"))</th>\(cells(total, filter: nil, context))\
      <td class="num">\(total.open)</td></tr></tfoot></table>
      """
    let body: HTML = """
      <h1>\(context.t("电子监察 · 全程监控", "Supervision board"))</h1>
      <p class="lead" id="board-summary">\(context.t(
        "在办 \(total.open) 件：红灯超期 \(total.red) 件，黄灯预警 \(total.yellow) 件，挂起 \(total.paused) 件；已上报待上级办理 \(model.escalated) 件。",
        "\(total.open) open: \(total.red) overdue, \(total.yellow) due soon, \(total.paused) paused; \(model.escalated) waiting on the upper level."))\
       <a href="\(Links.supervisionCases)?state=escalated">\(context.t("查看上报件", "See escalated cases"))</a></p>
      <p class="tabs">\(tabs.map { "\($0) " as HTML })</p>
      <p class="meta" id="board-time">\(context.t("统计时间 \(model.clock.time(model.countedAt))（每 15 秒更新）", "Counted at \(model.clock.time(model.countedAt)) (every 15 seconds)"))</p>
      <p class="no-print"><a href="\(Links.supervisionExport)?by=\(model.dimension.rawValue)" download>\(context.t("导出 Excel", "Export .xlsx"))</a></p>
      \(table)
      <section class="panel" id="board-supervision"><h2>\(context.t("预警与督办", "Rule hits and tickets"))</h2><ul class="plain">
      <li><a href="\(Links.assessment)" id="board-assessment">\(context.t("考核排名", "Assessment"))</a></li>
      <li><a href="\(Links.ruleHits)" id="board-hits">\(context.t("待核查的监察预警 \(model.openHits) 条", "\(model.openHits) rule hits to look into"))</a></li>
      <li><a href="\(Links.supervisionTickets)">\(context.t("待答复的督办 \(model.tickets.open) 件", "\(model.tickets.open) tickets awaiting reply"))</a>，\
      <a href="\(Links.supervisionTickets)?show=overdue">\(context.t("逾期 \(model.tickets.overdue) 件", "\(model.tickets.overdue) overdue"))</a></li>
      </ul></section>
      \(followUpSection(model, context))
      \(opinionSection(model, context))
      \(pauseSection(model, context))
      <details id="definitions"><summary>\(context.t("口径", "Definitions"))</summary><ul>
      <li>\(context.t("在办件：已受理、审查中、已上报和挂起的办件；已决定待出件的不计入。", "Open: accepted, in review, escalated and paused cases; decided cases waiting for delivery are not counted."))</li>
      <li>\(context.t("黄灯：剩余不超过 1 个工作日（或时限的 20%）；红灯：已超过应办结时间；挂起：特别程序中，计时暂停。", "Yellow: at most one working day (or 20% of the limit) left; red: past the due time; paused: in a special procedure, the clock stopped."))</li>
      <li>\(context.t("按乡镇：受理地所在乡镇（县本级受理的计入县本级）。", "By town: the town where the case was accepted (the county itself for the center)."))</li>
      </ul></details>
      """
    return Layout.page(context, title: context.t("电子监察", "Supervision"), body: body)
  }

  private static func cells(_ counts: ClockBoard.Counts, filter: (String, String)?, _ context: PageContext) -> HTML {
    HTML.join(
      ClockBoard.Light.allCases.map { light -> HTML in
        let n = counts[light]
        guard n > 0 else { return "<td class=\"num\">0</td>" }
        let href = Links.supervisionCases + Links.query([("light", light.rawValue), (filter?.0 ?? "", filter?.1)])
        return "<td class=\"num light-\(light.rawValue)\"><a href=\"\(href)\">\(n)</a></td>"
      })
  }

  private static func followUpSection(_ model: Model, _ context: PageContext) -> HTML {
    let items = FollowUp.Kind.allCases.map { kind -> HTML in
      let counts = model.followUps[kind] ?? (0, 0)
      return """
        <li>\(context.t(kind.name))：\(context.t("待办 \(counts.open) 件", "\(counts.open) open"))，\
        <a href="\(Links.followUps)?kind=\(kind.rawValue)&amp;show=overdue" id="follow-up-\(kind.rawValue)-overdue">\(context.t("逾期 \(counts.overdue) 件", "\(counts.overdue) overdue"))</a></li>
        """
    }
    return """
      <section class="panel" id="board-follow-ups"><h2>\(context.t("受理后跟踪", "Follow-ups after acceptance"))</h2>
      <ul class="plain">\(items)</ul></section>
      """
  }

  private static func opinionSection(_ model: Model, _ context: PageContext) -> HTML {
    guard !model.overdueOpinions.isEmpty else { return .empty }
    let rows = model.overdueOpinions.map { department, due, c -> HTML in
      """
      <tr><td><a href="\(Links.casePage(c.number))">\(c.number)</a></td><td>\(c.item.name)</td>\
      <td>\(model.names.department(department))</td><td>\(due.iso)</td></tr>
      """
    }
    return """
      <section class="panel" id="board-opinions"><h2>\(context.t("逾期未答复的并联意见", "Parallel opinions overdue"))</h2>
      <table class="results"><thead><tr><th>\(context.t("办件编号", "Number"))</th><th>\(context.t("事项", "Item"))</th>\
      <th>\(context.t("被征求部门", "Asked department"))</th><th>\(context.t("应答复日期", "Due"))</th></tr></thead>
      <tbody>\(rows)</tbody></table></section>
      """
  }

  private static func pauseSection(_ model: Model, _ context: PageContext) -> HTML {
    guard !model.overlongPauses.isEmpty else { return .empty }
    let rows = model.overlongPauses.map { c, plannedEnd -> HTML in
      let pause = c.pauses.last { $0.end == nil }
      return """
        <tr><td><a href="\(Links.casePage(c.number))">\(c.number)</a></td><td>\(c.item.name)</td>\
        <td>\(model.names.department(c.departmentID))</td><td>\(pause?.reason ?? "")</td>\
        <td>\(pause.map { model.clock.day($0.start) } ?? "")</td><td>\(plannedEnd.iso)</td></tr>
        """
    }
    return """
      <section class="panel" id="board-pauses"><h2>\(context.t("挂起超过预计时长", "Paused longer than planned"))</h2>
      <table class="results"><thead><tr><th>\(context.t("办件编号", "Number"))</th><th>\(context.t("事项", "Item"))</th>\
      <th>\(context.t("部门", "Department"))</th><th>\(context.t("挂起理由", "Reason"))</th>\
      <th>\(context.t("挂起日期", "Since"))</th><th>\(context.t("预计恢复", "Planned end"))</th></tr></thead>
      <tbody>\(rows)</tbody></table></section>
      """
  }
}
