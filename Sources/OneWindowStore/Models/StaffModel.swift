import Fluent
import Foundation
import OneWindowDomain

final class StaffModel: Model, @unchecked Sendable {
  static let schema = "staff"

  @ID(key: .id) var id: UUID?
  @Field(key: "username") var username: String
  @Field(key: "display_name") var displayName: String
  @Field(key: "role") var role: String
  @Field(key: "region_code") var regionCode: String
  @OptionalField(key: "site_id") var siteID: String?
  @OptionalField(key: "department_id") var departmentID: String?
  @Field(key: "title") var title: String
  @Field(key: "phone") var phone: String
  @Field(key: "password_hash") var passwordHash: String
  @Field(key: "failed_logins") var failedLogins: Int
  @OptionalField(key: "locked_until") var lockedUntil: Date?
  @OptionalField(key: "disabled_at") var disabledAt: Date?
  @Timestamp(key: "created_at", on: .create) var createdAt: Date?
  @Field(key: "county_code") var countyCode: String

  init() {}

  /// A new account from validated fields (the one place a staff row is filled in).
  init(_ new: NewStaff, passwordHash: String) {
    id = UUID()
    username = new.username.lowercased()
    displayName = new.displayName
    role = new.role.rawValue
    regionCode = new.scope.regionCode.value
    siteID = new.scope.siteID
    departmentID = new.scope.departmentID
    title = new.title
    phone = new.phone
    self.passwordHash = passwordHash
    failedLogins = 0
    countyCode = new.scope.regionCode.county.value
  }

  var identity: StaffIdentity? {
    guard let id, let role = Role(rawValue: role), let region = RegionCode(regionCode) else {
      return nil
    }
    return StaffIdentity(
      id: id.uuidString, username: username, displayName: displayName, role: role,
      scope: Scope(regionCode: region, siteID: siteID, departmentID: departmentID))
  }
}
