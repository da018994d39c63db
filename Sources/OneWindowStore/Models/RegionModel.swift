import Fluent
import OneWindowDomain

final class RegionModel: Model, @unchecked Sendable {
  static let schema = "regions"

  @ID(custom: "code", generatedBy: .user) var id: String?
  @Field(key: "name") var name: String
  @Field(key: "level") var level: String
  @OptionalField(key: "parent_code") var parentCode: String?
  @Field(key: "county_code") var countyCode: String
  /// A county's time zone (IANA name); nil below county level.
  @OptionalField(key: "time_zone") var timeZone: String?

  init() {}

  init(_ region: Region) {
    id = region.code.value
    name = region.name
    level = region.level.rawValue
    parentCode = region.parentCode?.value
    countyCode = region.code.county.value
  }

  var domain: Region? {
    guard let id, let code = RegionCode(id) else { return nil }
    return Region(code: code, name: name)
  }
}
