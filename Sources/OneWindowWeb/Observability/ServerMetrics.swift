import Fluent
import NIOConcurrencyHelpers
import OneWindowDomain
import OneWindowStore
import Prometheus
import Vapor

/// The server's figures for Prometheus (`GET /metrics`): requests by route and status, their latency, error answers
/// by code and the requests in flight are counted as they happen; the database's state (open cases by light, tickets
/// waiting, the notification queue, this process's connections) is read when scraped, at most every
/// `readingInterval`, so several scrapers cost the database no more than one.
///
/// Routes are labelled by their pattern (`/api/v1/cases/:number`), never by the path asked for: a client cannot grow
/// the number of series by asking for made-up paths.
final class ServerMetrics: Sendable {
  let registry = PrometheusCollectorRegistry()
  static let readingInterval: TimeInterval = 10
  /// Latency buckets from a fast page (5 ms) to the longest a clerk should ever wait (10 s).
  static let buckets: [Duration] = [
    .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
    .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
  ]

  private let inFlight: Gauge
  private struct Key: Hashable {
    let route: ObjectIdentifier?
    let method: String
    let status: UInt
  }
  private struct RouteKey: Hashable {
    let route: ObjectIdentifier?
    let method: String
  }
  private let counters = NIOLockedValueBox<[Key: Counter]>([:])
  private let histograms = NIOLockedValueBox<[RouteKey: DurationHistogram]>([:])
  private let errors = NIOLockedValueBox<[String: Counter]>([:])
  private let readings = NIOLockedValueBox<Readings>(Readings())

  private struct Readings {
    var at: Date?
    /// Gauges set by the last reading, by name and labels: a series that is gone from the next one is set to 0.
    var gauges: [String: Gauge] = [:]
  }

  init(version: String) {
    inFlight = registry.makeGauge(
      descriptor: Self.name("onewindow_http_requests_in_flight", help: "Requests being answered now."))
    registry.makeGauge(
      descriptor: Self.name("onewindow_build_info", help: "The running version (always 1)."),
      labels: [("version", version)]
    ).set(to: 1)
  }

  func requestStarted() { inFlight.increment() }

  /// Counts one answered request and its latency under its route's pattern.
  func requestFinished(_ request: Request, status: HTTPResponseStatus, elapsed: Duration) {
    inFlight.decrement()
    let route = request.route.map(ObjectIdentifier.init)
    let key = Key(route: route, method: request.method.rawValue, status: status.code)
    let counter = counters.withLockedValue { counters in
      if let counter = counters[key] { return counter }
      let counter = registry.makeCounter(
        descriptor: Self.name("onewindow_http_requests_total", help: "Requests answered, by route pattern and status."),
        labels: [
          ("method", request.method.rawValue), ("route", Self.label(request.route)), ("status", String(status.code)),
        ])
      counters[key] = counter
      return counter
    }
    counter.increment()
    let routeKey = RouteKey(route: route, method: request.method.rawValue)
    let histogram = histograms.withLockedValue { histograms in
      if let histogram = histograms[routeKey] { return histogram }
      let histogram = registry.makeDurationHistogram(
        descriptor: Self.name(
          "onewindow_http_request_duration_seconds",
          help: "Time from a request's arrival to its answer, by route pattern."),
        labels: [("method", request.method.rawValue), ("route", Self.label(request.route))], buckets: Self.buckets)
      histograms[routeKey] = histogram
      return histogram
    }
    histogram.record(elapsed)
  }

  /// Counts an error answer by its code (`not_found`, `database_unavailable`, …; a fixed set).
  func errorAnswered(code: String) {
    errors.withLockedValue { errors in
      if let counter = errors[code] { return counter }
      let counter = registry.makeCounter(
        descriptor: Self.name("onewindow_http_errors_total", help: "Error answers, by error code."),
        labels: [("code", code)])
      errors[code] = counter
      return counter
    }.increment()
  }

  private static func name(_ name: String, help: String) -> MetricNameDescriptor {
    MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
  }

  static func label(_ route: Route?) -> String {
    guard let route else { return "unmatched" }
    return "/" + route.path.map(\.description).joined(separator: "/")
  }

