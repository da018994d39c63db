import Fluent
import OneWindowDomain
import SQLKit

/// 事项版本: every version of an item's full content, and on the item row its state, current version, waiting
/// draft and search key. Items loaded before this migration become their own published version 1.
struct M017AddItemVersions: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("item_versions")
      .field("code", .string, .required)
      .field("version", .int, .required)
      .field("body", .string, .required)
      .field("created_at_ms", .int64, .required)
      .field("created_by", .string, .required)
      .field("published_at_ms", .int64)
      .field("note", .string, .required)
      .field("county_code", .string, .required)
      .compositeIdentifier(over: "code", "version")
      .create()
    let columns: [(String, DatabaseSchema.DataType, DatabaseSchema.FieldConstraint)] = [
      ("status", .string, .sql(.default("published"))),
      ("version", .int, .sql(.default(1))),
      ("draft_version", .int, .sql(.default(SQLLiteral.null))),
      ("search_text", .string, .sql(.default(""))),
      ("themes", .string, .sql(.default(""))),
      ("hall_exception", .string, .sql(.default(""))),
    ]
    for (name, type, constraint) in columns {
      try await database.schema("service_items").field(FieldKey(stringLiteral: name), type, constraint).update()
    }
    let sql = database as! any SQLDatabase
    // Browsing a department reads its items in code order, and counts them from the index alone.
    try await sql.create(index: "service_items_department_code").on("service_items").column("department_id")
      .column("code").column("status").column("levels").run()
    for model in try await ServiceItemModel.query(on: database).all() {
      guard let item = model.domain else { continue }
      try await CatalogRepository.insertVersion(
        ItemVersion(item: item, number: 1, createdAtMs: 0, createdBy: "migration", publishedAtMs: 0, note: "迁移"),
        county: model.countyCode, on: sql)
      try await sql.update("service_items").set("search_text", to: CatalogRepository.searchText(item))
        .set("hall_exception", to: item.hallExceptionReason).where("code", .equal, item.code).run()
    }
  }

  func revert(on database: any Database) async throws {
    try await database.schema("item_versions").delete()
    for name in ["status", "version", "draft_version", "search_text", "themes", "hall_exception"] {
      try await database.schema("service_items").deleteField(FieldKey(stringLiteral: name)).update()
    }
  }
}
