import Fluent
import SQLKit

/// 办件. The whole case is kept as JSON in `body`; the columns are what lists filter and sort on.
/// Times are milliseconds since 1970, the same on SQLite and PostgreSQL.
struct M010CreateCases: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("cases")
      .field("number", .string, .identifier(auto: false))
      .field("version", .int, .required)
      .field("state", .string, .required)
      .field("item_code", .string, .required)
      .field("item_version", .int, .required)
      .field("kind", .string, .required)
      .field("department_id", .string, .required)
      .field("site_id", .string, .required)
      .field("region_code", .string, .required)
      .field("channel", .string, .required)
      .field("applicant_name", .string, .required)
      .field("applicant_phone", .string, .required)
      .field("idempotency_key", .string)
      .field("bundle_id", .string)
      .field("created_ms", .int64, .required)
      .field("accepted_ms", .int64)
      .field("due_ms", .int64)
      .field("warn_ms", .int64)
      .field("concluded_ms", .int64)
      .field("body", .string, .required)
      .field("county_code", .string, .required)
      .unique(on: "idempotency_key")
      .create()
    let sql = database as! any SQLDatabase
    try await sql.raw("CREATE INDEX cases_department_due ON cases (department_id, state, due_ms)").run()
    try await sql.raw("CREATE INDEX cases_site_created ON cases (site_id, created_ms)").run()
    try await sql.raw("CREATE INDEX cases_region_created ON cases (region_code, created_ms)").run()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("cases").delete()
  }
}
