import Fluent

/// "一件事" bundles: several items, one lead department.
struct M019CreateServiceBundles: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("service_bundles")
      .field("id", .string, .identifier(auto: false))
      .field("name", .string, .required)
      .field("summary", .string, .required)
      .field("audience", .string, .required)
      .field("item_codes", .string, .required)
      .field("lead_department_id", .string, .required, .references("departments", "id"))
      .field("county_code", .string, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("service_bundles").delete()
  }
}
