import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 随机抽查 pages: those who read figures see the draws; supervisors draw and record findings.
enum SpotCheckController {
  private static func county(_ staff: StaffIdentity) -> String { staff.scope.regionCode.county.value }

  /// `GET /supervision/spot-checks`
  @Sendable static func list(req: Request) async throws -> HTML {
    try await listPage(try req.authorize(.viewStatistics), errors: [], values: [:], req)
  }

  /// `POST /supervision/spot-checks`: target ("department:ID" or "agent:ID"), from, through, size, seed (optional).
  @Sendable static func draw(req: Request) async throws -> Response {
    let staff = try req.authorize(.superviseCases)
    let posted = try req.content.decode([String: String].self)
    let rule = try await req.deadlineRule()
    do {
      let from = CivilDate(iso: posted["from"] ?? "")
      let through = CivilDate(iso: posted["through"] ?? "")
      let size = Int(posted["size"] ?? "")
      let rawSeed = (posted["seed"] ?? "").trimmingCharacters(in: .whitespaces)
      let seed = rawSeed.isEmpty ? Int.random(in: SpotCheck.seeds) : Int(rawSeed) ?? -1
      var errors: [ValidationError] = []
      let parts = (posted["target"] ?? "").split(separator: ":", maxSplits: 1).map(String.init)
      let target = parts.count == 2 ? SpotCheck.Target(kind: parts[0], id: parts[1]) : nil
      let offered = try await targets(staff, req).contains { $0.value == posted["target"] }
      if target == nil || !offered {
        errors.append(ValidationError(field: "target", zh: "请选择抽查对象", en: "Choose whose work to sample"))
      }
      do {
        try SpotCheck.validate(from: from, through: through, size: size, seed: seed)
      } catch { errors += error.errors }
      guard errors.isEmpty, let target, let from, let through, let size else { throw ValidationErrors(errors) }
      let repository = SpotCheckRepository(req.database)
      let candidates = try await repository.candidates(
        target, county: county(staff), from: rule.startOfDay(from), to: rule.startOfDay(through.adding(days: 1)))
      let check = try SpotCheck(
        id: TimeOrderedID.make(at: req.now).uuidString.lowercased(), target: target, from: from, through: through,
        seed: seed, candidates: candidates, size: size, by: staff, at: req.now)
      try await repository.insert(check, county: county(staff))
      req.logger.info("spot check \(check.id) drawn by \(staff.username): \(check.items.count) of \(check.population)")
      return req.redirect(to: Links.spotCheck(check.id), redirectType: .normal)
    } catch let problems as ValidationErrors {
      return .html(
        try await listPage(staff, errors: problems.errors, values: posted, req), status: .unprocessableEntity)
    } catch let problem as ValidationError {
      return .html(try await listPage(staff, errors: [problem], values: posted, req), status: .unprocessableEntity)
    }
  }

  /// `GET /supervision/spot-checks/{id}`
  @Sendable static func show(req: Request) async throws -> HTML {
    let staff = try req.authorize(.viewStatistics)
    let (check, version) = try await visible(req, staff)
    return try await page(check, version, staff, errors: [], erroredNumber: nil, req)
  }

  /// `POST /supervision/spot-checks/{id}/items/{number}`: result (compliant or problem), note.
  @Sendable static func record(req: Request) async throws -> Response {
    let staff = try req.authorize(.superviseCases)
    var (check, version) = try await visible(req, staff)
    let number = req.parameters.get("number") ?? ""
    let posted = try req.content.decode([String: String].self)
    do {
      guard let result = SpotCheck.Result(rawValue: posted["result"] ?? "") else {
        throw ValidationError(field: "result", zh: "请选择核查结果", en: "Choose the result")
      }
      try check.record(result, note: posted["note"] ?? "", on: number, by: staff, at: req.now)
      guard Int(posted["version"] ?? "") == version,
        try await SpotCheckRepository(req.database).save(check, over: version)
      else {
        throw ValidationError(field: "version", zh: "抽查记录刚被他人更新，请刷新后再记录", en: "Someone else recorded; reload")
      }
    } catch let problem as ValidationError {
      let current = try await SpotCheckRepository(req.database).find(check.id)
      return .html(
        try await page(
          current?.check ?? check, current?.version ?? version, staff, errors: [problem], erroredNumber: number, req),
        status: problem.field == "version" ? .conflict : .unprocessableEntity)
    }
    return req.redirect(to: Links.spotCheck(check.id) + "#item-\(number)", redirectType: .normal)
  }

  // MARK: parts

  private static func visible(_ req: Request, _ staff: StaffIdentity) async throws -> (SpotCheck, Int) {
    guard let found = try await SpotCheckRepository(req.database).find(req.parameters.get("id") ?? ""),
      found.county == county(staff)
    else { throw AppError.notFound(LocalizedText(zh: "没有这次抽查", en: "No such spot check")) }
    return (found.check, found.version)
  }

  /// The departments and proxy agents of the viewer's county, as the form offers them.
  private static func targets(_ staff: StaffIdentity, _ req: Request) async throws -> [(value: String, name: String)] {
    let departments = try await DirectoryRepository(req.database).departments(county: county(staff)).map {
      ("department:\($0.id)", "\($0.name)（办结件）")
    }
    let agents = try await StaffRepository(req.database).list(in: Scope(regionCode: staff.scope.regionCode.county))
      .filter { $0.identity.role == .agent }
      .map { ("agent:\($0.identity.id)", "帮办代办员 \($0.identity.displayName)（代办件）") }
    return departments + agents
  }

  private static func listPage(
    _ staff: StaffIdentity, errors: [ValidationError], values: [String: String], _ req: Request
  ) async throws -> HTML {
    let targets = try await targets(staff, req)
    return SpotCheckPages.list(
      .init(
        checks: try await SpotCheckRepository(req.database).list(county: county(staff)), targets: targets,
        targetNames: try await targetNames(targets), mayDraw: Authorization.can(staff, .superviseCases),
        errors: errors, values: values),
      try await req.pageContext())
  }

  private static func targetNames(_ targets: [(value: String, name: String)]) async throws -> [String: String] {
    Dictionary(
      targets.map { (String($0.value.split(separator: ":", maxSplits: 1).last ?? ""), $0.name) },
      uniquingKeysWith: { a, _ in a })
  }

  private static func page(
    _ check: SpotCheck, _ version: Int, _ staff: StaffIdentity, errors: [ValidationError], erroredNumber: String?,
    _ req: Request
  ) async throws -> HTML {
    let rule = try await req.deadlineRule()
    let repository = req.cases(rule)
    var cases: [String: ServiceCase] = [:]
    for item in check.items { cases[item.caseNumber] = try await repository.find(item.caseNumber) }
    let names = try await targetNames(try await targets(staff, req))
    return SpotCheckPages.check(
      .init(
        check: check, version: version, targetName: names[check.target.id] ?? check.target.id, cases: cases,
        clock: CaseClock(rule: rule, now: req.now), mayRecord: Authorization.can(staff, .superviseCases),
        errors: errors, erroredNumber: erroredNumber),
      try await req.pageContext())
  }
}
