import Foundation
import OneWindowDomain
import OneWindowStore
import Testing
import VaporTesting

@Suite("Staff login through the pages")
struct StaffLoginTests {
  @Test("a clerk signs in and sees role and scope", arguments: TestDatabase.all)
  func clerkSeesScope(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      // setup
      var browser = TestBrowser(app)
      // act
      let signIn = try await browser.signIn("clerk")
      let home = try await browser.get("/staff")
      // check
      #expect(signIn.status == .seeOther)
      #expect(signIn.headers.first(name: .location) == "/staff")
      #expect(home.status == .ok)
      let page = home.body.string
      #expect(page.contains("综合窗口受理员"))
      #expect(page.contains("云溪县行政服务中心"))
      #expect(page.contains("360999"))
      #expect(page.contains("无差别综合受理窗口"))
      #expect(page.contains("A岗"))
    }
  }

  @Test("every duty the workbench lists leads to a page that opens; the administrator's header links the admin pages")
  func workbenchLinks() async throws {
    try await withTestApp(.sqlite, now: WindowPagesTests.monday) { app in
      for username in ["admin", "clerk", "reviewer", "agent", "supervisor", "service", "townclerk"] {
        var browser = TestBrowser(app)
        _ = try await browser.signIn(username)
        _ = try await browser.get("/staff")
        let duties = try #require(browser.lastBody.components(separatedBy: #"id="duties""#).dropFirst().first)
          .components(separatedBy: "</ul>")[0]
        let links = duties.components(separatedBy: #"href=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(duties.components(separatedBy: "<li>").count - 1 == links.count, "\(username): an item without a link")
        for link in links {
          let page = try await browser.get(link.replacingOccurrences(of: "&amp;", with: "&"))
          #expect(page.status == .ok, "\(username): \(link) answered \(page.status)")
        }
      }
      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      _ = try await admin.get("/staff")
      let header = try #require(admin.lastBody.components(separatedBy: "</header>").first)
      for link in ["/admin/items", "/admin/directory", "/admin/hall", "/hall/figures"] {
        #expect(header.contains(#"href="\#(link)""#), "\(link)")
      }
    }
  }

  @Test("the session cookie lasts its lifetime on the browser's clock, also when the server's clock is set back")
  func cookieLifetime() async throws {
    // A server clock a month back (ONEWINDOW_CLOCK for training): an Expires date would already be past for the
    // browser, which then drops the cookie and the clerk is never signed in.
    let monthAgo = Date().addingTimeInterval(-30 * 24 * 3600)
    try await withTestApp(.sqlite, now: monthAgo) { app in
      var browser = TestBrowser(app)
      let signIn = try await browser.signIn("clerk")
      let cookie = try #require(signIn.headers.setCookie?["ow_session"])
      #expect(cookie.maxAge == Int(app.configuration.sessionLifetime))
      #expect(cookie.expires == nil)
      #expect(try await browser.get("/staff").status == .ok)
    }
  }

  @Test("a wrong password names the field and opens no session", arguments: TestDatabase.all)
  func wrongPassword(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var browser = TestBrowser(app)
      let response = try await browser.signIn("clerk", password: "wrong-password1")
      #expect(response.status == .unprocessableEntity)
      #expect(response.body.string.contains("用户名或密码不正确"))
      #expect(response.body.string.contains(#"id="password-error""#))
      #expect(browser.cookies["ow_session"] == nil)
      let home = try await browser.get("/staff")
      #expect(home.status == .seeOther)
    }
  }

  @Test("five failures make the account wait (never a lock), and only that account", arguments: TestDatabase.all)
  func slowDown(database: TestDatabase) async throws {
    // A clock that stands still: the delays do not run out between the attempts, however slow the machine.
    try await withTestApp(database, now: CaseAPITests.monday) { app in
      var browser = TestBrowser(app)
      for _ in 1...5 { _ = try await browser.signIn("reviewer", password: "nope12345") }
      let response = try await browser.signIn("reviewer")
      #expect(response.status == .tooManyRequests)
      #expect(response.body.string.contains("操作过于频繁") && !response.body.string.contains("锁定"))
      let other = try await TestBrowser(app).signInCopy("clerk")
      #expect(other.status == .seeOther)
    }
  }

  @Test("a form without the CSRF token is refused", arguments: TestDatabase.all)
  func csrfRequired(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var browser = TestBrowser(app)
      _ = try await browser.get("/login")
      let forged = try await browser.post(
        "/login", form: ["username": "clerk", "password": "demo1234", "_csrf": String(repeating: "0", count: 64)])
      #expect(forged.status == .forbidden)
      #expect(forged.body.string.contains("表单已过期"))
      #expect(browser.cookies["ow_session"] == nil)

      _ = try await browser.signIn("clerk")
      let logoutWithoutToken = try await browser.post("/logout", form: [:])
      #expect(logoutWithoutToken.status == .forbidden)
    }
  }

  @Test("sign-out ends the server-side session", arguments: TestDatabase.all)
  func logout(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var browser = TestBrowser(app)
      _ = try await browser.signIn("admin")
      let sessionCookie = try #require(browser.cookies["ow_session"])
      _ = try await browser.get("/staff")
      let out = try await browser.post("/logout", form: ["_csrf": try #require(browser.csrfToken)])
      #expect(out.status == .seeOther)
      // Replaying the old cookie must not work: the session is gone on the server.
      let replay = try await app.testing().sendRequest(
        .GET, "/staff", headers: ["Cookie": "ow_session=\(sessionCookie)"])
      #expect(replay.status == .seeOther)
    }
  }

  @Test("a disabled account cannot sign in", arguments: TestDatabase.all)
  func disabled(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      #expect(try await StaffRepository(app.db).disable(username: "service"))
      var browser = TestBrowser(app)
      let response = try await browser.signIn("service")
      #expect(response.status == .unprocessableEntity)
      #expect(response.body.string.contains("已停用"))
    }
  }

  @Test("the pages speak English after the switch", arguments: [TestDatabase.sqlite])
  func english(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var browser = TestBrowser(app)
      let switchResponse = try await browser.get("/lang/en?to=/login")
      #expect(switchResponse.headers.first(name: .location) == "/login")
      let page = try await browser.get("/login")
      #expect(page.body.string.contains("Staff sign-in"))
      #expect(page.body.string.contains(#"lang="en""#))
      let offsite = try await browser.get("/lang/zh?to=//evil.example")
      #expect(offsite.headers.first(name: .location) == "/")
    }
  }
}

extension TestBrowser {
  /// Signs in on a copy, for one-off checks.
  func signInCopy(_ username: String) async throws -> TestingHTTPResponse {
    var copy = self
    return try await copy.signIn(username)
  }
}
