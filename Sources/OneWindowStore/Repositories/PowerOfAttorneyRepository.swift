import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 委托单: stored as JSON with the columns they are looked up by.
public struct PowerOfAttorneyRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  public func save(_ poa: PowerOfAttorney, county: String, now: Date) async throws {
    let body = String(decoding: try JSONEncoder().encode(poa), as: UTF8.self)
    try await sql.insert(into: "powers_of_attorney")
      .columns("id", "agent_id", "station_site_id", "applicant_id_number", "body", "created_ms", "county_code")
      .values(
        [poa.id, poa.agentID, poa.stationSiteID, poa.applicant.idNumber, body, millis(now), county]
          as [any Encodable & Sendable]
      )
      .run()
  }

  public func find(_ id: String) async throws -> PowerOfAttorney? {
    try await sql.raw("SELECT body FROM powers_of_attorney WHERE id = \(bind: id)").first().map(Self.decode)
  }

  /// An agent's powers of attorney, newest first.
  public func list(agentID: String, limit: Int = 200) async throws -> [PowerOfAttorney] {
    try await sql.raw(
      """
      SELECT body FROM powers_of_attorney WHERE agent_id = \(bind: agentID) ORDER BY created_ms DESC
      LIMIT \(bind: limit)
      """
    ).all().map(Self.decode)
  }

  private static func decode(_ row: any SQLRow) throws -> PowerOfAttorney {
    try JSONDecoder().decode(PowerOfAttorney.self, from: Data(try row.decode(column: "body", as: String.self).utf8))
  }
}
