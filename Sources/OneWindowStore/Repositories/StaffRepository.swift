import Fluent
import Foundation
import OneWindowDomain

/// A staff account as the login and admin screens need it.
public struct StaffRecord: Sendable, Hashable {
  public let identity: StaffIdentity
  public let title: String
  public let phone: String
  public let passwordHash: String
  public let failedLogins: Int
  public let disabledAt: Date?

  public var isDisabled: Bool { disabledAt != nil }
}

/// The fields of a new staff account, before validation.
public struct NewStaff: Sendable {
  public var username: String
  public var displayName: String
  public var role: Role
  public var scope: Scope
  public var title: String
  public var phone: String

  public init(
    username: String, displayName: String, role: Role, scope: Scope, title: String = "",
    phone: String = ""
  ) {
    self.username = username
    self.displayName = displayName
    self.role = role
    self.scope = scope
    self.title = title
    self.phone = phone
  }
}

/// Staff accounts: lookup, creation, listing by scope, disabling, and login bookkeeping.
public struct StaffRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  public func find(username: String) async throws -> StaffRecord? {
    try await StaffModel.query(on: db).filter(\.$username == username.lowercased()).first()?.record
  }

  public func find(id: String) async throws -> StaffRecord? {
    guard let uuid = UUID(uuidString: id) else { return nil }
    return try await StaffModel.find(uuid, on: db)?.record
  }

  /// Creates an account after checking every field; nothing is written when a check fails.
  @discardableResult
  public func add(_ new: NewStaff, passwordHash: String, policy: LoginPolicy = .standard)
    async throws -> StaffIdentity
  {
    let username = new.username.lowercased()
    try policy.validateUsername(username)
    guard !new.displayName.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ValidationError(field: "display_name", zh: "请填写姓名", en: "Enter a name")
    }
    guard try await find(username: username) == nil else {
      throw ValidationError(
        field: "username", zh: "用户名「\(username)」已存在", en: "Username '\(username)' is taken")
    }
    if new.scope.regionCode.isCity, ![.admin, .supervisor].contains(new.role) {
      throw ValidationError(
        field: "role", zh: "地市级账号只能是中心管理员或电子监察员", en: "A city account is an administrator or a supervisor")
    }
    try await checkScope(new.scope)
    try DirectoryText.phone(new.phone, field: "phone", required: false).first.map { throw $0 }
    if new.scope.regionCode.isCity, try await RegionModel.find(new.scope.regionCode.value, on: db) == nil {
      // The city's own row, which the account's region points at; its name was not given, so it is its code.
      let city = RegionModel()
      city.id = new.scope.regionCode.value
      city.name = new.scope.regionCode.value
      city.level = "city"
      city.countyCode = new.scope.regionCode.value
      try await city.create(on: db)
    }
    let model = StaffModel(new, passwordHash: passwordHash)
    try await model.create(on: db)
    return model.identity!
  }

  /// Accounts inside `scope` (all when nil), ordered by username, one page at a time.
  public func list(in scope: Scope? = nil, search: String? = nil, limit: Int = 500, offset: Int = 0) async throws
    -> [StaffRecord]
  {
    var query = StaffModel.query(on: db).sort(\.$username)
    if let search, !search.isEmpty {
      let pattern = "%" + search.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
      query = query.group(.or) {
        $0.filter(\.$username, .custom("LIKE"), pattern.lowercased()).filter(\.$displayName, .custom("LIKE"), pattern)
      }
    }
    if let scope {
      query = query.filter(\.$regionCode >= scope.regionCode.value)
        .filter(\.$regionCode < scope.regionCode.value + "~")
      if let site = scope.siteID { query = query.filter(\.$siteID == site) }
      if let department = scope.departmentID { query = query.filter(\.$departmentID == department) }
    }
    return try await query.range(offset..<(offset + limit)).all().compactMap(\.record)
  }

  /// How many accounts `scope` holds, and the ones whose ids are given (the directory names people without loading all).
  public func count(in scope: Scope, search: String? = nil) async throws -> Int {
    var query = StaffModel.query(on: db).filter(\.$regionCode >= scope.regionCode.value)
      .filter(\.$regionCode < scope.regionCode.value + "~")
    if let search, !search.isEmpty {
      let pattern = "%" + search.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
      query = query.group(.or) {
        $0.filter(\.$username, .custom("LIKE"), pattern.lowercased()).filter(\.$displayName, .custom("LIKE"), pattern)
      }
    }
    return try await query.count()
  }

  /// The names of the accounts `ids` names, keyed by the id as `FloorRosterRepository.canonical` writes it (whatever
  /// case the caller's ids are in).
  public func displayNames(ids: Set<String>) async throws -> [String: String] {
    Dictionary(
      try await records(ids: ids).map { (FloorRosterRepository.canonical($0.identity.id), $0.identity.displayName) },
      uniquingKeysWith: { a, _ in a })
  }

  public func records(ids: Set<String>) async throws -> [StaffRecord] {
    let uuids = ids.compactMap(UUID.init(uuidString:))
    guard !uuids.isEmpty else { return [] }
    var result: [StaffRecord] = []
    for start in stride(from: 0, to: uuids.count, by: 500) {
      result += try await StaffModel.query(on: db).filter(\.$id ~~ Array(uuids[start..<min(start + 500, uuids.count)]))
        .all().compactMap(\.record)
    }
    return result
  }

  /// Active proxy agents by the site their scope names, inside `region` (seed 003's staffing check).
  public func agentsBySite(in region: RegionCode) async throws -> [String: Int] {
    var counts: [String: Int] = [:]
    let sites = try await StaffModel.query(on: db).filter(\.$role == Role.agent.rawValue).filter(\.$disabledAt == nil)
      .filter(\.$regionCode >= region.value).filter(\.$regionCode < region.value + "~").all(\.$siteID)
    for site in sites { if let site { counts[site, default: 0] += 1 } }
    return counts
  }

  /// Disables an account and ends its sessions and tokens. False when there is no such account.
  public func disable(username: String, now: Date = Date()) async throws -> Bool {
    guard
      let model = try await StaffModel.query(on: db)
        .filter(\.$username == username.lowercased()).first(), let id = model.id
    else { return false }
    try await db.transaction { db in
      model.disabledAt = model.disabledAt ?? now
      try await model.save(on: db)
      try await StaffSessionModel.query(on: db).filter(\.$staffID == id).delete()
      try await APITokenModel.query(on: db).filter(\.$staffID == id).filter(\.$revokedAt == nil)
        .set(\.$revokedAt, to: now).update()
    }
    return true
  }

  /// Counts a failed password (shown to administrators; the delay itself is the web layer's `SignInGuard`, never a
  /// lock: five wrong passwords from anyone must not shut the owner out).
  public func recordFailedLogin(id: String) async throws {
    guard let uuid = UUID(uuidString: id), let model = try await StaffModel.find(uuid, on: db)
    else { return }
    model.failedLogins += 1
    try await model.save(on: db)
  }

  public func recordSuccessfulLogin(id: String) async throws {
    guard let uuid = UUID(uuidString: id) else { return }
    try await StaffModel.query(on: db).filter(\.$id == uuid).set(\.$failedLogins, to: 0)
      .set(\.$lockedUntil, to: nil).update()
  }

  func checkScope(_ scope: Scope) async throws {
    if scope.regionCode.isCity {
      // A city account: no site or department of its own; it works in one of the city's counties at a time.
      guard scope.siteID == nil, scope.departmentID == nil else {
        throw ValidationError(
          field: scope.siteID != nil ? "site" : "department", zh: "地市级账号不属于某个场所或部门",
          en: "A city account belongs to no site or department")
      }
      let counties = try await DirectoryRepository(db).counties().filter { scope.regionCode.hasCounty($0.code) }
      guard !counties.isEmpty else {
        throw ValidationError(
          field: "region", zh: "本系统中没有属于 \(scope.regionCode) 的县（市、区）",
          en: "No county of the city \(scope.regionCode) is set up here")
      }
      return
    }
    guard try await RegionModel.find(scope.regionCode.value, on: db) != nil else {
      throw ValidationError(
        field: "region", zh: "行政区划「\(scope.regionCode)」不存在",
        en: "No region \(scope.regionCode)")
    }
    if let siteID = scope.siteID {
      guard let site = try await SiteModel.find(siteID, on: db) else {
        throw ValidationError(field: "site", zh: "场所「\(siteID)」不存在", en: "No site \(siteID)")
      }
      guard site.retiredAt == nil else {
        throw ValidationError(field: "site", zh: "该场所已停用", en: "The site is retired")
      }
      guard let code = RegionCode(site.regionCode), scope.regionCode.contains(code) else {
        throw ValidationError(
          field: "site", zh: "场所不在所选行政区划内", en: "The site is outside the region")
      }
    }
    if let departmentID = scope.departmentID {
      guard let department = try await DepartmentModel.find(departmentID, on: db),
        department.countyCode == scope.regionCode.county.value
      else {
        throw ValidationError(
          field: "department", zh: "部门「\(departmentID)」不存在", en: "No department \(departmentID)")
      }
      guard department.retiredAt == nil else {
        throw ValidationError(field: "department", zh: "该部门已停用", en: "The department is retired")
      }
    }
  }
}

extension StaffModel {
  var record: StaffRecord? {
    guard let identity else { return nil }
    return StaffRecord(
      identity: identity, title: title, phone: phone, passwordHash: passwordHash,
      failedLogins: failedLogins, disabledAt: disabledAt)
  }
}
