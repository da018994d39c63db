import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// The public portal pages and shared assets.
enum PublicController {
  @Sendable static func home(req: Request) async throws -> HTML {
    let directory = DirectoryRepository(req.database)
    let catalog = CatalogRepository(req.database)
    // The county the visitor picked (or the only one): its departments, sites, items and bundles.
    let county = try await req.county()?.code.value ?? ""
    let counts = try await catalog.countsByDepartment(county: county)
    let departments = try await directory.departments(county: county).map { ($0, counts[$0.id] ?? 0) }
    var village = CatalogFilter()
    village.county = county
    village.level = .village
    village.limit = 12
    let model = PublicHomePage.Model(
      sites: try await directory.sites(county: county), departments: departments,
      items: try await catalog.search(village).items, itemCount: counts.values.reduce(0, +),
      bundles: try await BundleRepository(req.database).all(county: county),
      popular: try await req.application.lookups.popularItems(county: county, db: req.database, now: req.now),
      regionNames: Dictionary(
        try await directory.regions().map { ($0.code.value, $0.name) }, uniquingKeysWith: { a, _ in a }))
    return PublicHomePage.render(model, try await req.pageContext())
  }

  @Sendable static func stylesheet(req: Request) async throws -> Response {
    var headers = HTTPHeaders()
    headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
    headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
    return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
  }

  /// `GET /favicon.ico`: the brand's window (drawn by `scripts/make-favicon`), cached for a day.
  @Sendable static func favicon(req: Request) async throws -> Response {
    var headers = HTTPHeaders()
    headers.contentType = .init(type: "image", subType: "vnd.microsoft.icon")
    headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
    return Response(status: .ok, headers: headers, body: .init(data: Data(PackageResources.favicon_ico)))
  }

  /// `GET /lang/{zh|en}?to=/path`: remembers the language and goes back to the page.
  @Sendable static func setLanguage(req: Request) async throws -> Response {
    let language = Language(code: req.parameters.get("code"))
    let response = req.redirect(to: ReturnPath.local(req.query[String.self, at: "to"]) ?? Links.home)
    response.cookies[Cookies.language] = HTTPCookies.Value(
      string: language.rawValue, maxAge: 365 * 24 * 3600, isHTTPOnly: true, sameSite: .lax)
    return response
  }

  /// `GET /text-size/{large|normal}?to=/path`: 大字模式 on or off, remembered for a year.
  @Sendable static func setTextSize(req: Request) async throws -> Response {
    let large = req.parameters.get("size") == "large"
    let response = req.redirect(to: ReturnPath.local(req.query[String.self, at: "to"]) ?? Links.home)
    response.cookies[Cookies.textSize] = HTTPCookies.Value(
      string: large ? "large" : "normal", maxAge: 365 * 24 * 3600, isHTTPOnly: true, sameSite: .lax)
    return response
  }
}
