import Fluent
import SQLKit

/// A province's catalog as it is: 实施编码 as a column of its own, so that an item is found by its implementation
/// code's prefix as by its basic code's (existing items have none: the empty default is the truth for them), and the
/// column layout each county mapped its province's list with, kept for the next import.
struct M039AddProvinceCatalogImport: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("service_items").field("implementation_code", .string, .required, .sql(.default("")))
      .update()
    try await database.schema("catalog_import_mappings")
      .field("county_code", .string, .identifier(auto: false))
      .field("body", .string, .required)
      .field("updated_at_ms", .int64, .required)
      .field("updated_by", .string, .required)
      .create()
    guard let sql = database as? any SQLDatabase else { return }
    try await sql.create(index: "service_items_implementation_code").on("service_items")
      .column("implementation_code").run()
  }

  func revert(on database: any Database) async throws {
    if let sql = database as? any SQLDatabase {
      try await sql.drop(index: "service_items_implementation_code").run()
    }
    try await database.schema("catalog_import_mappings").delete()
    try await database.schema("service_items").deleteField("implementation_code").update()
  }
}
