import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// The outbound side of the 12345 exchange: tells the hotline platform how a work order it pushed in stands (signed
/// for, returned, answered, rated, closed). The platform's own adapter is written against this interface; by default
/// the reports go to the log. Reports wait in `hotline_reports` (written with the step that caused them) and are
/// sent by the worker, in order, again after a failure.
public protocol HotlineExchange: Sendable {
  /// The adapter's name for logs (`log`, or the platform's).
  var channel: String { get }
  /// Hands one report to the platform; returns once it took it. Throws for a fault worth trying again.
  func report(_ report: HotlineReport, logger: Logger) async throws
}

/// Writes each report to the server log instead of sending it.
public struct LogHotlineExchange: HotlineExchange {
  public let channel = "log"

  public init() {}

  public func report(_ report: HotlineReport, logger: Logger) async throws {
    let facts = report.facts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    logger.notice("12345 report for order \(report.orderID) (log channel, not sent): \(facts)")
  }
}

/// Keeps the reports it is given, for tests.
public final class RecordingHotlineExchange: HotlineExchange, @unchecked Sendable {
  public let channel = "recording"
  private let lock = NSLock()
  private var kept: [HotlineReport] = []

  public init() {}

  public func report(_ report: HotlineReport, logger: Logger) async throws {
    lock.withLock { kept.append(report) }
  }

  public var reports: [HotlineReport] { lock.withLock { kept } }
}

extension Application {
  private struct HotlineExchangeKey: StorageKey {
    typealias Value = any HotlineExchange
  }

  /// The 12345 platform's adapter: the log unless a deployment or a test sets another.
  public var hotlineExchange: any HotlineExchange {
    storage[HotlineExchangeKey.self] ?? LogHotlineExchange()
  }

  public func use(hotlineExchange exchange: any HotlineExchange) {
    storage[HotlineExchangeKey.self] = exchange
  }
}

extension NotificationWorker {
  /// Sends the reports owed to the 12345 platform; answers how many it sent. A failed one is tried again later
  /// (after 1, 2, 4 … minutes, at most an hour), the later ones of the same order wait behind it.
  @discardableResult
  public func reportToHotline(now: Date) async throws -> Int {
    let repository = InquiryRepository(db)
    var sent = 0
    var blocked: Set<String> = []
    for report in try await repository.dueReports(now: now) where !blocked.contains(report.orderID) {
      do {
        try await application.hotlineExchange.report(report, logger: logger)
        try await repository.reportSent(report.id, now: now)
        sent += 1
      } catch {
        blocked.insert(report.orderID)
        let delay = min(3600, 60 * pow(2, Double(min(report.attempts, 6))))
        logger.warning("12345 report for order \(report.orderID) failed (try \(report.attempts + 1)): \(error)")
        try await repository.reportFailed(report.id, error: String(describing: error), retryAt: now + delay)
      }
    }
    return sent
  }
}
