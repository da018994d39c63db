import Foundation

/// A growing delay after failed attempts (passwords, booking codes, status look-ups), instead of a hard lock that
/// anyone could set off for any account by typing five wrong passwords.
///
/// The first `freeFailures` failures cost nothing; each further one doubles the wait before the next attempt, from
/// `firstDelay` up to `maxDelay`. A success clears the count; so does a quiet `forgetAfter` since the last failure.
public struct AttemptThrottle: Sendable, Hashable {
  public var freeFailures: Int
  public var firstDelay: TimeInterval
  public var maxDelay: TimeInterval
  public var forgetAfter: TimeInterval

  public init(freeFailures: Int, firstDelay: TimeInterval, maxDelay: TimeInterval, forgetAfter: TimeInterval) {
    self.freeFailures = freeFailures
    self.firstDelay = firstDelay
    self.maxDelay = maxDelay
    self.forgetAfter = forgetAfter
  }

  /// Per account (a username or a portal phone number): three free tries, then 1 s, 2 s, 4 s … at most 5 minutes.
  /// The owner typing the right password after an attacker's run waits at most that long.
  public static let account = AttemptThrottle(freeFailures: 3, firstDelay: 1, maxDelay: 300, forgetAfter: 3600)
  /// Per client address, across accounts: a shared office NAT gets room for its people's typing.
  public static let address = AttemptThrottle(freeFailures: 20, firstDelay: 1, maxDelay: 600, forgetAfter: 3600)

  /// Per guessed target (a case number's phone, a phone's booking code), across addresses: five free wrong guesses
  /// (typos), then 2 s, 4 s … at most an hour; a day's quiet forgets them.
  public static let target = AttemptThrottle(freeFailures: 5, firstDelay: 2, maxDelay: 3600, forgetAfter: 86400)

  /// The wait after `failures` failures in a row.
  public func delay(afterFailures failures: Int) -> TimeInterval {
    guard failures > freeFailures else { return 0 }
    let doublings = min(failures - freeFailures - 1, 30)
    return min(maxDelay, firstDelay * Double(1 << doublings))
  }

  /// One key's record: failures in a row and when the last one was.
  public struct Record: Sendable, Hashable {
    public var failures: Int
    public var lastFailure: Date

    public init(failures: Int, lastFailure: Date) {
      self.failures = failures
      self.lastFailure = lastFailure
    }
  }

  /// Seconds to wait before the next attempt is heard (0: go ahead).
  public func wait(_ record: Record?, now: Date) -> TimeInterval {
    guard let record, now.timeIntervalSince(record.lastFailure) < forgetAfter else { return 0 }
    let ready = record.lastFailure.addingTimeInterval(delay(afterFailures: record.failures))
    return max(0, ready.timeIntervalSince(now))
  }

  /// The record after one more failure at `now`.
  public func failed(_ record: Record?, now: Date) -> Record {
    guard let record, now.timeIntervalSince(record.lastFailure) < forgetAfter else {
      return Record(failures: 1, lastFailure: now)
    }
    return Record(failures: record.failures + 1, lastFailure: now)
  }
}

/// A request budget per key: `limit` requests in any `window` seconds, counted in a fixed-size sliding window
/// (two buckets, weighted), so a burst at a bucket edge cannot double the rate.
public struct RateLimit: Sendable, Hashable {
  public var limit: Int
  public var window: TimeInterval

  public init(limit: Int, window: TimeInterval) {
    self.limit = limit
    self.window = window
  }

  /// A key's counts: this window's and the previous one's.
  public struct Counter: Sendable, Hashable {
    public var windowStart: Date
    public var current: Int
    public var previous: Int

    public init(windowStart: Date, current: Int = 0, previous: Int = 0) {
      self.windowStart = windowStart
      self.current = current
      self.previous = previous
    }
  }

  /// Counts one request at `now`: the updated counter and, when it is over the limit, the seconds to wait.
  public func hit(_ counter: Counter?, now: Date) -> (counter: Counter, retryAfter: TimeInterval?) {
    var counter = counter ?? Counter(windowStart: now)
    let elapsed = now.timeIntervalSince(counter.windowStart)
    if elapsed >= 2 * window {
      counter = Counter(windowStart: now)
    } else if elapsed >= window {
      counter = Counter(windowStart: counter.windowStart.addingTimeInterval(window), previous: counter.current)
    }
    let into = now.timeIntervalSince(counter.windowStart) / window
    let estimate = Double(counter.previous) * (1 - into) + Double(counter.current)
    guard estimate < Double(limit) else {
      // When the previous window's fading weight leaves room for one more; else at the next window.
      var wait = window * (1 - into)
      if counter.current < limit, counter.previous > 0 {
        let needed = 1 - Double(limit - counter.current) / Double(counter.previous)
        wait = min(wait, max(0, (needed - into) * window))
      }
      return (counter, max(1, wait.rounded(.up)))
    }
    counter.current += 1
    return (counter, nil)
  }
}
