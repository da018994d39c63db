import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// Several counties in one deployment: a visitor picks the county whose services they see (`/counties`), and a city
/// account picks the county it works in (`/city`). A county's own staff never choose: they work in their county.
enum CountyController {
  /// `GET /counties`: the counties this deployment serves.
  @Sendable static func list(req: Request) async throws -> HTML {
    let counties = try await req.application.counties(on: req.database)
    return CountiesPage.render(
      counties, current: try await req.county()?.code.value,
      returnTo: ReturnPath.local(req.query[String.self, at: "to"]), try await req.pageContext())
  }

  /// `GET /counties/{code}?to=/path`: remembers the visitor's county for a year, like the language switch.
  @Sendable static func pick(req: Request) async throws -> Response {
    let code = req.parameters.get("code") ?? ""
    guard try await req.application.counties(on: req.database).contains(where: { $0.code.value == code }) else {
      throw AppError.notFound(LocalizedText(zh: "没有这个县区", en: "No such county"))
    }
    let response = req.redirect(to: ReturnPath.local(req.query[String.self, at: "to"]) ?? Links.home)
    response.cookies[Cookies.county] = HTTPCookies.Value(
      string: code, maxAge: 365 * 24 * 3600, isSecure: req.application.configuration.secureCookies, isHTTPOnly: true,
      sameSite: .lax)
    return response
  }

  /// `GET /city`: a city account's counties with their open cases by light.
  @Sendable static func city(req: Request) async throws -> HTML {
    let (city, staff) = try cityAccount(req)
    // Read afresh: a county added a moment ago with `onewindow init --add` is listed at once.
    let counties = try await DirectoryRepository(req.database).counties().filter { city.hasCounty($0.code) }
    let open = try await OperationsRepository(req.database).openCases(now: req.now)
    let accounts = StaffRepository(req.database)
    var rows: [CityPage.Row] = []
    for county in counties {
      rows.append(
        CityPage.Row(
          county: county, open: open[county.code.value] ?? ClockBoard.Counts(),
          staff: try await accounts.count(in: Scope(regionCode: county.code))))
    }
    let current = staff.scope.regionCode.value == city.value ? nil : staff.scope.regionCode.value
    return CityPage.render(city: city, rows: rows, current: current, try await req.pageContext())
  }

  /// `POST /city/county` (`county`): the session moves to that county of the city, or back to the city with the
  /// city's own code.
  @Sendable static func choose(req: Request) async throws -> Response {
    let (city, _) = try cityAccount(req)
    let raw = (try? req.content.get(String.self, at: "county")) ?? ""
    guard let token = req.cookies[Cookies.session]?.string else { throw AppError.unauthenticated }
    if raw == city.value {
      try await SessionRepository(req.database).choose(county: city, token: token)
      return req.redirect(to: Links.city, redirectType: .normal)
    }
    guard let code = RegionCode(raw), city.hasCounty(code),
      try await DirectoryRepository(req.database).region(code) != nil
    else {
      throw ValidationError(
        field: "county", zh: "「\(raw)」不是本市在本系统中的县区", en: "'\(raw)' is not one of this city's counties here")
    }
    try await SessionRepository(req.database).choose(county: code, token: token)
    req.logger.notice("city account \(req.staffSession?.staff.username ?? "") works in county \(code)")
    return req.redirect(to: Links.staffHome, redirectType: .normal)
  }

  /// The city of the signed-in city account, or 403 for anyone else.
  private static func cityAccount(_ req: Request) throws -> (RegionCode, StaffIdentity) {
    let staff = try req.requireStaff()
    guard let city = req.staffSession?.city else {
      throw AppError.forbidden(LocalizedText(zh: "仅地市级账号可用", en: "For city accounts only"))
    }
    return (city, staff)
  }
}
