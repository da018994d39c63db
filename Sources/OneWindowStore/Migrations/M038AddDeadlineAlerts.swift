import Fluent
import SQLKit

/// The warning level (1 yellow, 2 red) the people who owe a case or a rectification step were last told of, so each
/// warning goes out once per level, by whichever worker comes first. A nullable column: instant on a large table.
struct M038AddDeadlineAlerts: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("rectifications").field("alerted", .int).update()
    try await database.schema("cases").field("alerted", .int).update()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("cases").deleteField("alerted").update()
    try await database.schema("rectifications").deleteField("alerted").update()
  }
}
