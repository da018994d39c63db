import Foundation
import NIOConcurrencyHelpers

/// Values read from the database and kept for `maxAge`, by key: what requests read all day and an admin changes a few
/// times a day. A value is loaded on a miss or once it is older than `maxAge`; when `bound` entries are held, the
/// whole map is dropped and refills (simpler than tracking use, and it happens only with unusual key counts).
final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
  let maxAge: TimeInterval
  let bound: Int
  private let entries = NIOLockedValueBox<[Key: (value: Value, loadedAt: Date)]>([:])

  init(maxAge: TimeInterval, bound: Int) {
    self.maxAge = maxAge
    self.bound = bound
  }

  /// The value kept for `key` if it is fresh at `now`, else what `load` reads (then kept).
  func value(for key: Key, now: Date, load: () async throws -> Value) async throws -> Value {
    if let entry = entries.withLockedValue({ $0[key] }), now.timeIntervalSince(entry.loadedAt) < maxAge {
      return entry.value
    }
    let value = try await load()
    entries.withLockedValue { entries in
      if entries.count >= bound { entries.removeAll() }
      entries[key] = (value, now)
    }
    return value
  }

  func removeAll() {
    entries.withLockedValue { $0.removeAll() }
  }
}
