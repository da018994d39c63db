import Fluent

struct M006CreateWindowDuties: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("window_duties")
      .id()
      .field("window_id", .string, .required, .references("windows", "id"))
      .field("staff_id", .uuid, .required, .references("staff", "id"))
      .field("post", .string, .required)
      .field("county_code", .string, .required)
      .unique(on: "window_id", "post")
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("window_duties").delete()
  }
}
