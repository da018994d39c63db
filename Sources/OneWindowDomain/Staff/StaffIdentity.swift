/// 工作人员: who is acting, as authorization sees them.
public struct StaffIdentity: Sendable, Hashable, Codable {
  public let id: String
  public let username: String
  public let displayName: String
  public let role: Role
  public let scope: Scope

  public init(id: String, username: String, displayName: String, role: Role, scope: Scope) {
    self.id = id
    self.username = username
    self.displayName = displayName
    self.role = role
    self.scope = scope
  }
}
