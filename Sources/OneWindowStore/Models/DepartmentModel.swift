import Fluent
import Foundation
import OneWindowDomain

final class DepartmentModel: Model, @unchecked Sendable {
  static let schema = "departments"

  @ID(custom: "id", generatedBy: .user) var id: String?
  @Field(key: "name") var name: String
  @Field(key: "region_code") var regionCode: String
  @Field(key: "credit_code") var creditCode: String
  @Field(key: "county_code") var countyCode: String
  @Field(key: "short_name") var shortName: String
  /// Kept for older readers; `hallPresence` is the truth.
  @Field(key: "in_hall") var inHall: Bool
  /// yes, no, or nil when unknown.
  @OptionalField(key: "hall_presence") var hallPresence: String?
  @OptionalField(key: "retired_at") var retiredAt: Date?

  init() {}

  init(_ department: Department) {
    id = department.id
    name = department.name
    regionCode = department.regionCode.value
    creditCode = department.creditCode
    countyCode = department.regionCode.county.value
    shortName = department.shortName
    inHall = department.inHall == true
    hallPresence = department.inHall.map { $0 ? "yes" : "no" }
    retiredAt = department.retiredAt
  }

  var domain: Department? {
    guard let id, let code = RegionCode(regionCode) else { return nil }
    return Department(
      id: id, name: name, shortName: shortName, regionCode: code, creditCode: creditCode,
      inHall: hallPresence.map { $0 == "yes" },
      retiredAt: retiredAt)
  }
}
