import Fluent

/// Sign-ups waiting for the code texted to their phone: the account is made only when the code comes back, so the
/// sign-up page never says whether a number is registered.
struct M030CreateCitizenSignUps: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("citizen_signups")
      .field("phone", .string, .identifier(auto: false))
      .field("code_hash", .string, .required)
      .field("name", .string, .required)
      .field("id_number", .string, .required)
      .field("password_hash", .string, .required)
      .field("expires_ms", .int64, .required)
      .field("attempts", .int, .required)
      .field("county_code", .string, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("citizen_signups").delete()
  }
}
