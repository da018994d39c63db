import Foundation
import OneWindowDomain
import OneWindowSpreadsheet
import OneWindowStore
import OneWindowViews
import Vapor

/// 考核 pages: the ranked table per clerk, window, department, town or agent for a period, its export, and the
/// center's weights. Everyone who reads figures reads it (county-wide: it ranks the county's people and units); only
/// the center's administrator sets the weights.
enum AssessmentController {
  /// `GET /supervision/assessment?by=&period=`
  @Sendable static func show(req: Request) async throws -> HTML {
    let staff = try req.authorize(.viewStatistics, in: Scope(regionCode: try countyScope(req)))
    return AssessmentPage.render(try await model(staff, req), try await req.pageContext())
  }

  /// `GET /supervision/assessment.xlsx?by=&period=`
  @Sendable static func export(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewStatistics, in: Scope(regionCode: try countyScope(req)))
    let model = try await model(staff, req)
    let criteria = Assessment.Criterion.allCases
    let header =
      ["名次", model.subject.name.zh, "得分", "依据项数", "经手件数"]
      + criteria.map { "\($0.name.zh)（权重\(model.weights[$0] ?? 0)）" }
    let rows = model.assessment.lines.map { line in
      [
        line.rank.map(String.init) ?? "", line.record.name, line.score.map { String(format: "%.1f", $0) } ?? "",
        "\(line.shares.count)/\(criteria.count)", String(line.record.handled),
      ] + criteria.map { line.shares[$0].map(StatText.percent) ?? "" }
    }
    let stamp = ["考核期间 \(model.period.from.iso)—\(model.period.through.iso)"]
    let definitions = criteria.map { [$0.name.zh, String(model.weights[$0] ?? 0), $0.definition.zh] }
    let workbook = Workbook(sheets: [
      Workbook.Sheet(
        name: "考核", rows: [stamp, header] + rows, widths: [8, 28, 10, 10, 10] + criteria.map { _ in 14 }),
      Workbook.Sheet(name: "口径", rows: [["指标", "权重", "口径"]] + definitions, widths: [22, 8, 70]),
    ])
    return XLSXResponse.make(
      workbook.xlsx(), fileName: "考核-\(model.subject.name.zh)-\(model.period.code).xlsx",
      asciiName: "assessment-\(model.subject.rawValue)-\(model.period.code).xlsx")
  }

  /// `POST /supervision/assessment/weights`: one whole-number weight (0–100) per criterion.
  @Sendable static func saveWeights(req: Request) async throws -> Response {
    let staff = try req.authorize(.setTargets)
    let posted = try req.content.decode([String: String].self)
    switch Assessment.validate(weights: posted) {
    case .failure(let error):
      let html = AssessmentPage.render(
        try await model(staff, req, errors: [error], form: posted), try await req.pageContext())
      return .html(html, status: .unprocessableEntity)
    case .success(let weights):
      try await AssessmentRepository(req.database).saveWeights(
        weights, county: staff.scope.regionCode.county.value, by: staff.id, now: req.now)
      req.logger.info("assessment weights set by \(staff.username)")
      let back = Links.assessment + Links.query([("by", posted["by"]), ("period", posted["period"])])
      return req.redirect(to: back, redirectType: .normal)
    }
  }

  private static func countyScope(_ req: Request) throws -> RegionCode {
    try req.requireStaff().scope.regionCode.county
  }

  private static func model(
    _ staff: StaffIdentity, _ req: Request, errors: [ValidationError] = [], form: [String: String] = [:]
  ) async throws -> AssessmentPage.Model {
    let rule = try await req.deadlineRule()
    let today = rule.civilDate(of: req.now)
    let raw = form["by"] ?? req.query[String.self, at: "by"] ?? ""
    guard let subject = raw.isEmpty ? .staff : Assessment.Subject(rawValue: raw) else {
      throw AppError(
        .badRequest, code: "invalid_field",
        message: LocalizedText(
          zh: "by 应为：\(Assessment.Subject.allCases.map(\.rawValue).joined(separator: "、"))",
          en: "by must be one of: \(Assessment.Subject.allCases.map(\.rawValue).joined(separator: ", "))"),
        field: "by")
    }
    let period: StatPeriod
    if let posted = form["period"].flatMap(StatPeriod.parse) {
      period = posted
    } else {
      period = try StatisticsScope.period(req, today: today)
    }
    let county = staff.scope.regionCode.county.value
    let stored = try await AssessmentRepository(req.database).weights(county: county)
    let weights = stored ?? Assessment.defaultWeights
    let records = try await AssessmentRecords(req, county: county, period: period, rule: rule).records(subject)
    return AssessmentPage.Model(
      subject: subject, period: period, assessment: Assessment(records: records, weights: weights), weights: weights,
      weightsAreCenters: stored != nil, mayEditWeights: Authorization.can(staff, .setTargets), errors: errors,
      form: form)
  }
}

/// Gathers what each subject is assessed on: its tally from the statistics rollup, its ratings, rule hits, spot-check
/// findings and attendance.
struct AssessmentRecords {
  let req: Request
  let county: String
  let period: StatPeriod
  let rule: DeadlineRule

  init(_ req: Request, county: String, period: StatPeriod, rule: DeadlineRule) {
    self.req = req
    self.county = county
    self.period = period
    self.rule = rule
  }

  private var span: (from: Date, to: Date) {
    (rule.startOfDay(period.from), rule.startOfDay(period.through.adding(days: 1)))
  }

