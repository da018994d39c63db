import Foundation

/// Rules for staff credentials: password strength and usernames. (Failed sign-ins slow down by `AttemptThrottle`.)
public struct LoginPolicy: Sendable {
  public init() {}

  public static let standard = LoginPolicy()

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
