import Fluent
import Foundation
import OneWindowStore
import Testing

/// The databases storage and HTTP tests run on: SQLite always, PostgreSQL when
/// `ONEWINDOW_TEST_POSTGRES_URL` names a server (scripts/test starts one and sets it).
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case sqlite
  case postgres

  static let postgresURL = ProcessInfo.processInfo.environment["ONEWINDOW_TEST_POSTGRES_URL"]

  static var all: [TestDatabase] {
    postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
  }

  var testDescription: String { rawValue }
}
