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
  @Field(key: "in_hall") var inHall: Bool
  @OptionalField(key: "retired_at") var retiredAt: Date?

  init() {}

  init(_ department: Department) {
    id = department.id
    name = department.name
    regionCode = department.regionCode.value
    creditCode = department.creditCode
    countyCode = department.regionCode.county.value
    shortName = department.shortName
    inHall = department.inHall
    retiredAt = department.retiredAt
  }

  var domain: Department? {
    guard let id, let code = RegionCode(regionCode) else { return nil }
    return Department(
      id: id, name: name, shortName: shortName, regionCode: code, creditCode: creditCode, inHall: inHall,
      retiredAt: retiredAt)
  }
}
