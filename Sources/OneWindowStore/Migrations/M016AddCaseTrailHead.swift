import Fluent

/// The last event's sequence and hash on the case row, so a step needs no extra read to chain its
/// event (the row is locked anyway).
struct M016AddCaseTrailHead: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("cases").field("trail_seq", .int).update()
    try await database.schema("cases").field("trail_hash", .string).update()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("cases").deleteField("trail_hash").update()
    try await database.schema("cases").deleteField("trail_seq").update()
  }
}
