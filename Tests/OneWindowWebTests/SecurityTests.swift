import Foundation
import OneWindowDomain
import OneWindowStore
import Testing
import VaporTesting

@testable import OneWindowWeb

/// The findings of the security probe (issue 18), each as it was found.
@Suite("Security: redirects, headers, throttles, input and scope")
struct SecurityTests {
  @Test("no return path can add a header or leave the site", arguments: TestDatabase.all)
  func returnPaths(database: TestDatabase) async throws {
    try await withTestApp(database, now: CaseAPITests.monday) { app in
      let injected = "/%0d%0aSet-Cookie:%20ow_citizen=attacker"
      for path in ["/lang/en?to=\(injected)", "/text-size/large?to=\(injected)"] {
        let response = try await app.testing().sendRequest(.GET, path)
        #expect(response.headers.setCookie?["ow_citizen"] == nil, "\(path)")
        #expect(!(response.headers.first(name: .location) ?? "").contains("\n"))
      }
      for path in [
        "/lang/en?to=/%09/evil.example", "/text-size/large?to=//evil.example", "/lang/zh?to=/%5Cevil.example",
      ] {
        let response = try await app.testing().sendRequest(.GET, path)
        #expect(response.status == .seeOther, "\(path)")
        #expect(response.headers.first(name: .location) == "/", "\(path)")
      }
      // Right after a real sign-in, staff and portal.
      var staff = TestBrowser(app)
      _ = try await staff.get("/login")
      let signedIn = try await staff.post(
        "/login",
        form: ["username": "clerk", "password": "demo1234", "to": "/\t/evil.example", "_csrf": staff.csrfToken ?? ""])
      #expect(signedIn.headers.first(name: .location) == "/staff")
      var citizen = try await PortalTests.signUp(app, phone: "13805551234", name: "王秀英", id: "11010519491231002X")
      _ = try await citizen.post("/my/logout", form: ["_csrf": citizen.csrfToken ?? ""])
      _ = try await citizen.get("/my/login")
      let portal = try await citizen.post(
        "/my/login",
        form: [
          "phone": "13805551234", "password": "yunxi2026", "to": "/\t/evil.example", "_csrf": citizen.csrfToken ?? "",
        ])
      #expect(portal.headers.first(name: .location) == "/my")
    }
  }

  @Test("the language and text-size switches come back to the same page with its query")
  func switchesKeepTheQuery() async throws {
    try await withTestApp(.sqlite) { app in
      let page = try await app.testing().sendRequest(.GET, "/items?q=%E5%8C%BB")
      let link = "/lang/en?to=/items%3Fq%3D%25E5%258C%25BB"
      #expect(page.body.string.contains(link), "\(page.body.string.prefix(2000))")
      let back = try await app.testing().sendRequest(.GET, link)
      #expect(back.headers.first(name: .location) == "/items?q=%E5%8C%BB")
    }
  }

  @Test("every answer carries the security headers; only the hall display may be framed, by the site itself")
  func headers() async throws {
    try await withTestApp(.sqlite) { app in
      for path in ["/", "/login", "/api/v1/items", "/no-such-page", "/api/v1/cases"] {
        let response = try await app.testing().sendRequest(.GET, path)
        #expect(response.headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
        #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
        if !path.hasPrefix("/api/") {
          #expect(response.headers.first(name: "Referrer-Policy") == "same-origin", "\(path)")
        }
        let csp = try #require(response.headers.first(name: "Content-Security-Policy"), "\(path)")
        #expect(csp.contains("frame-ancestors 'none'") && !csp.contains("'unsafe-inline' 'self'"), "\(path)")
        #expect(!csp.contains("script-src 'self' 'unsafe-inline'"))
      }
      let site = try #require(try await DirectoryRepository(app.db).sites().first { $0.kind == .serviceCenter })
      let display = try await app.testing().sendRequest(.GET, "/hall/sites/\(site.id)/display")
      #expect(display.status == .ok)
      #expect(display.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'self'") == true)
      // The display's inline script carries the nonce the policy names.
      let csp = display.headers.first(name: "Content-Security-Policy") ?? ""
      let nonce = try #require(csp.split(separator: "'").first { $0.hasPrefix("nonce-") }?.dropFirst(6))
      #expect(display.body.string.contains(#"<script nonce="\#(nonce)">"#))
      #expect(!display.body.string.contains("onclick="))
    }
  }

