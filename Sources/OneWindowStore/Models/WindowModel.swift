import Fluent
import Foundation
import OneWindowDomain

final class WindowModel: Model, @unchecked Sendable {
  static let schema = "windows"

  @ID(custom: "id", generatedBy: .user) var id: String?
  @Field(key: "site_id") var siteID: String
  @OptionalField(key: "department_id") var departmentID: String?
  @Field(key: "number") var number: String
  @Field(key: "name") var name: String
  @Field(key: "kind") var kind: String
  @Field(key: "county_code") var countyCode: String
  @OptionalField(key: "retired_at") var retiredAt: Date?

  init() {}

  init(_ window: Window, countyCode: String) {
    id = window.id
    siteID = window.siteID
    departmentID = window.departmentID
    number = window.number
    name = window.name
    kind = window.kind.rawValue
    self.countyCode = countyCode
    retiredAt = window.retiredAt
  }

  var domain: Window? {
    guard let id, let kind = WindowKind(rawValue: kind) else { return nil }
    return Window(
      id: id, siteID: siteID, departmentID: departmentID, number: number, name: name, kind: kind, retiredAt: retiredAt)
  }
}
