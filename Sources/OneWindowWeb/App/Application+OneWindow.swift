import Fluent
import Foundation
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
    typealias Value = Region
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

  /// The county this deployment serves, cached after the first read.
  var cachedCounty: Region? {
    get { storage[CountyKey.self] }
    set { storage[CountyKey.self] = newValue }
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
