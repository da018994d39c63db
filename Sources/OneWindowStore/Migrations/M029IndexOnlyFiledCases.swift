import Fluent
import SQLKit

/// The portal-account and proxy-agent look-ups index only the cases that have one: most cases are registered at a
/// window and carry neither, and every registration and every step that moves a case (a state change cannot be a
/// heap-only update) paid for two index entries nobody reads.
struct M029IndexOnlyFiledCases: AsyncMigration {
  func prepare(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    for (index, column) in [("cases_citizen", "citizen_id"), ("cases_proxy_agent", "proxy_agent_id")] {
      try await sql.raw("DROP INDEX \(unsafeRaw: index)").run()
      try await sql.raw(
        "CREATE INDEX \(unsafeRaw: index) ON cases (\(unsafeRaw: column), created_ms) WHERE \(unsafeRaw: column) IS NOT NULL"
      ).run()
    }
  }

  func revert(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    for (index, column) in [("cases_citizen", "citizen_id"), ("cases_proxy_agent", "proxy_agent_id")] {
      try await sql.raw("DROP INDEX \(unsafeRaw: index)").run()
      try await sql.raw("CREATE INDEX \(unsafeRaw: index) ON cases (\(unsafeRaw: column), created_ms)").run()
    }
  }
}
