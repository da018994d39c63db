import Fluent
import SQLKit

/// One live booking per phone number, hall and day, kept by the database too: two bookings sent at the same moment
/// from one phone cannot both pass the check in their transactions.
struct M028AddOneLiveBooking: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await (database as! any SQLDatabase).raw(
      "CREATE UNIQUE INDEX appointments_one_live ON appointments (phone, site_id, day) WHERE state = 'booked'"
    ).run()
  }

  func revert(on database: any Database) async throws {
    try await (database as! any SQLDatabase).raw("DROP INDEX appointments_one_live").run()
  }
}
