import Foundation
import OneWindowDomain
import OneWindowSpreadsheet
import OneWindowStore
import OneWindowViews
import Vapor

/// 电子监察 pages: the clock board of open cases, the cases behind each count, its export, and the follow-up lists.
/// The board is for those who read figures (supervisors, the center's leaders); everything here only reads.
enum SupervisionController {
  static let pageSize = 50

  /// `GET /supervision?by=department|site|town`
  @Sendable static func board(req: Request) async throws -> HTML {
    let staff = try req.authorize(.viewStatistics)
    let dimension = try dimension(req)
    let model = try await boardModel(staff, dimension, req)
    return SupervisionBoardPage.render(model, try await req.pageContext())
  }

  /// `GET /supervision/board.xlsx?by=`: the board's table, and every cell (department × site × town) on a second
  /// sheet, for a report.
  @Sendable static func export(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewStatistics)
    let dimension = try dimension(req)
    let model = try await boardModel(staff, dimension, req)
    let lights = ClockBoard.Light.allCases
    let header = [model.dimension.name.zh] + lights.map(\.name.zh) + ["在办合计"]
    let grouped = model.board.grouped(by: dimension).map { key, counts in
      [model.name(key)] + lights.map { String(counts[$0]) } + [String(counts.open)]
    }
    let total = model.board.total
    let cells = model.board.cells.map { cell in
      [
        model.names.department(cell.departmentID), model.names.site(cell.siteID),
        model.townNames[cell.townCode] ?? cell.townCode,
      ] + lights.map { String(cell.counts[$0]) } + [String(cell.counts.open)]
    }
    let stamp = "统计时间：\(CaseClock(rule: try await req.deadlineRule(), now: req.now).time(req.now))"
    let workbook = Workbook(sheets: [
      Workbook.Sheet(
        name: "全程监控",
        rows: [[stamp], header] + grouped + [["合计"] + lights.map { String(total[$0]) } + [String(total.open)]],
        widths: [28] + lights.map { _ in 14 } + [12]),
      Workbook.Sheet(
        name: "明细", rows: [["部门", "受理场所", "乡镇"] + lights.map(\.name.zh) + ["在办合计"]] + cells,
        widths: [28, 28, 16] + lights.map { _ in 14 } + [12]),
    ])
    return XLSXResponse.make(
      workbook.xlsx(), fileName: "全程监控-\(CatalogController.today(req).iso).xlsx", asciiName: "supervision.xlsx")
  }

  /// `GET /supervision/cases?light=&state=&department=&site=&town=&page=`: the open cases behind a count.
  @Sendable static func cases(req: Request) async throws -> HTML {
    let staff = try req.authorize(.viewStatistics)
    let rule = try await req.deadlineRule()
    let light = try parse(req, "light", ClockBoard.Light.init(rawValue:), ClockBoard.Light.allCases.map(\.rawValue))
    let state = try parse(
      req, "state", { $0 == CaseState.escalated.rawValue ? CaseState.escalated : nil }, [CaseState.escalated.rawValue])
    let department = req.query[String.self, at: "department"].flatMap { $0.isEmpty ? nil : $0 }
    let site = req.query[String.self, at: "site"].flatMap { $0.isEmpty ? nil : $0 }
    let town = req.query[String.self, at: "town"].flatMap { $0.isEmpty ? nil : $0 }
    let page = min(max(req.query[Int.self, at: "page"] ?? 1, 1), 10_000)
    let (cases, total) = try await SupervisionRepository(req.database).cases(
      county: staff.scope.regionCode.county.value, scope: staff.scope, light: light, state: state,
      departmentID: department, siteID: site, townCode: town, now: req.now, limit: pageSize,
      offset: (page - 1) * pageSize)
    let names = try await StaffDesk.directoryNames(req)
    let towns = try await townNames(req)
    let context = try await req.pageContext()
    var title = light.map { context.t($0.name) } ?? context.t("在办件", "Open cases")
    if state == .escalated { title = context.t("已上报、待上级办理", "Escalated, waiting on the upper level") }
    let narrowed = [department.map(names.department), site.map(names.site), town.map { towns[$0] ?? $0 }]
      .compactMap { $0 }
    if !narrowed.isEmpty { title += " · " + narrowed.joined(separator: " · ") }
    return SupervisionCasesPage.render(
      SupervisionCasesPage.Model(
        title: title, cases: cases.map { ($0, $0.deadline(rule, now: req.now)) }, total: total,
        clock: CaseClock(rule: rule, now: req.now), names: names, page: page, pageSize: pageSize,
        query: [
          ("light", light?.rawValue), ("state", state?.rawValue), ("department", department), ("site", site),
          ("town", town),
        ]), context)
  }

  /// `GET /follow-ups?kind=deficiency|post_check&show=open|overdue|done&page=`: within the viewer's scope.
  @Sendable static func followUps(req: Request) async throws -> HTML {
    let staff = try req.authorize(.viewCases)
    let rule = try await req.deadlineRule()
    let kind =
      try parse(req, "kind", FollowUp.Kind.init(rawValue:), FollowUp.Kind.allCases.map(\.rawValue)) ?? .deficiency
    let filter =
      try parse(
        req, "show", SupervisionRepository.FollowUpFilter.init(rawValue:),
        SupervisionRepository.FollowUpFilter.allCases.map(\.rawValue)) ?? .open
    let page = min(max(req.query[Int.self, at: "page"] ?? 1, 1), 10_000)
    let today = rule.civilDate(of: req.now)
    let (rows, total) = try await SupervisionRepository(req.database).followUps(
      county: staff.scope.regionCode.county.value, kind: kind, filter: filter, scope: staff.scope, today: today,
      limit: pageSize, offset: (page - 1) * pageSize)
    return FollowUpsPage.render(
      FollowUpsPage.Model(
        kind: kind, show: filter.rawValue, rows: rows, total: total, today: today,
        clock: CaseClock(rule: rule, now: req.now), names: try await StaffDesk.directoryNames(req), page: page,
        pageSize: pageSize), try await req.pageContext())
  }

  // MARK: parts

  private static func boardModel(_ staff: StaffIdentity, _ dimension: ClockBoard.Dimension, _ req: Request)
    async throws -> SupervisionBoardPage.Model
  {
    let rule = try await req.deadlineRule()
    let county = staff.scope.regionCode.county.value
    let repository = SupervisionRepository(req.database)
    let today = rule.civilDate(of: req.now)
    let (board, countedAt) = try await req.application.clockBoards.board(
      county: county, scope: staff.scope, db: req.database, now: req.now)
    let escalated = try await repository.cases(
      county: county, scope: staff.scope, light: nil, state: .escalated, departmentID: nil, siteID: nil,
      townCode: nil, now: req.now, limit: 0, offset: 0
    ).total
    let inScope = { (c: ServiceCase) in staff.scope.covers(c.scope) }
    let pauses = try await repository.pausedCases(county: county).filter(inScope).compactMap {
      c -> (serviceCase: ServiceCase, plannedEnd: CivilDate)? in
      guard c.isPausedLongerThanPlanned(rule, today: today), let end = c.plannedResumption(rule) else { return nil }
      return (c, end)
    }
    let departments = try await DirectoryRepository(req.database).departments(in: staff.scope.regionCode.county).map(
      \.id)
    let opinions = try await repository.overdueOpinions(departmentIDs: departments, today: today).filter {
      inScope($0.serviceCase)
    }
    var model = SupervisionBoardPage.Model(
      board: board, dimension: dimension, names: try await StaffDesk.directoryNames(req),
      townNames: try await townNames(req),
      followUps: try await repository.followUpCounts(county: county, today: today), overdueOpinions: opinions,
      overlongPauses: pauses, escalated: escalated, clock: CaseClock(rule: rule, now: req.now), countedAt: countedAt)
    model.openHits = try await RuleHitRepository(req.database).openCounts(county: county).values.reduce(0, +)
    let tickets = SupervisionTicketRepository(req.database)
    model.tickets = (
      try await tickets.list(county: county, departmentID: nil, state: .open, limit: 0, offset: 0).total,
      try await tickets.list(county: county, departmentID: nil, state: .open, overdueOn: today, limit: 0, offset: 0)
        .total
    )
    return model
  }

  /// Towns (9-digit codes) and the county itself by code, for the board's town rows.
  private static func townNames(_ req: Request) async throws -> [String: String] {
    var names: [String: String] = [:]
    for region in try await DirectoryRepository(req.database).regions() where region.code.value.count <= 9 {
      names[region.code.value] = region.code.value.count == 6 ? "\(region.name)（县本级）" : region.name
    }
    return names
  }

  private static func dimension(_ req: Request) throws -> ClockBoard.Dimension {
    try parse(req, "by", ClockBoard.Dimension.init(rawValue:), ClockBoard.Dimension.allCases.map(\.rawValue))
      ?? .department
  }

  /// A query parameter that must be one of `allowed`: absent is nil, anything else a 400 that names it.
  private static func parse<Value>(
    _ req: Request, _ name: String, _ make: (String) -> Value?, _ allowed: [String]
  ) throws -> Value? {
    guard let raw = req.query[String.self, at: name], !raw.isEmpty else { return nil }
    guard let value = make(raw) else {
      throw AppError(
        .badRequest, code: "invalid_field",
        message: LocalizedText(
          zh: "\(name) 应为：\(allowed.joined(separator: "、"))",
          en: "\(name) must be one of: \(allowed.joined(separator: ", "))"
        ), field: name)
    }
    return value
  }
}
