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
    let citizen = Citizen(id: UUID().uuidString, phone: signUp.phone, name: signUp.name, idNumber: signUp.idNumber)
    try await sql.insert(into: "citizens")
      .columns("id", "phone", "name", "id_number", "password_hash", "created_ms", "county_code")
      .values(
        [citizen.id, citizen.phone, citizen.name, citizen.idNumber, passwordHash, millis(now), county]
          as [any Encodable & Sendable]
      )
      .run()
    return citizen
  }

  /// The account and its password hash, by phone number.
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
      idNumber: try row.decode(column: "id_number", as: String.self))
  }
}
