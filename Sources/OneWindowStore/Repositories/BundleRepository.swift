import Fluent
import OneWindowDomain
import SQLKit

/// "一件事" bundles.
public struct BundleRepository: Sendable {
  let db: any Database
  var sql: any SQLDatabase { db as! any SQLDatabase }

  public init(_ db: any Database) {
    self.db = db
  }

  /// Every bundle, or one county's.
  public func all(county: String? = nil) async throws -> [ServiceBundle] {
    var select = sql.select().column("*").from("service_bundles")
    if let county { select = select.where("county_code", .equal, county) }
    return try await select.orderBy("id").all().map(Self.decode)
  }

  /// The county a bundle belongs to; nil when there is no such bundle.
  public func county(of id: String) async throws -> String? {
    try await sql.select().column("county_code").from("service_bundles").where("id", .equal, id).first()?
      .decode(column: "county_code", as: String.self)
  }

  public func find(_ id: String) async throws -> ServiceBundle? {
    try await sql.select().column("*").from("service_bundles").where("id", .equal, id).first().map(Self.decode)
  }

  /// Inserts or replaces a bundle after checking it against the catalog.
  public func save(_ bundle: ServiceBundle, county: String) async throws {
    let items = try await CatalogRepository(db).find(codes: bundle.itemCodes, county: county)
    var errors = bundle.problems(items: items)
    if let owner = try await self.county(of: bundle.id), owner != county {
      errors.append(
        ValidationError(field: "id", zh: "编号「\(bundle.id)」已被其他县区使用", en: "Another county uses '\(bundle.id)'"))
    }
    if !errors.isEmpty { throw ValidationErrors(errors) }
    try await db.transaction { db in
      let sql = db as! any SQLDatabase
      try await sql.delete(from: "service_bundles").where("id", .equal, bundle.id).run()
      try await sql.insert(into: "service_bundles")
        .columns("id", "name", "summary", "audience", "item_codes", "lead_department_id", "county_code")
        .values(
          SQLBind(bundle.id), SQLBind(bundle.name), SQLBind(bundle.summary), SQLBind(bundle.audience.rawValue),
          SQLBind(bundle.itemCodes.joined(separator: ",")), SQLBind(bundle.leadDepartmentID), SQLBind(county)
        ).run()
    }
  }

  static func decode(_ row: any SQLRow) throws -> ServiceBundle {
    ServiceBundle(
      id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
      summary: try row.decode(column: "summary", as: String.self),
      audience: Audience(rawValue: try row.decode(column: "audience", as: String.self)) ?? .person,
      itemCodes: try row.decode(column: "item_codes", as: String.self).split(separator: ",").map(String.init),
      leadDepartmentID: try row.decode(column: "lead_department_id", as: String.self))
  }
}
