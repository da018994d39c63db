import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// Administration of what surrounds the items: delegation agreements (and the exception list), "一件事" bundles,
/// and each town's and village's proxy list.
enum CatalogExtrasController {
  // MARK: agreements

  /// `GET /admin/agreements`
  @Sendable static func agreements(req: Request) async throws -> HTML {
    try req.authorize(.manageCatalog)
    let saved = req.query[String.self, at: "saved"] != nil
    let context = try await req.pageContext()
    return AgreementsPage.render(
      try await agreementsModel(req, notice: saved ? context.t("委托书已保存。", "The agreement was saved.") : nil), context)
  }

  /// `POST /admin/agreements`
  @Sendable static func addAgreement(req: Request) async throws -> Response {
    try req.authorize(.manageCatalog)
    let form = try req.content.decode([String: String].self)
    func value(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    var errors: [ValidationError] = []
    func date(_ name: String) -> CivilDate {
      if let date = CivilDate(iso: value(name)) { return date }
      errors.append(ValidationError(field: name, zh: "日期格式应为 YYYY-MM-DD。", en: "Use the format YYYY-MM-DD."))
      return CivilDate(dayNumber: 0)
    }
    let region = RegionCode(value("delegate_region"))
    if region == nil || region?.level != .town {
      errors.append(ValidationError(field: "delegate_region", zh: "请选择受托的镇（街道）。", en: "Choose the delegate town."))
    }
    if !(try await CatalogAdminController.departments(req)).contains(where: { $0.id == value("department_id") }) {
      errors.append(ValidationError(field: "department_id", zh: "请选择委托部门。", en: "Choose the department."))
    }
    let agreement = DelegationAgreement(
      id: "agreement-" + UUID().uuidString.prefix(8).lowercased(), documentNumber: value("document_number"),
      departmentID: value("department_id"), delegateRegion: region ?? RegionCode("360999")!,
      itemCodes: codes(value("item_codes")), seal: value("seal"), validFrom: date("valid_from"),
      validUntil: date("valid_until"), responsibilities: value("responsibilities"))
    do {
      if !errors.isEmpty {
        let items = try await CatalogRepository(req.database).find(codes: agreement.itemCodes)
        throw ValidationErrors(
          errors + agreement.problems(items: items).filter { e in !errors.contains { $0.field == e.field } })
      }
      try await AgreementRepository(req.database).save(agreement, county: try await CatalogAdminController.county(req))
      req.application.lookups.invalidate()
      return req.redirect(to: Links.adminAgreements + "?saved=1")
    } catch let failure as ValidationErrors {
      let page = AgreementsPage.render(
        try await agreementsModel(req, draft: agreement, errors: failure.errors), try await req.pageContext())
      return .html(page, status: .unprocessableEntity)
    }
  }

  private static func agreementsModel(
    _ req: Request, draft: DelegationAgreement? = nil, errors: [ValidationError] = [], notice: String? = nil
  ) async throws -> AgreementsPage.Model {
    let directory = DirectoryRepository(req.database)
    let county = try await CatalogAdminController.county(req)
    let regions = try await directory.regions().filter { $0.code.county.value == county }
    var exceptions = CatalogFilter()
    exceptions.county = county
    exceptions.hallExceptionsOnly = true
    exceptions.statuses = [.published, .suspended]
    exceptions.limit = 200
    let catalog = CatalogRepository(req.database)
    let summaries = try await catalog.search(exceptions).items
    let items = try await catalog.find(codes: summaries.map(\.code))
    let listed = summaries.map { (code: $0.code, name: $0.name, reason: items[$0.code]?.hallExceptionReason ?? "") }
    return AgreementsPage.Model(
      agreements: try await AgreementRepository(req.database).all(county: try await CatalogAdminController.county(req)),
      today: CatalogController.today(req),
      departments: try await CatalogAdminController.departments(req), towns: regions.filter { $0.level == .town },
      regionNames: Dictionary(regions.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
      exceptions: listed, draft: draft, errors: errors, notice: notice)
  }

  // MARK: bundles

  /// `GET /admin/bundles`
  @Sendable static func bundles(req: Request) async throws -> HTML {
    try req.authorize(.manageCatalog)
    let context = try await req.pageContext()
    let notice = req.query[String.self, at: "saved"] != nil ? context.t("已保存。", "Saved.") : nil
    return BundlesAdminPage.render(
      BundlesAdminPage.Model(
        bundles: try await BundleRepository(req.database).all(county: try await CatalogAdminController.county(req)),
        departments: try await CatalogAdminController.departments(req), notice: notice),
      context)
  }

  /// `POST /admin/bundles`: adds a bundle, or replaces the one with the same ID.
  @Sendable static func saveBundle(req: Request) async throws -> Response {
    try req.authorize(.manageCatalog)
    let form = try req.content.decode([String: String].self)
    func value(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    let bundle = ServiceBundle(
      id: value("id"), name: value("name"), summary: value("summary"),
      audience: Audience(rawValue: value("audience")) ?? .person, itemCodes: codes(value("item_codes")),
      leadDepartmentID: value("lead_department_id"))
    var errors: [ValidationError] = []
    if bundle.id.isEmpty || !bundle.id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
      errors.append(
        ValidationError(field: "id", zh: "标识只能用小写英文字母、数字和连字符。", en: "Use lowercase letters, digits and hyphens."))
    }
    do {
      if !errors.isEmpty {
        throw ValidationErrors(
          errors + bundle.problems(items: try await CatalogRepository(req.database).find(codes: bundle.itemCodes)))
      }
      try await BundleRepository(req.database).save(bundle, county: try await CatalogAdminController.county(req))
      return req.redirect(to: Links.adminBundles + "?saved=1")
    } catch let failure as ValidationErrors {
      let page = BundlesAdminPage.render(
        BundlesAdminPage.Model(
          bundles: try await BundleRepository(req.database).all(county: try await CatalogAdminController.county(req)),
          departments: try await CatalogAdminController.departments(req), draft: bundle, errors: failure.errors),
        try await req.pageContext())
      return .html(page, status: .unprocessableEntity)
    }
  }

  // MARK: proxy lists

  /// `GET /admin/proxy-lists`
  @Sendable static func proxyLists(req: Request) async throws -> HTML {
    try req.authorize(.manageCatalog)
    let counts = try await ProxyListRepository(req.database).counts()
    let county = try await CatalogAdminController.county(req)
    let regions = try await DirectoryRepository(req.database).regions().filter {
      $0.level != .county && $0.code.county.value == county
    }
    return ProxyListsPage.overview(regions.map { ($0, counts[$0.code] ?? 0) }, try await req.pageContext())
  }

  /// `GET /admin/proxy-lists/{region}`
  @Sendable static func proxyList(req: Request) async throws -> HTML {
    try req.authorize(.manageCatalog)
    let context = try await req.pageContext()
    let notice = req.query[String.self, at: "saved"] != nil ? context.t("清单已更新。", "The list was updated.") : nil
    return ProxyListsPage.region(try await proxyListModel(req, notice: notice), context)
  }

  /// `POST /admin/proxy-lists/{region}`: `item_code` adds (several allowed), `remove` takes one off.
  @Sendable static func changeProxyList(req: Request) async throws -> Response {
    try req.authorize(.manageCatalog)
    let model = try await proxyListModel(req)
    let form = try req.content.decode([String: String].self)
    let lists = ProxyListRepository(req.database)
    let link = Links.adminProxyList(model.region.code.value) + "?saved=1"
    if let remove = form["remove"], !remove.isEmpty {
      try await lists.remove(remove, from: model.region.code)
      return req.redirect(to: link)
    }
    let entered = form["item_code"] ?? ""
    do {
      let list = codes(entered)
      guard !list.isEmpty else {
        throw ValidationErrors([ValidationError(field: "item_code", zh: "请填写事项编码。", en: "Enter item codes.")])
      }
      try await lists.add(list, to: model.region.code, county: try await CatalogAdminController.county(req))
      return req.redirect(to: link)
    } catch let failure as ValidationErrors {
      let page = ProxyListsPage.region(
        ProxyListsPage.Model(region: model.region, items: model.items, errors: failure.errors, codes: entered),
        try await req.pageContext())
      return .html(page, status: .unprocessableEntity)
    }
  }

  private static func proxyListModel(_ req: Request, notice: String? = nil) async throws -> ProxyListsPage.Model {
    let raw = req.parameters.get("region") ?? ""
    guard let code = RegionCode(raw), code.level != .county,
      code.county.value == (try await CatalogAdminController.county(req)),
      let region = try await DirectoryRepository(req.database).region(code)
    else { throw AppError.notFound(LocalizedText(zh: "没有镇村「\(raw)」", en: "No town or village \(raw)")) }
    var filter = CatalogFilter()
    filter.proxyRegion = code
    filter.statuses = Set(ItemStatus.allCases)
    filter.limit = 1_000
    return ProxyListsPage.Model(
      region: region, items: try await CatalogRepository(req.database).search(filter).items, notice: notice)
  }

  // MARK: helpers

  /// Item codes typed one per line or separated by commas, spaces or 、.
  static func codes(_ text: String) -> [String] {
    var seen: Set<String> = []
    return text.split(whereSeparator: { $0.isWhitespace || ",，、;；".contains($0) }).map(String.init)
      .filter { seen.insert($0).inserted }
  }
}
