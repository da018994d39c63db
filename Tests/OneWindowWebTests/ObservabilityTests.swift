import Foundation
import Logging
import NIOCore
import OneWindowDomain
import Testing
import Vapor
import VaporTesting

@testable import OneWindowWeb

/// `/metrics` (issue 20): who may scrape it, and that what it says is what happened — requests by route pattern and
/// status, their latency, error codes, and the database's state read when scraped.
@Suite("Observability: /metrics and JSON logs")
struct ObservabilityTests {
  static let token = "scrape-token-0123456789"

  static func scrape(_ app: Application, token: String? = ObservabilityTests.token, headers: HTTPHeaders = [:])
    async throws -> TestingHTTPResponse
  {
    var headers = headers
    if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
    return try await app.testing().sendRequest(.GET, "/metrics", headers: headers)
  }

  /// The value of the one series whose line starts with `series` (name and labels as printed).
  static func value(_ text: String, _ series: String) -> Double? {
    text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap {
      Double($0.split(separator: " ").last ?? "")
    }
  }

  @Test("only a scraper with the token, or one on this machine, reads the figures")
  func whoMayScrape() async throws {
    try await withTestApp(.sqlite) { app in
      // No token set: only a loopback peer that no proxy forwarded (the test client has no peer address).
      #expect(try await Self.scrape(app, token: nil).status == .forbidden)
      #expect(try await Self.scrape(app, token: "anything-at-all-here").status == .forbidden)
      app.configuration.metricsToken = Self.token
      #expect(try await Self.scrape(app, token: nil).status == .forbidden)
      #expect(try await Self.scrape(app, token: "scrape-token-0123456788").status == .forbidden)
      let answer = try await Self.scrape(app)
      #expect(answer.status == .ok)
      #expect(answer.headers.contentType?.description.hasPrefix("text/plain") == true)
      #expect(answer.body.string.contains("onewindow_build_info{version=\"\(OneWindow.version)\"} 1"))
    }
  }

  @Test("a loopback peer is answered without a token unless a proxy forwarded the request")
  func loopback() throws {
    let app = Application(.testing)
    defer { app.shutdown() }
    func request(peer: String, forwarded: Bool) throws -> Request {
      let request = Request(
        application: app, method: .GET, url: URI(path: "/metrics"),
        remoteAddress: try SocketAddress(ipAddress: peer, port: 40000), on: app.eventLoopGroup.next())
      if forwarded { request.headers.add(name: "X-Forwarded-For", value: "203.0.113.9") }
      return request
    }
    #expect(MetricsController.allowed(try request(peer: "127.0.0.1", forwarded: false), token: nil))
    #expect(MetricsController.allowed(try request(peer: "::1", forwarded: false), token: nil))
    #expect(!MetricsController.allowed(try request(peer: "127.0.0.1", forwarded: true), token: nil))
    #expect(!MetricsController.allowed(try request(peer: "192.168.1.20", forwarded: false), token: nil))
    // With a token set, even this machine sends it.
    #expect(!MetricsController.allowed(try request(peer: "127.0.0.1", forwarded: false), token: Self.token))
  }

