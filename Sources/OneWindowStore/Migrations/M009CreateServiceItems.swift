import Fluent

struct M009CreateServiceItems: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("service_items")
      .field("code", .string, .identifier(auto: false))
      .field("name", .string, .required)
      .field("type", .string, .required)
      .field("department_id", .string, .required, .references("departments", "id"))
      .field("levels", .string, .required)
      .field("case_kind", .string, .required)
      .field("legal_limit_days", .int, .required)
      .field("promised_limit_days", .int, .required)
      .field("visits", .int, .required)
      .field("online_depth", .int, .required)
      .field("county_code", .string, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("service_items").delete()
  }
}
