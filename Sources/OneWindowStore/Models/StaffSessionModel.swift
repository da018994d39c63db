import Fluent
import Foundation

final class StaffSessionModel: Model, @unchecked Sendable {
  static let schema = "staff_sessions"

  @ID(key: .id) var id: UUID?
  /// SHA-256 of the cookie value, so a copy of the table opens no session.
  @Field(key: "token_hash") var tokenHash: String
  @Field(key: "staff_id") var staffID: UUID
  @Field(key: "csrf_token") var csrfToken: String
  @Field(key: "created_at") var createdAt: Date
  @Field(key: "expires_at") var expiresAt: Date
  @Field(key: "county_code") var countyCode: String

  init() {}
}
