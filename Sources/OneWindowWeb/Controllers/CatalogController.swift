import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// The public catalog: search, service guides and "一件事" bundles.
enum CatalogController {
  static let pageSize = 20

  /// `GET /items`
  @Sendable static func search(req: Request) async throws -> HTML {
    var query = CatalogSearchPage.Query()
    query.text = String((req.query[String.self, at: "q"] ?? "").prefix(60))
    query.audience = req.query[String.self, at: "audience"].flatMap(Audience.init(rawValue:))
    query.theme = req.query[String.self, at: "theme"].flatMap(ItemTheme.init(rawValue:))
    query.departmentID = req.query[String.self, at: "department"] ?? ""
    query.level = req.query[String.self, at: "level"].flatMap(RegionLevel.init(rawValue:))
    query.siteID = req.query[String.self, at: "site"] ?? ""
    query.type = req.query[String.self, at: "type"].flatMap(ItemType.init(rawValue:))
    query.page = min(max(req.query[Int.self, at: "page"] ?? 1, 1), 10_000)

    let directory = DirectoryRepository(req.database)
    let county = try await req.county()
    let sites = try await county.asyncMap { try await directory.sites(county: $0.code.value) } ?? []
    var filter = CatalogFilter()
    filter.county = county?.code.value
    filter.text = query.text
    filter.audience = query.audience
    filter.theme = query.theme
    filter.departmentID = query.departmentID.isEmpty ? nil : query.departmentID
    filter.level = query.level
    filter.type = query.type
    filter.limit = pageSize
    filter.offset = (query.page - 1) * pageSize
    var siteNote: String?
    let context = try await req.pageContext()
    if let site = sites.first(where: { $0.id == query.siteID }) {
      switch site.kind {
      case .villageStation:
        filter.proxyRegion = site.regionCode
        siteNote = context.t(
          "\(site.name)可帮办代办以下事项，帮办代办员免费代为申请。", "Agents at \(site.name) apply for these items for you, free of charge.")
      case .townCenter, .bankPoint:
        filter.level = .town
        siteNote = context.t("\(site.name)可受理以下镇级事项。", "\(site.name) accepts these town-level items.")
      default:
        filter.level = query.level ?? .county
        siteNote = context.t("\(site.name)可受理以下事项。", "\(site.name) accepts these items.")
      }
    }
    let found = try await req.readOnly { try await CatalogRepository($0).search(filter) }
    let departments = try await directory.departments(in: county?.code)
    return CatalogSearchPage.render(
      CatalogSearchPage.Model(
        query: query, items: found.items, total: found.total, totalIsExact: found.totalIsExact, pageSize: pageSize,
        departments: departments,
        sites: sites, siteNote: siteNote,
        knowledge: query.text.isEmpty || query.page > 1
          ? []
          : try await KnowledgeRepository(req.database).search(query.text, county: county?.code.value ?? "", limit: 5),
        today: today(req)),
      context)
  }

  /// What a site offers: a village station its proxy list, a town center (or the bank point in a town) the
  /// town-level items, the county halls the county-level ones.
  /// A sub-center serves the departments stationed there.
  static func restrict(_ filter: inout CatalogFilter, to site: Site, _ req: Request) async throws {
    switch site.kind {
    case .villageStation: filter.proxyRegion = site.regionCode
    case .townCenter, .bankPoint: filter.level = .town
    case .subCenter:
      filter.level = .county
      let departments = try await DirectoryRepository(req.database).departmentsBySite()[site.id] ?? []
      if departments.count == 1 { filter.departmentID = departments.first }
    case .serviceCenter: filter.level = filter.level ?? .county
    }
  }

