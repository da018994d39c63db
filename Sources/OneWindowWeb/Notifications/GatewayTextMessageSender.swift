import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import OneWindowDomain
import Vapor

/// Where an SMS gateway is and how to talk to it (ONEWINDOW_SMS_* settings).
public struct TextGatewaySettings: Sendable, Hashable {
  public var url: String
  /// The shared secret the requests are signed with (HMAC-SHA256).
  public var secret: String
  /// The gateway's approved template id for each notification kind (`accepted=SMS_0001,...`); a kind without one is
  /// sent as plain text.
  public var templates: [String: String]
  public var timeout: TimeInterval

  public init(url: String, secret: String, templates: [String: String] = [:], timeout: TimeInterval = 10) {
    self.url = url
    self.secret = secret
    self.templates = templates
    self.timeout = timeout
  }
}

/// Sends texts through an HTTP SMS gateway: one JSON `POST` per text, signed, carrying the message id as
/// `Idempotency-Key` so that a resend after a crash is recognised by the gateway and not sent twice.
///
///     POST {url}
///     Idempotency-Key: <message id>
///     X-OneWindow-Timestamp: <unix seconds>
///     X-OneWindow-Signature: hex(HMAC-SHA256(secret, timestamp + "\n" + body))
///     {"message_id","phone","sign_name","template","params","text"}
///
/// 2xx: taken; 409: a duplicate of one taken (also taken); 408, 425, 429 and 5xx, a timeout or no connection: tried
/// again later; any other 4xx: refused for good (the dead-letter list).
public struct GatewayTextMessageSender: TextMessageSender {
  public let channel = "gateway"
  let settings: TextGatewaySettings
  let client: HTTPClient

  public init(settings: TextGatewaySettings, client: HTTPClient) {
    self.settings = settings
    self.client = client
  }

  struct Body: Encodable {
    let messageId: String
    let phone: String
    let signName: String
    let template: String?
    let params: [String: String]
    let text: String

    enum CodingKeys: String, CodingKey {
      case messageId = "message_id"
      case phone, signName = "sign_name", template, params, text
    }
  }

  public func send(_ message: TextMessage, logger: Logger) async throws {
    let id = message.id ?? UUID().uuidString
    let body = Body(
      messageId: id, phone: message.phone, signName: message.signature,
      template: message.kind.flatMap { settings.templates[$0] }, params: message.facts, text: message.text)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(body)
    let timestamp = String(Int(Date().timeIntervalSince1970))
    var request = HTTPClientRequest(url: settings.url)
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
    request.headers.add(name: "Idempotency-Key", value: id)
    request.headers.add(name: "X-OneWindow-Timestamp", value: timestamp)
    request.headers.add(name: "X-OneWindow-Signature", value: Self.signature(secret: settings.secret, timestamp, data))
    request.body = .bytes(ByteBuffer(bytes: data))
    let response: HTTPClientResponse
    do {
      response = try await client.execute(request, timeout: .milliseconds(Int64(settings.timeout * 1000)))
    } catch {
      throw TextMessageFailure("gateway unreachable: \(error)", permanent: false)
    }
    let status = response.status.code
    let text = String(buffer: try await response.body.collect(upTo: 16 * 1024))
    switch status {
    case 200..<300, 409: return
    case 408, 425, 429, 500..<600:
      throw TextMessageFailure("gateway answered \(status): \(text.prefix(200))", permanent: false)
    default:
      throw TextMessageFailure("gateway refused (\(status)): \(text.prefix(200))", permanent: true)
    }
  }

  /// The request signature the gateway checks.
  public static func signature(secret: String, _ timestamp: String, _ body: Data) -> String {
    var signed = Data(timestamp.utf8)
    signed.append(0x0A)
    signed.append(body)
    let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
    return code.map { String(format: "%02x", $0) }.joined()
  }
}
