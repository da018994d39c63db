import Fluent
import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// Reads the figures of a `StatisticsScope` for a period: the case rollup, the catalog (counted at most once a minute),
/// the ratings, the hall and the directory — only the parts that apply to the scope (a department has no hall of its
/// own, a town no catalog) — and the targets. One definition serves the dashboards, the exports, the monthly report
/// and the API.
struct StatisticsReader {
  let req: Request
  let scope: StatisticsScope
  let period: StatPeriod
  let rule: DeadlineRule

  init(_ req: Request, scope: StatisticsScope, period: StatPeriod) async throws {
    self.req = req
    self.scope = scope
    self.period = period
    rule = try await req.deadlineRule()
  }

  var today: CivilDate { rule.civilDate(of: req.now) }
  private var repository: StatisticsRepository { StatisticsRepository(req.database) }

  /// The sources of figures that mean something for the scope.
  var sources: [StatFigure.Source] {
    switch scope.kind {
    case .center: StatFigure.Source.allCases
    case .department: [.catalog, .cases, .ratings]
    case .town: [.cases, .ratings, .hall, .directory]
    }
  }

  var figures: [StatFigure] { StatFigure.allCases.filter { sources.contains($0.source) } }

  // MARK: Inputs

  func inputs() async throws -> StatInputs {
    let tally =
      try await repository.tallies(county: scope.county, period: period, filter: scope.filter)[""] ?? CaseTally()
    var inputs = StatInputs(
      cases: tally,
      activeAgents: try await repository.proxyFilers(county: scope.county, period: period, filter: scope.filter).count)
    if sources.contains(.catalog) { inputs.catalog = try await catalog() }
    if sources.contains(.ratings) { inputs.ratings = try await ratings() }
    if sources.contains(.hall) { inputs.hall = try await hall() }
    if sources.contains(.directory) { inputs.directory = try await directory() }
    return inputs
  }

  private func catalog() async throws -> CatalogFigures {
    try await req.application.statisticsCache.catalog(key: scope.county + "|" + scope.key, now: req.now) {
      let departments = try await DirectoryRepository(req.database).departments(
        in: RegionCode(scope.county))
      let inHall = Set(departments.filter { $0.inHall == true }.map(\.id))
      let ids = scope.kind == .department ? [scope.key] : Set(departments.map(\.id))
      let items = try await CatalogRepository(req.database).items(county: scope.county).filter {
        ids.contains($0.departmentID)
      }
      // 进驻率 is unknown while a department with items here has not said whether it is in the hall.
      let unknown = Set(departments.filter { $0.inHall == nil }.map(\.id))
      let known = !items.contains { unknown.contains($0.departmentID) }
      return CatalogFigures(items: items, departmentsInHall: known ? inHall : nil)
    }
  }

  private var ratingSpan: (from: Date, to: Date) {
    (rule.startOfDay(period.from), rule.startOfDay(period.through.adding(days: 1)))
  }

  func ratings(by grouping: SatisfactionGrouping) async throws -> [String: SatisfactionFigures] {
    let span = ratingSpan
    let key = "\(scope.county)|\(grouping.rawValue)|\(period.code)"
    return try await req.application.statisticsCache.ratings(key: key, now: req.now) {
      try await EvaluationController.repository(req).figures(
        by: grouping, county: scope.county, from: span.from, to: span.to, now: req.now)
    }
  }

  private func ratings() async throws -> SatisfactionFigures {
    switch scope.kind {
    case .center: return try await ratings(by: .department).values.reduce(SatisfactionFigures(), +)
    case .department: return try await ratings(by: .department)[scope.key] ?? SatisfactionFigures()
    case .town:
      let sites = Set(scope.sites.map(\.id))
      return try await ratings(by: .site).filter { sites.contains($0.key) }.values.reduce(SatisfactionFigures(), +)
    }
  }

  /// The hall from its daily rollup (the days the worker folded) and the tickets of the days after.
  private func hall() async throws -> HallTotals {
    try await HallRollup(req.database).totals(
      county: scope.county, sites: scope.kind == .center ? nil : scope.sites.map(\.id), from: period.from,
      through: period.through, today: today)
  }

  private func directory() async throws -> DirectoryCounts {
    let region = scope.kind == .town ? RegionCode(scope.key)! : RegionCode(scope.county)!
    let towns = try await DirectoryRepository(req.database).regions().map(\.code).filter {
      $0.level == .town && region.contains($0)
    }
    return DirectoryCounts(
      towns: towns, sites: scope.sites, agentsPerSite: try await StaffRepository(req.database).agentsBySite(in: region))
  }

  // MARK: Figures and targets

  func figureLines(_ inputs: StatInputs) async throws -> [StatisticsDashboardPage.FigureLine] {
    let centers = try await repository.targets(county: scope.county)
    return figures.map { figure in
      let value = inputs.value(of: figure)
      let target = StatTarget.current(for: figure, centers: centers, today: today)
      return StatisticsDashboardPage.FigureLine(
        figure: figure, value: value, target: target, standing: target?.standing(of: value.value, today: today))
    }
  }

