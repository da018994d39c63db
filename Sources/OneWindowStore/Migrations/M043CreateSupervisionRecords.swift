import Fluent
import SQLKit

/// 电子监察 records: rule hits (one per rule and case), 督办 tickets, and how far the rule runner has read the trail.
struct M043CreateSupervisionRecords: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("rule_hits")
      .field("id", .string, .identifier(auto: false))
      .field("rule", .string, .required)
      .field("case_number", .string, .required)
      .field("department_id", .string, .required)
      .field("site_id", .string, .required)
      .field("state", .string, .required)
      .field("found_ms", .int64, .required)
      .field("body", .string, .required)
      .field("county_code", .string, .required)
      .unique(on: "rule", "case_number")
      .create()
    try await database.schema("supervision_tickets")
      .field("id", .string, .identifier(auto: false))
      .field("subject_kind", .string, .required)
      .field("subject_id", .string)
      .field("department_id", .string, .required)
      .field("state", .string, .required)
      .field("due_date", .string, .required)
      .field("escalated", .bool, .required)
      .field("opened_ms", .int64, .required)
      .field("version", .int, .required)
      .field("body", .string, .required)
      .field("county_code", .string, .required)
      .create()
    try await database.schema("supervision_cursors")
      .field("name", .string, .identifier(auto: false))
      .field("last_event_id", .uuid, .required)
      .field("updated_ms", .int64, .required)
      .create()
    let sql = database as! any SQLDatabase
    try await sql.raw("CREATE INDEX rule_hits_list ON rule_hits (county_code, state, found_ms)").run()
    try await sql.raw("CREATE INDEX rule_hits_case ON rule_hits (case_number)").run()
    try await sql.raw("CREATE INDEX supervision_tickets_list ON supervision_tickets (county_code, state, due_date)")
      .run()
    try await sql.raw("CREATE INDEX supervision_tickets_department ON supervision_tickets (department_id, state)").run()
    try await sql.raw("CREATE INDEX supervision_tickets_subject ON supervision_tickets (subject_kind, subject_id)")
      .run()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("supervision_cursors").delete()
    try await database.schema("supervision_tickets").delete()
    try await database.schema("rule_hits").delete()
  }
}
