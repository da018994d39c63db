/// Just enough XML for SpreadsheetML parts: elements with attributes, text with entities, CDATA; declarations,
/// comments and processing instructions are skipped. Element names lose their namespace prefix (`x:row` → `row`).
enum XMLEvent: Equatable {
  case start(String, [String: String], selfClosing: Bool)
  case end(String)
  case text(String)
}

enum XMLScanner {
  struct Failure: Error {
    let message: String
  }

  static func events(_ bytes: [UInt8]) throws -> [XMLEvent] {
    var events: [XMLEvent] = []
    var index = 0
    let count = bytes.count
    func starts(_ prefix: String, at position: Int) -> Bool {
      let utf8 = Array(prefix.utf8)
      return position + utf8.count <= count && Array(bytes[position..<position + utf8.count]) == utf8
    }
    func find(_ terminator: String, from position: Int) throws -> Int {
      let utf8 = Array(terminator.utf8)
      var cursor = position
      while cursor + utf8.count <= count {
        if bytes[cursor] == utf8[0] && Array(bytes[cursor..<cursor + utf8.count]) == utf8 { return cursor }
        cursor += 1
      }
      throw Failure(message: "missing \(terminator)")
    }
    while index < count {
      if bytes[index] != UInt8(ascii: "<") {
        var end = index
        while end < count && bytes[end] != UInt8(ascii: "<") { end += 1 }
        events.append(.text(decodeEntities(String(decoding: bytes[index..<end], as: UTF8.self))))
        index = end
        continue
      }
      if starts("<![CDATA[", at: index) {
        let end = try find("]]>", from: index + 9)
        events.append(.text(String(decoding: bytes[index + 9..<end], as: UTF8.self)))
        index = end + 3
      } else if starts("<!--", at: index) {
        index = try find("-->", from: index + 4) + 3
      } else if starts("<?", at: index) {
        index = try find("?>", from: index + 2) + 2
      } else if starts("<!", at: index) {
        index = try find(">", from: index + 2) + 1
      } else if starts("</", at: index) {
        let end = try find(">", from: index + 2)
        events.append(.end(localName(String(decoding: bytes[index + 2..<end], as: UTF8.self))))
        index = end + 1
      } else {
        let end = try tagEnd(bytes, from: index + 1)
        var inner = String(decoding: bytes[index + 1..<end], as: UTF8.self)
        let selfClosing = inner.hasSuffix("/")
        if selfClosing { inner.removeLast() }
        let (name, attributes) = try parseTag(inner)
        events.append(.start(localName(name), attributes, selfClosing: selfClosing))
        if selfClosing { events.append(.end(localName(name))) }
        index = end + 1
      }
    }
    return events
  }

  /// The `>` that closes a tag, skipping any inside quoted attribute values.
  private static func tagEnd(_ bytes: [UInt8], from start: Int) throws -> Int {
    var quote: UInt8?
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: ">") {
        return index
      }
      index += 1
    }
    throw Failure(message: "unclosed tag")
  }

  private static func parseTag(_ text: String) throws -> (String, [String: String]) {
    let scalars = Array(text)
    var index = 0
    var name = ""
    while index < scalars.count && !scalars[index].isWhitespace {
      name.append(scalars[index])
      index += 1
    }
    var attributes: [String: String] = [:]
    while index < scalars.count {
      while index < scalars.count && scalars[index].isWhitespace { index += 1 }
      guard index < scalars.count else { break }
      var key = ""
      while index < scalars.count && scalars[index] != "=" && !scalars[index].isWhitespace {
        key.append(scalars[index])
        index += 1
      }
      while index < scalars.count && (scalars[index].isWhitespace || scalars[index] == "=") { index += 1 }
      guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else {
        throw Failure(message: "attribute \(key) without a quoted value")
      }
      let quote = scalars[index]
      index += 1
      var value = ""
      while index < scalars.count && scalars[index] != quote {
        value.append(scalars[index])
        index += 1
      }
      index += 1
      attributes[key] = decodeEntities(value)
    }
    return (name, attributes)
  }

  static func localName(_ name: String) -> String {
    name.split(separator: ":").last.map(String.init) ?? name
  }

  static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      result += rest[..<amp]
      guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
        result += "&"
        rest = rest[rest.index(after: amp)...]
        continue
      }
      let entity = rest[rest.index(after: amp)..<semicolon]
      switch entity {
      case "lt": result += "<"
      case "gt": result += ">"
      case "amp": result += "&"
      case "quot": result += "\""
      case "apos": result += "'"
      default:
        let number: UInt32? =
          entity.hasPrefix("#x")
          ? UInt32(entity.dropFirst(2), radix: 16)
          : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
        if let number, let scalar = Unicode.Scalar(number) {
          result.unicodeScalars.append(scalar)
        } else {
          result += "&\(entity);"
        }
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    return result + rest
  }

  /// Text safe inside an element or a double-quoted attribute; characters XML 1.0 cannot hold are dropped.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
