import Fluent

/// Follow-ups with a due date: the post-check of 告知承诺 and the missing materials of 容缺受理.
struct M014CreateCaseTasks: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("case_tasks")
      .id()
      .field("case_number", .string, .required)
      .field("kind", .string, .required)
      .field("due_date", .string, .required)
      .field("done_ms", .int64)
      .field("county_code", .string, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("case_tasks").delete()
  }
}
