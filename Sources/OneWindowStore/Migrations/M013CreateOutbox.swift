import Fluent

/// What a citizen must hear about, written in the same transaction as the step that caused it;
/// the notification sender takes rows from here.
struct M013CreateOutbox: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("outbox")
      .id()
      .field("case_number", .string, .required)
      .field("kind", .string, .required)
      .field("recipient", .string, .required)
      .field("payload", .string, .required)
      .field("created_ms", .int64, .required)
      .field("sent_ms", .int64)
      .field("county_code", .string, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("outbox").delete()
  }
}
