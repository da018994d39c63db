import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import Vapor

/// 短信: one text to one mobile number.
public struct TextMessage: Sendable, Hashable {
  public let phone: String
  public let text: String
  /// The idempotency key (the outbox row's id): a gateway that sees it again does not send again.
  public let id: String?
  /// The notification kind, which a gateway maps to its approved template, and the template's parameters.
  public let kind: String?
  public let facts: [String: String]
  /// The approved signature (短信签名) the text begins with in 【】; a gateway sends it as `sign_name`.
  public let signature: String

  public init(
    phone: String, text: String, id: String? = nil, kind: String? = nil, facts: [String: String] = [:],
    signature: String = ""
  ) {
    self.phone = phone
    self.text = text
    self.id = id
    self.kind = kind
    self.facts = facts
    self.signature = signature
  }
}

/// A text the channel did not take. `permanent`: trying again cannot help (a number or template the gateway rejects);
/// otherwise the worker tries again later.
public struct TextMessageFailure: Error, Sendable, CustomStringConvertible {
  public let reason: String
  public let permanent: Bool

  public init(_ reason: String, permanent: Bool) {
    self.reason = reason
    self.permanent = permanent
  }

  public var description: String { reason }
}

/// Where texts go: an SMS gateway in production; the log by default, so the demo and the tests send nothing.
public protocol TextMessageSender: Sendable {
  /// The channel's name for pages and logs (`log`, `gateway`).
  var channel: String { get }
  /// Hands one text to the channel; returns once it took it (a duplicate of one it took counts as taken). Throws
  /// `TextMessageFailure`, or any error for a fault worth trying again.
  func send(_ message: TextMessage, logger: Logger) async throws
}

/// Writes each text to the server log (number masked) instead of sending it: the demo's sign-up codes appear there.
public struct LogTextMessageSender: TextMessageSender {
  public let channel = "log"

  public init() {}

  public func send(_ message: TextMessage, logger: Logger) async throws {
    logger.notice("text to \(Masking.phone(message.phone)) (log channel, not sent): \(message.text)")
  }
}

/// Keeps the texts it is given, for tests.
public final class RecordingTextMessageSender: TextMessageSender {
  public let channel = "recording"
  private let sent = NIOLockedValueBox<[TextMessage]>([])

  public init() {}

  public func send(_ message: TextMessage, logger: Logger) async throws {
    sent.withLockedValue { $0.append(message) }
  }

  public var messages: [TextMessage] { sent.withLockedValue { $0 } }
}

extension Application {
  private struct TextMessagesKey: StorageKey {
    typealias Value = any TextMessageSender
  }

  /// The text channel: the log unless a deployment or a test sets another.
  public var textMessages: any TextMessageSender {
    storage[TextMessagesKey.self] ?? LogTextMessageSender()
  }

  public func use(textMessages sender: any TextMessageSender) {
    storage[TextMessagesKey.self] = sender
  }
}
