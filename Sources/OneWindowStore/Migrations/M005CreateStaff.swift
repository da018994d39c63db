import Fluent

struct M005CreateStaff: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("staff")
      .id()
      .field("username", .string, .required)
      .field("display_name", .string, .required)
      .field("role", .string, .required)
      .field("region_code", .string, .required, .references("regions", "code"))
      .field("site_id", .string, .references("sites", "id"))
      .field("department_id", .string, .references("departments", "id"))
      .field("title", .string, .required)
      .field("phone", .string, .required)
      .field("password_hash", .string, .required)
      .field("failed_logins", .int, .required)
      .field("locked_until", .datetime)
      .field("disabled_at", .datetime)
      .field("created_at", .datetime)
      .field("county_code", .string, .required)
      .unique(on: "username")
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("staff").delete()
  }
}
