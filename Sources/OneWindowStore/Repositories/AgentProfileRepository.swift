import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// Agents' public profiles and the average of residents' ratings of them (好差评 of subject `agent`).
public struct AgentProfileRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  public func save(_ profile: AgentProfile, county: String) async throws {
    let body = String(decoding: try JSONEncoder().encode(profile), as: UTF8.self)
    try await sql.raw("DELETE FROM agent_profiles WHERE staff_id = \(bind: profile.staffID)").run()
    try await sql.insert(into: "agent_profiles").columns("staff_id", "body", "county_code")
      .values([profile.staffID, body, county] as [any Encodable & Sendable]).run()
  }

  public func profiles() async throws -> [String: AgentProfile] {
    let profiles = try await sql.raw("SELECT body FROM agent_profiles").all().map(Self.decode)
    return Dictionary(profiles.map { ($0.staffID, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// One agent's profile (one row, not the whole board).
  public func profile(of staffID: String) async throws -> AgentProfile? {
    try await sql.raw("SELECT body FROM agent_profiles WHERE staff_id = \(bind: staffID)").first().map(Self.decode)
  }

  private static func decode(_ row: any SQLRow) throws -> AgentProfile {
    try JSONDecoder().decode(AgentProfile.self, from: Data(try row.decode(column: "body", as: String.self).utf8))
  }

  /// Whether the resident rated the agent who filed `caseNumber` (once per case).
  public func rated(caseNumber: String) async throws -> Bool {
    try await sql.raw("SELECT id FROM evaluations WHERE once_key = \(bind: "agent:\(caseNumber)")").first() != nil
  }

  /// Average score and number of ratings per agent.
  public func averages() async throws -> [String: (average: Double, count: Int)] {
    let rows = try await sql.raw(
      """
      SELECT staff_id AS agent_id, AVG(level * 1.0) AS average, COUNT(*) AS n FROM evaluations
      WHERE subject = 'agent' AND voided = \(bind: false) GROUP BY staff_id
      """
    ).all()
    var result: [String: (Double, Int)] = [:]
    for row in rows {
      result[try row.decode(column: "agent_id", as: String.self)] = (
        try row.decode(column: "average", as: Double.self), try row.decode(column: "n", as: Int.self)
      )
    }
    return result
  }
}
