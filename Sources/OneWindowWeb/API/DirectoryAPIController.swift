import OneWindowDomain
import OneWindowStore
import Vapor

/// Public look-ups of where service happens: regions and sites.
enum DirectoryAPIController {
  struct RegionJSON: Content {
    let code: String
    let name: String
    let level: String
    let parentCode: String?

    enum CodingKeys: String, CodingKey {
      case code, name, level
      case parentCode = "parent_code"
    }
  }

  struct SiteJSON: Content {
    let id: String
    let name: String
    let kind: String
    let kindName: String
    let regionCode: String
    let address: String
    let phone: String
    let hours: OpeningHours
    let retired: Bool

    enum CodingKeys: String, CodingKey {
      case id, name, kind, address, phone, hours, retired
      case kindName = "kind_name"
      case regionCode = "region_code"
    }
  }

  /// `GET /api/v1/regions`
  @Sendable static func regions(req: Request) async throws -> ListJSON<RegionJSON> {
    let regions = try await DirectoryRepository(req.database).regions().map {
      RegionJSON(code: $0.code.value, name: $0.name, level: $0.level.rawValue, parentCode: $0.parentCode?.value)
    }
    return ListJSON(items: regions, total: regions.count)
  }

  /// `GET /api/v1/sites`
  @Sendable static func sites(req: Request) async throws -> ListJSON<SiteJSON> {
    let language = req.language
    let sites = try await DirectoryRepository(req.database).sites().map {
      SiteJSON(
        id: $0.id, name: $0.name, kind: $0.kind.rawValue, kindName: $0.kind.name.text(language),
        regionCode: $0.regionCode.value, address: $0.address, phone: $0.phone, hours: $0.openingHours,
        retired: $0.isRetired)
    }
    return ListJSON(items: sites, total: sites.count)
  }

  struct DepartmentJSON: Content {
    let id: String
    let name: String
    let shortName: String
    let creditCode: String
    let regionCode: String
    /// null when nobody said whether it is stationed in the hall.
    @Nullable var inHall: Bool?
    let retired: Bool

    enum CodingKeys: String, CodingKey {
      case id, name, retired
      case shortName = "short_name"
      case creditCode = "credit_code"
      case regionCode = "region_code"
      case inHall = "in_hall"
    }
  }

  /// `GET /api/v1/departments`: every department, retired ones marked (records made under them still name them).
  @Sendable static func departments(req: Request) async throws -> ListJSON<DepartmentJSON> {
    let departments = try await DirectoryRepository(req.database).departments().map {
      DepartmentJSON(
        id: $0.id, name: $0.name, shortName: $0.shortName, creditCode: $0.creditCode, regionCode: $0.regionCode.value,
        inHall: $0.inHall, retired: $0.isRetired)
    }
    return ListJSON(items: departments, total: departments.count)
  }

  struct WindowJSON: Content {
    let id: String
    let siteId: String
    let departmentId: String?
    let number: String
    let name: String
    let kind: String
    let kindName: String
    let retired: Bool

    enum CodingKeys: String, CodingKey {
      case id, number, name, kind, retired
      case siteId = "site_id"
      case departmentId = "department_id"
      case kindName = "kind_name"
    }
  }

  /// `GET /api/v1/windows?site=`: a site's windows in number order.
  @Sendable static func windows(req: Request) async throws -> ListJSON<WindowJSON> {
    let site = req.query[String.self, at: "site"] ?? ""
    guard try await DirectoryRepository(req.database).site(site) != nil else {
      throw ValidationError(field: "site", zh: "没有这个服务场所", en: "No such site")
    }
    let language = req.language
    let windows = try await DirectoryRepository(req.database).windows(site: site).map {
      WindowJSON(
        id: $0.id, siteId: $0.siteID, departmentId: $0.departmentID, number: $0.number, name: $0.name,
        kind: $0.kind.rawValue, kindName: $0.kind.name.text(language), retired: $0.isRetired)
    }
    return ListJSON(items: windows, total: windows.count)
  }
}
