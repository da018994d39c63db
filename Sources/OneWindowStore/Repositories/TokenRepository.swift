import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// Bearer tokens for the API: from `POST /api/v1/session` and from `onewindow token issue`.
public struct TokenRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  /// Issues a token and returns it; only its digest is kept.
  public func issue(for staff: StaffIdentity, label: String, lifetime: TimeInterval, now: Date)
    async throws -> (token: String, expiresAt: Date)
  {
    guard let staffID = UUID(uuidString: staff.id) else { throw StoreError.unknownStaff }
    let token = SecretToken.make(prefix: "ow_")
    let model = APITokenModel()
    model.tokenHash = SecretToken.digest(token)
    model.staffID = staffID
    model.label = label
    model.createdAt = now
    model.expiresAt = now.addingTimeInterval(lifetime)
    model.countyCode = staff.scope.regionCode.county.value
    try await model.create(on: db)
    return (token, model.expiresAt)
  }

  /// The staff member a token stands for, and until when; nil when unknown, expired, revoked, or the account is
  /// disabled. One round trip and no model reflection.
  public func authenticate(_ token: String, now: Date) async throws -> (staff: StaffIdentity, expiresAt: Date)? {
    guard
      let row = try await (db as! any SQLDatabase).raw(
        """
        SELECT s.id, s.username, s.display_name, s.role, s.region_code, s.site_id, s.department_id,
          s.disabled_at, t.expires_at, t.revoked_at
        FROM api_tokens t JOIN staff s ON s.id = t.staff_id
        WHERE t.token_hash = \(bind: SecretToken.digest(token))
        """
      ).first(),
      try row.decode(column: "revoked_at", as: Date?.self) == nil,
      try row.decode(column: "disabled_at", as: Date?.self) == nil,
      case let expiresAt = try row.decode(column: "expires_at", as: Date.self), expiresAt > now,
      let role = Role(rawValue: try row.decode(column: "role", as: String.self)),
      let region = RegionCode(try row.decode(column: "region_code", as: String.self))
    else { return nil }
    let staff = StaffIdentity(
      id: try row.decode(column: "id", as: UUID.self).uuidString,
      username: try row.decode(column: "username", as: String.self),
      displayName: try row.decode(column: "display_name", as: String.self), role: role,
      scope: Scope(
        regionCode: region, siteID: try row.decode(column: "site_id", as: String?.self),
        departmentID: try row.decode(column: "department_id", as: String?.self)))
    return (staff, expiresAt)
  }
}

extension TokenRepository {
  /// Revokes a token; later requests with it are refused.
  public func revoke(_ token: String, now: Date) async throws {
    try await APITokenModel.query(on: db).filter(\.$tokenHash == SecretToken.digest(token))
      .filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
  }
}
