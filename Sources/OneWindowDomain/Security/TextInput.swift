/// The one check every piece of text that comes in (form fields, query values, JSON strings, names) passes: no
/// control characters. A NUL reached PostgreSQL as an error (500) and other controls hide text on screens and in
/// logs. Tab, line feed and carriage return stay allowed: text areas send them.
public enum TextInput {
  /// Whether `value` holds a control character other than tab, LF or CR.
  public static func hasControlCharacter(_ value: String) -> Bool {
    for byte in value.utf8 where byte < 0x20 || byte == 0x7F {
      if byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
    }
    // C1 controls (U+0080–U+009F) are two bytes in UTF-8: C2 80 … C2 9F.
    var previous: UInt8 = 0
    for byte in value.utf8 {
      if previous == 0xC2, (0x80...0x9F).contains(byte) { return true }
      previous = byte
    }
    return false
  }

  /// Refuses `value` with an error naming `field` when it holds a control character.
  public static func check(_ value: String, field: String) throws(ValidationError) {
    guard !hasControlCharacter(value) else { throw controlCharacterError(field: field) }
  }

  public static func controlCharacterError(field: String) -> ValidationError {
    ValidationError(
      field: field, zh: "「\(field)」含有不可见的控制字符，请删除后重新输入",
      en: "\(field) contains an invisible control character; remove it and try again")
  }
}
