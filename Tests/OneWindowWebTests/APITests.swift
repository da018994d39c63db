import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowWeb
import Testing
import VaporTesting

@Suite("The /api/v1 API: tokens, roles, scopes, errors")
struct APITests {
  private func signIn(_ app: Application, _ username: String, password: String = "demo1234")
    async throws -> TestingHTTPResponse
  {
    try await app.testing().sendRequest(
      .POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
      body: ByteBuffer(string: #"{"username":"\#(username)","password":"\#(password)"}"#))
  }

  private func token(_ app: Application, _ username: String) async throws -> String {
    let response = try await signIn(app, username)
    #expect(response.status == .created)
    let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
    return try #require(json?["token"] as? String)
  }

  @Test("a token from POST /api/v1/session opens /me with role, scope and permissions", arguments: TestDatabase.all)
  func sessionAndMe(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let bearer = try await token(app, "reviewer")
      let me = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(bearer)"])
      #expect(me.status == .ok)
      let body = me.body.string
      #expect(body.contains(#""role":"reviewer""#))
      #expect(body.contains(#""department_id":"dept-scjgj""#))
      #expect(body.contains("reviewCases"))
      #expect(!body.contains("manageStaff"))
    }
  }

  @Test("wrong credentials: 422 naming the field, in the asked language", arguments: TestDatabase.all)
  func wrongCredentials(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let zh = try await signIn(app, "admin", password: "bad-password1")
      #expect(zh.status == .unprocessableEntity)
      #expect(zh.body.string.contains(#""field":"password""#))
      #expect(zh.body.string.contains("用户名或密码不正确"))
      let en = try await app.testing().sendRequest(
        .POST, "/api/v1/session",
        headers: ["Content-Type": "application/json", "Accept-Language": "en-US"],
        body: ByteBuffer(string: #"{"username":"","password":"x"}"#))
      #expect(en.status == .unprocessableEntity)
      #expect(en.body.string.contains(#""field":"username""#))
      #expect(en.body.string.contains("Enter your username"))
      let empty = try await app.testing().sendRequest(.POST, "/api/v1/session")
      #expect(empty.status.code >= 400 && empty.status.code < 500)
      #expect(empty.body.string.contains(#""code""#))
    }
  }

  @Test("no token: 401 JSON; a bad token: 401; a revoked token: 401", arguments: TestDatabase.all)
  func unauthenticated(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let none = try await app.testing().sendRequest(.GET, "/api/v1/me")
      #expect(none.status == .unauthorized)
      #expect(none.body.string.contains(#""code":"unauthenticated""#))
      #expect(none.headers.first(name: .wwwAuthenticate) == "Bearer")
      let bad = try await app.testing().sendRequest(
        .GET, "/api/v1/me", headers: ["Authorization": "Bearer ow_nonsense"])
      #expect(bad.status == .unauthorized)
      #expect(bad.body.string.contains(#""code":"invalid_token""#))

      let bearer = try await token(app, "clerk")
      let revoke = try await app.testing().sendRequest(
        .DELETE, "/api/v1/session", headers: ["Authorization": "Bearer \(bearer)"])
      #expect(revoke.status == .noContent)
      let after = try await app.testing().sendRequest(
        .GET, "/api/v1/me", headers: ["Authorization": "Bearer \(bearer)"])
      #expect(after.status == .unauthorized)
    }
  }

  @Test(
    "a token revoked through one process stops working in another that had it cached",
    arguments: TestDatabase.all.filter { $0 == .postgres })
  func revokedAcrossProcesses(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      // A second application on the same database stands for a second `serve` process.
      let other = try await Application.make(.testing)
      var configuration = AppConfiguration(
        database: app.configuration.database, dataDirectory: app.configuration.dataDirectory)
      configuration.passwordCost = 4
      try OneWindow.configure(other, with: configuration)
      do {
        let bearer = try await token(app, "clerk")
        let headers: HTTPHeaders = ["Authorization": "Bearer \(bearer)"]
        // The other process answers with the token (and now keeps it in its cache).
        #expect(try await other.testing().sendRequest(.GET, "/api/v1/me", headers: headers).status == .ok)
        #expect(try await app.testing().sendRequest(.DELETE, "/api/v1/session", headers: headers).status == .noContent)
        var status = HTTPStatus.ok
        for _ in 0..<200 where status == .ok {
          status = try await other.testing().sendRequest(.GET, "/api/v1/me", headers: headers).status
          if status == .ok { try await Task.sleep(for: .milliseconds(25)) }
        }
        // Within 5 s, well inside the cache's own 10 s limit: the revocation reached the other process as an event.
        #expect(status == .unauthorized)
      } catch {
        try? await other.asyncShutdown()
        throw error
      }
      try await other.asyncShutdown()
    }
  }

