import Fluent
import SQLKit

/// 全程留痕: append-only; no code path updates or deletes a row.
struct M011CreateCaseEvents: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("case_events")
      .id()
      .field("case_number", .string, .required)
      .field("sequence", .int, .required)
      .field("step", .string, .required)
      .field("from_state", .string)
      .field("to_state", .string, .required)
      .field("actor_id", .string, .required)
      .field("actor_name", .string, .required)
      .field("at_ms", .int64, .required)
      .field("payload", .string, .required)
      .field("previous_hash", .string, .required)
      .field("hash", .string, .required)
      .field("county_code", .string, .required)
      .unique(on: "case_number", "sequence")
      .create()
    // Defence in depth: the database itself refuses to change the trail. (The hash chain still
    // catches an edit made by someone who drops these first; `onewindow audit verify` finds it.)
    let sql = database as! any SQLDatabase
    if sql.dialect.name == "sqlite" {
      for operation in ["UPDATE", "DELETE"] {
        try await sql.raw(
          """
          CREATE TRIGGER case_events_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON case_events
          BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END
          """
        ).run()
      }
    } else {
      try await sql.raw(
        """
        CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'case_events is append-only'; END $$
        """
      ).run()
      try await sql.raw(
        """
        CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
        FOR EACH ROW EXECUTE FUNCTION case_events_append_only()
        """
      ).run()
    }
  }

  func revert(on database: any Database) async throws {
    try await database.schema("case_events").delete()
  }
}
