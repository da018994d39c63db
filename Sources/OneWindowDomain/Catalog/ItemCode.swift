/// The codes an item carries, as provinces issue them. The basic code (基本编码) is the item's identity; the
/// implementation code (实施编码) names it as one department implements it.
public enum ItemCode {
  /// A basic code: 12–14 digits or capital letters (a province may put a letter where the item type goes).
  public static func isBasic(_ code: String) -> Bool {
    (12...14).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
  }

  /// OneWindow's own layout: 12 digits whose 3rd and 4th are the item type (RULES.md). Only these are checked
  /// against the type; a province's own layout is taken as it is.
  public static func isOwn(_ code: String) -> Bool {
    code.count == 12 && code.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// An implementation code: up to 64 digits, capital letters or hyphens.
  public static func isImplementation(_ code: String) -> Bool {
    (1...64).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase || $0 == "-") }
  }

  /// The least code above every code that starts with `prefix` (digits, capitals and hyphens), so that a prefix is
  /// searched as a range an ordinary index serves: "3601" → "3602", "3609" → "360A", "36Z" → "37". nil when no code
  /// is above them all ("ZZ").
  public static func upperBound(ofPrefix prefix: String) -> String? {
    var characters = Array(prefix)
    while let last = characters.last {
      characters.removeLast()
      let next: Character? =
        switch last {
        case "0"..."8", "A"..."Y": Character(UnicodeScalar(last.unicodeScalars.first!.value + 1)!)
        case "9": "A"
        case "-": "0"
        default: nil
        }
      if let next { return String(characters) + String(next) }
    }
    return nil
  }

  /// Whether a search text looks like the start of a code (digits and letters, at least one digit, 4 or more), so
  /// that it is looked up by prefix in both codes rather than by its pieces.
  public static func looksLikeCode(_ text: String) -> Bool {
    text.count >= 4 && text.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLetter || $0 == "-") }
      && text.contains { $0.isNumber }
  }
}
