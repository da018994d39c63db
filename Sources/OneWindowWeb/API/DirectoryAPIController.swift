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

    enum CodingKeys: String, CodingKey {
      case id, name, kind, address, phone, hours
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
        regionCode: $0.regionCode.value, address: $0.address, phone: $0.phone, hours: $0.openingHours)
    }
    return ListJSON(items: sites, total: sites.count)
  }
}
