import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// `/api/v1/items`, `/api/v1/bundles` and `/api/v1/sites/{id}/items`: the published catalog, public.
enum CatalogAPIController {
  /// `GET /api/v1/items?q=&department=&level=&type=&theme=&audience=&site=&limit=&offset=`
  @Sendable static func list(req: Request) async throws -> Response {
    var filter = try filter(req)
    if let siteID = req.query[String.self, at: "site"], !siteID.isEmpty {
      guard let site = try await DirectoryRepository(req.database).site(siteID) else {
        throw ValidationError(field: "site", zh: "没有服务场所「\(siteID)」", en: "No site \(siteID)")
      }
      try await CatalogController.restrict(&filter, to: site, req)
    }
    return try await respond(filter, req)
  }

  /// `GET /api/v1/sites/{id}/items`: what one site offers.
  @Sendable static func siteItems(req: Request) async throws -> Response {
    let siteID = req.parameters.get("id") ?? ""
    guard let site = try await DirectoryRepository(req.database).site(siteID) else {
      throw AppError.notFound(LocalizedText(zh: "没有服务场所「\(siteID)」", en: "No site \(siteID)"))
    }
    var filter = try filter(req)
    try await CatalogController.restrict(&filter, to: site, req)
    return try await respond(filter, req)
  }

  /// `GET /api/v1/items/{code}?version=N`
  @Sendable static func show(req: Request) async throws -> Response {
    let code = req.parameters.get("code") ?? ""
    let catalog = CatalogRepository(req.database)
    guard let entry = try await catalog.entry(code: code), entry.status != .draft || req.staff != nil else {
      throw StoreNotFound.item(code)
    }
    let number = req.query[Int.self, at: "version"] ?? entry.version
    guard let version = try await catalog.version(code: code, number: number), !version.isDraft || req.staff != nil
    else {
      throw AppError.notFound(LocalizedText(zh: "事项「\(code)」没有第 \(number) 版", en: "\(code) has no version \(number)"))
    }
    let json = ItemJSON(
      version, entry: entry, language: req.language,
      guideURL: CatalogController.publicURL(req) + Links.item(code))
    return try APIEncoding.response(json, rule: try await req.deadlineRule())
  }

  /// `GET /api/v1/bundles`
  @Sendable static func bundles(req: Request) async throws -> Response {
    let bundles = try await BundleRepository(req.database).all()
    let found = try await CatalogRepository(req.database).find(codes: bundles.flatMap(\.itemCodes))
    let result = bundles.map { bundle in BundleJSON(bundle, items: bundle.itemCodes.compactMap { found[$0] }) }
    return try APIEncoding.response(ItemsJSON(items: result, total: result.count), rule: try await req.deadlineRule())
  }

  private static func respond(_ filter: CatalogFilter, _ req: Request) async throws -> Response {
    let found = try await req.readOnly { try await CatalogRepository($0).search(filter) }
    let items = found.items.map { ItemSummaryJSON($0, language: req.language) }
    return try APIEncoding.response(ItemsJSON(items: items, total: found.total), rule: try await req.deadlineRule())
  }

  /// The query's filters; a value that is not one of the allowed ones is an error naming the parameter.
  private static func filter(_ req: Request) throws -> CatalogFilter {
    func parse<T: RawRepresentable>(_ type: T.Type, _ name: String) throws -> T? where T.RawValue == String {
      guard let raw = req.query[String.self, at: name], !raw.isEmpty else { return nil }
      guard let value = T(rawValue: raw) else {
        throw ValidationError(field: name, zh: "参数 \(name) 的值「\(raw)」无效", en: "\(raw) is not a valid \(name)")
      }
      return value
    }
    var filter = CatalogFilter()
    filter.text = req.query[String.self, at: "q"].map { String($0.prefix(60)) }
    filter.departmentID = req.query[String.self, at: "department"].flatMap { $0.isEmpty ? nil : $0 }
    filter.level = try parse(RegionLevel.self, "level")
    filter.type = try parse(ItemType.self, "type")
    filter.theme = try parse(ItemTheme.self, "theme")
    filter.audience = try parse(Audience.self, "audience")
    let limit = req.query[Int.self, at: "limit"] ?? 20
    guard (1...200).contains(limit) else {
      throw ValidationError(field: "limit", zh: "limit 应在 1–200 之间", en: "limit must be 1–200")
    }
    let offset = req.query[Int.self, at: "offset"] ?? 0
    guard offset >= 0 else {
      throw ValidationError(field: "offset", zh: "offset 不能为负数", en: "offset cannot be negative")
    }
    filter.limit = limit
    filter.offset = offset
    return filter
  }
}
