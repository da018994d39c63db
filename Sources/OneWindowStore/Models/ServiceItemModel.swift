import Fluent
import OneWindowDomain

/// The item row as migration M017 reads it, to turn items loaded before versions existed into their version 1.
/// Everything else reads and writes the catalog with SQLKit in `CatalogRepository`.
final class ServiceItemModel: Model, @unchecked Sendable {
  static let schema = "service_items"

  @ID(custom: "code", generatedBy: .user) var id: String?
  @Field(key: "name") var name: String
  @Field(key: "type") var type: String
  @Field(key: "department_id") var departmentID: String
  /// Comma-separated level names, e.g. "county,town".
  @Field(key: "levels") var levels: String
  @Field(key: "case_kind") var caseKind: String
  @Field(key: "legal_limit_days") var legalLimitDays: Int
  @Field(key: "promised_limit_days") var promisedLimitDays: Int
  @Field(key: "visits") var visits: Int
  @Field(key: "online_depth") var onlineDepth: Int
  @Field(key: "county_code") var countyCode: String

  init() {}

  var domain: ServiceItem? {
    guard let id, let type = ItemType(rawValue: type), let kind = CaseKind(rawValue: caseKind) else {
      return nil
    }
    return ServiceItem(
      code: id, name: name, type: type, departmentID: departmentID,
      levels: Set(levels.split(separator: ",").compactMap { RegionLevel(rawValue: String($0)) }),
      caseKind: kind, legalLimitDays: legalLimitDays, promisedLimitDays: promisedLimitDays,
      visits: visits, onlineDepth: onlineDepth)
  }
}