  func records(_ subject: Assessment.Subject) async throws -> [Assessment.Record] {
    let statistics = StatisticsRepository(req.database)
    let ratings = EvaluationController.repository
    let hits = try await AssessmentRepository(req.database).hits(county: county, from: span.from, to: span.to)
    let names = try await StaffDesk.directoryNames(req)
    switch subject {
    case .staff, .agent:
      let people = try await StaffRepository(req.database).list(
        in: Scope(regionCode: RegionCode(county)!), limit: 100_000
      ).filter { (subject == .agent) == ($0.identity.role == .agent) }
      let tallies = try await statistics.tallies(county: county, period: period, by: .staff)
      let rated = try await ratings(req).figures(by: .staff, county: county, from: span.from, to: span.to, now: req.now)
      let attendance = subject == .staff ? try await staffAttendance() : [:]
      let checks = try await AssessmentRepository(req.database).spotChecks(county: county, from: span.from, to: span.to)
      return people.compactMap { person in
        let id = person.identity.id
        let tally = tallies[id] ?? CaseTally()
        let attended = attendance[FloorRosterRepository.canonical(id)]
        guard !tally.isEmpty || rated[id] != nil || attended != nil else { return nil }
        var record = Assessment.Record(key: id, name: person.identity.displayName, cases: tally)
        record.ratings = rated[id]
        record.ruleHits = hits.filter { subject == .agent ? $0.agentID == id : $0.receivedBy == id }.count
        record.attendance = attended
        if subject == .agent { record.spotChecks = checks["agent:\(id)"] }
        return record
      }
    case .window:
      let tallies = try await statistics.tallies(county: county, period: period, by: .window)
      let rated = try await ratings(req).figures(
        by: .window, county: county, from: span.from, to: span.to, now: req.now)
      let windows = try await StaffDesk.windowNames(county: county, req)
      let present = try await AssessmentRepository(req.database).signInDays(county: county, period: period)
      let workdays = workdaysSoFar()
      return windows.compactMap { id, name in
        let tally = tallies[id] ?? CaseTally()
        guard !tally.isEmpty || rated[id] != nil || present.windows[id] != nil else { return nil }
        var record = Assessment.Record(key: id, name: name, cases: tally)
        record.ratings = rated[id]
        record.ruleHits = hits.filter { $0.windowID == id }.count
        if present.any { record.attendance = (present.windows[id] ?? 0, workdays) }
        return record
      }
    case .department:
      let tallies = try await statistics.tallies(county: county, period: period, by: .department)
      let rated = try await ratings(req).figures(
        by: .department, county: county, from: span.from, to: span.to, now: req.now)
      let checks = try await AssessmentRepository(req.database).spotChecks(county: county, from: span.from, to: span.to)
      return Set(tallies.keys).union(rated.keys).map { id in
        var record = Assessment.Record(key: id, name: names.department(id), cases: tallies[id] ?? CaseTally())
        record.ratings = rated[id]
        record.ruleHits = hits.filter { $0.departmentID == id }.count
        record.spotChecks = checks["department:\(id)"]
        return record
      }
    case .town:
      let sites = try await DirectoryRepository(req.database).sites()
      let townOf = Dictionary(
        sites.map { ($0.id, $0.regionCode.value.count >= 9 ? String($0.regionCode.value.prefix(9)) : "") },
        uniquingKeysWith: { a, _ in a })
      let regions = Dictionary(
        try await DirectoryRepository(req.database).regions().map { ($0.code.value, $0.name) },
        uniquingKeysWith: { a, _ in a })
      let tallies = try await statistics.tallies(county: county, period: period, by: .site)
      let rated = try await ratings(req).figures(by: .site, county: county, from: span.from, to: span.to, now: req.now)
      var towns: [String: Assessment.Record] = [:]
      for site in Set(tallies.keys).union(rated.keys) {
        guard let town = townOf[site], !town.isEmpty else { continue }
        var record = towns[town] ?? Assessment.Record(key: town, name: regions[town] ?? town, cases: CaseTally())
        record.cases.add(tallies[site] ?? CaseTally())
        if let r = rated[site] { record.ratings = (record.ratings ?? SatisfactionFigures()) + r }
        towns[town] = record
      }
      for hit in hits { if let town = townOf[hit.siteID], !town.isEmpty { towns[town]?.ruleHits += 1 } }
      return Array(towns.values)
    }
  }

  /// Working days of the period up to today (days still ahead are not yet due).
  private func workdaysSoFar() -> Int {
    let last = min(period.through, rule.civilDate(of: req.now))
    var day = period.from
    var count = 0
    while day <= last {
      if rule.calendar.isWorkday(day) { count += 1 }
      day = day.adding(days: 1)
    }
    return count
  }

  /// Days signed in ÷ working days held on an A post (leave days left out), per staff member; empty when the county
  /// recorded no sign-in in the period (attendance is then unknown, not 0).
  private func staffAttendance() async throws -> [String: (present: Int, due: Int)] {
    let present = try await AssessmentRepository(req.database).signInDays(county: county, period: period)
    guard present.any else { return [:] }
    let leaves = try await FloorRosterRepository(req.database).leaves(county: county, from: period.from)
    let last = min(period.through, rule.civilDate(of: req.now))
    var due: [String: Set<Int>] = [:]
    for duty in try await RosterRepository(req.database).assignments() where duty.post == .a {
      let staff = FloorRosterRepository.canonical(duty.staffID)
      var day = max(duty.startsOn, period.from)
      let end = min(duty.endsOn ?? last, last)
      while day <= end {
        if rule.calendar.isWorkday(day),
          !leaves.contains(where: { FloorRosterRepository.canonical($0.staffID) == staff && $0.covers(day) })
        {
          due[staff, default: []].insert(day.dayNumber)
        }
        day = day.adding(days: 1)
      }
    }
    var result: [String: (present: Int, due: Int)] = [:]
    for (staff, days) in due { result[staff] = (min(present.staff[staff] ?? 0, days.count), days.count) }
    return result
  }
}
