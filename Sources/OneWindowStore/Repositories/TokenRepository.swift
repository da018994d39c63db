import Fluent
import Foundation
import OneWindowDomain

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

  /// The staff member a token stands for; nil when unknown, expired, revoked, or the account is disabled.
  public func authenticate(_ token: String, now: Date) async throws -> StaffIdentity? {
    // One round trip: every API request pays for this.
    guard
      let model = try await APITokenModel.query(on: db)
        .join(StaffModel.self, on: \APITokenModel.$staffID == \StaffModel.$id)
        .filter(\.$tokenHash == SecretToken.digest(token)).first(),
      model.revokedAt == nil, model.expiresAt > now,
      let staff = try? model.joined(StaffModel.self), staff.disabledAt == nil
    else { return nil }
    return staff.identity
  }
}

extension TokenRepository {
  /// Revokes a token; later requests with it are refused.
  public func revoke(_ token: String, now: Date) async throws {
    try await APITokenModel.query(on: db).filter(\.$tokenHash == SecretToken.digest(token))
      .filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
  }
}
