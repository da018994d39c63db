import Fluent
import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// Items, sites, departments, delegation agreements and halls read on every registration and every call of a ticket,
/// kept in memory for half a minute: they change a few times a day, and every saved round trip is throughput on the hot
/// path. Edits in this process should call `invalidate()`; other processes see them within `maxAge`.
final class LookupCache: Sendable {
  static let maxAge: TimeInterval = 30
  private let items = ExpiringCache<String, CatalogEntry?>(maxAge: maxAge, bound: 50_000)
  private let sites = ExpiringCache<String, Site?>(maxAge: maxAge, bound: 10_000)
  private let departments = ExpiringCache<String, Department?>(maxAge: maxAge, bound: 10_000)
  private let agreements = ExpiringCache<String, [DelegationAgreement]>(maxAge: maxAge, bound: 50_000)
  private let halls = ExpiringCache<String, HallSetup>(maxAge: maxAge, bound: 10_000)
  private let duties = ExpiringCache<String, [WindowDuty]>(maxAge: maxAge, bound: 10_000)
  private let chiefs = ExpiringCache<String, [ChiefAuthorization]>(maxAge: maxAge, bound: 10_000)
  /// Staff names by id, for the hall display's calls (a handful per board, on every call).
  private let staffNames = ExpiringCache<String, String?>(maxAge: maxAge, bound: 10_000)
  /// One entry (the whole directory), under `directoryKey`.
  private let names = ExpiringCache<String, DirectoryNames>(maxAge: maxAge, bound: 1)
  private static let directoryKey = "directory"
  /// The portal's 热门事项 (one entry): counted over the cases of the last 30 days, so ten minutes old is fresh enough.
  private let popular = ExpiringCache<String, [ItemSummary]>(maxAge: 600, bound: 1)

  typealias WindowDuty = (window: Window, post: DutyPost)

  /// Every department's and site's name by id, for pages that show them.
  func directoryNames(db: any Database, now: Date) async throws -> DirectoryNames {
    try await names.value(for: Self.directoryKey, now: now) {
      let directory = DirectoryRepository(db)
      return DirectoryNames(
        departments: Dictionary(
          try await directory.departments().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
        sites: Dictionary(try await directory.sites().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
        oldNames: try await directory.oldNames())
    }
  }

  /// The published items most applied for in the last 30 days. A county with no cases yet has none: the portal
  /// does not call items popular that nobody applied for.
  func popularItems(county: String, db: any Database, now: Date, count: Int = 8) async throws -> [ItemSummary] {
    try await popular.value(for: county, now: now) {
      let codes = try await CaseRepository(db, rule: DeadlineRule()).popularItemCodes(
        county: county, since: now.addingTimeInterval(-30 * 86_400), limit: count * 2)
      var items: [ItemSummary] = []
      for code in codes {
        if let entry = try await item(code, db: db, now: now), entry.status == .published {
          items.append(ItemSummary(entry))
        }
      }
      return Array(items.prefix(count))
    }
  }

  /// The windows a staff member may call at today (read on every call of a ticket): those they hold the A or B post
  /// of, then those they stand in at (signed in there, or named by the A post's leave), as a B post.
  func duties(of staff: StaffIdentity, db: any Database, now: Date) async throws -> [WindowDuty] {
    try await duties.value(for: staff.id, now: now) {
      let day = DeadlineRule().civilDate(of: now)
      var duties = try await RosterRepository(db).duties(of: staff.id, on: day)
      let directory = DirectoryRepository(db)
      for id in try await FloorRosterRepository(db).standingIn(staff: staff.id, on: day)
      where !duties.contains(where: { $0.window.id == id }) {
        if let window = try await directory.window(id), !window.isRetired { duties.append((window, .b)) }
      }
      return duties
    }
  }

  /// The 首席代表 authorisations a staff member holds (read on every step a reviewer takes).
  func chiefAuthorizations(of staffID: String, db: any Database, now: Date) async throws -> [ChiefAuthorization] {
    try await chiefs.value(for: staffID, now: now) { try await RosterRepository(db).authorizations(of: staffID) }
  }

  /// A site's hall as calling and the display read it: business groups, calling policy, windows.
  struct HallSetup: Sendable {
    let groups: [BusinessGroup]
    let policy: QueuePolicy
    let windows: [Window]

    func groups(of window: String) -> [BusinessGroup] { groups.filter { $0.windowIDs.contains(window) } }
    func group(_ code: String) -> BusinessGroup? { groups.first { $0.code == code } }
    func window(_ id: String) -> Window? { windows.first { $0.id == id } }
  }

  func hall(_ siteID: String, db: any Database, now: Date) async throws -> HallSetup {
    try await halls.value(for: siteID, now: now) {
      let repository = HallRepository(db)
      return HallSetup(
        groups: try await repository.groups(site: siteID), policy: try await repository.policy(site: siteID),
        windows: try await DirectoryRepository(db).windows(site: siteID))
    }
  }

  /// The item's current version and state.
  func item(_ code: String, db: any Database, now: Date) async throws -> CatalogEntry? {
    try await items.value(for: code, now: now) { try await CatalogRepository(db).entry(code: code) }
  }

  func staffName(_ id: String, db: any Database, now: Date) async throws -> String? {
    try await staffNames.value(for: id, now: now) { try await StaffRepository(db).find(id: id)?.identity.displayName }
  }

  func site(_ id: String, db: any Database, now: Date) async throws -> Site? {
    try await sites.value(for: id, now: now) { try await DirectoryRepository(db).site(id) }
  }

  func department(_ id: String, db: any Database, now: Date) async throws -> Department? {
    try await departments.value(for: id, now: now) { try await DirectoryRepository(db).department(id) }
  }

  /// The delegation agreements that name an item (in force or not: the caller checks the date).
  func agreements(covering itemCode: String, db: any Database, now: Date) async throws -> [DelegationAgreement] {
    try await agreements.value(for: itemCode, now: now) {
      try await AgreementRepository(db).covering(itemCode: itemCode)
    }
  }

  func invalidate() {
    items.removeAll()
    sites.removeAll()
    departments.removeAll()
    agreements.removeAll()
    halls.removeAll()
    names.removeAll()
    popular.removeAll()
    duties.removeAll()
    chiefs.removeAll()
    staffNames.removeAll()
  }
}

extension Application {
  private struct LookupCacheKey: StorageKey {
    typealias Value = LookupCache
  }

  var lookups: LookupCache {
    if let cache = storage[LookupCacheKey.self] { return cache }
    let cache = LookupCache()
    storage[LookupCacheKey.self] = cache
    return cache
  }
}
