import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import OneWindowDomain
import SQLKit
import Vapor

extension Application {
  private struct CaseNumbersKey: StorageKey {
    typealias Value = CaseNumberBlocks
  }

  /// The process's case-number blocks on PostgreSQL (nil on SQLite, which draws one number at a time).
  public var caseNumbers: CaseNumberBlocks? {
    get { storage[CaseNumbersKey.self] }
    set { storage[CaseNumbersKey.self] = newValue }
  }

  private struct RecentCasesKey: StorageKey {
    typealias Value = RecentCases
  }

  /// The cases this process wrote last, on PostgreSQL (nil on SQLite, where a step reads the row inside its
  /// transaction anyway).
  public var recentCases: RecentCases? {
    get { storage[RecentCasesKey.self] }
    set { storage[RecentCasesKey.self] = newValue }
  }
}

/// Sets up the database for an application: the driver for the location and every migration.
public enum Store {
  /// The PostgreSQL standby that read-only pages may read from (`ONEWINDOW_READ_DATABASE_URL`), beside the default.
  public static let standby = DatabaseID(string: "psql-standby")

  public static func configure(_ app: Application, location: DatabaseLocation, standby: DatabaseLocation? = nil) throws
  {
    if case .postgres(let url) = standby {
      app.databases.use(
        .postgres(
          configuration: try postgresConfiguration(url), maxConnectionsPerEventLoop: 4,
          connectionPoolTimeout: .seconds(5)),
        as: Self.standby, isDefault: false)
    }
    switch location {
    case .sqliteMemory:
      app.databases.use(.sqlite(.memory), as: .sqlite)
    case .sqliteFile(let path):
      let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .postgres(let url):
      let configuration = try postgresConfiguration(url)
      app.databases.use(
        .postgres(
          configuration: configuration, maxConnectionsPerEventLoop: 8,
          connectionPoolTimeout: .seconds(10)),
        as: .psql)
      app.caseNumbers = CaseNumberBlocks(database: { [unowned app] in app.db })
      app.recentCases = RecentCases()
    }
    Migrations.register(in: app.migrations)
  }

  /// The connection settings a `postgres://` URL names; without `sslmode=` in it, no TLS (a local server).
  static func postgresConfiguration(_ url: String) throws -> SQLPostgresConfiguration {
    var configuration = try SQLPostgresConfiguration(url: url)
    if !url.contains("sslmode=") { configuration.coreConfiguration.tls = .disable }
    configuration.coreConfiguration.options.additionalStartupParameters = [("application_name", applicationName)]
    return configuration
  }

  /// The name this process's connections carry in PostgreSQL (`pg_stat_activity`): which server holds which
  /// connections, for the operator and `/metrics`. At most 63 bytes, PostgreSQL's limit.
  public static let applicationName: String = {
    let host = ProcessInfo.processInfo.hostName.prefix(40)
    return "onewindow/\(host)/\(ProcessInfo.processInfo.processIdentifier)"
  }()

  /// Settings that live in the database file rather than the schema: SQLite's write-ahead log, so
  /// readers never wait for the writer. Run after migrating; harmless on PostgreSQL.
  public static func tune(_ db: any Database) async throws {
    guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
    try await sql.raw("PRAGMA journal_mode=WAL").run()
  }

  /// Answers whether the database takes a trivial query (for `/readyz` and start-up checks).
  public static func ping(_ db: any Database) async throws {
    _ = try await (db as! any SQLDatabase).raw("SELECT 1 AS ok").all()
  }

  /// Writes one row for `host` and commits it (for `/readyz`): fails when the database takes connections but not
  /// writes — a full disk, a read-only standby.
  public static func probeWrite(_ db: any Database, host: String, now: Date) async throws {
    let millis = Int64((now.timeIntervalSince1970 * 1000).rounded())
    try await WriteGate.serialize(db) {
      try await (db as! any SQLDatabase).raw(
        """
        INSERT INTO readiness_probe (host, checked_ms) VALUES (\(bind: host), \(bind: millis))
        ON CONFLICT (host) DO UPDATE SET checked_ms = excluded.checked_ms
        """
      ).run()
    }
  }
}
