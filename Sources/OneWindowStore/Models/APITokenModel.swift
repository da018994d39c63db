import Fluent
import Foundation

final class APITokenModel: Model, @unchecked Sendable {
  static let schema = "api_tokens"

  @ID(key: .id) var id: UUID?
  /// SHA-256 of the token; the token itself is shown once, when issued.
  @Field(key: "token_hash") var tokenHash: String
  @Field(key: "staff_id") var staffID: UUID
  @Field(key: "label") var label: String
  @Field(key: "created_at") var createdAt: Date
  @Field(key: "expires_at") var expiresAt: Date
  @OptionalField(key: "revoked_at") var revokedAt: Date?
  @Field(key: "county_code") var countyCode: String

  init() {}
}
