import Foundation
import OneWindowDomain
import OneWindowSpreadsheet
import OneWindowStore
import OneWindowViews
import Vapor

/// 统计 pages: the center's, a department's and a town's dashboard, the monthly report, their tables as .xlsx and CSV,
/// and the center's targets. Everyone who reads figures (`viewStatistics`) reads the dashboards within their scope;
/// only the center's administrator sets targets (`setTargets`).
enum StatisticsController {
  /// `GET /statistics?period=&trend=`
  @Sendable static func center(req: Request) async throws -> HTML {
    try await dashboard(.center, key: "", req)
  }

  /// `GET /statistics/departments/{id}?period=&trend=`
  @Sendable static func department(req: Request) async throws -> HTML {
    try await dashboard(.department, key: req.parameters.get("id") ?? "", req)
  }

  /// `GET /statistics/towns/{code}?period=&trend=`
  @Sendable static func town(req: Request) async throws -> HTML {
    try await dashboard(.town, key: req.parameters.get("code") ?? "", req)
  }

  /// `GET /statistics/report?month=2026-11`: the center's monthly report, laid out for print.
  @Sendable static func report(req: Request) async throws -> HTML {
    let scope = try await StatisticsScope.resolve(.center, key: "", req)
    let today = try await req.deadlineRule().civilDate(of: req.now)
    let month = try monthParameter(req, today: today)
    let model = try await model(scope, period: month, report: true, req)
    return StatisticsDashboardPage.render(model, try await req.pageContext())
  }

  /// `GET /statistics/report.xlsx?month=2026-11`: the monthly report as a workbook (figures, trend, breakdowns, items).
  @Sendable static func reportWorkbook(req: Request) async throws -> Response {
    let scope = try await StatisticsScope.resolve(.center, key: "", req)
    let today = try await req.deadlineRule().civilDate(of: req.now)
    let month = try monthParameter(req, today: today)
    let model = try await model(scope, period: month, report: true, req)
    let context = try await req.pageContext()
    var sheets = [
      Workbook.Sheet(name: "指标", rows: figureRows(model, context), widths: [30, 14, 18, 14, 12, 16, 60])
    ]
    sheets.append(
      Workbook.Sheet(
        name: "趋势", rows: [["期间"] + tallyHeader] + model.trend.map { [$0.label] + tallyCells($0.tally) },
        widths: [14] + tallyHeader.map { _ in 12 }))
    for breakdown in model.breakdowns {
      sheets.append(
        Workbook.Sheet(
          name: String(breakdown.heading.zh.prefix(20)), rows: breakdownRows(breakdown),
          widths: [30] + tallyHeader.map { _ in 12 } + [12]))
    }
    let items =
      [["排行", "事项编码", "事项名称", "申报", "办结", "超期", "差评", "评价"]]
      + model.topByVolume.enumerated().map { ["办件量 \($0.offset + 1)"] + itemCells($0.element) }
      + model.topByLate.enumerated().map { ["超期 \($0.offset + 1)"] + itemCells($0.element) }
      + model.topByNegative.enumerated().map { ["差评 \($0.offset + 1)"] + itemCells($0.element) }
    sheets.append(Workbook.Sheet(name: "事项排行", rows: items, widths: [12, 22, 40, 10, 10, 10, 10, 10]))
    if let inquiries = model.inquiries {
      let lines = StatisticsDashboardPage.inquiryLines(inquiries, context)
      sheets.append(
        Workbook.Sheet(
          name: "咨询投诉", rows: [["指标", "数值", "口径"]] + lines.map { [$0.name, $0.value, $0.definition] },
          widths: [30, 14, 80]))
    }
    return XLSXResponse.make(
      Workbook(sheets: sheets).xlsx(), fileName: "\(scope.name)月度统计-\(month.code).xlsx",
      asciiName: "report-\(month.code).xlsx")
  }

