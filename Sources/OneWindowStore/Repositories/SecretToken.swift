import Crypto
import Foundation
import OneWindowDomain

/// Random secrets handed to clients (session cookies, API tokens, CSRF tokens) and their stored digests.
public enum SecretToken {
  /// 32 bytes from the system's cryptographic generator, as lowercase hex.
  public static func make(prefix: String = "") -> String {
    var generator = SystemRandomNumberGenerator()
    return prefix + Hex.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
  }

  /// The SHA-256 hex digest stored in place of the secret.
  public static func digest(_ token: String) -> String {
    Hex.encode(SHA256.hash(data: Data(token.utf8)))
  }
}
