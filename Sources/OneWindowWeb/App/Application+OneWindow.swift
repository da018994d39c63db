import Fluent
import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import OneWindowStore
import Vapor

extension Application {
  private struct ConfigurationKey: StorageKey {
    typealias Value = AppConfiguration
  }

  private struct ClockKey: StorageKey {
    typealias Value = @Sendable () -> Date
  }

  private struct CountyKey: StorageKey {
    typealias Value = CountyList
  }

  /// The counties cache, made once before requests run (`OneWindow.configure`): the application's storage is copied
  /// and written back whole on every write, so it is not written while requests run.
  var countyList: CountyList {
    if let list = storage[CountyKey.self] { return list }
    let list = CountyList()
    storage[CountyKey.self] = list
    return list
  }

  private struct FileStoreKey: StorageKey {
    typealias Value = any FileStore
  }

  public var configuration: AppConfiguration {
    get {
      guard let value = storage[ConfigurationKey.self] else {
        fatalError("OneWindow.configure(_:with:) was not called")
      }
      return value
    }
    set { storage[ConfigurationKey.self] = newValue }
  }

  /// The current time. Tests replace it; nothing else reads the system clock.
  public var now: @Sendable () -> Date {
    get { storage[ClockKey.self] ?? { Date() } }
    set { storage[ClockKey.self] = newValue }
  }

  /// Uploaded scans and results: `<data dir>/files` unless a test or a deployment sets another store.
  public var fileStore: any FileStore {
    get throws {
      if let store = storage[FileStoreKey.self] { return store }
      let store = try DiskFileStore(root: configuration.dataDirectory + "/files")
      storage[FileStoreKey.self] = store
      return store
    }
  }

  public func use(fileStore: any FileStore) {
    storage[FileStoreKey.self] = fileStore
  }

  /// The counties this deployment serves, in code order; read at most once a minute (a county added with
  /// `onewindow init --add` reaches running servers within that), and at once after a first run in this process.
  /// A county asked for by code (a staff member's own) and not in the cache is read again at once.
  func counties(on database: any Database, including code: String? = nil) async throws -> [Region] {
    let list = countyList
    if let cached = list.fresh(including: code) { return cached }
    let counties = try await DirectoryRepository(database).counties()
    list.keep(counties)
    return counties
  }

  /// Forgets the cached counties (after the first run or a county added in this process).
  func forgetCounties() {
    countyList.forget()
  }
}

extension Request {
  public var now: Date { application.now() }

  private struct DatabaseKey: StorageKey {
    typealias Value = any Database
  }

  /// This request's database, made on first use and kept for the rest of the request. Fluent's `db` property makes a
  /// new one on every call (the configuration, the driver, the request's history and paging settings, each read under
  /// its own lock), and a request asks for its database many times — every repository, every cache miss. Use this
  /// one: `scripts/test` refuses the other in this module.
  var database: any Database {
    if let database = storage[DatabaseKey.self] { return database }
    let database = db
    storage[DatabaseKey.self] = database
    return database
  }
}

/// The counties a deployment serves, as last read, and when.
final class CountyList: Sendable {
  private let state = NIOLockedValueBox<(counties: [Region], readAt: ContinuousClock.Instant)?>(nil)

  /// The cached list while under a minute old and holding `code` (when one is asked for).
  func fresh(including code: String?) -> [Region]? {
    state.withLockedValue { cached in
      guard let cached, !cached.counties.isEmpty, ContinuousClock.now - cached.readAt < .seconds(60),
        code.map({ code in cached.counties.contains { $0.code.value == code } }) ?? true
      else { return nil }
      return cached.counties
    }
  }

  func keep(_ counties: [Region]) {
    state.withLockedValue { $0 = (counties, ContinuousClock.now) }
  }

  func forget() {
    state.withLockedValue { $0 = nil }
  }
}