  // MARK: Breakdowns, trend, items

  enum Grouping: String, CaseIterable {
    case department, town, site, window, staff
  }

  /// The breakdowns a dashboard shows.
  var breakdownGroupings: [Grouping] {
    switch scope.kind {
    case .center: [.department, .town]
    case .department: [.site, .staff]
    case .town: [.site, .staff]
    }
  }

  func heading(_ grouping: Grouping) -> LocalizedText {
    switch grouping {
    case .department: LocalizedText(zh: "按部门", en: "By department")
    case .town: LocalizedText(zh: "按镇街", en: "By town")
    case .site: LocalizedText(zh: "按受理场所", en: "By site")
    case .window: LocalizedText(zh: "按窗口", en: "By window")
    case .staff: LocalizedText(zh: "按工作人员（申报、受理、决定）", en: "By staff member (filed, accepted, decided)")
    }
  }

  /// The tallies per group, named, largest first.
  func rows(_ grouping: Grouping) async throws -> [StatisticsDashboardPage.Row] {
    let names = try await StaffDesk.directoryNames(req)
    switch grouping {
    case .department:
      let tallies = try await repository.tallies(
        county: scope.county, period: period, filter: scope.filter, by: .department)
      let ratings = try await ratings(by: .department)
      return tallies.map { key, tally in
        StatisticsDashboardPage.Row(
          key: key, name: names.department(key), link: Links.statisticsDepartment(key), tally: tally,
          ratings: ratings[key])
      }.sorted(by: Self.larger)
    case .site:
      let tallies = try await repository.tallies(county: scope.county, period: period, filter: scope.filter, by: .site)
      let ratings = try await ratings(by: .site)
      return tallies.map { key, tally in
        StatisticsDashboardPage.Row(
          key: key, name: names.site(key), link: nil, tally: tally,
          ratings: scope.kind == .department ? nil : ratings[key])
      }.sorted(by: Self.larger)
    case .town:
      let tallies = try await repository.tallies(county: scope.county, period: period, filter: scope.filter, by: .site)
      let siteRegion = Dictionary(scope.sites.map { ($0.id, $0.regionCode) }, uniquingKeysWith: { a, _ in a })
      let siteRatings = try await ratings(by: .site)
      let regions = Dictionary(
        try await DirectoryRepository(req.database).regions().map { ($0.code.value, $0.name) },
        uniquingKeysWith: { a, _ in a })
      var towns: [String: (CaseTally, SatisfactionFigures)] = [:]
      for (site, tally) in tallies {
        let region = siteRegion[site]?.value ?? scope.county
        let town = region.count >= 9 ? String(region.prefix(9)) : scope.county
        var entry = towns[town] ?? (CaseTally(), SatisfactionFigures())
        entry.0.add(tally)
        if let rating = siteRatings[site] { entry.1 = entry.1 + rating }
        towns[town] = entry
      }
      return towns.map { key, entry in
        StatisticsDashboardPage.Row(
          key: key,
          name: key == scope.county ? (regions[key] ?? key) + "（县本级）" : regions[key] ?? key,
          link: key == scope.county ? nil : Links.statisticsTown(key), tally: entry.0, ratings: entry.1)
      }.sorted(by: Self.larger)
    case .window, .staff:
      let key: StatisticsRepository.Key = grouping == .window ? .window : .staff
      let tallies = try await repository.tallies(county: scope.county, period: period, filter: scope.filter, by: key)
        .filter { !$0.key.isEmpty }
      let ratings = try await ratings(by: grouping == .window ? .window : .staff)
      let labels =
        grouping == .window
        ? try await StaffDesk.windowNames(county: scope.county, req) : try await staffNames()
      return tallies.map { id, tally in
        StatisticsDashboardPage.Row(
          key: id, name: labels[id] ?? id, link: nil, tally: tally, ratings: ratings[id])
      }.sorted(by: Self.larger)
    }
  }

  private static func larger(_ a: StatisticsDashboardPage.Row, _ b: StatisticsDashboardPage.Row) -> Bool {
    let (x, y) = (a.tally.filed + a.tally.concluded, b.tally.filed + b.tally.concluded)
    return x != y ? x > y : a.name < b.name
  }

  private func staffNames() async throws -> [String: String] {
    Dictionary(
      try await StaffRepository(req.database).list(in: Scope(regionCode: RegionCode(scope.county)!), limit: 100_000)
        .map { ($0.identity.id, $0.identity.displayName) }, uniquingKeysWith: { a, _ in a })
  }

