import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// `GET /api/v1/stats/{figure}?period=&group=&department=&town=`: one figure for the county's own tools — its value
/// over the period for the county (or `department=`, or `town=`), its parts, its definition and target, and, with
/// `group=`, the value per department, town, site, window, staff member, week or month. Only case figures are told
/// per group; catalog, rating, hall and directory figures are answered for the scope as a whole.
enum StatisticsAPIController {
  /// Unknown values are written as null, not left out (the document says they are there).
  struct GroupJSON: Content {
    let key: String
    let name: String
    @Nullable var value: Double?
    @Nullable var numerator: Double?
    @Nullable var denominator: Double?
  }

  struct TargetJSON: Content {
    let value: Double
    let due: String
    let source: String
    let standing: String
  }

  struct PeriodJSON: Content {
    let code: String
    let from: String
    let through: String
  }

  /// Unknown values are written as null, not left out.
  struct FigureJSON: Content {
    let figure: String
    let name: String
    let definition: String
    let unit: String
    let source: String
    let lowerIsBetter: Bool
    let scope: String
    let scopeName: String
    let period: PeriodJSON
    @Nullable var value: Double?
    let display: String
    @Nullable var numerator: Double?
    @Nullable var denominator: Double?
    @Nullable var target: TargetJSON?
    @Nullable var group: String?
    @Nullable var groups: [GroupJSON]?
    @Nullable var rolledUpAt: Date?

    enum CodingKeys: String, CodingKey {
      case figure, name, definition, unit, source, scope, period, value, display, numerator, denominator, target, group
      case groups
      case lowerIsBetter = "lower_is_better"
      case scopeName = "scope_name"
      case rolledUpAt = "rolled_up_at"
    }
  }

  static let groups = ["department", "town", "site", "window", "staff", "week", "month"]

  @Sendable static func figure(req: Request) async throws -> Response {
    _ = try req.authorize(.viewStatistics)
    guard let figure = StatFigure(rawValue: req.parameters.get("figure") ?? "") else {
      throw AppError.notFound(
        LocalizedText(
          zh: "没有这个指标；可用：\(StatFigure.allCases.map(\.rawValue).joined(separator: "、"))",
          en: "No such figure; there are: \(StatFigure.allCases.map(\.rawValue).joined(separator: ", "))"))
    }
    let department = req.query[String.self, at: "department"].flatMap { $0.isEmpty ? nil : $0 }
    let town = req.query[String.self, at: "town"].flatMap { $0.isEmpty ? nil : $0 }
    if department != nil, town != nil {
      throw invalid("town", zh: "department 与 town 只能给一个", en: "Give department or town, not both")
    }
    let group = req.query[String.self, at: "group"].flatMap { $0.isEmpty ? nil : $0 }
    if let group {
      guard groups.contains(group) else {
        throw invalid(
          "group", zh: "group 应为：\(groups.joined(separator: "、"))",
          en: "group must be one of: \(groups.joined(separator: ", "))")
      }
      guard figure.isGroupable else {
        throw invalid(
          "group", zh: "\(figure.name.zh)不按组统计，只统计整体", en: "\(figure.name.en) is told for the scope as a whole only")
      }
    }
    let scope: StatisticsScope =
      if let department {
        try await StatisticsScope.resolve(.department, key: department, req)
      } else if let town {
        try await StatisticsScope.resolve(.town, key: town, req)
      } else {
        try await StatisticsScope.resolve(.center, key: "", req)
      }
    let rule = try await req.deadlineRule()
    let period = try StatisticsScope.period(req, today: rule.civilDate(of: req.now))
    let reader = try await StatisticsReader(req, scope: scope, period: period)
    guard reader.sources.contains(figure.source) else {
      throw invalid(
        scope.kind == .department ? "department" : "town",
        zh: "\(figure.name.zh)不适用于\(scope.kind == .department ? "部门" : "镇街")统计",
        en: "\(figure.name.en) does not apply to a \(scope.kind.rawValue) dashboard")
    }
    let line = try await reader.figureLines(try await reader.inputs()).first { $0.figure == figure }!
    let language = req.language
    var groupLines: [GroupJSON]? = nil
    if let group {
      groupLines = try await groupValues(figure, group: group, reader)
    }
    let answer = FigureJSON(
      figure: figure.rawValue, name: figure.name.text(language), definition: figure.definition.text(language),
      unit: figure.unit.rawValue, source: figure.source.rawValue, lowerIsBetter: figure.lowerIsBetter,
      scope: scope.kind.rawValue, scopeName: scope.name,
      period: PeriodJSON(code: period.code, from: period.from.iso, through: period.through.iso),
      value: line.value.value, display: StatText.plain(figure, line.value.value), numerator: line.value.numerator,
      denominator: line.value.denominator,
      target: line.target.map {
        TargetJSON(
          value: $0.value, due: $0.due.iso, source: $0.source, standing: (line.standing ?? .unknown).rawValue)
      }, group: group, groups: groupLines, rolledUpAt: try await StatisticsRepository(req.database).foldedAt())
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys]
    var headers = HTTPHeaders()
    headers.contentType = .json
    return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(answer)))
  }

  private static func groupValues(_ figure: StatFigure, group: String, _ reader: StatisticsReader) async throws
    -> [GroupJSON]
  {
    func json(_ key: String, _ name: String, _ tally: CaseTally, agents: Int) -> GroupJSON {
      let value = StatInputs(cases: tally, activeAgents: agents).value(of: figure)
      return GroupJSON(
        key: key, name: name, value: value.value, numerator: value.numerator, denominator: value.denominator)
    }
    if let step = TrendStep(rawValue: group) {
      return try await reader.trend(step).map { json($0.label, $0.label, $0.tally, agents: 0) }
    }
    guard let grouping = StatisticsReader.Grouping(rawValue: group) else { return [] }
    let rows = try await reader.rows(grouping)
    // Agents per group: the agents themselves when grouped by staff member, else unknown per group.
    return rows.map { json($0.key, $0.name, $0.tally, agents: grouping == .staff && $0.tally.filedByProxy > 0 ? 1 : 0) }
  }

  private static func invalid(_ field: String, zh: String, en: String) -> AppError {
    AppError(.badRequest, code: "invalid_field", message: LocalizedText(zh: zh, en: en), field: field)
  }
}
