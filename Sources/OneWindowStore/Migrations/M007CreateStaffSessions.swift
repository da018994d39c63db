import Fluent

struct M007CreateStaffSessions: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("staff_sessions")
      .id()
      .field("token_hash", .string, .required)
      .field("staff_id", .uuid, .required, .references("staff", "id"))
      .field("csrf_token", .string, .required)
      .field("created_at", .datetime, .required)
      .field("expires_at", .datetime, .required)
      .field("county_code", .string, .required)
      .unique(on: "token_hash")
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("staff_sessions").delete()
  }
}
