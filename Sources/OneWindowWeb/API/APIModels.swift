import OneWindowDomain
import Vapor

/// JSON shapes of the API, as the OpenAPI document describes them.
struct StaffJSON: Content {
  let id: String
  let username: String
  let displayName: String
  let role: String
  let roleName: String
  let scope: ScopeJSON
  let permissions: [String]?

  init(_ staff: StaffIdentity, language: Language, withPermissions: Bool = false) {
    id = staff.id
    username = staff.username
    displayName = staff.displayName
    role = staff.role.rawValue
    roleName = staff.role.name.text(language)
    scope = ScopeJSON(staff.scope)
    permissions =
      withPermissions
      ? Permission.allCases.filter { Authorization.can(staff, $0) }.map(\.rawValue) : nil
  }

  enum CodingKeys: String, CodingKey {
    case id, username, role, scope, permissions
    case displayName = "display_name"
    case roleName = "role_name"
  }
}

struct ScopeJSON: Content {
  let regionCode: String
  let siteID: String?
  let departmentID: String?

  init(_ scope: Scope) {
    regionCode = scope.regionCode.value
    siteID = scope.siteID
    departmentID = scope.departmentID
  }

  enum CodingKeys: String, CodingKey {
    case regionCode = "region_code"
    case siteID = "site_id"
    case departmentID = "department_id"
  }
}

/// A page of a list, with the total for pagination.
struct ListJSON<Item: Content>: Content {
  let items: [Item]
  let total: Int
}
