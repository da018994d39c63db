import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 我的评价与整改 for every staff member (the fixes assigned to them, the ratings about them, 申诉) and 申诉复核 for
/// the supervisors who decide the appeals.
enum AppealController {
  private static func county(_ staff: StaffIdentity) -> String { staff.scope.regionCode.county.value }

  /// `GET /staff/evaluations`
  @Sendable static func mine(req: Request) async throws -> HTML {
    try await minePage(try req.requireStaff(), errors: [], erroredID: nil, req)
  }

  private static func minePage(
    _ staff: StaffIdentity, errors: [ValidationError], erroredID: String?, _ req: Request
  ) async throws -> HTML {
    let repository = try await EvaluationController.repository(req)
    let assigned = try await repository.open(county: county(staff), assignee: staff.id)
    let since = req.now.addingTimeInterval(-90 * 86_400)
    var rated: [MyEvaluationsPage.Rated] = []
    for (evaluation, _) in try await repository.recent(county: county(staff), staffID: staff.id, limit: 200)
    where evaluation.at >= since {
      rated.append(.init(evaluation: evaluation, appeal: try await repository.appeal(evaluationID: evaluation.id)))
    }
    let figures = try await repository.figures(
      by: .staff, county: county(staff), from: since, to: req.now, now: req.now)
    let context = try await req.pageContext()
    let notice = req.query[String.self, at: "appealed"].map { _ in
      context.t("申诉已提交，等待电子监察员复核。", "Your appeal was filed; a supervisor will decide it.")
    }
    return MyEvaluationsPage.render(
      .init(
        assigned: assigned, rated: rated, figures: figures[staff.id] ?? SatisfactionFigures(), errors: errors,
        erroredID: erroredID, clock: CaseClock(rule: try await req.deadlineRule(), now: req.now), notice: notice),
      context)
  }

  /// `POST /staff/evaluations/{id}/appeal` with `reason` and `evidence`.
  @Sendable static func file(req: Request) async throws -> Response {
    let staff = try req.requireStaff()
    let id = req.parameters.get("id") ?? ""
    let repository = try await EvaluationController.repository(req)
    guard let evaluation = try await repository.evaluation(id: id),
      RegionCode(evaluation.about.regionCode).map({ $0.county == staff.scope.regionCode.county }) ?? false
    else { throw AppError.notFound(LocalizedText(zh: "没有这条评价", en: "No such rating")) }
    let posted = try EvaluationController.posted(req)
    do {
      let appeal = try EvaluationAppeal.file(
        id: UUID().uuidString.lowercased(), on: evaluation, by: staff, reason: posted["reason"] ?? "",
        evidence: posted["evidence"] ?? "", at: req.now)
      try await repository.file(appeal, county: county(staff))
    } catch let problems as ValidationErrors {
      return try await minePage(staff, errors: problems.errors, erroredID: id, req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    } catch let problem as ValidationError {
      return try await minePage(staff, errors: [problem], erroredID: id, req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
    req.logger.info("rating \(id) appealed by \(staff.username)")
    return req.redirect(to: Links.myEvaluations + "?appealed=1", redirectType: .normal)
  }

  /// `GET /supervision/appeals`
  @Sendable static func list(req: Request) async throws -> HTML {
    try await listPage(try req.authorize(.superviseCases), errors: [], erroredID: nil, req)
  }

  private static func listPage(
    _ staff: StaffIdentity, errors: [ValidationError], erroredID: String?, _ req: Request
  ) async throws -> HTML {
    let context = try await req.pageContext()
    let notice = req.query[String.self, at: "decided"].map { _ in context.t("已复核。", "Decided.") }
    return AppealsPage.render(
      .init(
        appeals: try await EvaluationController.repository(req).appeals(county: county(staff)), errors: errors,
        erroredID: erroredID, clock: CaseClock(rule: try await req.deadlineRule(), now: req.now), notice: notice),
      context)
  }

  /// `POST /supervision/appeals/{id}` with `decision` (uphold or void) and `reason`.
  @Sendable static func decide(req: Request) async throws -> Response {
    let staff = try req.authorize(.superviseCases)
    let id = req.parameters.get("id") ?? ""
    let repository = try await EvaluationController.repository(req)
    guard let (_, evaluation) = try await repository.appeal(id: id),
      RegionCode(evaluation.about.regionCode).map({ $0.county == staff.scope.regionCode.county }) ?? false
    else { throw AppError.notFound(LocalizedText(zh: "没有这条申诉", en: "No such appeal")) }
    let posted = try EvaluationController.posted(req)
    do {
      let void: Bool
      switch posted["decision"] {
      case "void": void = true
      case "uphold": void = false
      default:
        throw ValidationError(field: "decision", zh: "请选择维持或作废", en: "Choose to uphold or to void")
      }
      try await repository.decide(appeal: id, void: void, reason: posted["reason"] ?? "", by: staff, now: req.now)
    } catch let problem as ValidationError {
      return try await listPage(staff, errors: [problem], erroredID: id, req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
    req.logger.info("appeal \(id): \(posted["decision"] ?? "") by \(staff.username)")
    return req.redirect(to: Links.appeals + "?decided=1", redirectType: .normal)
  }
}
