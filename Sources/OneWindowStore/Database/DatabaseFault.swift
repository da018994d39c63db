import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore

/// Why the database could not take a request, when the fault is the database's and not the request's: the server
/// is down, restarting, failing over or read-only (a standby), or its disk is full. Such a request can be tried
/// again in a moment, so it is answered 503 with `Retry-After`, not 500 (see the web layer's error middleware).
public enum DatabaseFault: String, Sendable {
  /// No connection, a connection lost, a server shutting down or starting, a read-only standby, no free slot.
  case unavailable = "database_unavailable"
  /// The disk (or the SQLite file's size limit) is full: reads work, writes do not.
  case storageFull = "storage_full"

  /// The fault `error` shows, or nil for any other error (a bug, a constraint, bad input).
  public init?(_ error: any Error) {
    switch error {
    case let error as PSQLError:
      guard let fault = Self.postgres(error) else { return nil }
      self = fault
    case let error as SQLiteError:
      guard let fault = Self.sqlite(error.reason) else { return nil }
      self = fault
    case is ConnectionPoolError, is ConnectionPoolTimeoutError, is NIOConnectionError, is ChannelError,
      is ConnectionClosed:
      self = .unavailable
    default:
      return nil
    }
  }

  private static func postgres(_ error: PSQLError) -> DatabaseFault? {
    switch error.code {
    case .server:
      // SQLSTATE: class 08 connection exception, 53 insufficient resources (53100 disk full), 57P admin shutdown,
      // crash shutdown, cannot connect now; 25006 read-only transaction (a standby after failover); 55000 a
      // database not accepting connections.
      let state = error.serverInfo?[.sqlState] ?? ""
      if state == "53100" { return .storageFull }
      if state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57P") || state == "25006"
        || state == "55000"
      {
        return .unavailable
      }
      return nil
    case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
      return .unavailable
    default:
      return nil
    }
  }

  private static func sqlite(_ reason: SQLiteError.Reason) -> DatabaseFault? {
    switch reason {
    case .full: return .storageFull
    case .busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked, .lockedBySharedCache, .cantOpen,
      .cantOpenDirectory, .ioError, .readOnly, .readonlyCantLock, .readonlyDirectory:
      return .unavailable
    default:
      // SQLite's extended I/O codes (a failed write, fsync or read of the file) are faults of the storage too.
      return String(describing: reason).hasPrefix("ioError") ? .unavailable : nil
    }
  }
}

/// A connection found closed before a query was written to it (PostgresNIO would never answer that query).
struct ConnectionClosed: Error {
  static func check(_ connection: PostgresConnection) throws {
    if connection.isClosed { throw ConnectionClosed() }
  }
}
