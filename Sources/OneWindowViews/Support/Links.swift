/// The paths pages link to. The web module registers routes on the same values (SiteURL there
/// maps onto these), so no path is typed twice.
public enum Links {
  public static let home = "/"
  public static let login = "/login"
  public static let logout = "/logout"
  public static let staffHome = "/staff"
  public static let stylesheet = "/assets/onewindow.css"

  /// The current page in another language.
  public static func language(_ code: String, returnTo path: String) -> String {
    "/lang/\(code)?to=\(percentEncode(path))"
  }

  public static func percentEncodePath(_ text: String) -> String { percentEncode(text) }

  static func percentEncode(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
      let char = Character(UnicodeScalar(byte))
      if char.isASCII && (char.isLetter || char.isNumber || "-._~/".contains(char)) {
        result.append(char)
      } else {
        result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
      }
    }
    return result
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
