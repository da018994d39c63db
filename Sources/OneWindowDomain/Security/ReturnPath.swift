/// A path on this site that a page may send the browser back to (`?to=` after signing in, switching the language
/// or 大字模式). Anything else is refused: a value that reaches a `Location` header must not be able to add a header
/// (CR/LF), leave the site (`//host`, `/\host`, or `/\t/host`, which browsers read as `//host` once they drop the
/// tab), or carry a scheme.
public enum ReturnPath {
  /// `raw` when it is a local path (with an optional query), else nil.
  public static func local(_ raw: String?) -> String? {
    guard let raw, raw.hasPrefix("/"), raw.utf8.count <= 2048 else { return nil }
    for scalar in raw.unicodeScalars {
      // Control characters, every kind of whitespace and the backslash (browsers treat it as a slash).
      if scalar.value < 0x21 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) { return nil }
      if scalar.properties.isWhitespace || scalar == "\\" { return nil }
    }
    guard !raw.hasPrefix("//") else { return nil }
    // A path only: no scheme or authority may hide before the first slash of the path part.
    let pathPart = raw.prefix { $0 != "?" && $0 != "#" }
    guard !pathPart.contains("//") else { return nil }
    return raw
  }
}
