import Fluent

struct M004CreateWindows: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("windows")
      .field("id", .string, .identifier(auto: false))
      .field("site_id", .string, .required, .references("sites", "id"))
      .field("department_id", .string, .references("departments", "id"))
      .field("number", .string, .required)
      .field("name", .string, .required)
      .field("kind", .string, .required)
      .field("county_code", .string, .required)
      .unique(on: "site_id", "number")
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("windows").delete()
  }
}
