import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 随机抽查: the cases a draw is made from, and the draws with their findings.
public struct SpotCheckRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) { self.db = db }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  /// The cases `target` is answerable for in [`from`, `to`): a department's concluded in it, an agent's filed in it.
  public func candidates(_ target: SpotCheck.Target, county: String, from: Date, to: Date) async throws -> [String] {
    let query: SQLQueryString =
      switch target {
      case .department(let id):
        """
        SELECT number FROM cases WHERE department_id = \(bind: id) AND state = 'concluded'
          AND concluded_ms >= \(bind: millis(from)) AND concluded_ms < \(bind: millis(to))
          AND county_code = \(bind: county)
        """
      case .agent(let id):
        """
        SELECT number FROM cases WHERE proxy_agent_id = \(bind: id) AND state <> 'draft'
          AND created_ms >= \(bind: millis(from)) AND created_ms < \(bind: millis(to)) AND county_code = \(bind: county)
        """
      }
    return try await sql.raw(query).all().map { try $0.decode(column: "number", as: String.self) }
  }

  public func insert(_ check: SpotCheck, county: String) async throws {
    try await WriteGate.serialize(db) {
      try await sql.raw(
        """
        INSERT INTO spot_checks (id, target_kind, target_id, opened_ms, version, body, county_code)
        VALUES (\(bind: check.id), \(bind: check.target.kind), \(bind: check.target.id), \(bind: millis(check.openedAt)),
          1, \(bind: try Self.encode(check)), \(bind: county))
        """
      ).run()
    }
  }

  public func find(_ id: String) async throws -> (check: SpotCheck, version: Int, county: String)? {
    guard
      let row = try await sql.raw("SELECT body, version, county_code FROM spot_checks WHERE id = \(bind: id)").first()
    else { return nil }
    return (
      try Self.decode(row), try row.decode(column: "version", as: Int.self),
      try row.decode(column: "county_code", as: String.self)
    )
  }

  /// Saves `check` over `version`; false when someone saved first.
  public func save(_ check: SpotCheck, over version: Int) async throws -> Bool {
    try await WriteGate.serialize(db) {
      !(try await sql.raw(
        """
        UPDATE spot_checks SET version = \(bind: version + 1), body = \(bind: try Self.encode(check))
        WHERE id = \(bind: check.id) AND version = \(bind: version) RETURNING id
        """
      ).all().isEmpty)
    }
  }

  /// The county's draws, newest first.
  public func list(county: String, limit: Int = 100) async throws -> [SpotCheck] {
    try await sql.raw(
      "SELECT body FROM spot_checks WHERE county_code = \(bind: county) ORDER BY opened_ms DESC LIMIT \(bind: limit)"
    ).all().map(Self.decode)
  }

  static func encode(_ value: SpotCheck) throws -> String { try StoredBody.encode(value) }

  static func decode(_ row: any SQLRow) throws -> SpotCheck { try StoredBody.decode(SpotCheck.self, row) }
}
