import Fluent
import SQLKit

/// 诉求: inquiries (with the warning level last told for the step's clock) and their hash-chained trail, the knowledge base (with the items each entry is tied to), and the
/// status reports owed to the 12345 platform.
struct M046CreateInquiries: AsyncMigration {
  func prepare(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    try await database.schema("inquiries")
      .field("id", .string, .identifier(auto: false))
      .field("number", .string, .required)
      .field("kind", .string, .required)
      .field("source", .string, .required)
      .field("state", .string, .required)
      .field("department_id", .string)
      .field("county_code", .string, .required)
      .field("filed_ms", .int64, .required)
      .field("due_ms", .int64)
      .field("external_id", .string)
      .field("citizen_id", .string)
      .field("item_code", .string)
      .field("case_number", .string)
      .field("published", .bool, .required)
      .field("alert_level", .int, .required)
      // What the figures count, kept as columns so a period's figures are one aggregate (1/0; on_time null until
      // answered, rating null until rated).
      .field("on_time", .int)
      .field("rating", .string)
      .field("reopened", .int, .required)
      .field("request_done", .int, .required)
      .field("version", .int, .required)
      .field("body", .string, .required)
      .unique(on: "number")
      .create()
    // A 12345 work order pushed twice is one inquiry (NULLs — inquiries from elsewhere — never collide).
    try await sql.raw("CREATE UNIQUE INDEX inquiries_external ON inquiries (county_code, external_id)").run()
    try await sql.raw("CREATE INDEX inquiries_list ON inquiries (county_code, state, due_ms)").run()
    try await sql.raw("CREATE INDEX inquiries_department ON inquiries (department_id, state)").run()
    try await sql.raw("CREATE INDEX inquiries_citizen ON inquiries (citizen_id)").run()
    try await sql.raw("CREATE INDEX inquiries_published ON inquiries (county_code, published, kind)").run()
    try await sql.raw("CREATE INDEX inquiries_filed ON inquiries (county_code, filed_ms)").run()
    try await sql.raw(
      """
      CREATE TABLE inquiry_events (
        number TEXT NOT NULL, sequence INTEGER NOT NULL, step TEXT NOT NULL, from_state TEXT, to_state TEXT NOT NULL,
        actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, at_ms BIGINT NOT NULL, payload TEXT NOT NULL,
        previous_hash TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (number, sequence))
      """
    ).run()
    try await database.schema("knowledge_entries")
      .field("id", .string, .identifier(auto: false))
      .field("state", .string, .required)
      .field("department_id", .string, .required)
      .field("review_by", .string, .required)
      .field("updated_ms", .int64, .required)
      .field("search_text", .string, .required)
      .field("county_code", .string, .required)
      .field("source_number", .string)
      .field("body", .string, .required)
      .create()
    try await sql.raw("CREATE INDEX knowledge_entries_list ON knowledge_entries (county_code, state, review_by)").run()
    try await sql.raw(
      "CREATE TABLE knowledge_items (entry_id TEXT NOT NULL, item_code TEXT NOT NULL, PRIMARY KEY (entry_id, item_code))"
    ).run()
    try await sql.raw("CREATE INDEX knowledge_items_item ON knowledge_items (item_code)").run()
    try await database.schema("hotline_reports")
      .field("id", .uuid, .identifier(auto: false))
      .field("inquiry_number", .string, .required)
      .field("order_id", .string, .required)
      .field("payload", .string, .required)
      .field("created_ms", .int64, .required)
      .field("sent_ms", .int64)
      .field("next_ms", .int64, .required)
      .field("attempts", .int, .required)
      .field("last_error", .string)
      .create()
    try await sql.raw("CREATE INDEX hotline_reports_due ON hotline_reports (sent_ms, next_ms)").run()
  }

  func revert(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    try await database.schema("hotline_reports").delete()
    try await sql.raw("DROP TABLE knowledge_items").run()
    try await database.schema("knowledge_entries").delete()
    try await sql.raw("DROP TABLE inquiry_events").run()
    try await database.schema("inquiries").delete()
  }
}
