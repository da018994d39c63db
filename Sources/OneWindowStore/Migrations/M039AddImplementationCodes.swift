import Fluent
import SQLKit

/// 实施编码 as a column of its own, so that an item is found by its implementation code's prefix as by its basic
/// code's. Existing items have none: the empty default is the truth for them.
struct M039AddImplementationCodes: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("service_items").field("implementation_code", .string, .required, .sql(.default("")))
      .update()
    guard let sql = database as? any SQLDatabase else { return }
    try await sql.create(index: "service_items_implementation_code").on("service_items")
      .column("implementation_code").run()
  }

  func revert(on database: any Database) async throws {
    if let sql = database as? any SQLDatabase {
      try await sql.drop(index: "service_items_implementation_code").run()
    }
    try await database.schema("service_items").deleteField("implementation_code").update()
  }
}
