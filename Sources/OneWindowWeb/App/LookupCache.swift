import Fluent
import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// Items, sites, departments and delegation agreements read on every registration, kept in memory for half a minute: they change a
/// few times a day, and every saved round trip is throughput on the hot path. Edits in this
/// process should call `invalidate()`; other processes see them within `maxAge`. `db` is taken as an autoclosure: a
/// hit builds no database object (`req.db` makes a new one on every call, a few percent of a request's time).
final class LookupCache: Sendable {
  static let maxAge: TimeInterval = 30
  private let items = NIOLockedValueBox<[String: (CatalogEntry?, Date)]>([:])
  private let sites = NIOLockedValueBox<[String: (Site?, Date)]>([:])
  private let departments = NIOLockedValueBox<[String: (Department?, Date)]>([:])
  private let agreements = NIOLockedValueBox<[String: ([DelegationAgreement], Date)]>([:])
  private let halls = NIOLockedValueBox<[String: (HallSetup, Date)]>([:])
  private let names = NIOLockedValueBox<(DirectoryNames, Date)?>(nil)

  /// Every department's and site's name by id, for pages that show them.
  func directoryNames(db: @autoclosure () -> any Database, now: Date) async throws -> DirectoryNames {
    if let (cached, at) = names.withLockedValue({ $0 }), now.timeIntervalSince(at) < Self.maxAge { return cached }
    let directory = DirectoryRepository(db())
    let found = DirectoryNames(
      departments: Dictionary(
        try await directory.departments().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
      sites: Dictionary(try await directory.sites().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
    names.withLockedValue { $0 = (found, now) }
    return found
  }
  private let duties = NIOLockedValueBox<[String: ([(window: Window, post: DutyPost)], Date)]>([:])

  /// The windows a staff member holds the A or B post of (read on every call of a ticket).
  func duties(of staff: StaffIdentity, db: @autoclosure () -> any Database, now: Date) async throws -> [(
    window: Window, post: DutyPost
  )] {
    if let (found, at) = duties.withLockedValue({ $0[staff.id] }), now.timeIntervalSince(at) < Self.maxAge {
      return found
    }
    let found = try await DirectoryRepository(db()).duties(of: staff)
    duties.withLockedValue { cache in
      if cache.count > 10_000 { cache.removeAll() }
      cache[staff.id] = (found, now)
    }
    return found
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

  func hall(_ siteID: String, db: @autoclosure () -> any Database, now: Date) async throws -> HallSetup {
    if let (setup, at) = halls.withLockedValue({ $0[siteID] }), now.timeIntervalSince(at) < Self.maxAge { return setup }
    let repository = HallRepository(db())
    let setup = HallSetup(
      groups: try await repository.groups(site: siteID), policy: try await repository.policy(site: siteID),
      windows: try await DirectoryRepository(db()).windows(site: siteID))
    halls.withLockedValue { cache in
      if cache.count > 10_000 { cache.removeAll() }
      cache[siteID] = (setup, now)
    }
    return setup
  }

  /// The item's current version and state.
  func item(_ code: String, db: @autoclosure () -> any Database, now: Date) async throws -> CatalogEntry? {
    if let (item, at) = items.withLockedValue({ $0[code] }), now.timeIntervalSince(at) < Self.maxAge { return item }
    let item = try await CatalogRepository(db()).entry(code: code)
    items.withLockedValue { cache in
      if cache.count > 50_000 { cache.removeAll() }
      cache[code] = (item, now)
    }
    return item
  }

  func site(_ id: String, db: @autoclosure () -> any Database, now: Date) async throws -> Site? {
    if let (site, at) = sites.withLockedValue({ $0[id] }), now.timeIntervalSince(at) < Self.maxAge { return site }
    let site = try await DirectoryRepository(db()).site(id)
    sites.withLockedValue { cache in
      if cache.count > 10_000 { cache.removeAll() }
      cache[id] = (site, now)
    }
    return site
  }

  func department(_ id: String, db: @autoclosure () -> any Database, now: Date) async throws -> Department? {
    if let (department, at) = departments.withLockedValue({ $0[id] }), now.timeIntervalSince(at) < Self.maxAge {
      return department
    }
    let department = try await DirectoryRepository(db()).department(id)
    departments.withLockedValue { cache in
      if cache.count > 10_000 { cache.removeAll() }
      cache[id] = (department, now)
    }
    return department
  }

  /// The delegation agreements that name an item (in force or not: the caller checks the date).
  func agreements(covering itemCode: String, db: @autoclosure () -> any Database, now: Date) async throws
    -> [DelegationAgreement]
  {
    if let (found, at) = agreements.withLockedValue({ $0[itemCode] }), now.timeIntervalSince(at) < Self.maxAge {
      return found
    }
    let found = try await AgreementRepository(db()).covering(itemCode: itemCode)
    agreements.withLockedValue { cache in
      if cache.count > 50_000 { cache.removeAll() }
      cache[itemCode] = (found, now)
    }
    return found
  }

  func invalidate() {
    items.withLockedValue { $0.removeAll() }
    sites.withLockedValue { $0.removeAll() }
    departments.withLockedValue { $0.removeAll() }
    agreements.withLockedValue { $0.removeAll() }
    halls.withLockedValue { $0.removeAll() }
    names.withLockedValue { $0 = nil }
    duties.withLockedValue { $0.removeAll() }
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