  @Test("the staff list needs manageStaff and stays inside the caller's scope", arguments: TestDatabase.all)
  func staffListScope(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let clerk = try await token(app, "clerk")
      let denied = try await app.testing().sendRequest(
        .GET, "/api/v1/staff", headers: ["Authorization": "Bearer \(clerk)"])
      #expect(denied.status == .forbidden)
      #expect(denied.body.string.contains(#""code":"forbidden""#))

      // A town administrator sees only the town's accounts.
      let hash = try await app.password.async.hash("townadmin1")
      try await StaffRepository(app.db).add(
        NewStaff(
          username: "townadmin", displayName: "石桥管理员", role: .admin,
          scope: Scope(regionCode: RegionCode("360999101")!)),
        passwordHash: hash)
      let response = try await signIn(app, "townadmin", password: "townadmin1")
      let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
      let townToken = try #require(json?["token"] as? String)
      let list = try await app.testing().sendRequest(
        .GET, "/api/v1/staff?limit=500", headers: ["Authorization": "Bearer \(townToken)"])
      #expect(list.status == .ok)
      let items = try #require(
        (try JSONSerialization.jsonObject(with: Data(list.body.readableBytesView)) as? [String: Any])?["items"]
          as? [[String: Any]])
      #expect(!items.isEmpty)
      for item in items {
        let scope = item["scope"] as? [String: Any]
        #expect((scope?["region_code"] as? String)?.hasPrefix("360999101") == true)
      }

      let badLimit = try await app.testing().sendRequest(
        .GET, "/api/v1/staff?limit=0", headers: ["Authorization": "Bearer \(townToken)"])
      #expect(badLimit.status == .unprocessableEntity)
      #expect(badLimit.body.string.contains(#""field":"limit""#))
    }
  }

  @Test(
    "tokens issued for integrations work like session tokens, until the account is disabled",
    arguments: TestDatabase.all)
  func issuedToken(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let staff = try #require(try await StaffRepository(app.db).find(username: "supervisor"))
      let issued = try await TokenRepository(app.db).issue(
        for: staff.identity, label: "省平台", lifetime: 86_400, now: Date())
      let me = try await app.testing().sendRequest(
        .GET, "/api/v1/me", headers: ["Authorization": "Bearer \(issued.token)"])
      #expect(me.status == .ok)
      #expect(try await TokenCache.disable(username: "supervisor", app))
      let after = try await app.testing().sendRequest(
        .GET, "/api/v1/me", headers: ["Authorization": "Bearer \(issued.token)"])
      #expect(after.status == .unauthorized)
    }
  }

  @Test("public look-ups need no token", arguments: TestDatabase.all)
  func publicLookups(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let sites = try await app.testing().sendRequest(.GET, "/api/v1/sites")
      #expect(sites.status == .ok)
      #expect(sites.body.string.contains(#""total":29"#))
      let regions = try await app.testing().sendRequest(.GET, "/api/v1/regions")
      #expect(regions.body.string.contains(#""total":27"#))
      #expect(regions.body.string.contains("360999100201"))
    }
  }
}
