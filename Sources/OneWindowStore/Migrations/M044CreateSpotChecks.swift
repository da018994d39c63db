import Fluent
import SQLKit

/// 随机抽查: each draw with its seed, its sample and the findings recorded on it.
struct M044CreateSpotChecks: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("spot_checks")
      .field("id", .string, .identifier(auto: false))
      .field("target_kind", .string, .required)
      .field("target_id", .string, .required)
      .field("opened_ms", .int64, .required)
      .field("version", .int, .required)
      .field("body", .string, .required)
      .field("county_code", .string, .required)
      .create()
    try await (database as! any SQLDatabase).raw(
      "CREATE INDEX spot_checks_list ON spot_checks (county_code, opened_ms)"
    )
    .run()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("spot_checks").delete()
  }
}
