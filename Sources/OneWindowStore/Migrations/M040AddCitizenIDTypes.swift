import Fluent
import SQLKit

/// A portal account's identity document: residents of Hong Kong, Macao and Taiwan and foreigners sign up with their
/// permit or passport. Accounts made before could only use a resident ID card, which the default says.
struct M040AddCitizenIDTypes: AsyncMigration {
  func prepare(on database: any Database) async throws {
    for table in ["citizens", "citizen_signups"] {
      try await database.schema(table).field("id_type", .string, .required, .sql(.default("居民身份证"))).update()
    }
  }

  func revert(on database: any Database) async throws {
    for table in ["citizens", "citizen_signups"] {
      try await database.schema(table).deleteField("id_type").update()
    }
  }
}