  @Test(
    "requests are counted by route pattern and status, with latency; the database's state is read",
    arguments: TestDatabase.all)
  func figures(_ database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      app.configuration.metricsToken = Self.token
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      #expect(try await clerk.step(number, "accept").status == .ok)
      #expect(try await clerk.send(.GET, "/api/v1/cases/\(number)").status == .ok)
      #expect(try await clerk.send(.GET, "/api/v1/cases/\(number)").status == .ok)
      for path in ["/made-up/one", "/made-up/two"] {
        #expect(try await app.testing().sendRequest(.GET, path).status == .notFound)
      }
      #expect(try await clerk.send(.GET, "/api/v1/cases/NOPE-1").status == .notFound)
      let text = try await Self.scrape(app).body.string

      #expect(
        Self.value(text, #"onewindow_http_requests_total{method="POST",route="/api/v1/cases",status="201"}"#) == 1)
      #expect(
        Self.value(text, #"onewindow_http_requests_total{method="GET",route="/api/v1/cases/:number",status="200"}"#)
          == 2)
      #expect(
        Self.value(text, #"onewindow_http_requests_total{method="GET",route="/api/v1/cases/:number",status="404"}"#)
          == 1)
      #expect(Self.value(text, #"onewindow_http_requests_total{method="GET",route="unmatched",status="404"}"#) == 2)
      // Made-up paths never become series of their own.
      #expect(!text.contains("made-up"))
      #expect(
        Self.value(
          text, #"onewindow_http_request_duration_seconds_count{method="GET",route="/api/v1/cases/:number"}"#) == 3)
      #expect(
        Self.value(
          text, #"onewindow_http_requests_total{method="POST",route="/api/v1/cases/:number/:step",status="200"}"#)
          == 1)
      #expect(
        Self.value(
          text, #"onewindow_http_request_duration_seconds_bucket{method="GET",route="/api/v1/cases/:number",le="+Inf"}"#
        ) == 3)
      #expect((Self.value(text, #"onewindow_http_errors_total{code="not_found"}"#) ?? 0) >= 3)

      // The database's state: the demo county's open cases (with the one just taken in) and the notification queue
      // the accepted case added to (no worker runs in the tests).
      let lights = ["green", "yellow", "red", "paused"].compactMap {
        Self.value(text, #"onewindow_cases_open{county="360999",light="\#($0)"}"#)
      }
      #expect(lights.count == 4)
      #expect(lights.reduce(0, +) >= 1)
      #expect((Self.value(text, "onewindow_outbox_pending") ?? 0) >= 1)
      #expect(Self.value(text, "onewindow_outbox_oldest_age_seconds") != nil)
      #expect(Self.value(text, "onewindow_database_up") == 1)
      if database == .postgres {
        #expect((Self.value(text, #"onewindow_db_connections{state="open"}"#) ?? 0) >= 1)
      } else {
        #expect(!text.contains("onewindow_db_connections"))
      }
      // The request being answered counts itself as in flight.
      #expect(Self.value(text, "onewindow_http_requests_in_flight") == 1)
    }
  }

  @Test("a ticket waiting in the hall shows in the site's queue length", arguments: TestDatabase.all)
  func hallQueue(_ database: TestDatabase) async throws {
    let open = try #require(ISO8601DateFormatter().date(from: "2026-11-24T02:00:00Z"))  // a Tuesday, 10:00 in 云溪县
    try await withTestApp(database, now: open) { app in
      app.configuration.metricsToken = Self.token
      let before = try await Self.scrape(app).body.string
      let series = #"onewindow_hall_waiting_tickets{county="360999",site="site-center"}"#
      let waiting = Self.value(before, series) ?? 0
      let taken = try await app.testing().sendRequest(
        .POST, "/api/v1/hall/sites/site-center/tickets", headers: ["Content-Type": "application/json"],
        body: ByteBuffer(string: #"{"group":"A"}"#))
      #expect(taken.status == .created)
      // A scrape within `readingInterval` shows the last reading; once it has passed, a fresh one.
      app.metrics.expireReadings()
      #expect(Self.value(try await Self.scrape(app).body.string, series) == waiting + 1)
    }
  }

  @Test("a JSON log line is one valid object with the message, level and request id, whatever the message holds")
  func jsonLine() throws {
    let line = JSONLogHandler.line(
      time: Date(timeIntervalSince1970: 1_796_000_000.123), level: .warning, label: "codes.vapor.application",
      message: "GET /items failed: \"quoted\"\nsecond line\u{1}", metadata: ["request-id": "abc-123", "n": "7"])
    #expect(line.hasSuffix("}\n"))
    #expect(line.dropLast().contains("\n") == false)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
    #expect(object["message"] == "GET /items failed: \"quoted\"\nsecond line\u{1}")
    #expect(object["level"] == "warning")
    #expect(object["request-id"] == "abc-123")
    #expect(object["time"] == "2026-11-30T00:53:20.123Z")
    #expect(object["logger"] == "codes.vapor.application")
  }
}
