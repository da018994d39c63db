import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// What a dashboard, an export or an API answer counts over: the whole county (the center's), one department, or one
/// town with its villages. Resolving it checks that the viewer's scope covers it: a department's staff see their
/// department, a town's their town, the center's supervisors and administrators everything in the county.
struct StatisticsScope: Sendable {
  let kind: StatisticsDashboardPage.Kind
  /// "" for the county, the department's id, the town's 9-digit code.
  let key: String
  let name: String
  let county: String
  /// The dashboard's address.
  let path: String
  /// The sites in scope (all the county's for the center and a department).
  let sites: [Site]
  let filter: StatisticsRepository.Filter

  static func resolve(_ kind: StatisticsDashboardPage.Kind, key: String, _ req: Request) async throws -> StatisticsScope
  {
    let staff = try req.authorize(.viewStatistics)
    let county = staff.scope.regionCode.county
    let directory = DirectoryRepository(req.database)
    let sites = try await directory.sites().filter { county.contains($0.regionCode) }
    switch kind {
    case .center:
      _ = try req.authorize(.viewStatistics, in: Scope(regionCode: county))
      let name = try await directory.counties().first { $0.code == county }?.name ?? county.value
      return StatisticsScope(
        kind: .center, key: "", name: name, county: county.value, path: Links.statistics, sites: sites,
        filter: StatisticsRepository.Filter())
    case .department:
      guard let department = try await directory.departments(in: county).first(where: { $0.id == key }) else {
        throw AppError.notFound(LocalizedText(zh: "没有这个部门", en: "No such department"))
      }
      _ = try req.authorize(.viewStatistics, in: Scope(regionCode: county, departmentID: department.id))
      return StatisticsScope(
        kind: .department, key: key, name: department.name, county: county.value,
        path: Links.statisticsDepartment(key), sites: sites,
        filter: StatisticsRepository.Filter(departmentIDs: [key]))
    case .town:
      guard let code = RegionCode(key), code.level == .town, county.contains(code),
        let town = try await directory.regions().first(where: { $0.code == code })
      else {
        throw AppError.notFound(LocalizedText(zh: "本县没有这个镇（街道）", en: "No such town in this county"))
      }
      _ = try req.authorize(.viewStatistics, in: Scope(regionCode: code))
      let inTown = sites.filter { code.contains($0.regionCode) }
      return StatisticsScope(
        kind: .town, key: key, name: town.name, county: county.value, path: Links.statisticsTown(key), sites: inTown,
        filter: StatisticsRepository.Filter(siteIDs: Set(inTown.map(\.id))))
    }
  }

  /// The period a request asks for (`period=`), this month when it names none; a 400 naming the field otherwise.
  static func period(_ req: Request, field: String = "period", today: CivilDate) throws -> StatPeriod {
    guard let raw = req.query[String.self, at: field], !raw.isEmpty else { return .month(containing: today) }
    guard let period = StatPeriod.parse(raw) else {
      throw AppError(
        .badRequest, code: "invalid_field",
        message: LocalizedText(
          zh: "统计期间应写作 2026-11、2026-Q4、2026、2026-W47 或 2026-01-01..2026-03-31（十年以内）",
          en: "Write the period as 2026-11, 2026-Q4, 2026, 2026-W47 or 2026-01-01..2026-03-31 (ten years at most)"),
        field: field)
    }
    return period
  }
}
