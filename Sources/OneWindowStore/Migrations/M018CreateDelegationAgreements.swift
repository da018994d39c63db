import Fluent

/// 委托书: which department delegated which items to which town, until when.
struct M018CreateDelegationAgreements: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("delegation_agreements")
      .field("id", .string, .identifier(auto: false))
      .field("document_number", .string, .required)
      .field("department_id", .string, .required, .references("departments", "id"))
      .field("delegate_region", .string, .required)
      .field("item_codes", .string, .required)
      .field("seal", .string, .required)
      .field("valid_from", .string, .required)
      .field("valid_until", .string, .required)
      .field("responsibilities", .string, .required)
      .field("county_code", .string, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("delegation_agreements").delete()
  }
}
