import Fluent
import SQLKit

/// 委托单 of proxy applications, and the agent a case was filed by (their work log).
struct M024CreatePowersOfAttorney: AsyncMigration {
  func prepare(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    try await database.schema("powers_of_attorney")
      .field("id", .string, .identifier(auto: false))
      .field("agent_id", .string, .required)
      .field("station_site_id", .string, .required)
      .field("applicant_id_number", .string, .required)
      .field("body", .string, .required)
      .field("created_ms", .int64, .required)
      .field("county_code", .string, .required)
      .create()
    try await sql.raw("CREATE INDEX powers_of_attorney_agent ON powers_of_attorney (agent_id, created_ms)").run()
    try await database.schema("cases").field("proxy_agent_id", .string).update()
    try await sql.raw("CREATE INDEX cases_proxy_agent ON cases (proxy_agent_id, created_ms)").run()
  }

  func revert(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    try await sql.raw("DROP INDEX cases_proxy_agent").run()
    try await database.schema("cases").deleteField("proxy_agent_id").update()
    try await database.schema("powers_of_attorney").delete()
  }
}
