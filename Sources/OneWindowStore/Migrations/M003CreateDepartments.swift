import Fluent

struct M003CreateDepartments: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("departments")
      .field("id", .string, .identifier(auto: false))
      .field("name", .string, .required)
      .field("region_code", .string, .required, .references("regions", "code"))
      .field("credit_code", .string, .required)
      .field("county_code", .string, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("departments").delete()
  }
}
