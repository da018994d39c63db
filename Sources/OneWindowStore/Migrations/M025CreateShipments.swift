import Fluent
import SQLKit

/// 物料流转: each hop of paper materials between sites, looked up by sending and receiving site and by how long it
/// has been on the way.
struct M025CreateShipments: AsyncMigration {
  func prepare(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    try await database.schema("shipments")
      .field("id", .string, .identifier(auto: false))
      .field("from_site_id", .string, .required)
      .field("to_site_id", .string, .required)
      .field("state", .string, .required)
      .field("sent_ms", .int64)
      .field("updated_ms", .int64, .required)
      .field("body", .string, .required)
      .field("county_code", .string, .required)
      .create()
    try await sql.raw("CREATE INDEX shipments_from ON shipments (from_site_id, updated_ms)").run()
    try await sql.raw("CREATE INDEX shipments_to ON shipments (to_site_id, updated_ms)").run()
    try await sql.raw("CREATE INDEX shipments_on_the_way ON shipments (state, sent_ms)").run()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("shipments").delete()
  }
}
