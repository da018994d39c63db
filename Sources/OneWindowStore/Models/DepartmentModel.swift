import Fluent
import OneWindowDomain

final class DepartmentModel: Model, @unchecked Sendable {
  static let schema = "departments"

  @ID(custom: "id", generatedBy: .user) var id: String?
  @Field(key: "name") var name: String
  @Field(key: "region_code") var regionCode: String
  @Field(key: "credit_code") var creditCode: String
  @Field(key: "county_code") var countyCode: String

  init() {}

  init(_ department: Department) {
    id = department.id
    name = department.name
    regionCode = department.regionCode.value
    creditCode = department.creditCode
    countyCode = department.regionCode.county.value
  }

  var domain: Department? {
    guard let id, let code = RegionCode(regionCode) else { return nil }
    return Department(id: id, name: name, regionCode: code, creditCode: creditCode)
  }
}
