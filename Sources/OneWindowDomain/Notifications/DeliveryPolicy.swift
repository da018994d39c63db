import Foundation

/// How the notification worker retries a message its channel did not take: exponential backoff from `firstRetry`
/// (2 s, 4 s, 8 s …) up to `longestWait`, and after `maxAttempts` tries the message goes to the dead-letter list,
/// where an administrator can send it again. A permanent refusal (a number the gateway rejects) goes there at once.
public struct DeliveryPolicy: Sendable, Hashable {
  public var maxAttempts: Int
  public var firstRetry: TimeInterval
  public var longestWait: TimeInterval
  /// How long a worker holds the messages it took before another may take them (a worker that died mid-batch).
  public var lease: TimeInterval

  public init(
    maxAttempts: Int = 10, firstRetry: TimeInterval = 2, longestWait: TimeInterval = 3600, lease: TimeInterval = 60
  ) {
    self.maxAttempts = maxAttempts
    self.firstRetry = firstRetry
    self.longestWait = longestWait
    self.lease = lease
  }

  public static let standard = DeliveryPolicy()

  /// The wait before the next try, after `attempts` failed ones (1 = the first failed).
  public func retryDelay(afterAttempts attempts: Int) -> TimeInterval {
    let exponent = Double(max(0, min(attempts - 1, 40)))
    return min(longestWait, firstRetry * pow(2, exponent))
  }

  /// Whether a message that has failed `attempts` times is given up on.
  public func givesUp(afterAttempts attempts: Int) -> Bool { attempts >= maxAttempts }
}
