import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// The column layout each county mapped its province's list with, kept for its next import.
public struct CatalogMappingRepository: Sendable {
  let db: any Database
  var sql: any SQLDatabase { db as! any SQLDatabase }

  public init(_ db: any Database) {
    self.db = db
  }

  public func mapping(county: String) async throws -> CatalogColumnMapping? {
    guard
      let row = try await sql.select().column("body").from("catalog_import_mappings")
        .where("county_code", .equal, county).first()
    else { return nil }
    return try? JSONDecoder().decode(
      CatalogColumnMapping.self, from: Data(try row.decode(column: "body", as: String.self).utf8))
  }

  public func save(_ mapping: CatalogColumnMapping, county: String, by editor: String, now: Date) async throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let body = String(decoding: try encoder.encode(mapping), as: UTF8.self)
    try await db.transaction { db in
      let sql = db as! any SQLDatabase
      try await sql.delete(from: "catalog_import_mappings").where("county_code", .equal, county).run()
      try await sql.insert(into: "catalog_import_mappings")
        .columns("county_code", "body", "updated_at_ms", "updated_by")
        .values(SQLBind(county), SQLBind(body), SQLBind(Int64(now.timeIntervalSince1970 * 1000)), SQLBind(editor))
        .run()
    }
  }
}
