import Fluent
import SQLKit

/// The hall's daily rollup: per site and day, the tickets and bookings summed (`HallRollup`), so a dashboard of a
/// year reads a row per site and day instead of every ticket; `hall_fold` holds, per county, the last day folded.
struct M049CreateHallDays: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("hall_days")
      .field("site_id", .string, .required)
      .field("day", .string, .required)
      .field("county_code", .string, .required)
      .field("tickets", .int64, .required)
      .field("served", .int64, .required)
      .field("no_shows", .int64, .required)
      .field("transferred", .int64, .required)
      .field("waited", .int64, .required)
      .field("wait_ms", .int64, .required)
      .field("serviced", .int64, .required)
      .field("service_ms", .int64, .required)
      .field("booked", .int64, .required)
      .field("checked_in", .int64, .required)
      .field("missed", .int64, .required)
      .unique(on: "site_id", "day")
      .create()
    try await (database as! any SQLDatabase).raw("CREATE INDEX hall_days_county ON hall_days (county_code, day)").run()
    try await database.schema("hall_fold")
      .field("county_code", .string, .identifier(auto: false))
      .field("through_day", .string, .required)
      .field("updated_ms", .int64, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("hall_fold").delete()
    try await database.schema("hall_days").delete()
  }
}
