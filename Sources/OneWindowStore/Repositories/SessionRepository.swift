import Fluent
import Foundation
import OneWindowDomain

/// A signed-in staff member's server-side session.
public struct StaffSession: Sendable {
  /// Who acts: a city account acting in the county it chose appears as that county's, so every county-scoped rule
  /// applies to it unchanged.
  public let staff: StaffIdentity
  /// The token every form of this session must echo (CSRF protection).
  public let csrfToken: String
  public let expiresAt: Date
  /// The city of a city account (nil for a county's own staff): it may choose the county it works in.
  public var city: RegionCode? = nil
}

/// Server-side staff sessions. The cookie holds a random token; the table holds its digest.
public struct SessionRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  /// Opens a session and returns the cookie value, shown nowhere else.
  public func open(for staff: StaffIdentity, lifetime: TimeInterval, now: Date) async throws
    -> (token: String, session: StaffSession)
  {
    guard let staffID = UUID(uuidString: staff.id) else { throw StoreError.unknownStaff }
    let token = SecretToken.make()
    let model = StaffSessionModel()
    model.tokenHash = SecretToken.digest(token)
    model.staffID = staffID
    model.csrfToken = SecretToken.make()
    model.createdAt = now
    model.expiresAt = now.addingTimeInterval(lifetime)
    model.countyCode = staff.scope.regionCode.county.value
    try await model.create(on: db)
    return (token, StaffSession(staff: staff, csrfToken: model.csrfToken, expiresAt: model.expiresAt))
  }

  /// The live session for a cookie value; nil when unknown, expired, or the account is disabled.
  public func find(token: String, now: Date) async throws -> StaffSession? {
    guard
      let model = try await StaffSessionModel.query(on: db)
        .filter(\.$tokenHash == SecretToken.digest(token)).first(),
      model.expiresAt > now,
      let staff = try await StaffModel.find(model.staffID, on: db), staff.disabledAt == nil,
      let identity = staff.identity
    else { return nil }
    let city = identity.scope.regionCode
    guard city.isCity else {
      return StaffSession(staff: identity, csrfToken: model.csrfToken, expiresAt: model.expiresAt)
    }
    var acting = identity
    if let county = RegionCode(model.countyCode), city.hasCounty(county) {
      acting = StaffIdentity(
        id: identity.id, username: identity.username, displayName: identity.displayName, role: identity.role,
        scope: Scope(regionCode: county))
    }
    return StaffSession(staff: acting, csrfToken: model.csrfToken, expiresAt: model.expiresAt, city: city)
  }

  /// A city account's session moves to one of the city's counties (or back to the city overview with the city's own
  /// code). Nothing else of the session changes.
  public func choose(county: RegionCode, token: String) async throws {
    guard
      let model = try await StaffSessionModel.query(on: db)
        .filter(\.$tokenHash == SecretToken.digest(token)).first()
    else { return }
    model.countyCode = county.value
    try await model.save(on: db)
  }

  public func close(token: String) async throws {
    try await StaffSessionModel.query(on: db).filter(\.$tokenHash == SecretToken.digest(token))
      .delete()
  }
}

public enum StoreError: Error, Sendable {
  case unknownStaff
}
