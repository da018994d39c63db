/// A fragment of HTML. Interpolated strings are escaped; only `HTML` values go in as they are,
/// so text from the database or the user can never inject markup.
public struct HTML: Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
  public let rendered: String

  public init(unsafe rendered: String) {
    self.rendered = rendered
  }

  public init(stringLiteral value: String) {
    rendered = value
  }

  public init(stringInterpolation: StringInterpolation) {
    rendered = stringInterpolation.output
  }

  public var description: String { rendered }

  public static let empty = HTML(unsafe: "")

  /// Joins fragments, e.g. the rows of a table.
  public static func join(_ parts: [HTML]) -> HTML {
    HTML(unsafe: parts.map(\.rendered).joined())
  }

  public struct StringInterpolation: StringInterpolationProtocol {
    var output = ""

    public init(literalCapacity: Int, interpolationCount: Int) {
      output.reserveCapacity(literalCapacity + interpolationCount * 16)
    }

    public mutating func appendLiteral(_ literal: String) {
      output += literal
    }

    public mutating func appendInterpolation(_ text: String) {
      output += HTML.escape(text)
    }

    public mutating func appendInterpolation(_ number: Int) {
      output += String(number)
    }

    public mutating func appendInterpolation(_ html: HTML) {
      output += html.rendered
    }

    public mutating func appendInterpolation(_ parts: [HTML]) {
      for part in parts { output += part.rendered }
    }
  }

  /// Escapes the five characters that matter in text and attribute values.
  public static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }
}
