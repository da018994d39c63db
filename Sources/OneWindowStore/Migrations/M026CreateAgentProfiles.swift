import Fluent
import SQLKit

/// Proxy agents' public profiles (阳光台: photo, service phone, hours), residents' ratings of their agent (one per
/// case), and the trail looked up by actor (the agent's work log).
struct M026CreateAgentProfiles: AsyncMigration {
  func prepare(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    try await database.schema("agent_profiles")
      .field("staff_id", .string, .identifier(auto: false))
      .field("body", .string, .required)
      .field("county_code", .string, .required)
      .create()
    try await database.schema("agent_ratings")
      .field("case_number", .string, .identifier(auto: false))
      .field("agent_id", .string, .required)
      .field("score", .int, .required)
      .field("comment", .string, .required)
      .field("at_ms", .int64, .required)
      .field("county_code", .string, .required)
      .create()
    try await sql.raw("CREATE INDEX agent_ratings_agent ON agent_ratings (agent_id)").run()
    try await sql.raw("CREATE INDEX case_events_actor ON case_events (actor_id, at_ms)").run()
  }

  func revert(on database: any Database) async throws {
    try await (database as! any SQLDatabase).raw("DROP INDEX case_events_actor").run()
    try await database.schema("agent_ratings").delete()
    try await database.schema("agent_profiles").delete()
  }
}
