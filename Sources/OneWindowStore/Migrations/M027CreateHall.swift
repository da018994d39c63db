import Fluent
import SQLKit

/// The service hall: business groups and the calling policy per site, tickets with their daily counters, and
/// appointments with a booked count per slot (capacity is kept by a conditional update, not by counting).
struct M027CreateHall: AsyncMigration {
  func prepare(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    try await database.schema("hall_groups")
      .field("site_id", .string, .required)
      .field("code", .string, .required)
      .field("body", .string, .required)
      .field("county_code", .string, .required)
      .unique(on: "site_id", "code")
      .create()
    try await database.schema("hall_policies")
      .field("site_id", .string, .identifier(auto: false))
      .field("body", .string, .required)
      .field("county_code", .string, .required)
      .create()
    try await database.schema("ticket_counters")
      .field("site_id", .string, .required)
      .field("day", .string, .required)
      .field("group_code", .string, .required)
      .field("last", .int, .required)
      .unique(on: "site_id", "day", "group_code")
      .create()
    try await database.schema("tickets")
      .field("id", .string, .identifier(auto: false))
      .field("site_id", .string, .required)
      .field("day", .string, .required)
      .field("group_code", .string, .required)
      .field("number", .string, .required)
      .field("channel", .string, .required)
      .field("priority", .string)
      .field("item_code", .string)
      .field("phone", .string)
      .field("appointment_id", .string)
      .field("taken_ms", .int64, .required)
      .field("target_window_id", .string)
      .field("transferred_from", .string)
      .field("state", .string, .required)
      .field("window_id", .string)
      .field("staff_id", .string)
      .field("calls", .int, .required)
      .field("called_ms", .int64)
      .field("started_ms", .int64)
      .field("ended_ms", .int64)
      .field("case_number", .string)
      .field("rating", .int)
      .field("county_code", .string, .required)
      .create()
    // Call next: the waiting tickets of a site's groups in order of taking.
    try await sql.raw("CREATE INDEX tickets_queue ON tickets (site_id, day, state, group_code, taken_ms)").run()
    // A window's current ticket and its last calls (the priority streak).
    try await sql.raw("CREATE INDEX tickets_window ON tickets (window_id, day, called_ms)").run()
    try await database.schema("appointment_slots")
      .field("site_id", .string, .required)
      .field("group_code", .string, .required)
      .field("day", .string, .required)
      .field("slot", .string, .required)
      .field("booked", .int, .required)
      .unique(on: "site_id", "group_code", "day", "slot")
      .create()
    try await database.schema("appointments")
      .field("id", .string, .identifier(auto: false))
      .field("site_id", .string, .required)
      .field("group_code", .string, .required)
      .field("day", .string, .required)
      .field("slot", .string, .required)
      .field("name", .string, .required)
      .field("phone", .string, .required)
      .field("code", .string, .required)
      .field("state", .string, .required)
      .field("ticket_id", .string)
      .field("booked_ms", .int64, .required)
      .field("county_code", .string, .required)
      .create()
    try await sql.raw("CREATE INDEX appointments_phone ON appointments (phone, code)").run()
    try await sql.raw("CREATE INDEX appointments_day ON appointments (site_id, day)").run()
  }

  func revert(on database: any Database) async throws {
    for table in ["appointments", "appointment_slots", "tickets", "ticket_counters", "hall_policies", "hall_groups"] {
      try await database.schema(table).delete()
    }
  }
}
