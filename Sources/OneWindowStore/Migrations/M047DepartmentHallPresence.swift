import Fluent
import SQLKit

/// 进驻大厅 may be unknown: a department created from a province's list (which does not say) or a workbook row with
/// the cell left blank. `in_hall` (NOT NULL since M031) stays for older readers and is no longer read; `hall_presence`
/// holds yes, no, or NULL for unknown. Existing rows keep what they had.
struct M047DepartmentHallPresence: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("departments").field("hall_presence", .string).update()
    try await (database as! any SQLDatabase).raw(
      "UPDATE departments SET hall_presence = CASE WHEN in_hall THEN 'yes' ELSE 'no' END"
    ).run()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("departments").deleteField("hall_presence").update()
  }
}
