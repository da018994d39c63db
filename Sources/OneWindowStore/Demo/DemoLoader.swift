import Fluent
import Foundation
import OneWindowDomain

/// Loads the demo county. Loading twice changes nothing: each row is written only when missing,
/// and accounts that exist keep their passwords.
public struct DemoLoader: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  /// How many rows of each kind this load added.
  public struct Summary: Sendable, Equatable, CustomStringConvertible {
    public var regions = 0
    public var sites = 0
    public var departments = 0
    public var windows = 0
    public var staff = 0
    public var items = 0
    public var agreements = 0
    public var bundles = 0
    public var proxyListEntries = 0
    public var hallGroups = 0
    public var authorizations = 0

    public var total: Int {
      regions + sites + departments + windows + staff + items + agreements + bundles + proxyListEntries + hallGroups
        + authorizations
    }

    public var description: String {
      "regions \(regions), sites \(sites), departments \(departments), windows \(windows), "
        + "staff \(staff), items \(items), agreements \(agreements), bundles \(bundles), "
        + "proxy list entries \(proxyListEntries), hall groups \(hallGroups), "
        + "authorisations \(authorizations)"
    }
  }

  /// Loads `county` in one transaction, so an interrupted load leaves nothing half-written.
  /// `passwordHash` is the hash of `DemoCounty.password`, computed once by the caller.
  public func load(
    _ county: DemoCounty, passwordHash: String, progress: @escaping @Sendable (String) -> Void = { _ in }
  ) async throws -> Summary {
    try await db.transaction { db in
      var summary = Summary()
      let countyCode = county.county.code.value

      let regionIDs = try await existing(RegionModel.self, on: db)
      let newRegions = county.regions.filter { !regionIDs.contains($0.code.value) }
      try await newRegions.map(RegionModel.init).create(on: db)
      summary.regions = newRegions.count
      progress("行政区划 regions: +\(newRegions.count)")

      let siteIDs = try await existing(SiteModel.self, on: db)
      let newSites = county.sites.filter { !siteIDs.contains($0.id) }
      try await newSites.map(SiteModel.init).create(on: db)
      summary.sites = newSites.count
      progress("服务场所 sites: +\(newSites.count)")

      let departmentIDs = try await existing(DepartmentModel.self, on: db)
      let newDepartments = county.departments.filter { !departmentIDs.contains($0.id) }
      try await newDepartments.map(DepartmentModel.init).create(on: db)
      summary.departments = newDepartments.count
      progress("部门 departments: +\(newDepartments.count)")

      let windowIDs = try await existing(WindowModel.self, on: db)
      let newWindows = county.windows.filter { !windowIDs.contains($0.id) }
      try await newWindows.map { WindowModel($0, countyCode: countyCode) }.create(on: db)
      summary.windows = newWindows.count
      progress("窗口 windows: +\(newWindows.count)")

      summary.staff = try await loadStaff(county, passwordHash: passwordHash, on: db)
      progress("工作人员 staff: +\(summary.staff)")
      summary.authorizations = try await loadAuthorizations(county, on: db)
      progress("首席代表授权 authorisations: +\(summary.authorizations)")
      if try await InstallationModel.find(InstallationModel.key, on: db) == nil {
        try await InstallationModel(countyCode: countyCode, setUpAt: Date()).create(on: db)
      }

      summary.items = try await loadCatalog(county, on: db)
      progress("事项 items: +\(summary.items)")
      summary.agreements = try await loadAgreements(county, on: db)
      progress("委托书 agreements: +\(summary.agreements)")
      let bundles = BundleRepository(db)
      let bundleIDs = Set(try await bundles.all().map(\.id))
      for bundle in county.bundles where !bundleIDs.contains(bundle.id) {
        try await bundles.save(bundle, county: countyCode)
        summary.bundles += 1
      }
      progress("一件事 bundles: +\(summary.bundles)")
      summary.proxyListEntries = try await loadProxyLists(county, on: db)
      progress("代办清单 proxy list entries: +\(summary.proxyListEntries)")
      let hall = HallRepository(db)
      for group in county.hallGroups
      where try await !hall.groups(site: group.siteID).contains(where: { $0.code == group.code }) {
        try await hall.save(group, county: countyCode)
        summary.hallGroups += 1
      }
      progress("业务分组 hall groups: +\(summary.hallGroups)")
      return summary
    }
  }

  private func loadCatalog(_ county: DemoCounty, on db: any Database) async throws -> Int {
    let catalog = CatalogRepository(db)
    let codes = try await catalog.codes()
    let newItems = county.items.filter { !codes.contains($0.code) }
    for start in stride(from: 0, to: newItems.count, by: 200) {
      try await catalog.insertRows(
        Array(newItems[start..<min(start + 200, newItems.count)]), county: county.county.code.value,
        editor: "demo", note: "演示数据", now: Date())
    }
    return newItems.count
  }

  private func loadAgreements(_ county: DemoCounty, on db: any Database) async throws -> Int {
    let agreements = AgreementRepository(db)
    let ids = Set(try await agreements.all().map(\.id))
    let new = county.agreements.filter { !ids.contains($0.id) }
    for agreement in new {
      try await agreements.save(agreement, county: county.county.code.value)
    }
    return new.count
  }

  private func loadProxyLists(_ county: DemoCounty, on db: any Database) async throws -> Int {
    let lists = ProxyListRepository(db)
    let before = try await lists.counts().values.reduce(0, +)
    for list in county.proxyLists {
      try await lists.add(list.itemCodes, to: list.region.code, county: county.county.code.value)
    }
    return try await lists.counts().values.reduce(0, +) - before
  }

  private func loadStaff(_ county: DemoCounty, passwordHash: String, on db: any Database)
    async throws -> Int
  {
    let usernames = Set(try await StaffModel.query(on: db).all(\.$username))
    let newStaff = county.staff.filter { !usernames.contains($0.username) }
    var models: [StaffModel] = []
    var duties: [DutyAssignmentModel] = []
    for person in newStaff {
      let model = StaffModel(
        NewStaff(
          username: person.username, displayName: person.displayName, role: person.role, scope: person.scope,
          title: person.title, phone: person.phone),
        passwordHash: passwordHash)
      models.append(model)
      for duty in person.duties {
        duties.append(
          DutyAssignmentModel(
            DutyAssignment(
              id: UUID().uuidString, windowID: duty.windowID, staffID: model.id!.uuidString, post: duty.post,
              startsOn: DemoCounty.dutiesStart),
            staffID: model.id!, countyCode: model.countyCode))
      }
    }
    try await models.create(on: db)
    try await duties.create(on: db)
    return models.count
  }

  /// Every demo reviewer of a department is its 首席代表, with both powers since the demo's start (added also to a demo
  /// loaded before authorisations existed, so its reviewers keep deciding).
  private func loadAuthorizations(_ county: DemoCounty, on db: any Database) async throws -> Int {
    let names = Dictionary(county.departments.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let holders = Set(try await ChiefAuthorizationModel.query(on: db).all(\.$staffID))
    var added = 0
    for person in county.staff where person.role == .reviewer {
      guard let department = person.scope.departmentID,
        let model = try await StaffModel.query(on: db).filter(\.$username == person.username).first(),
        let staffID = model.id, !holders.contains(staffID)
      else { continue }
      added += 1
      let authorization = ChiefAuthorization(
        id: UUID().uuidString, departmentID: department, staffID: staffID.uuidString,
        authorizedBy: "\(names[department] ?? department)主要负责人", documentNumber: "云溪政务〔2020〕\(added)号",
        powers: Set(ChiefPower.allCases), validFrom: DemoCounty.dutiesStart)
      try await ChiefAuthorizationModel(authorization, staffID: staffID, countyCode: model.countyCode, now: Date())
        .create(on: db)
    }
    return added
  }

  private func existing<M: Model>(_ type: M.Type, on db: any Database) async throws -> Set<String>
  where M.IDValue == String {
    Set(try await M.query(on: db).all().compactMap(\.id))
  }
}