  @Test("a control character in any text is a 422 naming the field, on both databases", arguments: TestDatabase.all)
  func controlCharacters(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let search = try await app.testing().sendRequest(.GET, "/api/v1/items?q=%E5%8C%BB%00")
      #expect(search.status == .unprocessableEntity)
      #expect(try JSON(search)["error"]["field"].string == "q")
      let page = try await app.testing().sendRequest(.GET, "/items?q=a%00")
      #expect(page.status == .unprocessableEntity)
      var browser = TestBrowser(app)
      _ = try await browser.get("/login")
      let login = try await browser.post(
        "/login", form: ["username": "clerk\u{0}", "password": "demo1234", "_csrf": browser.csrfToken ?? ""])
      #expect(login.status == .unprocessableEntity && login.body.string.contains("username"))
      let session = try await app.testing().sendRequest(
        .POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
        body: ByteBuffer(string: #"{"username":"clerk\u0000","password":"x"}"#))
      #expect(session.status == .unprocessableEntity)
      #expect(try JSON(session)["error"]["field"].string == "username")
      let clerk = try await APIClient.signIn(app, "clerk")
      let created = try await clerk.send(
        .POST, "/api/v1/cases",
        [
          "item_code": "360105002000",
          "applicant": ["name": "王\u{0}秀英", "id_number": "11010519491231002X", "phone": "13912345678"],
        ])
      #expect(created.status == .unprocessableEntity)
      #expect(try JSON(created)["error"]["field"].string == "applicant.name")
      var signUp = TestBrowser(app)
      _ = try await signUp.get("/my/signup")
      let named = try await signUp.post(
        "/my/signup",
        form: [
          "_csrf": signUp.csrfToken ?? "", "phone": "13805550009", "name": "张\u{0}三", "id_number": "11010519491231002X",
          "password": "yunxi2026",
        ])
      #expect(named.status == .unprocessableEntity)
    }
  }

  @Test("wrong passwords slow an account down for a while, never lock it; unknown names answer the same")
  func signInThrottle() async throws {
    try await withTestApp(.sqlite, now: CaseAPITests.monday) { app in
      var clock = CaseAPITests.monday
      app.now = { [clock] in clock }
      var attacker = TestBrowser(app)
      var statuses: [HTTPStatus] = []
      for _ in 1...6 { statuses.append(try await attacker.signIn("admin", password: "guess12345").status) }
      #expect(statuses.prefix(3).allSatisfy { $0 == .unprocessableEntity })
      #expect(statuses.contains(.tooManyRequests), "\(statuses)")
      var unknown = TestBrowser(app)
      var unknownStatuses: [HTTPStatus] = []
      for _ in 1...6 { unknownStatuses.append(try await unknown.signIn("nobody-here", password: "guess12345").status) }
      #expect(unknownStatuses == statuses, "an unknown name answers as a known one does")
      let throttled = try await TestBrowser(app).signInCopy("admin")
      #expect(throttled.status == .tooManyRequests)
      #expect(throttled.headers.first(name: .retryAfter) != nil)
      #expect(!throttled.body.string.contains("锁定"))
      // Minutes later, not fifteen, the owner signs in.
      clock = clock.addingTimeInterval(60)
      app.now = { [clock] in clock }
      #expect(try await TestBrowser(app).signInCopy("admin").status == .seeOther)
    }
  }

  @Test("portal sign-in is throttled too, and an unknown number takes as long as a known one")
  func portalThrottle() async throws {
    try await withTestApp(.sqlite, now: CaseAPITests.monday) { app in
      _ = try await PortalTests.signUp(app, phone: "13805557777", name: "王秀英", id: "11010519491231002X")
      var guesser = TestBrowser(app)
      var last: HTTPStatus = .ok
      for _ in 1...25 {
        _ = try await guesser.get("/my/login")
        last = try await guesser.post(
          "/my/login", form: ["phone": "13805557777", "password": "guess12345", "_csrf": guesser.csrfToken ?? ""]
        ).status
      }
      #expect(last == .tooManyRequests)
      _ = try await guesser.get("/my/login")
      let right = try await guesser.post(
        "/my/login", form: ["phone": "13805557777", "password": "yunxi2026", "_csrf": guesser.csrfToken ?? ""])
      #expect(right.status == .tooManyRequests, "the right password after 25 guesses waits like any other try")
    }
  }

  @Test("bcrypt runs on its own threads with a bounded queue: a flood is refused, not queued without end")
  func passwordPool() async throws {
    let checks = PasswordChecks(cost: 10, threads: 1, capacity: 2)
    let hash = try await checks.hash("demo1234")
    let outcomes = await withTaskGroup(of: String.self) { group in
      for _ in 0..<8 {
        group.addTask {
          do { return try await checks.verify("demo1234", hash: hash) ? "ok" : "no" } catch { return "busy" }
        }
      }
      return await group.reduce(into: [String]()) { $0.append($1) }
    }
    await checks.shutdown()
    #expect(outcomes.contains("ok") && outcomes.contains("busy"), "\(outcomes)")
    #expect(!outcomes.contains("no"))
  }

  @Test("status and result look-ups stop a phone being guessed; hall tickets are budgeted", arguments: TestDatabase.all)
  func guessing(database: TestDatabase) async throws {
    try await withTestApp(database, now: CaseAPITests.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      var statuses: [HTTPStatus] = []
      for guess in 0..<8 {
        let phone = "1391234\(String(format: "%04d", guess))"
        statuses.append(
          try await app.testing().sendRequest(.GET, "/status/result?number=\(number)&phone=\(phone)").status)
      }
      #expect(statuses.last == .tooManyRequests, "\(statuses)")
      let right = try await app.testing().sendRequest(.GET, "/api/v1/status?number=\(number)&phone=13912345678")
      #expect(right.status == .tooManyRequests && right.headers.first(name: .retryAfter) != nil)
      let site = try #require(try await DirectoryRepository(app.db).sites().first { $0.kind == .serviceCenter })
      let groups = try await HallRepository(app.db).groups(site: site.id)
      var tickets: [HTTPStatus] = []
      for _ in 0..<62 {
        tickets.append(
          try await app.testing().sendRequest(
            .POST, "/api/v1/hall/sites/\(site.id)/tickets", headers: ["Content-Type": "application/json"],
            body: ByteBuffer(string: #"{"group":"\#(groups[0].code)"}"#)
          ).status)
      }
      #expect(tickets.first == .created && tickets.last == .tooManyRequests)
    }
  }

  @Test("an anonymous upload is refused before it is read; a signed-in one is taken")
  func bodyLimits() async throws {
    try await withTestApp(.sqlite, now: CaseAPITests.monday) { app in
      let big = [UInt8](repeating: 0x41, count: 3 * 1024 * 1024)
      var anonymous = TestBrowser(app)
      _ = try await anonymous.get("/")
      let refused = try await anonymous.post(
        "/my/apply", form: ["_csrf": anonymous.csrfToken ?? ""],
        files: [("material_0_file", "a.pdf", "application/pdf", big)])
      #expect(refused.status == .payloadTooLarge)
      var (clerk, fields) = try await WindowPagesTests.openIntake(app)
      fields["outcome"] = "register"
      let taken = try await clerk.post(
        "/window/intake", form: fields,
        files: [("material_0_file", "a.pdf", "application/pdf", WindowScanTests.pdf + big)])
      #expect(taken.status != .payloadTooLarge)
      // Thousands of tiny files in one form are refused.
      let many = (0..<(FormBody.maxFiles + 1)).map {
        ("material_0_file", "p\($0).pdf", "application/pdf", WindowScanTests.pdf)
      }
      let flood = try await clerk.post("/window/intake", form: fields, files: many)
      #expect(flood.status == .unprocessableEntity)
    }
  }

  @Test("a town clerk's applicant look-up reaches only cases the clerk may see", arguments: TestDatabase.all)
  func applicantLookup(database: TestDatabase) async throws {
    try await withTestApp(database, now: CaseAPITests.monday) { app in
      // setup: a county-center case of 王秀英
      let clerk = try await APIClient.signIn(app, "clerk")
      _ = try await clerk.createCase()
      // act: the town clerk types her ID number
      var town = TestBrowser(app)
      _ = try await town.signIn("townclerk")
      _ = try await town.get("/window/intake?item=360105005000")
      var lookup = FormFields.read(town.lastBody, action: "/window/intake")
      lookup["id_number"] = "11010519491231002X"
      lookup["lookup"] = "1"
      _ = try await town.post("/window/intake", form: lookup)
      // check
      #expect(!town.lastBody.contains("王秀英") && !town.lastBody.contains("13912345678"), "\(town.lastBody.prefix(300))")
    }
  }

  @Test("scope: drafts are the citizen's, tickets the site's, API channels the staff's", arguments: TestDatabase.all)
  func scope(database: TestDatabase) async throws {
    try await withTestApp(database, now: CaseAPITests.monday) { app in
      // A citizen's unsent draft: no staff member reads or moves it.
      var citizen = try await PortalTests.signUp(app, phone: "13805550123", name: "周建华", id: "11010519491231002X")
      _ = try await citizen.get("/my/apply?item=\(WindowPagesTests.foodLicence)")
      let form = FormFields.read(citizen.lastBody, action: "/my/apply").merging(["intent": "draft"]) { $1 }
      let saved = try await citizen.post("/my/apply", form: form, files: [])
      let location = try #require(saved.headers.first(name: .location), "\(citizen.lastBody.prefix(800))")
      let number = String(location.dropFirst("/my/cases/".count).prefix { $0 != "?" })
      for username in ["clerk", "service", "supervisor", "reviewer", "admin"] {
        let staff = try await APIClient.signIn(app, username)
        #expect(try await staff.send(.GET, "/api/v1/cases/\(number)").status == .notFound, "\(username)")
      }
      let clerk = try await APIClient.signIn(app, "clerk")
      #expect(try await clerk.step(number, "withdraw", ["version": 1, "reason": "x"]).status == .notFound)
      #expect(try await clerk.step(number, "submit", ["version": 1]).status == .notFound)
      // A county-center clerk lists only their own site's tickets.
      let town = try #require(try await DirectoryRepository(app.db).sites().first { $0.kind == .townCenter })
      #expect(try await clerk.send(.GET, "/api/v1/hall/sites/\(town.id)/tickets").status == .forbidden)
      // Agents file cases with a power of attorney, not through the API; clerks cannot label a case "online".
      let agent = try await APIClient.signIn(app, "agent")
      let proxy = try await agent.send(
        .POST, "/api/v1/cases",
        [
          "item_code": "360105002000",
          "applicant": ["name": "王秀英", "id_number": "11010519491231002X", "phone": "13912345678"],
        ])
      #expect(proxy.status == .forbidden)
      let online = try await clerk.send(
        .POST, "/api/v1/cases",
        [
          "item_code": "360105002000", "channel": "online",
          "applicant": ["name": "王秀英", "id_number": "11010519491231002X", "phone": "13912345678"],
        ])
      let field = try JSON(online)["error"]["field"].string
      #expect(online.status == .unprocessableEntity && field == "channel")
    }
  }
}
