import Fluent
import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// The deadline rule (work calendar + time zone) each request uses, by county. Loaded from the database and kept for
/// a minute, so an admin's calendar edit reaches every `serve` process within a minute (and this process at once).
final class DeadlineRuleCache: Sendable {
  static let maxAge: TimeInterval = 60
  private let rules = ExpiringCache<String, DeadlineRule>(maxAge: maxAge, bound: 100)

  func rule(county: String, db: any Database, now: Date) async throws -> DeadlineRule {
    try await rules.value(for: county, now: now) {
      DeadlineRule(calendar: try await CalendarRepository(db).calendar(county: county))
    }
  }

  func invalidate() {
    rules.removeAll()
  }
}

extension Application {
  private struct DeadlineRuleCacheKey: StorageKey {
    typealias Value = DeadlineRuleCache
  }

  var deadlineRules: DeadlineRuleCache {
    if let cache = storage[DeadlineRuleCacheKey.self] { return cache }
    let cache = DeadlineRuleCache()
    storage[DeadlineRuleCacheKey.self] = cache
    return cache
  }
}

extension Request {
  /// The deadline rule of this deployment's county.
  func deadlineRule() async throws -> DeadlineRule {
    let county = try await county()?.code.value ?? CalendarRepository.national
    return try await application.deadlineRules.rule(county: county, db: database, now: now)
  }
}
