import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import Vapor

/// The guessing guards of this process: growing delays after failed sign-ins (`AttemptThrottle`) and request budgets
/// per client address or per target (`RateLimit`). Kept in memory, so with several `serve` processes each keeps its
/// own counts (docs/security.md says what that means); bounded, so a flood of distinct keys cannot fill memory.
final class Throttles: Sendable {
  private struct State {
    var attempts: [String: AttemptThrottle.Record] = [:]
    var counters: [String: RateLimit.Counter] = [:]
  }

  private let state = NIOLockedValueBox(State())
  /// Keys kept at most per table; past it the table starts afresh (an attacker with that many addresses gets a reset,
  /// never a server out of memory).
  static let maxKeys = 100_000

  /// Seconds to wait before `key` may try again after its failures (0: go ahead).
  func wait(_ key: String, _ throttle: AttemptThrottle, now: Date) -> TimeInterval {
    state.withLockedValue { throttle.wait($0.attempts[key], now: now) }
  }

  func failed(_ key: String, _ throttle: AttemptThrottle, now: Date) {
    state.withLockedValue { state in
      if state.attempts.count >= Self.maxKeys { state.attempts.removeAll(keepingCapacity: true) }
      state.attempts[key] = throttle.failed(state.attempts[key], now: now)
    }
  }

  func succeeded(_ key: String) {
    _ = state.withLockedValue { $0.attempts.removeValue(forKey: key) }
  }

  /// Counts one request for `key`; the seconds to wait when it is over `limit`.
  func hit(_ key: String, _ limit: RateLimit, now: Date) -> TimeInterval? {
    state.withLockedValue { state in
      if state.counters.count >= Self.maxKeys { state.counters.removeAll(keepingCapacity: true) }
      let (counter, retry) = limit.hit(state.counters[key], now: now)
      state.counters[key] = counter
      return retry
    }
  }
}

/// The request budgets, one per guarded way in. Settings: `ONEWINDOW_RATE_LIMITS` (see `RateLimits.parse`).
public struct RateLimits: Sendable {
  /// Case status and electronic-result look-ups by number and phone, per client address.
  public var status = RateLimit(limit: 30, window: 60)
  /// Appointment check-in and cancel codes, per client address.
  public var booking = RateLimit(limit: 20, window: 60)
  /// Hall tickets from kiosks and the API, per client address (a kiosk serves a whole hall: generous).
  public var tickets = RateLimit(limit: 60, window: 60)
  /// Tickets taken online from a phone, per client address.
  public var onlineTickets = RateLimit(limit: 6, window: 3600)
  /// Portal sign-ups (each sends a text), per client address.
  public var signUp = RateLimit(limit: 10, window: 3600)
  /// Sign-up texts to one number, from any address.
  public var signUpPerPhone = RateLimit(limit: 3, window: 3600)
  /// Applicant look-ups by ID number at the window, per clerk.
  public var applicantLookup = RateLimit(limit: 60, window: 600)
  /// The live position of an online ticket (the slip asks every few seconds), per client address: generous, as a hall's
  /// Wi-Fi puts many phones behind one address.
  public var ticketPosition = RateLimit(limit: 600, window: 60)
  /// Inquiries filed from the portal, per client address (each may text the filer).
  public var inquiries = RateLimit(limit: 10, window: 3600)
  /// Off: every budget is unlimited (load tests and the hall simulation drive thousands of tickets from one address).
  public var enabled = true

  public init() {}

  /// The budgets by the names `ONEWINDOW_RATE_LIMITS` uses.
  static let names: [(name: String, path: WritableKeyPath<RateLimits, RateLimit> & Sendable)] = [
    ("status", \.status), ("booking", \.booking), ("tickets", \.tickets), ("online_tickets", \.onlineTickets),
    ("sign_up", \.signUp), ("sign_up_phone", \.signUpPerPhone), ("applicant_lookup", \.applicantLookup),
    ("ticket_position", \.ticketPosition), ("inquiries", \.inquiries),
  ]

