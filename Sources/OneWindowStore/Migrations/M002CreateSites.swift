import Fluent

struct M002CreateSites: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("sites")
      .field("id", .string, .identifier(auto: false))
      .field("name", .string, .required)
      .field("kind", .string, .required)
      .field("region_code", .string, .required, .references("regions", "code"))
      .field("address", .string, .required)
      .field("phone", .string, .required)
      .field("hours_weekdays", .string, .required)
      .field("hours_extended", .string)
      .field("hours_saturday", .string)
      .field("county_code", .string, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("sites").delete()
  }
}
