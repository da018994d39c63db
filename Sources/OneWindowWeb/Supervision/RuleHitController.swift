import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 监察预警: the anomaly rules' hits for those who read figures, settled by supervisors.
enum RuleHitController {
  static let pageSize = 50

  /// `GET /supervision/hits?state=open|explained|confirmed|all&rule=`
  @Sendable static func list(req: Request) async throws -> HTML {
    try await page(try req.authorize(.viewStatistics), errors: [], erroredID: nil, req)
  }

  /// `POST /supervision/hits/{id}` with `state` (explained or confirmed) and `finding`.
  @Sendable static func settle(req: Request) async throws -> Response {
    let staff = try req.authorize(.superviseCases)
    let repository = RuleHitRepository(req.database)
    let id = req.parameters.get("id") ?? ""
    guard var hit = try await repository.find(id), hit.caseNumber.hasPrefix(staff.scope.regionCode.county.value)
    else { throw AppError.notFound(LocalizedText(zh: "没有这条预警", en: "No such rule hit")) }
    let posted = try req.content.decode([String: String].self)
    do {
      let state = RuleHit.State(rawValue: posted["state"] ?? "") ?? .open
      try hit.settle(state, finding: posted["finding"] ?? "", by: staff, at: req.now)
      guard try await repository.save(hit) else {
        throw ValidationError(field: "state", zh: "这条预警刚被他人核查过", en: "Someone else settled this hit")
      }
    } catch let error as ValidationError {
      return .html(try await page(staff, errors: [error], erroredID: id, req), status: .unprocessableEntity)
    }
    return req.redirect(to: Links.ruleHits + "?state=all#hit-\(id)", redirectType: .normal)
  }

  private static func page(_ staff: StaffIdentity, errors: [ValidationError], erroredID: String?, _ req: Request)
    async throws -> HTML
  {
    let rawState = req.query[String.self, at: "state"] ?? "open"
    let state: RuleHit.State? = rawState == "all" ? nil : (RuleHit.State(rawValue: rawState) ?? .open)
    let rule = req.query[String.self, at: "rule"].flatMap(AnomalyRule.init(rawValue:))
    let page = min(max(req.query[Int.self, at: "page"] ?? 1, 1), 10_000)
    let county = staff.scope.regionCode.county.value
    let repository = RuleHitRepository(req.database)
    let (hits, total) = try await repository.list(
      county: county, state: state, rule: rule, scope: staff.scope, limit: pageSize, offset: (page - 1) * pageSize)
    return RuleHitsPage.render(
      .init(
        hits: hits, total: total, state: state, rule: rule, openCounts: try await repository.openCounts(county: county),
        settings: req.application.configuration.anomalySettings, names: try await StaffDesk.directoryNames(req),
        clock: CaseClock(rule: try await req.deadlineRule(), now: req.now),
        maySettle: Authorization.can(staff, .superviseCases), errors: errors, erroredID: erroredID),
      try await req.pageContext())
  }
}
