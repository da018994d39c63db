import Crypto
import Foundation

/// Random secrets handed to clients (session cookies, API tokens, CSRF tokens) and their stored digests.
enum SecretToken {
  /// 32 bytes from the system's cryptographic generator, as lowercase hex.
  static func make(prefix: String = "") -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return prefix + bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
  }

  /// The SHA-256 hex digest stored in place of the secret.
  static func digest(_ token: String) -> String {
    SHA256.hash(data: Data(token.utf8)).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
