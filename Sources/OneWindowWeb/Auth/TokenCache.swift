import Fluent
import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import OneWindowStore
import Vapor

/// The staff member behind each bearer token, kept for a few seconds so that an API client making many calls does not
/// pay a database round trip on every one. A revoked token or a disabled account must stop working at once, so every
/// change of that kind publishes `topic` on the event channel and every `serve` process empties its cache; `maxAge`
/// bounds what a change made without the channel (SQLite and a separate command process) can miss.
public final class TokenCache: Sendable {
  static let topic = "auth"
  static let maxAge: TimeInterval = 10
  static let maxEntries = 10_000

  private struct Entry {
    let staff: StaffIdentity
    let expiresAt: Date
    let loadedAt: Date
  }

  private let entries = NIOLockedValueBox<[String: Entry]>([:])
  /// Ends once this process hears revocations (the LISTEN is in place); nothing is cached before.
  private let listening = NIOLockedValueBox<Task<Void, Never>?>(nil)

  /// The staff member `token` stands for; nil when unknown, expired, revoked or disabled.
  func staff(for token: String, _ req: Request) async throws -> StaffIdentity? {
    let now = req.now
    if let staff = cachedStaff(for: token, now: now) { return staff }
    await startListening(req.application).value
    guard let found = try await TokenRepository(req.database).authenticate(token, now: now) else {
      entries.withLockedValue { _ = $0.removeValue(forKey: token) }
      return nil
    }
    entries.withLockedValue {
      if $0.count >= Self.maxEntries { $0.removeAll(keepingCapacity: true) }
      $0[token] = Entry(staff: found.staff, expiresAt: found.expiresAt, loadedAt: now)
    }
    return found.staff
  }

  /// The staff member `token` stands for if this process knows it (and it is fresh and unexpired); no waiting.
  func cachedStaff(for token: String, now: Date) -> StaffIdentity? {
    guard let entry = entries.withLockedValue({ $0[token] }), now.timeIntervalSince(entry.loadedAt) < Self.maxAge,
      entry.expiresAt > now
    else { return nil }
    return entry.staff
  }

  func clear() {
    entries.withLockedValue { $0.removeAll() }
  }

  /// Tells every process (this one included) to forget what it knows; call after the change has committed.
  static func invalidate(_ app: Application, on db: any Database) async throws {
    app.tokenCache.clear()
    try await app.events.publish(topic, "", on: db)
  }

  /// Disables a staff account (its sessions and tokens stop working in every process at once); false if unknown.
  /// Disable accounts through here, not through `StaffRepository.disable` alone, or cached tokens live on.
  public static func disable(username: String, _ app: Application) async throws -> Bool {
    guard try await StaffRepository(app.db).disable(username: username, now: app.now()) else { return false }
    try await invalidate(app, on: app.db)
    return true
  }

  /// Subscribes once, on first use, so commands that never see an API request open no listening connection.
  private func startListening(_ app: Application) -> Task<Void, Never> {
    listening.withLockedValue { listening in
      if let listening { return listening }
      let events = app.events
      let subscribed = Task { [weak self] in
        let (_, stream) = await events.subscribe(Self.topic)
        Task { [weak self] in
          for await _ in stream { self?.clear() }
        }
      }
      listening = subscribed
      return subscribed
    }
  }
}

extension Application {
  private struct TokenCacheKey: StorageKey {
    typealias Value = TokenCache
  }

  var tokenCache: TokenCache {
    if let cache = storage[TokenCacheKey.self] { return cache }
    let cache = TokenCache()
    storage[TokenCacheKey.self] = cache
    return cache
  }
}
