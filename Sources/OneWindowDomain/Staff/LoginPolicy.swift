import Foundation

/// Rules for staff credentials: password strength and the lockout after repeated failures.
public struct LoginPolicy: Sendable {
  /// Failed attempts in a row that lock the account.
  public var maxFailures: Int
  /// How long a locked account stays locked.
  public var lockDuration: Duration

  public init(maxFailures: Int = 5, lockDuration: Duration = .seconds(15 * 60)) {
    self.maxFailures = maxFailures
    self.lockDuration = lockDuration
  }

  public static let standard = LoginPolicy()

  /// The lock time after one more failure, or nil while the account stays open.
  public func lockedUntil(afterFailures failures: Int, now: Date) -> Date? {
    guard failures >= maxFailures else { return nil }
    return now.addingTimeInterval(TimeInterval(lockDuration.components.seconds))
  }

  /// Checks a new password, naming the field.
  public func validatePassword(_ password: String, field: String = "password")
    throws(ValidationError)
  {
    guard password.count >= 8 else {
      throw ValidationError(
        field: field, zh: "密码至少 8 位", en: "The password needs at least 8 characters")
    }
    guard password.contains(where: \.isLetter), password.contains(where: \.isNumber) else {
      throw ValidationError(
        field: field, zh: "密码须同时包含字母和数字",
        en: "The password needs both letters and digits")
    }
  }

  /// Checks a username: 3–32 of a–z, 0–9, dot, dash, underscore.
  public func validateUsername(_ username: String, field: String = "username")
    throws(ValidationError)
  {
    let allowed = username.allSatisfy {
      $0.isASCII && ($0.isLowercase || $0.isNumber || "._-".contains($0))
    }
    guard (3...32).contains(username.count), allowed else {
      throw ValidationError(
        field: field, zh: "用户名为 3–32 位小写字母、数字或 . _ -",
        en: "A username has 3–32 lowercase letters, digits or . _ -")
    }
  }
}
