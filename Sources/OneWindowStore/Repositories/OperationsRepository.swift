import FluentKit
import Foundation
import OneWindowDomain
import SQLKit

/// What an operator watches (`/metrics`): open cases by light, tickets waiting, the database's connections. Each
/// reading is one indexed query, whatever the number of cases.
public struct OperationsRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) { self.db = db }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  /// Open cases of every county by light at `now` (the same definition as the clock board), from the partial index
  /// of open cases.
  public func openCases(now: Date) async throws -> [String: ClockBoard.Counts] {
    let nowMillis = millis(now)
    var counts: [String: ClockBoard.Counts] = [:]
    for row in try await sql.raw(
      """
      SELECT county_code,
        CAST(SUM(CASE WHEN state <> 'suspended' AND due_ms < \(bind: nowMillis) THEN 1 ELSE 0 END) AS BIGINT) AS red,
        CAST(SUM(CASE WHEN state <> 'suspended' AND due_ms >= \(bind: nowMillis) AND warn_ms <= \(bind: nowMillis)
          THEN 1 ELSE 0 END) AS BIGINT) AS yellow,
        CAST(SUM(CASE WHEN state = 'suspended' THEN 1 ELSE 0 END) AS BIGINT) AS paused,
        COUNT(*) AS total
      FROM cases
      WHERE state IN ('accepted', 'in_review', 'escalated', 'suspended')
      GROUP BY county_code
      """
    ).all() {
      let red = try row.decode(column: "red", as: Int.self)
      let yellow = try row.decode(column: "yellow", as: Int.self)
      let paused = try row.decode(column: "paused", as: Int.self)
      let total = try row.decode(column: "total", as: Int.self)
      counts[try row.decode(column: "county_code", as: String.self)] = ClockBoard.Counts(
        green: total - red - yellow - paused, yellow: yellow, red: red, paused: paused)
    }
    return counts
  }

  /// Tickets waiting at each site of `county` on `day` (the county's own date).
  public func waitingTickets(county: String, day: CivilDate) async throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for row in try await sql.raw(
      """
      SELECT site_id, COUNT(*) AS n FROM tickets
      WHERE site_id IN (SELECT id FROM sites WHERE county_code = \(bind: county)) AND day = \(bind: day.iso)
        AND state = 'waiting'
      GROUP BY site_id
      """
    ).all() {
      counts[try row.decode(column: "site_id", as: String.self)] = try row.decode(column: "n", as: Int.self)
    }
    return counts
  }

  /// The connections this process holds to PostgreSQL (`application_name` names the process), open and busy; nil
  /// on SQLite, which has no server to ask.
  public func connections(applicationName: String) async throws -> (open: Int, busy: Int)? {
    guard sql.dialect.name != "sqlite" else { return nil }
    let row = try await sql.raw(
      """
      SELECT COUNT(*) AS open, COUNT(*) FILTER (WHERE state <> 'idle') AS busy FROM pg_stat_activity
      WHERE application_name = \(bind: applicationName) AND pid <> pg_backend_pid()
      """
    ).first()
    return (try row?.decode(column: "open", as: Int.self) ?? 0, try row?.decode(column: "busy", as: Int.self) ?? 0)
  }
}
