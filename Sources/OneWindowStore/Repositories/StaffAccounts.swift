import Fluent
import Foundation
import OneWindowDomain

/// Accounts as the directory administers them: edits, and one-time links with which an account's owner sets their
/// own password (an administrator never sees, chooses or hands out a password).
extension StaffRepository {
  /// The hash of an account that has no password yet: it matches nothing, so nobody signs in until the link is used.
  public static let noPassword = "!"
  /// How long a password link works.
  public static let linkLifetime: TimeInterval = 7 * 86_400

  /// Changes an account's name, role, scope, title and phone (never its username or password).
  public func update(id: String, with new: NewStaff) async throws -> StaffIdentity {
    guard let uuid = UUID(uuidString: id), let model = try await StaffModel.find(uuid, on: db) else {
      throw ValidationErrors([ValidationError(field: "id", zh: "没有这个账号", en: "No such account")])
    }
    var errors: [ValidationError] = []
    if new.displayName.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(ValidationError(field: "display_name", zh: "请填写姓名", en: "Enter a name"))
    }
    errors += DirectoryText.phone(new.phone, field: "phone", required: false)
    do { try await checkScope(new.scope) } catch let error as ValidationError { errors.append(error) }
    guard errors.isEmpty else { throw ValidationErrors(errors) }
    model.displayName = new.displayName.trimmingCharacters(in: .whitespaces)
    model.role = new.role.rawValue
    model.regionCode = new.scope.regionCode.value
    model.siteID = new.scope.siteID
    model.departmentID = new.scope.departmentID
    model.title = new.title
    model.phone = new.phone.trimmingCharacters(in: .whitespaces)
    model.countyCode = new.scope.regionCode.county.value
    try await model.save(on: db)
    return model.identity!
  }

  /// A new one-time link for `staffID` (earlier ones stop working); the token is returned once and stored as a digest.
  public func issuePasswordLink(staffID: String, now: Date) async throws -> String {
    guard let uuid = UUID(uuidString: staffID), let model = try await StaffModel.find(uuid, on: db) else {
      throw ValidationErrors([ValidationError(field: "id", zh: "没有这个账号", en: "No such account")])
    }
    let token = SecretToken.make()
    try await db.transaction { db in
      try await PasswordLinkModel.query(on: db).filter(\.$staffID == uuid).delete()
      try await PasswordLinkModel(
        tokenHash: SecretToken.digest(token), staffID: uuid, expiresAt: now.addingTimeInterval(Self.linkLifetime),
        countyCode: model.countyCode
      ).create(on: db)
    }
    return token
  }

  /// The account a live link is for, or nil when the link is unknown, used or expired.
  public func passwordLinkOwner(_ token: String, now: Date) async throws -> StaffIdentity? {
    guard let link = try await PasswordLinkModel.find(SecretToken.digest(token), on: db), link.expiresAt > now,
      let staff = try await StaffModel.find(link.staffID, on: db), staff.disabledAt == nil
    else { return nil }
    return staff.identity
  }

  /// Sets the password through a live link and spends the link; nil when the link does not work.
  public func usePasswordLink(_ token: String, passwordHash: String, now: Date) async throws -> StaffIdentity? {
    try await db.transaction { db in
      let repository = StaffRepository(db)
      guard let owner = try await repository.passwordLinkOwner(token, now: now), let uuid = UUID(uuidString: owner.id)
      else { return nil }
      try await PasswordLinkModel.query(on: db).filter(\.$staffID == uuid).delete()
      try await StaffModel.query(on: db).filter(\.$id == uuid).set(\.$passwordHash, to: passwordHash)
        .set(\.$failedLogins, to: 0).update()
      return owner
    }
  }
}
