import Fluent
import OneWindowDomain
import SQLKit

/// Reads of the service-item catalog. The catalog issue adds versions, search and editing.
public struct CatalogRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  public func count() async throws -> Int {
    try await ServiceItemModel.query(on: db).count()
  }

  public func items(limit: Int = 100, offset: Int = 0) async throws -> [ServiceItem] {
    try await ServiceItemModel.query(on: db).sort(\.$id).range(offset..<(offset + limit)).all()
      .compactMap(\.domain)
  }

  /// Item counts per implementing department, for the portal's department list.
  public func countsByDepartment() async throws -> [String: Int] {
    let rows = try await (db as! any SQLDatabase)
      .raw("SELECT department_id, COUNT(*) AS n FROM service_items GROUP BY department_id")
      .all()
    var counts: [String: Int] = [:]
    for row in rows {
      counts[try row.decode(column: "department_id", as: String.self)] = try row.decode(
        column: "n", as: Int.self)
    }
    return counts
  }
}

extension CatalogRepository {
  public func find(code: String) async throws -> ServiceItem? {
    try await ServiceItemModel.find(code, on: db)?.domain
  }
}
