import Fluent
import SQLKit

/// 驻厅管理: sign-ins at windows and leaves with their stand-ins, so the roster of any day tells who really served.
struct M041CreateFloorRoster: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("window_sign_ins")
      .field("window_id", .string, .required)
      .field("staff_id", .string, .required)
      .field("day", .string, .required)
      .field("at_ms", .int64, .required)
      .field("county_code", .string, .required)
      .unique(on: "window_id", "staff_id", "day")
      .create()
    try await database.schema("staff_leaves")
      .field("id", .string, .identifier(auto: false))
      .field("staff_id", .string, .required)
      .field("first_day", .string, .required)
      .field("last_day", .string, .required)
      .field("stand_in_id", .string)
      .field("reason", .string, .required)
      .field("county_code", .string, .required)
      .field("recorded_by", .string, .required)
      .field("recorded_at_ms", .int64, .required)
      .create()
    guard let sql = database as? any SQLDatabase else { return }
    try await sql.create(index: "window_sign_ins_day").on("window_sign_ins").column("day").run()
    try await sql.create(index: "staff_leaves_last_day").on("staff_leaves").column("last_day").run()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("staff_leaves").delete()
    try await database.schema("window_sign_ins").delete()
  }
}
