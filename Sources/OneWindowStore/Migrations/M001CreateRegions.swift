import Fluent

struct M001CreateRegions: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("regions")
      .field("code", .string, .identifier(auto: false))
      .field("name", .string, .required)
      .field("level", .string, .required)
      .field("parent_code", .string)
      .field("county_code", .string, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("regions").delete()
  }
}
