import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import OneWindowStore
import Vapor

/// Database faults as incidents: an outage or a full disk fails every request while it lasts, and one log line per
/// request would bury everything else. The first fault of an incident is logged with its error; the rest are counted
/// and the count is logged when the incident ends (no fault for `quiet` seconds) or changes kind.
final class DatabaseIncidents: Sendable {
  /// Seconds without a fault after which an incident is over.
  static let quiet: TimeInterval = 30

  private struct Incident {
    var fault: DatabaseFault
    var started: Date
    var lastSeen: Date
    var count: Int
  }
  private let current = NIOLockedValueBox<Incident?>(nil)

  /// Counts one request refused for `fault`, logging if it opens an incident.
  func record(_ fault: DatabaseFault, _ error: any Error, logger: Logger, now: Date = Date()) {
    let (ended, opened) = current.withLockedValue { incident -> (Incident?, Bool) in
      if var open = incident, open.fault == fault, now.timeIntervalSince(open.lastSeen) < Self.quiet {
        open.lastSeen = now
        open.count += 1
        incident = open
        return (nil, false)
      }
      let ended = incident
      incident = Incident(fault: fault, started: now, lastSeen: now, count: 1)
      return (ended, true)
    }
    if let ended { Self.logEnd(ended, logger: logger) }
    if opened {
      logger.error(
        "database incident (\(fault.rawValue)): requests are answered 503 until it passes: \(String(reflecting: error))"
      )
    }
  }

  /// The fault of an incident still going on (seen within `quiet` seconds), if any.
  func ongoing(now: Date = Date()) -> DatabaseFault? {
    current.withLockedValue { incident in
      guard let incident, now.timeIntervalSince(incident.lastSeen) < Self.quiet else { return nil }
      return incident.fault
    }
  }

  /// Closes an incident that has gone quiet, logging its count (called when a probe succeeds).
  func settle(logger: Logger, now: Date = Date()) {
    let ended = current.withLockedValue { incident -> Incident? in
      guard let open = incident, now.timeIntervalSince(open.lastSeen) >= Self.quiet else { return nil }
      incident = nil
      return open
    }
    if let ended { Self.logEnd(ended, logger: logger) }
  }

  private static func logEnd(_ incident: Incident, logger: Logger) {
    let seconds = Int(incident.lastSeen.timeIntervalSince(incident.started).rounded())
    logger.notice(
      "database incident (\(incident.fault.rawValue)) over: \(incident.count) requests answered 503 in \(seconds) s")
  }
}

extension Application {
  private struct DatabaseIncidentsKey: StorageKey {
    typealias Value = DatabaseIncidents
  }

  var databaseIncidents: DatabaseIncidents {
    if let incidents = storage[DatabaseIncidentsKey.self] { return incidents }
    let incidents = DatabaseIncidents()
    storage[DatabaseIncidentsKey.self] = incidents
    return incidents
  }
}

extension AppError {
  /// The answer to a request the database could not take, with the wait before trying again.
  static func database(_ fault: DatabaseFault) -> AppError {
    switch fault {
    case .unavailable:
      return AppError(
        .serviceUnavailable, code: fault.rawValue,
        message: LocalizedText(
          zh: "数据库暂时不可用，请稍后重试（已提交的内容不会丢失）",
          en: "The database is unavailable for a moment; please try again (nothing saved is lost)"),
        retryAfter: 2)
    case .storageFull:
      return AppError(
        .serviceUnavailable, code: fault.rawValue,
        message: LocalizedText(
          zh: "服务器存储空间已满，暂时无法保存，请稍后重试并告知管理员",
          en: "The server's storage is full and nothing can be saved; try again later and tell the administrator"),
        retryAfter: 30)
    }
  }
}
