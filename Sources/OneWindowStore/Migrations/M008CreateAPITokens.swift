import Fluent

struct M008CreateAPITokens: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("api_tokens")
      .id()
      .field("token_hash", .string, .required)
      .field("staff_id", .uuid, .required, .references("staff", "id"))
      .field("label", .string, .required)
      .field("created_at", .datetime, .required)
      .field("expires_at", .datetime, .required)
      .field("revoked_at", .datetime)
      .field("county_code", .string, .required)
      .unique(on: "token_hash")
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("api_tokens").delete()
  }
}
