import Fluent
import Foundation

/// A one-time link for an account's owner to set their password; only its digest is stored.
final class PasswordLinkModel: Model, @unchecked Sendable {
  static let schema = "staff_password_links"

  @ID(custom: "token_hash", generatedBy: .user) var id: String?
  @Field(key: "staff_id") var staffID: UUID
  @Field(key: "expires_at") var expiresAt: Date
  @Field(key: "county_code") var countyCode: String

  init() {}

  init(tokenHash: String, staffID: UUID, expiresAt: Date, countyCode: String) {
    id = tokenHash
    self.staffID = staffID
    self.expiresAt = expiresAt
    self.countyCode = countyCode
  }
}
