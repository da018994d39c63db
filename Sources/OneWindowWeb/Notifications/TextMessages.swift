import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import Vapor

/// 短信: one text to one mobile number.
public struct TextMessage: Sendable, Hashable {
  public let phone: String
  public let text: String

  public init(phone: String, text: String) {
    self.phone = phone
    self.text = text
  }
}

/// Where texts go: an SMS gateway in production; the log by default, so the demo and the tests send nothing.
public protocol TextMessageSender: Sendable {
  /// The channel's name for pages and logs (`log`, `gateway`).
  var channel: String { get }
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
