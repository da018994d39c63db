/// A list typed into one cell or field, as Chinese forms write it: 自然人、企业法人 (or with , ， ; ；).
public enum ListText {
  public static func items(_ text: String) -> [String] {
    text.split(whereSeparator: { "、,，;；\n".contains($0) }).map { String($0).trimmingWhitespace }
      .filter { !$0.isEmpty }
  }
}
