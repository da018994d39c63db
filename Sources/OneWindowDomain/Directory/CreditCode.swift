/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z), the last a
/// check character computed from the other 17. Departments carry one; so do organisations that apply.
public enum CreditCode {
  /// The alphabet in the order that gives each character its value (0–30).
  static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
  static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

  /// The check character of the first 17 characters, or nil when one is outside the alphabet.
  public static func checkCharacter(of first17: some StringProtocol) -> Character? {
    let characters = Array(first17)
    guard characters.count == 17 else { return nil }
    var sum = 0
    for (index, character) in characters.enumerated() {
      guard let value = alphabet.firstIndex(of: character) else { return nil }
      sum += value * weights[index]
    }
    return alphabet[(31 - sum % 31) % 31]
  }

  /// True when `code` is 18 characters of the alphabet whose last is the check character of the rest.
  public static func isValid(_ code: String) -> Bool {
    code.count == 18 && checkCharacter(of: code.prefix(17)) == code.last
  }

  /// The code in upper case with blanks removed, or a field-named reason why it is not one.
  public static func parse(_ raw: String, field: String) throws(ValidationError) -> String {
    let code = raw.uppercased().filter { !$0.isWhitespace }
    guard code.count == 18 else {
      throw ValidationError(
        field: field, zh: "统一社会信用代码应为 18 位（现为 \(code.count) 位）",
        en: "A unified social credit code has 18 characters (this has \(code.count))")
    }
    guard let check = checkCharacter(of: code.prefix(17)) else {
      throw ValidationError(
        field: field, zh: "统一社会信用代码含有不允许的字符（不用 I、O、S、V、Z）",
        en: "The credit code holds a character it may not (I, O, S, V and Z are not used)")
    }
    guard check == code.last else {
      throw ValidationError(
        field: field, zh: "统一社会信用代码校验位不符，请核对（按前 17 位应为 \(check)）",
        en: "The credit code's check character is wrong (the first 17 give \(check))")
    }
    return code
  }
}
