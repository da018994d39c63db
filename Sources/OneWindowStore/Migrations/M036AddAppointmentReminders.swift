import Fluent
import SQLKit

/// When a booking's reminder was queued (预约提醒), so each booking is reminded once, by whichever worker comes first.
struct M036AddAppointmentReminders: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("appointments").field("reminded_ms", .int64).update()
    try await (database as! any SQLDatabase).raw(
      "CREATE INDEX appointments_to_remind ON appointments (day) WHERE reminded_ms IS NULL AND state = 'booked'"
    ).run()
  }

  func revert(on database: any Database) async throws {
    try await (database as! any SQLDatabase).raw("DROP INDEX appointments_to_remind").run()
    try await database.schema("appointments").deleteField("reminded_ms").update()
  }
}
