import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// Portal accounts and their sessions. Passwords arrive hashed (the web layer hashes with bcrypt); session cookies
/// are random tokens stored only as digests.
public struct CitizenRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  /// Opens an account; a phone number already registered is an error on `phone`.
  public func create(_ signUp: CitizenSignUp, passwordHash: String, county: String, now: Date) async throws -> Citizen {
    if try await find(phone: signUp.phone) != nil {
      throw ValidationError(field: "phone", zh: "该手机号已注册，请直接登录", en: "That number is registered; sign in instead")
    }
    let citizen = Citizen(
      id: UUID().uuidString, phone: signUp.phone, name: signUp.name, idNumber: signUp.idNumber,
      idType: signUp.idType ?? .residentID)
    try await sql.insert(into: "citizens")
      .columns("id", "phone", "name", "id_number", "id_type", "password_hash", "created_ms", "county_code")
      .values(
        [
          citizen.id, citizen.phone, citizen.name, citizen.idNumber, citizen.idType.rawValue, passwordHash, millis(now),
          county,
        ]
          as [any Encodable & Sendable]
      )
      .run()
    return citizen
  }

  /// The account and its password hash, by phone number.
  // MARK: sign-up by texted code

  /// Keeps a sign-up until its code comes back (a newer one for the same phone replaces it).
  public func holdSignUp(
    _ signUp: CitizenSignUp, codeHash: String, passwordHash: String, county: String, expires: Date
  ) async throws {
    try await sql.raw("DELETE FROM citizen_signups WHERE phone = \(bind: signUp.phone)").run()
    try await sql.insert(into: "citizen_signups")
      .columns(
        "phone", "code_hash", "name", "id_number", "id_type", "password_hash", "expires_ms", "attempts", "county_code"
      )
      .values(
        [
          signUp.phone, codeHash, signUp.name, signUp.idNumber, (signUp.idType ?? .residentID).rawValue, passwordHash,
          millis(expires), 0, county,
        ]
          as [any Encodable & Sendable]
      )
      .run()
  }

  /// A held sign-up: what it needs to become an account, with its code's hash and the wrong tries so far.
  public struct HeldSignUp: Sendable {
    public let signUp: CitizenSignUp
    public let codeHash: String
    public let passwordHash: String
    public let county: String
    public let attempts: Int
  }

  /// The sign-up held for `phone` while it has not expired.
  public func heldSignUp(phone: String, now: Date) async throws -> HeldSignUp? {
    guard
      let row = try await sql.raw(
        "SELECT * FROM citizen_signups WHERE phone = \(bind: phone) AND expires_ms > \(bind: millis(now))"
      ).first()
    else { return nil }
    return HeldSignUp(
      signUp: CitizenSignUp(
        phone: phone, name: try row.decode(column: "name", as: String.self),
        idNumber: try row.decode(column: "id_number", as: String.self),
        idType: IDType(rawValue: try row.decode(column: "id_type", as: String.self)) ?? .residentID, password: ""),
      codeHash: try row.decode(column: "code_hash", as: String.self),
      passwordHash: try row.decode(column: "password_hash", as: String.self),
      county: try row.decode(column: "county_code", as: String.self),
      attempts: try row.decode(column: "attempts", as: Int.self))
  }

  public func countWrongCode(phone: String) async throws {
    try await sql.raw("UPDATE citizen_signups SET attempts = attempts + 1 WHERE phone = \(bind: phone)").run()
  }

  /// Makes the account of a confirmed sign-up and forgets the sign-up.
  public func confirm(_ held: HeldSignUp, now: Date) async throws -> Citizen {
    let citizen = try await create(held.signUp, passwordHash: held.passwordHash, county: held.county, now: now)
    try await sql.raw("DELETE FROM citizen_signups WHERE phone = \(bind: held.signUp.phone)").run()
    return citizen
  }

  public func find(phone: String) async throws -> (citizen: Citizen, passwordHash: String)? {
    guard let row = try await sql.raw("SELECT * FROM citizens WHERE phone = \(bind: phone)").first() else {
      return nil
    }
    return (try Self.citizen(row), try row.decode(column: "password_hash", as: String.self))
  }

  public func find(id: String) async throws -> Citizen? {
    try await sql.raw("SELECT * FROM citizens WHERE id = \(bind: id)").first().map(Self.citizen)
  }

  /// Opens a session; returns the cookie value (shown nowhere else).
  public func openSession(for citizen: Citizen, lifetime: TimeInterval, county: String, now: Date) async throws
    -> String
  {
    let token = SecretToken.make()
    try await sql.insert(into: "citizen_sessions")
      .columns("token_hash", "citizen_id", "expires_ms", "county_code")
      .values(
        [SecretToken.digest(token), citizen.id, millis(now.addingTimeInterval(lifetime)), county]
          as [any Encodable & Sendable]
      )
      .run()
    return token
  }

  /// The signed-in citizen for a cookie value, if the session is live.
  public func session(token: String, now: Date) async throws -> Citizen? {
    guard
      let row = try await sql.raw(
        """
        SELECT c.* FROM citizen_sessions s JOIN citizens c ON c.id = s.citizen_id
        WHERE s.token_hash = \(bind: SecretToken.digest(token)) AND s.expires_ms > \(bind: millis(now))
        """
      ).first()
    else { return nil }
    return try Self.citizen(row)
  }

  public func closeSession(token: String) async throws {
    try await sql.raw("DELETE FROM citizen_sessions WHERE token_hash = \(bind: SecretToken.digest(token))").run()
  }

  private static func citizen(_ row: any SQLRow) throws -> Citizen {
    Citizen(
      id: try row.decode(column: "id", as: String.self), phone: try row.decode(column: "phone", as: String.self),
      name: try row.decode(column: "name", as: String.self),
      idNumber: try row.decode(column: "id_number", as: String.self),
      idType: IDType(rawValue: try row.decode(column: "id_type", as: String.self)) ?? .residentID)
  }
}
