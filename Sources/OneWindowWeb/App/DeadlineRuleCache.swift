import Fluent
import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import OneWindowStore
import Vapor

/// The deadline rule (work calendar + time zone) each request uses. Loaded from the database and
/// kept for a minute, so an admin's calendar edit reaches every `serve` process within a minute
/// (and this process at once).
final class DeadlineRuleCache: Sendable {
  private let state = NIOLockedValueBox<(rule: DeadlineRule, loadedAt: Date)?>(nil)
  static let maxAge: TimeInterval = 60

  /// `db` is only built when the rule must be read (building a request's database is not free).
  func rule(county: String, db: @autoclosure () -> any Database, now: Date) async throws -> DeadlineRule {
    if let cached = state.withLockedValue({ $0 }), now.timeIntervalSince(cached.loadedAt) < Self.maxAge {
      return cached.rule
    }
    let rule = DeadlineRule(calendar: try await CalendarRepository(db()).calendar(county: county))
    state.withLockedValue { $0 = (rule, now) }
    return rule
  }

  func invalidate() {
    state.withLockedValue { $0 = nil }
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
    return try await application.deadlineRules.rule(county: county, db: db, now: now)
  }
}
