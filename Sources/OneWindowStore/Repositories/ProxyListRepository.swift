import Fluent
import OneWindowDomain
import SQLKit

/// 帮办代办事项清单 per town and village.
public struct ProxyListRepository: Sendable {
  let db: any Database
  var sql: any SQLDatabase { db as! any SQLDatabase }

  public init(_ db: any Database) {
    self.db = db
  }

  /// How many items each region's list holds.
  public func counts() async throws -> [RegionCode: Int] {
    var counts: [RegionCode: Int] = [:]
    for row in try await sql.raw("SELECT region_code, COUNT(*) AS n FROM proxy_list_entries GROUP BY region_code")
      .all()
    {
      if let code = RegionCode(try row.decode(column: "region_code", as: String.self)) {
        counts[code] = try row.decode(column: "n", as: Int.self)
      }
    }
    return counts
  }

  public func itemCodes(of region: RegionCode) async throws -> [String] {
    try await sql.select().column("item_code").from("proxy_list_entries").where("region_code", .equal, region.value)
      .orderBy("item_code").all().map { try $0.decode(column: "item_code", as: String.self) }
  }

  /// Puts items on a region's list (those already on it stay), after checking the level exercises each.
  public func add(_ itemCodes: [String], to region: RegionCode, county: String) async throws {
    let level = region.level
    var found: [String: ItemSummary] = [:]
    for start in stride(from: 0, to: itemCodes.count, by: 500) {
      let chunk = Array(itemCodes[start..<min(start + 500, itemCodes.count)])
      for row in try await sql.select().columns(CatalogRepository.summaryColumns.map { SQLColumn($0) })
        .from("service_items").where("code", .in, SQLBind.group(chunk)).where("county_code", .equal, county).all()
      {
        let item = try CatalogRepository.decodeSummary(row)
        found[item.code] = item
      }
    }
    var errors: [ValidationError] = []
    for code in itemCodes {
      guard let item = found[code] else {
        errors.append(ValidationError(field: "item_code", zh: "事项 \(code) 不存在。", en: "No item \(code)."))
        continue
      }
      errors += ProxyList.problems(adding: item, at: level)
    }
    if !errors.isEmpty { throw ValidationErrors(errors) }
    let existing = Set(try await self.itemCodes(of: region))
    let new = Array(Set(itemCodes).subtracting(existing)).sorted()
    for start in stride(from: 0, to: new.count, by: 300) {
      var insert = sql.insert(into: "proxy_list_entries").columns("region_code", "item_code", "county_code")
      for code in new[start..<min(start + 300, new.count)] {
        insert = insert.values(SQLBind(region.value), SQLBind(code), SQLBind(county))
      }
      try await insert.run()
    }
  }

  public func remove(_ itemCode: String, from region: RegionCode) async throws {
    try await sql.delete(from: "proxy_list_entries").where("region_code", .equal, region.value)
      .where("item_code", .equal, itemCode).run()
  }
}
