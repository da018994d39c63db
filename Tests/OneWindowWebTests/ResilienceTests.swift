import Fluent
import Foundation
import OneWindowDomain
import OneWindowStore
import SQLKit
import Testing
import VaporTesting

@testable import OneWindowWeb

/// What the fault injection of issue 20 found: a stopping server, a database that goes away and a full disk must
/// answer 503 with `Retry-After` and a code of their own, never a 500 or a crash, and `/readyz` must tell.
@Suite("Resilience: stopping, database outages and a full disk")
struct ResilienceTests {
  nonisolated(unsafe) static let caseBody: [String: Any] = [
    "item_code": "360105002000",
    "applicant": ["name": "王秀英", "id_number": "11010519491231002X", "phone": "13912345678"],
  ]

  @Test("while the server stops, new requests get 503 shutting_down without touching the database")
  func stopping() async throws {
    try await withTestApp(.sqlite) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      app.shutdownGate.beginDraining()
      let api = try await clerk.send(.POST, "/api/v1/cases", Self.caseBody)
      #expect(api.status == .serviceUnavailable)
      #expect(api.headers.first(name: .retryAfter) == "1")
      #expect(api.headers.first(name: .connection) == "close")
      #expect(try JSON(api)["error"]["code"].string == "shutting_down")
      let page = try await app.testing().sendRequest(.GET, "/items")
      #expect(page.status == .serviceUnavailable)
      #expect(page.body.string.contains("服务器正在重启，请稍后重试"))
      let ready = try await app.testing().sendRequest(.GET, "/readyz")
      #expect(ready.status == .serviceUnavailable)
      #expect(app.shutdownGate.inFlight == 0)
    }
  }

  @Test("a full disk answers 503 storage_full with Retry-After, and /readyz fails while it lasts")
  func storageFull() async throws {
    try await withTestApp(.sqlite) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      #expect(try await app.testing().sendRequest(.GET, "/readyz").status == .ok)
      // Cap the file at its present size on every pooled connection (SQLite pools one per event loop): the next
      // write that needs a page fails as on a full disk.
      for loop in app.eventLoopGroup.makeIterator() {
        let db = try #require(app.databases.database(logger: app.logger, on: loop))
        try await (db as! any SQLDatabase).raw("PRAGMA max_page_count = 1").run()
      }
      var refused: TestingHTTPResponse?
      for _ in 0..<200 {
        let response = try await clerk.send(.POST, "/api/v1/cases", Self.caseBody)
        if response.status != .created {
          refused = response
          break
        }
      }
      let response = try #require(refused, "no write failed with the file capped")
      #expect(response.status == .serviceUnavailable, "\(response.body.string)")
      #expect(try JSON(response)["error"]["code"].string == "storage_full")
      #expect(response.headers.first(name: .retryAfter) == "30")
      var browser = TestBrowser(app)
      _ = try? await browser.signIn("clerk")
      #expect(try await browser.get("/window").status != .internalServerError)
      let ready = try await app.testing().sendRequest(.GET, "/readyz")
      #expect(ready.status == .serviceUnavailable)
      #expect(try JSON(ready)["database"].string == "storage_full")
    }
  }

  @Test("a database that stops taking connections answers 503 database_unavailable; all recovers with it")
  func outage() async throws {
    guard let base = TestDatabase.postgresURL else { return }
    try await withTestApp(.postgres) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      guard case .postgres(let url) = app.configuration.database,
        let name = URLComponents(string: url)?.path.dropFirst()
      else { throw TestSetupError("not on PostgreSQL") }
      try await ScratchDatabase.adminSQL(base, "ALTER DATABASE \(name) ALLOW_CONNECTIONS false")
      try await ScratchDatabase.adminSQL(
        base, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
      for _ in 0..<3 {
        let response = try await clerk.send(.POST, "/api/v1/cases", Self.caseBody)
        #expect(response.status == .serviceUnavailable, "\(response.body.string)")
        #expect(try JSON(response)["error"]["code"].string == "database_unavailable")
        #expect(response.headers.first(name: .retryAfter) == "2")
      }
      let page = try await app.testing().sendRequest(.GET, "/items")
      #expect(page.status == .serviceUnavailable)
      #expect(page.body.string.contains("数据库暂时不可用"))
      let ready = try await app.testing().sendRequest(.GET, "/readyz")
      #expect(ready.status == .serviceUnavailable)
      #expect(app.databaseIncidents.ongoing() == .unavailable)

      try await ScratchDatabase.adminSQL(base, "ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
      #expect(try await app.testing().sendRequest(.GET, "/readyz").status == .ok)
      _ = try await clerk.createCase()
    }
  }

  @Test("a case is answered 201 only once its commit is done: a commit that fails is never acknowledged")
  func answeredOnlyWhenCommitted() async throws {
    guard TestDatabase.postgresURL != nil else { return }
    try await withTestApp(.postgres) { app in
      // A check PostgreSQL runs at commit, after the statement itself completed: the same moment as a leader dying
      // while it waits for its synchronous standby (what scripts/failover-drill caught), and with the same code as a
      // server shutting down (57P01).
      let sql = app.db as! any SQLDatabase
      try await sql.raw(
        """
        CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused at commit' USING ERRCODE = '57P01'; END $$
        """
      ).run()
      try await sql.raw(
        """
        CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON cases DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.idempotency_key LIKE '%refuse-at-commit%') EXECUTE FUNCTION refuse_at_commit()
        """
      ).run()
      let clerk = try await APIClient.signIn(app, "clerk")
      let refused = try await clerk.send(
        .POST, "/api/v1/cases", Self.caseBody, headers: ["Idempotency-Key": "refuse-at-commit-1"])
      #expect(refused.status == .serviceUnavailable, "\(refused.body.string)")
      #expect(try JSON(refused)["error"]["code"].string == "database_unavailable")
      let stored = try await sql.raw("SELECT COUNT(*) AS n FROM cases WHERE idempotency_key LIKE '%refuse-at-commit%'")
        .first()?.decode(column: "n", as: Int.self)
      #expect(stored == 0)
      // The next registration is answered as usual.
      let next = try await clerk.send(.POST, "/api/v1/cases", Self.caseBody, headers: ["Idempotency-Key": "ordinary-1"])
      #expect(next.status == .created)
    }
  }

  @Test("the public catalog reads from the standby when one is set, and from the primary when it cannot answer")
  func standbyReads() async throws {
    guard TestDatabase.postgresURL != nil else { return }
    // A standby stand-in that holds the schema but no catalog: what the search answers shows where it read.
    try await withTestApp(.postgres, demo: false) { standbyApp in
      let standby = standbyApp.configuration.database
      try await withTestApp(.postgres, adjust: { $0.readDatabase = standby }) { app in
        let search = try await app.testing().sendRequest(.GET, "/api/v1/items?q=营业执照")
        #expect(search.status == .ok)
        #expect(try JSON(search)["total"].int == 0)
        // The item's own guide (read from the primary: a clerk just edited it) is there.
        #expect(try await app.testing().sendRequest(.GET, "/items/360105002000").status == .ok)
      }
    }
    // A standby that cannot be reached: the primary answers, nothing fails.
    try await withTestApp(
      .postgres, adjust: { $0.readDatabase = .postgres(url: "postgres://postgres@127.0.0.1:1/none") }
    ) { app in
      for _ in 0..<2 {
        let search = try await app.testing().sendRequest(.GET, "/api/v1/items")
        #expect(search.status == .ok)
        #expect((try JSON(search)["total"].int ?? 0) > 0)
        let page = try await app.testing().sendRequest(.GET, "/items")
        #expect(page.status == .ok)
      }
    }
  }

  @Test("a read-only database is a PostgreSQL standby beside a PostgreSQL primary, or it is refused by name")
  func standbySetting() throws {
    var arguments = ["onewindow"]
    let configuration = try AppConfiguration.load(
      arguments: &arguments,
      environment: [
        "DATABASE_URL": "postgres://u@primary:5000/onewindow",
        "ONEWINDOW_READ_DATABASE_URL": "postgres://u@primary:5001/onewindow",
      ])
    #expect(configuration.readDatabase == .postgres(url: "postgres://u@primary:5001/onewindow"))
    for environment in [
      ["DATABASE_URL": "sqlite:/tmp/x.sqlite", "ONEWINDOW_READ_DATABASE_URL": "postgres://u@h/db"],
      ["DATABASE_URL": "postgres://u@h/db", "ONEWINDOW_READ_DATABASE_URL": "sqlite:/tmp/x.sqlite"],
      ["DATABASE_URL": "postgres://u@h/db", "ONEWINDOW_READ_DATABASE_URL": "mysql://h/db"],
    ] {
      do {
        _ = try AppConfiguration.load(arguments: &arguments, environment: environment)
        Issue.record("accepted \(environment)")
      } catch {
        #expect(error.field == "ONEWINDOW_READ_DATABASE_URL")
      }
    }
  }

  @Test("the shutdown grace and idle timeout are read from the environment, and a bad one is named")
  func configuration() throws {
    var arguments = ["onewindow"]
    let configuration = try AppConfiguration.load(
      arguments: &arguments, environment: ["ONEWINDOW_SHUTDOWN_GRACE": "25", "ONEWINDOW_IDLE_TIMEOUT": "90"])
    #expect(configuration.shutdownGrace == 25)
    #expect(configuration.idleTimeout == 90)
    #expect(throws: ValidationError.self) {
      try AppConfiguration.load(arguments: &arguments, environment: ["ONEWINDOW_SHUTDOWN_GRACE": "soon"])
    }
    do {
      _ = try AppConfiguration.load(arguments: &arguments, environment: ["ONEWINDOW_IDLE_TIMEOUT": "1"])
    } catch {
      #expect(error.field == "ONEWINDOW_IDLE_TIMEOUT")
    }
  }
}
