import Foundation
import OneWindowDomain
import Vapor

/// Refuses control characters in every text that comes in, naming the field (`TextInput`): URL queries and URL-encoded
/// forms through the decoders registered here, JSON API bodies through `APIDecoding`, multipart fields through
/// `FormBody`. One place per way in, so no route can forget it.
enum InputText {
  /// Installs the checking decoders for URL-encoded forms, queries and JSON bodies.
  static func install() {
    var content = ContentConfiguration.global
    content.use(decoder: CheckedFormDecoder(), for: .urlEncodedForm)
    content.use(urlDecoder: CheckedFormDecoder())
    content.use(decoder: CheckedJSONDecoder(), for: .json)
    ContentConfiguration.global = content
  }

  /// `a=1&b=%00` → throws for `b`. Names and values are percent-decoded as the form decoder will.
  static func checkURLEncoded(_ text: Substring) throws {
    for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = decoded(parts[0])
      if TextInput.hasControlCharacter(name) { throw TextInput.controlCharacterError(field: "?") }
      if parts.count == 2, TextInput.hasControlCharacter(decoded(parts[1])) {
        throw TextInput.controlCharacterError(field: name)
      }
    }
  }

  private static func decoded(_ part: Substring) -> String {
    let spaced = part.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }

  /// A JSON body: a control character can only be there escaped (`\u0000`), and raw control bytes are not JSON at all,
  /// so the fast path looks for `\u00` and `\u007f` and only then walks the document to name the field.
  static func checkJSON(_ bytes: some Collection<UInt8>) throws {
    guard containsEscape(bytes) || bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
    else { return }
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
      return  // not JSON: the decoder says so, naming what it can
    }
    if let field = controlField(in: object, path: "") { throw TextInput.controlCharacterError(field: field) }
  }

  private static func containsEscape(_ bytes: some Collection<UInt8>) -> Bool {
    // `\u00` (backslash, u, zero, zero) opens every escape of U+0000–U+00FF.
    var state = 0
    for byte in bytes {
      switch (state, byte) {
      case (_, 0x5C): state = 1
      case (1, 0x75), (1, 0x55): state = 2
      case (2, 0x30): state = 3
      case (3, 0x30): return true
      default: state = 0
      }
    }
    return false
  }

  private static func controlField(in value: Any, path: String) -> String? {
    switch value {
    case let text as String:
      return TextInput.hasControlCharacter(text) ? (path.isEmpty ? "body" : path) : nil
    case let object as [String: Any]:
      for (key, member) in object {
        let memberPath = path.isEmpty ? key : path + "." + key
        if TextInput.hasControlCharacter(key) { return memberPath }
        if let found = controlField(in: member, path: memberPath) { return found }
      }
      return nil
    case let array as [Any]:
      for (index, element) in array.enumerated() {
        if let found = controlField(in: element, path: "\(path)[\(index)]") { return found }
      }
      return nil
    default:
      return nil
    }
  }
}

/// Vapor's URL-encoded form and query decoder, after the control-character check.
struct CheckedFormDecoder: ContentDecoder, URLQueryDecoder {
  private let base = URLEncodedFormDecoder()

  func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
    try decode(D.self, from: body, headers: headers, userInfo: [:])
  }

  func decode<D: Decodable>(
    _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: Sendable]
  ) throws -> D {
    try InputText.checkURLEncoded(Substring(String(decoding: body.readableBytesView, as: UTF8.self)))
    return try base.decode(D.self, from: body, headers: headers, userInfo: userInfo)
  }

  func decode<D: Decodable>(_ decodable: D.Type, from url: URI) throws -> D {
    try decode(D.self, from: url, userInfo: [:])
  }

  func decode<D: Decodable>(_ decodable: D.Type, from url: URI, userInfo: [CodingUserInfoKey: Sendable]) throws -> D {
    if let query = url.query { try InputText.checkURLEncoded(Substring(query)) }
    return try base.decode(D.self, from: url, userInfo: userInfo)
  }
}

/// Vapor's JSON decoder, after the control-character check.
struct CheckedJSONDecoder: ContentDecoder {
  private let base = JSONDecoder.custom(dates: .iso8601)

  func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
    try decode(D.self, from: body, headers: headers, userInfo: [:])
  }

  func decode<D: Decodable>(
    _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: Sendable]
  ) throws -> D {
    try InputText.checkJSON(body.readableBytesView)
    return try base.decode(D.self, from: body, headers: headers, userInfo: userInfo)
  }
}