  /// `GET /items/{code}?version=N`
  @Sendable static func guide(req: Request) async throws -> HTML {
    let code = req.parameters.get("code") ?? ""
    let catalog = CatalogRepository(req.database)
    guard let entry = try await catalog.entry(code: code) else { throw StoreNotFound.item(code) }
    let number = req.query[Int.self, at: "version"] ?? entry.version
    guard let version = try await catalog.version(code: code, number: number), !version.isDraft || req.staff != nil
    else {
      throw AppError.notFound(LocalizedText(zh: "事项「\(code)」没有第 \(number) 版", en: "\(code) has no version \(number)"))
    }
    let directory = DirectoryRepository(req.database)
    let item = version.item
    let sites = try await directory.sites()
    let today = today(req)
    let regions = Dictionary(try await directory.regions().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    let agreements = try await AgreementRepository(req.database).covering(itemCode: code).filter {
      $0.isInForce(on: today)
    }
    let stationed = try await directory.departmentsBySite()
    let places = sites.filter { site in
      switch site.kind {
      case .serviceCenter: item.levels.contains(.county)
      case .subCenter: stationed[site.id]?.contains(item.departmentID) ?? false
      case .townCenter: item.levels.contains(.town)
      default: false
      }
    }
    let bundles = try await BundleRepository(req.database).all().filter { $0.itemCodes.contains(code) }
    let model = ItemGuidePage.Model(
      version: version, current: entry,
      departmentName: try await directory.department(item.departmentID)?.name ?? item.departmentID,
      places: places, agreements: agreements.map { ($0, regions[$0.delegateRegion] ?? $0.delegateRegion.value) },
      bundles: bundles, guideURL: publicURL(req) + Links.item(code),
      files: try await GuideFileRepository(req.database).files(of: code),
      knowledge: try await KnowledgeRepository(req.database).entries(item: code), today: today)
    return ItemGuidePage.render(model, try await req.pageContext())
  }

  /// `GET /items/{code}/files/{blank|sample}/{material}`: a material's blank form or sample, to download.
  @Sendable static func guideFile(req: Request) async throws -> Response {
    guard let kind = GuideFile.Kind(rawValue: req.parameters.get("kind") ?? ""),
      let file = try await GuideFileRepository(req.database).file(
        of: req.parameters.get("code") ?? "", material: req.parameters.get("material") ?? "", kind: kind),
      let bytes = try await req.application.fileStore.get(file.file.fileID)
    else { throw AppError.notFound(LocalizedText(zh: "没有这份文件", en: "No such file")) }
    let response = FileResponse.make(file.file, bytes)
    response.headers.replaceOrAdd(
      name: .contentDisposition, value: "attachment; filename*=UTF-8''\(Links.percentEncodePath(file.file.name))")
    response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
    return response
  }

  /// `GET /bundles`
  @Sendable static func bundles(req: Request) async throws -> HTML {
    BundlePages.list(
      try await BundleRepository(req.database).all(county: try await req.county()?.code.value ?? ""),
      try await req.pageContext())
  }

  /// `GET /bundles/{id}`
  @Sendable static func bundle(req: Request) async throws -> HTML {
    let id = req.parameters.get("id") ?? ""
    guard let bundle = try await BundleRepository(req.database).find(id) else {
      throw AppError.notFound(LocalizedText(zh: "没有这个“一件事”", en: "No such bundle"))
    }
    let found = try await CatalogRepository(req.database).find(codes: bundle.itemCodes)
    let items = bundle.itemCodes.compactMap { found[$0] }
    let names = Dictionary(
      try await DirectoryRepository(req.database).departments().map { ($0.id, $0.name) },
      uniquingKeysWith: { a, _ in a })
    return BundlePages.detail(
      BundlePages.Model(bundle: bundle, items: items, departmentNames: names), try await req.pageContext())
  }

  /// Today in the county's time zone.
  static func today(_ req: Request) -> CivilDate {
    DeadlineRule().civilDate(of: req.now)
  }

  /// The portal's own address for printed links: the configured public URL, or the host this request came to.
  static func publicURL(_ req: Request) -> String {
    if let url = req.application.configuration.publicURL { return url }
    let host = req.headers.first(name: .host) ?? "127.0.0.1:8080"
    return (req.application.configuration.secureCookies ? "https://" : "http://") + host
  }
}
