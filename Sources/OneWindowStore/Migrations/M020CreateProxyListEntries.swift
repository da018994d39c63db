import Fluent

/// 帮办代办事项清单: the items each town's and village's agents take on.
struct M020CreateProxyListEntries: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("proxy_list_entries")
      .field("region_code", .string, .required)
      .field("item_code", .string, .required)
      .field("county_code", .string, .required)
      .compositeIdentifier(over: "region_code", "item_code")
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("proxy_list_entries").delete()
  }
}
