import Fluent
import SQLKit

/// Portal accounts (群众: phone number and password), their sessions, and the account a case was filed under.
struct M023CreateCitizens: AsyncMigration {
  func prepare(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    try await database.schema("citizens")
      .field("id", .string, .identifier(auto: false))
      .field("phone", .string, .required)
      .field("name", .string, .required)
      .field("id_number", .string, .required)
      .field("password_hash", .string, .required)
      .field("created_ms", .int64, .required)
      .field("county_code", .string, .required)
      .unique(on: "phone")
      .create()
    try await database.schema("citizen_sessions")
      .field("token_hash", .string, .identifier(auto: false))
      .field("citizen_id", .string, .required)
      .field("expires_ms", .int64, .required)
      .field("county_code", .string, .required)
      .create()
    try await database.schema("cases").field("citizen_id", .string).update()
    try await sql.raw("CREATE INDEX cases_citizen ON cases (citizen_id, created_ms)").run()
  }

  func revert(on database: any Database) async throws {
    try await (database as! any SQLDatabase).raw("DROP INDEX cases_citizen").run()
    try await database.schema("cases").deleteField("citizen_id").update()
    try await database.schema("citizen_sessions").delete()
    try await database.schema("citizens").delete()
  }
}
