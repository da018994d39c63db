import OneWindowDomain

/// Where the data lives, as `DATABASE_URL` spells it: `sqlite:PATH`, `sqlite::memory:` or `postgres://…`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
  case sqliteFile(path: String)
  case sqliteMemory
  case postgres(url: String)

  public static func parse(_ raw: String, field: String = "DATABASE_URL") throws(ValidationError)
    -> DatabaseLocation
  {
    if raw == "sqlite::memory:" { return .sqliteMemory }
    if raw.hasPrefix("sqlite:") {
      var path = String(raw.dropFirst("sqlite:".count))
      if path.hasPrefix("//") { path.removeFirst(2) }
      guard !path.isEmpty else {
        throw ValidationError(
          field: field, zh: "sqlite: 后应跟数据库文件路径", en: "sqlite: needs a file path after it")
      }
      return .sqliteFile(path: path)
    }
    if raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://") {
      return .postgres(url: raw)
    }
    throw ValidationError(
      field: field, zh: "应为 sqlite:文件路径 或 postgres://用户@主机:端口/库名",
      en: "Expected sqlite:PATH or postgres://user@host:port/database")
  }

  /// The location without a password, fit for logs and messages.
  public var description: String {
    switch self {
    case .sqliteFile(let path): "sqlite:\(path)"
    case .sqliteMemory: "sqlite::memory:"
    case .postgres(let url): Self.redacted(url)
    }
  }

  public var isPostgres: Bool {
    if case .postgres = self { return true }
    return false
  }

  private static func redacted(_ url: String) -> String {
    guard let schemeEnd = url.range(of: "://"), let at = url.range(of: "@"),
      let colon = url[schemeEnd.upperBound..<at.lowerBound].firstIndex(of: ":")
    else { return url }
    return url.replacingCharacters(in: colon..<at.lowerBound, with: ":***")
  }
}