  /// `GET {dashboard}/{table}.xlsx|csv?period=`: a dashboard's table — `figures`, or a breakdown (`department`,
  /// `town`, `site`, `staff`, `window`).
  @Sendable static func export(req: Request) async throws -> Response {
    let kind: StatisticsDashboardPage.Kind
    let key: String
    if let id = req.parameters.get("id") {
      (kind, key) = (.department, id)
    } else if let code = req.parameters.get("code") {
      (kind, key) = (.town, code)
    } else {
      (kind, key) = (.center, "")
    }
    let file = req.parameters.get("file") ?? ""
    let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
    guard parts.count == 2, ["xlsx", "csv"].contains(parts[1]) else {
      throw AppError.notFound()
    }
    let scope = try await StatisticsScope.resolve(kind, key: key, req)
    let today = try await req.deadlineRule().civilDate(of: req.now)
    let period = try StatisticsScope.period(req, today: today)
    let reader = try await StatisticsReader(req, scope: scope, period: period)
    let context = try await req.pageContext()
    let rows: [[String]]
    let sheetName: String
    if parts[0] == "figures" {
      let model = try await model(scope, period: period, report: false, req, reader: reader, parts: [.figures])
      rows = figureRows(model, context)
      sheetName = "指标"
    } else if let grouping = StatisticsReader.Grouping(rawValue: parts[0]) {
      let breakdown = StatisticsDashboardPage.Breakdown(
        id: grouping.rawValue, heading: reader.heading(grouping), rows: try await reader.rows(grouping))
      rows = breakdownRows(breakdown)
      sheetName = String(breakdown.heading.zh.prefix(20))
    } else {
      throw AppError.notFound()
    }
    let stamp = ["\(scope.name) · \(period.from.iso)—\(period.through.iso)"]
    let name = "\(scope.name)-\(sheetName)-\(period.code)"
    let ascii = "statistics-\(parts[0])-\(period.code)"
    if parts[1] == "csv" {
      var headers = HTTPHeaders()
      headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
      headers.replaceOrAdd(
        name: .contentDisposition,
        value: "attachment; filename=\"\(ascii).csv\"; filename*=UTF-8''\(name.percentEncoded).csv")
      // A byte-order mark, so that Excel opens the UTF-8 file as such.
      return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + CSV.text([stamp] + rows)))
    }
    return XLSXResponse.make(
      Workbook(sheets: [
        Workbook.Sheet(name: sheetName, rows: [stamp] + rows, widths: rows.first.map { $0.map { _ in 16 } } ?? [])
      ])
      .xlsx(), fileName: name + ".xlsx", asciiName: ascii + ".xlsx")
  }

  // MARK: Targets

  /// `GET /statistics/targets`
  @Sendable static func targets(req: Request) async throws -> HTML {
    let staff = try req.authorize(.setTargets)
    return try await targetsPage(staff, errors: [], form: [:], req)
  }

  /// `POST /statistics/targets`: figure, value (per cent for rates), due, note.
  @Sendable static func saveTarget(req: Request) async throws -> Response {
    let staff = try req.authorize(.setTargets)
    let posted = try req.content.decode([String: String].self)
    guard let figure = StatFigure(rawValue: posted["figure"] ?? "") else {
      let error = ValidationError(field: "figure", zh: "请选择指标", en: "Choose a figure")
      return .html(try await targetsPage(staff, errors: [error], form: posted, req), status: .unprocessableEntity)
    }
    let raw = (posted["value"] ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
    let number = Double(raw).flatMap { $0.isFinite ? $0 : nil }
    let value = figure.unit == .rate ? number.map { $0 / 100 } : number
    let due = CivilDate(iso: (posted["due"] ?? "").trimmingCharacters(in: .whitespaces))
    var problems = StatTarget.validate(figure: figure, value: value, due: due)
    if raw.isEmpty == false, number == nil {
      problems = [ValidationError(field: "value", zh: "目标值应为数字", en: "The target must be a number")]
    }
    let note = (posted["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    if note.count > 200 {
      problems.append(ValidationError(field: "note", zh: "说明不超过200字", en: "At most 200 characters"))
    }
    guard problems.isEmpty, let value, let due else {
      return .html(try await targetsPage(staff, errors: problems, form: posted, req), status: .unprocessableEntity)
    }
    try await StatisticsRepository(req.database).saveTarget(
      StatTarget(
        figure: figure, value: value, due: due, source: note.isEmpty ? staff.displayName : note, isCenters: true),
      county: staff.scope.regionCode.county.value, by: staff.id, now: req.now)
    req.logger.info("statistics target \(figure.rawValue) \(value) by \(due.iso) set by \(staff.username)")
    return req.redirect(to: Links.statisticsTargets, redirectType: .normal)
  }

  /// `POST /statistics/targets/delete`: figure, due.
  @Sendable static func deleteTarget(req: Request) async throws -> Response {
    let staff = try req.authorize(.setTargets)
    let posted = try req.content.decode([String: String].self)
    guard let figure = StatFigure(rawValue: posted["figure"] ?? ""), let due = CivilDate(iso: posted["due"] ?? "")
    else {
      let error = ValidationError(field: "figure", zh: "没有这个目标", en: "No such target")
      return .html(try await targetsPage(staff, errors: [error], form: [:], req), status: .unprocessableEntity)
    }
    try await StatisticsRepository(req.database).deleteTarget(
      figure, due: due, county: staff.scope.regionCode.county.value)
    req.logger.info("statistics target \(figure.rawValue) by \(due.iso) removed by \(staff.username)")
    return req.redirect(to: Links.statisticsTargets, redirectType: .normal)
  }

  private static func targetsPage(
    _ staff: StaffIdentity, errors: [ValidationError], form: [String: String], _ req: Request
  ) async throws -> HTML {
    let today = try await req.deadlineRule().civilDate(of: req.now)
    return StatisticsTargetsPage.render(
      StatisticsTargetsPage.Model(
        centers: try await StatisticsRepository(req.database).targets(county: staff.scope.regionCode.county.value),
        today: today, errors: errors, form: form),
      try await req.pageContext())
  }

  // MARK: Building the page

  private static func dashboard(_ kind: StatisticsDashboardPage.Kind, key: String, _ req: Request) async throws -> HTML
  {
    let scope = try await StatisticsScope.resolve(kind, key: key, req)
    let today = try await req.deadlineRule().civilDate(of: req.now)
    let period = try StatisticsScope.period(req, today: today)
    return StatisticsDashboardPage.render(
      try await model(scope, period: period, report: false, req), try await req.pageContext())
  }

  enum Part { case figures, trend, breakdowns, items }

  static func model(
    _ scope: StatisticsScope, period: StatPeriod, report: Bool, _ req: Request, reader given: StatisticsReader? = nil,
    parts: Set<Part> = [.figures, .trend, .breakdowns, .items]
  ) async throws -> StatisticsDashboardPage.Model {
    let reader: StatisticsReader
    if let given {
      reader = given
    } else {
      reader = try await StatisticsReader(req, scope: scope, period: period)
    }
    let figures = parts.contains(.figures) ? try await reader.figureLines(try await reader.inputs()) : []
    let step = report ? TrendStep.week : reader.trendStep
    let trend = parts.contains(.trend) ? try await reader.trend(step) : []
    var breakdowns: [StatisticsDashboardPage.Breakdown] = []
    if parts.contains(.breakdowns) {
      for grouping in reader.breakdownGroupings {
        breakdowns.append(
          StatisticsDashboardPage.Breakdown(
            id: grouping.rawValue, heading: reader.heading(grouping), rows: try await reader.rows(grouping)))
      }
    }
    let items = parts.contains(.items) ? try await reader.topItems() : ([], [], [])
    let staff = try req.requireStaff()
    return StatisticsDashboardPage.Model(
      kind: scope.kind, scopeName: scope.name, path: scope.path, period: period, trendStep: step, figures: figures,
      trend: trend, breakdowns: breakdowns, topByVolume: items.0, topByLate: items.1, topByNegative: items.2,
      foldedAt: try await StatisticsRepository(req.database).foldedAt(),
      clock: CaseClock(rule: reader.rule, now: req.now),
      isReport: report, mayEditTargets: Authorization.can(staff, .setTargets),
      inquiries: scope.kind == .center && parts.contains(.figures)
        ? try await InquiryRepository(req.database).figures(
          county: scope.county, from: reader.rule.startOfDay(period.from),
          to: reader.rule.startOfDay(period.through.adding(days: 1))) : nil)
  }

  private static func monthParameter(_ req: Request, today: CivilDate) throws -> StatPeriod {
    guard let raw = req.query[String.self, at: "month"], !raw.isEmpty else {
      return .month(containing: StatPeriod.month(containing: today).from.adding(days: -1))
    }
    guard raw.count == 7, let month = StatPeriod.parse(raw) else {
      throw AppError(
        .badRequest, code: "invalid_field",
        message: LocalizedText(zh: "月份应写作 2026-11", en: "Write the month as 2026-11"), field: "month")
    }
    return month
  }

  // MARK: Tables for exports

  static let tallyHeader = [
    "申报", "网上申报", "代办申报", "受理", "综合窗口受理", "办结", "准予", "不予受理", "撤回", "即办", "提前办结", "超期", "零跑动",
    "网上办结", "跑动次数", "补正次数", "平均用时（工作日）",
  ]

  static func tallyCells(_ t: CaseTally) -> [String] {
    [
      t.filed, t.filedOnline, t.filedByProxy, t.accepted, t.acceptedAtGeneralWindow, t.concluded, t.approved, t.refused,
      t.withdrawn, t.decidedSameDay, t.decidedEarly, t.decidedLate, t.noVisit, t.deliveredRemotely, t.visits,
      t.corrections,
    ].map(String.init) + [t.averageWorkingDays.map(StatText.decimal) ?? ""]
  }

  static func figureRows(_ model: StatisticsDashboardPage.Model, _ context: PageContext) -> [[String]] {
    [["指标", "数值", "分子/分母", "目标", "期限", "状态", "口径"]]
      + model.figures.map { line in
        [
          line.figure.name.zh, StatText.plain(line.figure, line.value.value), StatText.parts(line.value),
          line.target.map { StatText.plain(line.figure, $0.value) } ?? "", line.target?.due.iso ?? "",
          line.standing.map { $0.name.zh } ?? "", line.figure.definition.zh,
        ]
      }
  }

  static func breakdownRows(_ breakdown: StatisticsDashboardPage.Breakdown) -> [[String]] {
    [["名称"] + tallyHeader + ["好评率"]]
      + breakdown.rows.map { row in
        [row.name] + tallyCells(row.tally) + [row.ratings?.goodRate.map(StatText.percent) ?? ""]
      }
  }

  static func itemCells(_ line: StatisticsDashboardPage.ItemLine) -> [String] {
    [
      line.code, line.name, String(line.filed), String(line.concluded), String(line.late), String(line.negatives),
      String(line.ratings),
    ]
  }
}

/// Comma-separated values as RFC 4180 writes them; a cell that a spreadsheet would take for a formula is prefixed
/// with an apostrophe (CSV injection).
enum CSV {
  static func text(_ rows: [[String]]) -> String {
    rows.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }

  static func cell(_ value: String) -> String {
    var value = value
    if let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil { value = "'" + value }
    guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