  /// Reads the database's state into gauges unless the last reading is younger than `readingInterval`. A database
  /// that cannot be read sets `onewindow_database_up` to 0 and leaves the last reading: the request figures are
  /// still worth scraping during an outage.
  func refreshReadings(_ app: Application, db: any Database, now: Date, logger: Logger) async {
    let due = readings.withLockedValue { readings in
      guard readings.at.map({ Date().timeIntervalSince($0) >= Self.readingInterval }) ?? true else { return false }
      readings.at = Date()  // one reader at a time: concurrent scrapes within the interval use the last reading
      return true
    }
    guard due else { return }
    do {
      var values: [(name: String, labels: [(String, String)], help: String, value: Double)] = []
      let operations = OperationsRepository(db)
      for (county, counts) in try await operations.openCases(now: now) {
        for (light, count) in [
          ("green", counts.green), ("yellow", counts.yellow), ("red", counts.red), ("paused", counts.paused),
        ] {
          values.append(
            (
              "onewindow_cases_open", [("county", county), ("light", light)],
              "Open cases by light (green on time, yellow near its limit, red past it, paused).", Double(count)
            ))
        }
      }
      for county in try await DirectoryRepository(db).counties() {
        let rule = try await app.deadlineRules.rule(county: county.code.value, db: db, now: now)
        for (site, waiting) in try await operations.waitingTickets(
          county: county.code.value, day: rule.civilDate(of: now))
        {
          values.append(
            (
              "onewindow_hall_waiting_tickets", [("county", county.code.value), ("site", site)],
              "Tickets waiting to be called today, by site.", Double(waiting)
            ))
        }
      }
      let queue = try await OutboxRepository(db).queue(county: nil, now: now)
      values.append(("onewindow_outbox_pending", [], "Notifications waiting to be sent.", Double(queue.pending)))
      values.append(
        (
          "onewindow_outbox_oldest_age_seconds", [], "Age of the oldest notification still to send (0 when none).",
          queue.oldestAge
        ))
      values.append(("onewindow_outbox_dead", [], "Notifications given up on (dead letters).", Double(queue.dead)))
      if let connections = try await operations.connections(applicationName: Store.applicationName) {
        values.append(
          (
            "onewindow_db_connections", [("state", "open")], "This process's connections to PostgreSQL.",
            Double(connections.open)
          ))
        values.append(
          (
            "onewindow_db_connections", [("state", "busy")], "This process's connections to PostgreSQL.",
            Double(connections.busy)
          ))
      }
      values.append(("onewindow_database_up", [], "1 when the last reading of the database succeeded.", 1))
      set(values)
    } catch {
      logger.warning("metrics: cannot read the database: \(String(reflecting: error).prefix(300))")
      set([("onewindow_database_up", [], "1 when the last reading of the database succeeded.", 0)], partial: true)
    }
  }

  /// Sets the gauges of a reading; unless `partial`, every series the reading did not mention is set to 0.
  /// Makes the next scrape read the database afresh.
  func expireReadings() {
    readings.withLockedValue { $0.at = nil }
  }

  private func set(
    _ values: [(name: String, labels: [(String, String)], help: String, value: Double)], partial: Bool = false
  ) {
    readings.withLockedValue { readings in
      var seen: Set<String> = []
      for value in values {
        let key = value.name + "\u{1F}" + value.labels.map { "\($0.0)=\($0.1)" }.joined(separator: "\u{1F}")
        seen.insert(key)
        let gauge =
          readings.gauges[key]
          ?? registry.makeGauge(descriptor: Self.name(value.name, help: value.help), labels: value.labels)
        readings.gauges[key] = gauge
        gauge.set(to: value.value)
      }
      guard !partial else { return }
      for (key, gauge) in readings.gauges where !seen.contains(key) { gauge.set(to: 0) }
    }
  }
}

extension Application {
  private struct ServerMetricsKey: StorageKey {
    typealias Value = ServerMetrics
  }

  /// The process's metrics; created in `OneWindow.configure`, before requests run concurrently.
  var metrics: ServerMetrics {
    if let metrics = storage[ServerMetricsKey.self] { return metrics }
    let metrics = ServerMetrics(version: OneWindow.version)
    storage[ServerMetricsKey.self] = metrics
    return metrics
  }
}
