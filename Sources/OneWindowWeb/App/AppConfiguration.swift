import Foundation
import OneWindowDomain
import OneWindowStore

/// The one typed configuration, read once at start from flags, environment and defaults.
///
/// | flag | environment | default |
/// |---|---|---|
/// | `--database-url` | `DATABASE_URL` | `sqlite:<data dir>/onewindow.sqlite` |
/// | `--data-dir` | `ONEWINDOW_DATA_DIR` | `./onewindow-data` |
/// | — | `ONEWINDOW_SECURE_COOKIES` (1/0) | 0 (set 1 behind HTTPS) |
/// | — | `ONEWINDOW_PUBLIC_URL` | the request's own host (printed QR codes link here) |
/// | — | `ONEWINDOW_CLOCK` (ISO 8601) | the system clock; set, the server starts at that moment and runs on from it |
/// | — | `ONEWINDOW_RATE_LIMITS` | the defaults of `RateLimits`; `off`, or `tickets=120/60,status=10/60` |
/// | — | `ONEWINDOW_SHUTDOWN_GRACE` (seconds) | 20: how long a SIGTERM waits for requests in flight |
/// | — | `ONEWINDOW_IDLE_TIMEOUT` (seconds) | 60: a connection with nothing read or written so long is closed |
/// | — | `ONEWINDOW_WORKER` (1/0) | 1: `serve` runs the notification worker (0 when `onewindow worker` runs apart) |
/// | — | `ONEWINDOW_SMS_GATEWAY_URL` | none: texts go to the log; set, they go to this HTTP gateway |
/// | — | `ONEWINDOW_SMS_GATEWAY_SECRET` | required with the URL: the key requests are signed with |
/// | — | `ONEWINDOW_SMS_SIGNATURE` | 「<county> 政务服务」: the approved signature (短信签名) |
/// | — | `ONEWINDOW_SMS_TEMPLATES` | none: `accepted=SMS_001,decided=SMS_002`, the gateway's template per kind |
/// | — | `ONEWINDOW_LATE_ACCEPTANCE_DAYS` | 5: working days after submission before 电子监察 flags a late acceptance |
/// | — | `ONEWINDOW_SHIPMENT_STUCK_HOURS` | 48: hours a case's paper may be on its way before 电子监察 flags it |
/// | — | `ONEWINDOW_READ_DATABASE_URL` | none: every read goes to `DATABASE_URL`; set (PostgreSQL), the public catalog reads from this standby |
/// | — | `ONEWINDOW_TRUSTED_PROXIES` | none: the client address is the connection's; set (`127.0.0.1,10.0.0.5`), requests from these proxies are counted under the address their `X-Forwarded-For` names |
/// | — | `ONEWINDOW_METRICS_TOKEN` | none: `/metrics` answers only on this machine; set (≥ 16 characters), a scraper sends it as a bearer token |
/// | — | `ONEWINDOW_LOG_FORMAT` | `text`; `json`: one JSON object per log line, with the request id |
/// | — | `ONEWINDOW_INQUIRY_DAYS` | 诉求 limits in working days: `sign=1,consultation=2,complaint=5,return=2,extension=10` |
/// Host and port are Vapor's `serve` flags `--hostname` and `--port` (127.0.0.1:8080).
public struct AppConfiguration: Sendable {
  public var database: DatabaseLocation
  public var dataDirectory: String
  public var secureCookies: Bool
  /// How long a staff login lasts without signing in again (a long working day).
  public var sessionLifetime: TimeInterval = 10 * 3600
  /// How long a token from `POST /api/v1/session` lasts.
  public var apiSessionLifetime: TimeInterval = 12 * 3600
  public var loginPolicy: LoginPolicy = .standard
  /// Request budgets against guessing and flooding (status look-ups, booking codes, tickets, sign-ups).
  public var rateLimits = RateLimits()
  /// bcrypt work factor for staff passwords (tests lower it; 12 takes ~0.25 s per hash here).
  public var passwordCost: Int = 12
  /// The address citizens reach the portal at, e.g. `https://zwfw.example.gov.cn`; QR codes on printed guides and
  /// notices link there. Without it, links use the host the request came to.
  public var publicURL: String?
  /// 培训/演示: the moment the server's clock starts at (then it runs on in real time) — for training on office
  /// hours out of hours, and for browser tests that need the hall open. Nil: the system clock.
  public var clockStart: Date?
  /// How long `serve` waits, after SIGTERM, for the requests in flight to finish (orchestrators wait 30 s by default
  /// before they kill).
  public var shutdownGrace: TimeInterval = 20
  /// A connection that sends and receives nothing for this long is closed — a half-sent request must not hold a
  /// file descriptor for ever. Longer than the hall's event-stream heartbeat (15 s).
  public var idleTimeout: TimeInterval = 60
  /// Whether `serve` runs the notification worker beside the server.
  public var runsWorker = true
  /// The SMS gateway; nil: texts are written to the log (the demo and the tests send nothing).
  public var textGateway: TextGatewaySettings?
  /// The approved text signature; nil: the county's name and 政务服务.
  public var textSignature: String?
  /// 好差评 rules: the default level after days unrated, the call-back and fix deadlines.
  public var evaluationPolicy = EvaluationPolicy.standard
  /// 电子监察 rules' thresholds.
  public var anomalySettings = AnomalySettings()
  /// 诉求 (12345 closed loop) limits in working days.
  public var inquiryPolicy = InquiryPolicy.standard
  /// A PostgreSQL standby (or HAProxy's read port in front of standbys) that the public catalog's searches and guides
  /// read from; nil: everything reads from `database`.
  public var readDatabase: DatabaseLocation?
  /// The load balancers in front of the servers (exact addresses): their `X-Forwarded-For` names the client.
  public var trustedProxies: Set<String> = []
  /// The bearer token a Prometheus scraper sends to `/metrics`; nil: only scrapers on this machine are answered.
  public var metricsToken: String?
  /// Log lines as JSON objects (for a log collector) rather than text.
  public var jsonLogs = false