  /// How the trend is cut: by week for up to two months, else by month, unless the request says (`trend=`).
  var trendStep: TrendStep {
    if let raw = req.query[String.self, at: "trend"], let step = TrendStep(rawValue: raw) { return step }
    return period.days <= 62 ? .week : .month
  }

  func trend(_ step: TrendStep) async throws -> [(label: String, tally: CaseTally)] {
    if step == .month {
      let months = try await repository.tallies(county: scope.county, period: period, filter: scope.filter, by: .month)
      return period.buckets(.month).map { ($0.code, months[$0.code] ?? CaseTally()) }
    }
    let days = try await repository.tallies(county: scope.county, period: period, filter: scope.filter, by: .day)
    return period.buckets(step).map { bucket in
      var tally = CaseTally()
      var day = bucket.from
      while day <= bucket.through {
        if let t = days[day.iso] { tally.add(t) }
        day = day.adding(days: 1)
      }
      return (bucket.code, tally)
    }
  }

  func topItems() async throws -> (
    volume: [StatisticsDashboardPage.ItemLine], late: [StatisticsDashboardPage.ItemLine],
    negative: [StatisticsDashboardPage.ItemLine]
  ) {
    let departments = scope.filter.departmentIDs
    // Items are counted per month: a town's dashboard reads the county's items through its sites' cases, which the
    // item rollup does not keep, so a town shows the ratings ranking only.
    let volume =
      scope.kind == .town
      ? [] : try await repository.topItems(county: scope.county, period: period, departmentIDs: departments, by: .filed)
    let late =
      scope.kind == .town
      ? [] : try await repository.topItems(county: scope.county, period: period, departmentIDs: departments, by: .late)
    var byItem = try await ratings(by: .item)
    let catalog = CatalogRepository(req.database)
    if scope.kind != .center {
      let known = try await catalog.find(codes: Array(byItem.keys))
      byItem = byItem.filter { code, _ in
        guard let item = known[code] else { return false }
        return scope.kind == .department ? item.departmentID == scope.key : true
      }
    }
    let negative = byItem.filter { $0.value.negatives > 0 }.sorted {
      $0.value.negatives != $1.value.negatives ? $0.value.negatives > $1.value.negatives : $0.key < $1.key
    }.prefix(10)
    let codes = Set(volume.map(\.itemCode) + late.map(\.itemCode) + negative.map(\.key))
    let items = try await catalog.find(codes: Array(codes))
    func line(_ code: String, _ counts: StatisticsRepository.ItemLine?) -> StatisticsDashboardPage.ItemLine {
      let ratings = byItem[code] ?? SatisfactionFigures()
      return StatisticsDashboardPage.ItemLine(
        code: code, name: items[code]?.name ?? code, filed: counts?.filed ?? 0, concluded: counts?.concluded ?? 0,
        late: counts?.late ?? 0, negatives: ratings.negatives, ratings: ratings.total)
    }
    return (
      volume.map { line($0.itemCode, $0) }, late.map { line($0.itemCode, $0) }, negative.map { line($0.key, nil) }
    )
  }
}

/// What the dashboards read outside the rollup, kept for a minute: the catalog's counts per county and scope (the
/// catalog changes by the week, and the count reads every published item), and the satisfaction figures per county,
/// grouping and period (a dashboard reads them for its totals, its breakdowns and its item ranking; every
/// supervisor's screen reads the same ones). The case figures beside them are rolled up once a minute too.
final class StatisticsCache: Sendable {
  private let catalogs = ExpiringCache<String, CatalogFigures>(maxAge: 60, bound: 1_000)
  private let satisfaction = ExpiringCache<String, [String: SatisfactionFigures]>(maxAge: 60, bound: 1_000)
  /// Loads of satisfaction figures under way: a screen opened by several supervisors at once (or a dashboard that
  /// needs the same figures twice) waits for the one load rather than starting its own.
  private let loading = NIOLockedValueBox<[String: Task<[String: SatisfactionFigures], any Error>]>([:])

  func catalog(key: String, now: Date, load: () async throws -> CatalogFigures) async throws -> CatalogFigures {
    try await catalogs.value(for: key, now: now, load: load)
  }

  func ratings(key: String, now: Date, load: @escaping @Sendable () async throws -> [String: SatisfactionFigures])
    async throws -> [String: SatisfactionFigures]
  {
    try await satisfaction.value(for: key, now: now) {
      let task = loading.withLockedValue { running in
        if let task = running[key] { return task }
        let task = Task { try await load() }
        running[key] = task
        return task
      }
      defer { _ = loading.withLockedValue { $0.removeValue(forKey: key) } }
      return try await task.value
    }
  }
}

struct StatisticsCacheKey: StorageKey {
  typealias Value = StatisticsCache
}

extension Application {
  var statisticsCache: StatisticsCache {
    if let cache = storage[StatisticsCacheKey.self] { return cache }
    let cache = StatisticsCache()
    storage[StatisticsCacheKey.self] = cache
    return cache
  }
}
