import Fluent
import Foundation
import OneWindowDomain

/// Regions, sites, departments and windows: the county's map of where service happens.
public struct DirectoryRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  /// The counties in the database (one per deployment, usually).
  /// The counties this deployment serves: the one set up first (the portal's default), then the others by code.
  public func counties() async throws -> [Region] {
    let counties = try await RegionModel.query(on: db).filter(\.$level == RegionLevel.county.rawValue)
      .sort(\.$id).all().compactMap(\.domain)
    guard counties.count > 1, let first = try await InstallationModel.find(InstallationModel.key, on: db)?.countyCode
    else { return counties }
    return counties.filter { $0.code.value == first } + counties.filter { $0.code.value != first }
  }

  public func region(_ code: RegionCode) async throws -> Region? {
    try await RegionModel.find(code.value, on: db)?.domain
  }

  public func regions() async throws -> [Region] {
    try await RegionModel.query(on: db).sort(\.$id).all().compactMap(\.domain)
  }

  /// Sites, departments and windows include retired ones: records made under them still show them.
  public func sites() async throws -> [Site] {
    try await SiteModel.query(on: db).sort(\.$regionCode).sort(\.$id).all().compactMap(\.domain)
  }

  public func site(_ id: String) async throws -> Site? {
    try await SiteModel.find(id, on: db)?.domain
  }

  public func department(_ id: String) async throws -> Department? {
    try await DepartmentModel.find(id, on: db)?.domain
  }

  /// One county's departments, at every level (the county's own and its towns').
  public func departments(county: String) async throws -> [Department] {
    try await DepartmentModel.query(on: db).filter(\.$countyCode == county).sort(\.$id).all().compactMap(\.domain)
  }

  /// One county's sites, retired ones included.
  public func sites(county: String) async throws -> [Site] {
    try await SiteModel.query(on: db).filter(\.$countyCode == county).sort(\.$regionCode).sort(\.$id).all()
      .compactMap(\.domain)
  }

  public func departments(in region: RegionCode? = nil) async throws -> [Department] {
    var query = DepartmentModel.query(on: db).sort(\.$id)
    if let region { query = query.filter(\.$regionCode == region.value) }
    return try await query.all().compactMap(\.domain)
  }

  public func window(_ id: String) async throws -> Window? {
    try await WindowModel.find(id, on: db)?.domain
  }

  /// Every window of `county`, by site and number (retired ones too: records made at them still name them).
  public func windows(county: String) async throws -> [Window] {
    try await WindowModel.query(on: db).filter(\.$countyCode == county).sort(\.$siteID).sort(\.$number).all()
      .compactMap(\.domain)
  }

  /// A site's windows in number order.
  public func windows(site: String) async throws -> [Window] {
    try await WindowModel.query(on: db).filter(\.$siteID == site).sort(\.$number).all().compactMap(\.domain)
  }

  /// For each site, the departments that staff a window there (a general window counts for none).
  public func departmentsBySite() async throws -> [String: Set<String>] {
    var result: [String: Set<String>] = [:]
    for window in try await WindowModel.query(on: db).filter(\.$departmentID != nil).all() {
      if let department = window.departmentID { result[window.siteID, default: []].insert(department) }
    }
    return result
  }
}