  public init(database: DatabaseLocation, dataDirectory: String, secureCookies: Bool = false) {
    self.database = database
    self.dataDirectory = dataDirectory
    self.secureCookies = secureCookies
  }

  /// The flags this reader takes out of the command line before Vapor sees the rest.
  static let globalFlags = ["--database-url", "--data-dir"]

  /// Reads the configuration and removes its flags from `arguments`.
  public static func load(arguments: inout [String], environment: [String: String]) throws(ValidationError)
    -> AppConfiguration
  {
    var flags: [String: String] = [:]
    var rest: [String] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if let flag = globalFlags.first(where: { argument == $0 || argument.hasPrefix($0 + "=") }) {
        if argument.hasPrefix(flag + "=") {
          flags[flag] = String(argument.dropFirst(flag.count + 1))
        } else {
          guard index + 1 < arguments.count else {
            throw ValidationError(field: flag, zh: "\(flag) 后缺少取值", en: "\(flag) needs a value")
          }
          flags[flag] = arguments[index + 1]
          index += 1
        }
      } else {
        rest.append(argument)
      }
      index += 1
    }
    arguments = rest

    let dataDirectory = flags["--data-dir"] ?? environment["ONEWINDOW_DATA_DIR"] ?? "./onewindow-data"
    let databaseField = flags["--database-url"] != nil ? "--database-url" : "DATABASE_URL"
    let rawURL =
      flags["--database-url"] ?? environment["DATABASE_URL"] ?? "sqlite:\(dataDirectory)/onewindow.sqlite"
    let database = try DatabaseLocation.parse(rawURL, field: databaseField)
    let secure = ["1", "true", "yes"].contains(environment["ONEWINDOW_SECURE_COOKIES"]?.lowercased() ?? "")
    var configuration = AppConfiguration(database: database, dataDirectory: dataDirectory, secureCookies: secure)
    if let url = environment["ONEWINDOW_PUBLIC_URL"], !url.isEmpty {
      guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
        throw ValidationError(
          field: "ONEWINDOW_PUBLIC_URL", zh: "应以 http:// 或 https:// 开头", en: "must start with http:// or https://")
      }
      configuration.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
    }
    if let clock = environment["ONEWINDOW_CLOCK"], !clock.isEmpty {
      guard let start = try? Date(clock, strategy: .iso8601) else {
        throw ValidationError(
          field: "ONEWINDOW_CLOCK", zh: "应为 ISO 8601 时间，如 2026-11-24T10:00:00+08:00",
          en: "must be an ISO 8601 time, e.g. 2026-11-24T10:00:00+08:00")
      }
      configuration.clockStart = start
    }
    if let limits = environment["ONEWINDOW_RATE_LIMITS"], !limits.isEmpty {
      configuration.rateLimits = try RateLimits.parse(limits)
    }
    if let grace = try seconds(environment, "ONEWINDOW_SHUTDOWN_GRACE", within: 0...600) {
      configuration.shutdownGrace = grace
    }
    if let idle = try seconds(environment, "ONEWINDOW_IDLE_TIMEOUT", within: 20...3600) {
      configuration.idleTimeout = idle
    }
    if let worker = environment["ONEWINDOW_WORKER"], !worker.isEmpty {
      configuration.runsWorker = !["0", "false", "no", "off"].contains(worker.lowercased())
    }
    if let signature = environment["ONEWINDOW_SMS_SIGNATURE"], !signature.isEmpty {
      configuration.textSignature = signature
    }
    configuration.textGateway = try textGateway(environment)
    if let days = try whole(environment, "ONEWINDOW_RATING_DEFAULT_DAYS", within: 1...365) {
      configuration.evaluationPolicy.defaultAfterDays = days
    }
    if let days = try whole(environment, "ONEWINDOW_RECTIFY_CALLBACK_DAYS", within: 1...30) {
      configuration.evaluationPolicy.callBackWorkdays = days
    }
    if let days = try whole(environment, "ONEWINDOW_RECTIFY_FIX_DAYS", within: 1...60) {
      configuration.evaluationPolicy.fixWorkdays = days
    }
    if let days = try whole(environment, "ONEWINDOW_LATE_ACCEPTANCE_DAYS", within: 1...30) {
      configuration.anomalySettings.lateAcceptanceWorkdays = days
    }
    if let hours = try whole(environment, "ONEWINDOW_SHIPMENT_STUCK_HOURS", within: 1...720) {
      configuration.anomalySettings.shipmentStuckHours = hours
    }
    if let days = environment["ONEWINDOW_INQUIRY_DAYS"], !days.isEmpty {
      configuration.inquiryPolicy = try InquiryPolicy.parse(days)
    }
    if let raw = environment["ONEWINDOW_READ_DATABASE_URL"], !raw.isEmpty {
      let standby = try DatabaseLocation.parse(raw, field: "ONEWINDOW_READ_DATABASE_URL")
      guard case .postgres = standby, case .postgres = database else {
        throw ValidationError(
          field: "ONEWINDOW_READ_DATABASE_URL", zh: "只读库须为 PostgreSQL 备库，且主库也须为 PostgreSQL",
          en: "must be a PostgreSQL standby, beside a PostgreSQL DATABASE_URL")
      }
      configuration.readDatabase = standby
    }
    if let raw = environment["ONEWINDOW_TRUSTED_PROXIES"], !raw.isEmpty {
      let addresses = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      if let bad = addresses.first(where: { !isIPAddress($0) }) {
        throw ValidationError(
          field: "ONEWINDOW_TRUSTED_PROXIES", zh: "「\(bad)」不是 IP 地址；应为以逗号分隔的代理服务器地址",
          en: "\(bad) is not an IP address; list the proxies' addresses, separated by commas")
      }
      configuration.trustedProxies = Set(addresses)
    }
    if let token = environment["ONEWINDOW_METRICS_TOKEN"], !token.isEmpty {
      guard token.count >= 16, token.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
        throw ValidationError(
          field: "ONEWINDOW_METRICS_TOKEN", zh: "应为至少 16 个字符、不含空白的令牌",
          en: "must be a token of at least 16 characters without spaces")
      }
      configuration.metricsToken = token
    }
    switch environment["ONEWINDOW_LOG_FORMAT"]?.lowercased() ?? "" {
    case "", "text": break
    case "json": configuration.jsonLogs = true
    default:
      throw ValidationError(field: "ONEWINDOW_LOG_FORMAT", zh: "应为 text 或 json", en: "must be text or json")
    }
    return configuration
  }

  /// An IPv4 or IPv6 address as the server prints a peer's (no port, no CIDR).
  static func isIPAddress(_ text: String) -> Bool {
    var v4 = in_addr()
    var v6 = in6_addr()
    return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
  }

  /// The SMS gateway the environment names, or nil.
  private static func textGateway(_ environment: [String: String]) throws(ValidationError)
    -> TextGatewaySettings?
  {
    guard let url = environment["ONEWINDOW_SMS_GATEWAY_URL"], !url.isEmpty else { return nil }
    guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
      throw ValidationError(
        field: "ONEWINDOW_SMS_GATEWAY_URL", zh: "应以 http:// 或 https:// 开头", en: "must start with http:// or https://")
    }
    guard let secret = environment["ONEWINDOW_SMS_GATEWAY_SECRET"], secret.count >= 16 else {
      throw ValidationError(
        field: "ONEWINDOW_SMS_GATEWAY_SECRET", zh: "设置短信网关地址时须同时设置至少 16 个字符的签名密钥",
        en: "needs a signing secret of at least 16 characters when a gateway is set")
    }
    var templates: [String: String] = [:]
    for pair in (environment["ONEWINDOW_SMS_TEMPLATES"] ?? "").split(separator: ",") {
      let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, NotificationKind(rawValue: parts[0]) != nil, !parts[1].isEmpty else {
        let kinds = NotificationKind.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError(
          field: "ONEWINDOW_SMS_TEMPLATES", zh: "应为「通知类型=模板编号」，以逗号分隔；通知类型为：\(kinds)",
          en: "must be kind=template pairs separated by commas; the kinds are: \(kinds)")
      }
      templates[parts[0]] = parts[1]
    }
    return TextGatewaySettings(url: url, secret: secret, templates: templates)
  }

  /// A whole number of days from the environment, or nil when unset.
  private static func whole(_ environment: [String: String], _ name: String, within range: ClosedRange<Int>)
    throws(ValidationError) -> Int?
  {
    guard let text = environment[name], !text.isEmpty else { return nil }
    guard let value = Int(text), range.contains(value) else {
      let bounds = "\(range.lowerBound)–\(range.upperBound)"
      throw ValidationError(field: name, zh: "应为 \(bounds) 之间的天数", en: "must be a number of days, \(bounds)")
    }
    return value
  }

  /// A number of seconds from the environment, or nil when unset.
  private static func seconds(_ environment: [String: String], _ name: String, within range: ClosedRange<Double>)
    throws(ValidationError) -> TimeInterval?
  {
    guard let text = environment[name], !text.isEmpty else { return nil }
    guard let value = Double(text), range.contains(value) else {
      let bounds = "\(Int(range.lowerBound))–\(Int(range.upperBound))"
      throw ValidationError(field: name, zh: "应为 \(bounds) 之间的秒数", en: "must be a number of seconds, \(bounds)")
    }
    return value
  }
}
