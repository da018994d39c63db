/// A string as a JSON string literal, for JSON written by hand (a log line, a value inside a page's script).
public enum JSONString {
  /// Quotes, backslashes and every control character escaped; with `forScript`, "<" too, so the text cannot end the
  /// script element it sits in. U+2028 and U+2029 are escaped as well: older JavaScript reads them as line ends.
  public static func literal(_ text: String, forScript: Bool = false) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<" where forScript: out += "\\u003c"
      case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
