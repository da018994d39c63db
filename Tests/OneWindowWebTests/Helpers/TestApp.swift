import Fluent
import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowWeb
import SQLKit
import Testing
import VaporTesting

/// Runs `body` against a freshly migrated app on `database`, with the demo county loaded unless
/// `demo` is false. Every call gets its own empty database (a temp SQLite file, or a new
/// PostgreSQL database that is dropped afterwards), so tests run in parallel without sharing rows.
func withTestApp(
  _ database: TestDatabase, demo: Bool = true, now: Date? = nil,
  adjust: (inout AppConfiguration) -> Void = { _ in },
  _ body: (Application) async throws -> Void
) async throws {
  let scratch = try await ScratchDatabase.make(database)
  let app = try await Application.make(.testing)
  do {
    var configuration = AppConfiguration(database: scratch.location, dataDirectory: scratch.directory)
    configuration.passwordCost = 4
    adjust(&configuration)
    try OneWindow.configure(app, with: configuration)
    app.middleware.use(APIAnswerRecorder(), at: .beginning)
    app.use(textMessages: RecordingTextMessageSender())
    app.logger.logLevel = .warning
    if let now { app.now = { now } }
    try await OneWindow.prepareDatabase(app)
    if demo {
      let hash = try await app.password.async.hash(DemoCounty.password)
      _ = try await DemoLoader(app.db).load(DemoCounty.shared, passwordHash: hash)
    }
    try await body(app)
  } catch {
    try? await app.asyncShutdown()
    try? await scratch.drop()
    throw error
  }
  try await app.asyncShutdown()
  try await scratch.drop()
}

/// A throwaway database for one test.
struct ScratchDatabase {
  let location: DatabaseLocation
  let directory: String
  let drop: @Sendable () async throws -> Void

  static func make(_ kind: TestDatabase) async throws -> ScratchDatabase {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("onewindow-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    switch kind {
    case .sqlite:
      return ScratchDatabase(
        location: .sqliteFile(path: directory + "/test.sqlite"), directory: directory,
        drop: { try? FileManager.default.removeItem(atPath: directory) })
    case .postgres:
      guard let base = TestDatabase.postgresURL else {
        throw TestSetupError("ONEWINDOW_TEST_POSTGRES_URL is not set")
      }
      let name = "ow_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
      try await adminSQL(base, "CREATE DATABASE \(name)")
      return ScratchDatabase(
        location: .postgres(url: replacingDatabase(in: base, with: name)), directory: directory,
        drop: {
          try await adminSQL(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
          try? FileManager.default.removeItem(atPath: directory)
        })
    }
  }

  /// Runs one statement on the server's base database through a short-lived app.
  static func adminSQL(_ url: String, _ sql: String) async throws {
    let admin = try await Application.make(.testing)
    do {
      try Store.configure(admin, location: .postgres(url: url))
      try await (admin.db as! any SQLDatabase).raw(SQLQueryString(sql)).run()
    } catch {
      try? await admin.asyncShutdown()
      throw error
    }
    try await admin.asyncShutdown()
  }

  private static func replacingDatabase(in url: String, with name: String) -> String {
    var components = URLComponents(string: url)!
    components.path = "/" + name
    return components.string!
  }
}

struct TestSetupError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
