import Fluent
import Foundation
import OneWindowDomain

final class SiteModel: Model, @unchecked Sendable {
  static let schema = "sites"

  @ID(custom: "id", generatedBy: .user) var id: String?
  @Field(key: "name") var name: String
  @Field(key: "kind") var kind: String
  @Field(key: "region_code") var regionCode: String
  @Field(key: "address") var address: String
  @Field(key: "phone") var phone: String
  @Field(key: "hours_weekdays") var hoursWeekdays: String
  @OptionalField(key: "hours_extended") var hoursExtended: String?
  @OptionalField(key: "hours_saturday") var hoursSaturday: String?
  @Field(key: "county_code") var countyCode: String
  @OptionalField(key: "retired_at") var retiredAt: Date?

  init() {}

  init(_ site: Site) {
    id = site.id
    name = site.name
    kind = site.kind.rawValue
    regionCode = site.regionCode.value
    address = site.address
    phone = site.phone
    hoursWeekdays = site.openingHours.weekdays
    hoursExtended = site.openingHours.extended
    hoursSaturday = site.openingHours.saturday
    countyCode = site.regionCode.county.value
    retiredAt = site.retiredAt
  }

  var domain: Site? {
    guard let id, let code = RegionCode(regionCode), let kind = SiteKind(rawValue: kind) else {
      return nil
    }
    return Site(
      id: id, name: name, kind: kind, regionCode: code, address: address, phone: phone,
      openingHours: OpeningHours(
        weekdays: hoursWeekdays, extended: hoursExtended, saturday: hoursSaturday), retiredAt: retiredAt)
  }
}