  /// `off`, or `name=LIMIT/SECONDS` pairs separated by commas, e.g. `tickets=120/60,status=10/60`.
  public static func parse(_ text: String) throws(ValidationError) -> RateLimits {
    var limits = RateLimits()
    let field = "ONEWINDOW_RATE_LIMITS"
    if text.lowercased() == "off" {
      limits.enabled = false
      return limits
    }
    for entry in text.split(separator: ",") {
      let pair = entry.split(separator: "=", maxSplits: 1)
      let numbers = pair.count == 2 ? pair[1].split(separator: "/") : []
      guard pair.count == 2, numbers.count == 2, let limit = Int(numbers[0]), let seconds = Int(numbers[1]),
        limit > 0, seconds > 0
      else {
        throw ValidationError(
          field: field, zh: "「\(entry)」应写作 名称=次数/秒数，如 tickets=120/60",
          en: "\(entry) should read name=count/seconds, e.g. tickets=120/60")
      }
      let value = RateLimit(limit: limit, window: TimeInterval(seconds))
      let name = pair[0].trimmingCharacters(in: .whitespaces)
      guard let path = names.first(where: { $0.name == name })?.path else {
        let known = names.map(\.name).joined(separator: ", ")
        throw ValidationError(
          field: field, zh: "没有名为「\(name)」的限流项（\(known)）", en: "No rate limit named \(name) (\(known))")
      }
      limits[keyPath: path] = value
    }
    return limits
  }
}

extension Application {
  private struct ThrottlesKey: StorageKey {
    typealias Value = Throttles
  }

  var throttles: Throttles {
    if let throttles = storage[ThrottlesKey.self] { return throttles }
    let throttles = Throttles()
    storage[ThrottlesKey.self] = throttles
    return throttles
  }
}

extension Request {
  /// The client's address: the connection's peer — or, when the peer is a proxy named in `ONEWINDOW_TRUSTED_PROXIES`,
  /// the rightmost address in `X-Forwarded-For` that no trusted proxy wrote (what the nearest untrusted hop connected
  /// from). Addresses a client put further left are its own say-so and ignored; so is the header from anyone else.
  /// Budgets and sign-in throttles are kept per this address: behind HAProxy without it, every visitor would share
  /// the proxy's.
  var clientAddress: String {
    let peer = remoteAddress?.ipAddress ?? "unknown"
    let proxies = application.configuration.trustedProxies
    guard !proxies.isEmpty, proxies.contains(peer) else { return peer }
    let hops = headers[canonicalForm: "X-Forwarded-For"].map { $0.trimmingCharacters(in: .whitespaces) }
    guard let hop = hops.last(where: { !proxies.contains($0) }) else { return peer }
    return AppConfiguration.isIPAddress(hop) ? hop : peer
  }

  /// Counts this request against `limit` under `name` and `key`; over it, a 429 with `Retry-After`, logged.
  func limit(_ name: String, _ limit: KeyPath<RateLimits, RateLimit>, key: String) throws {
    let limits = application.configuration.rateLimits
    guard limits.enabled else { return }
    if let retry = application.throttles.hit("\(name):\(key)", limits[keyPath: limit], now: now) {
      logger.warning("rate limited: \(name) (retry after \(Int(retry)) s)")
      throw AppError.tooManyRequests(retryAfter: Int(retry))
    }
  }

  /// Counts a request against the per-address budget `limit` named `name`.
  func limitByAddress(_ name: String, _ limit: KeyPath<RateLimits, RateLimit>) throws {
    try self.limit(name, limit, key: clientAddress)
  }

  /// A look-up by a secret someone could guess (the phone for a case number, the code for a phone's booking): counted
  /// against the per-address `budget`, and after wrong guesses for the same `target` slowed down by
  /// `AttemptThrottle.target` from any address. Nil when `lookup` found nothing (a wrong guess).
  func guardedLookup<T>(
    _ name: String, budget: KeyPath<RateLimits, RateLimit>, target: String, _ lookup: () async throws -> T?
  ) async throws -> T? {
    try limitByAddress(name, budget)
    let key = "\(name)-target:\(target)"
    let throttles = application.throttles
    if application.configuration.rateLimits.enabled {
      let wait = throttles.wait(key, .target, now: now)
      if wait > 0 {
        logger.warning("guessing throttled: \(name) (wait \(Int(wait.rounded(.up))) s)")
        throw AppError.tooManyRequests(retryAfter: Int(wait.rounded(.up)))
      }
    }
    guard let found = try await lookup() else {
      throttles.failed(key, .target, now: now)
      return nil
    }
    throttles.succeeded(key)
    return found
  }
}
