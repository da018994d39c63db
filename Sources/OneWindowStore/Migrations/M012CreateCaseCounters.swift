import Fluent

/// The daily sequence behind case numbers, one row per county and day (`360999:20261123`).
struct M012CreateCaseCounters: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("case_counters")
      .field("id", .string, .identifier(auto: false))
      .field("last", .int, .required)
      .field("county_code", .string, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("case_counters").delete()
  }
}
