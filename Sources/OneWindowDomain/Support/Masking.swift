/// Masks personal numbers for screens and logs (DESIGN.md non-negotiables).
public enum Masking {
  /// `330102199001011234` → `3301**********1234`.
  public static func idNumber(_ value: String) -> String {
    mask(value, keepingPrefix: 4, suffix: 4)
  }

  /// `13812345678` → `138******78`. The phone is what proves a case number is yours on the status page: a mask that
  /// left four digits to guess would leave 10,000 tries; six hidden digits leave a million (and the look-up is
  /// throttled).
  public static func phone(_ value: String) -> String {
    mask(value, keepingPrefix: 3, suffix: 2)
  }

  private static func mask(_ value: String, keepingPrefix prefix: Int, suffix: Int) -> String {
    let characters = Array(value)
    guard characters.count > prefix + suffix else {
      return String(repeating: "*", count: characters.count)
    }
    let hidden = characters.count - prefix - suffix
    return String(characters.prefix(prefix)) + String(repeating: "*", count: hidden)
      + String(characters.suffix(suffix))
  }
}
