import Foundation
import OneWindowDomain
import OneWindowStore
import Testing
import VaporTesting

@testable import OneWindowWeb

/// Walks every registered route with every demo role, two portal citizens and an anonymous visitor, and checks each
/// answer against the route's declared `Access` and against scope: never a 5xx; never an answer to someone the
/// declaration shuts out; never another site's, department's or citizen's case, nor a citizen's unsent draft.
@Suite("Every route × every role")
struct RouteWalkTests {
  enum Actor: CustomStringConvertible {
    case anonymous
    case staff(String)
    case citizen(String)

    var description: String {
      switch self {
      case .anonymous: "anonymous"
      case .staff(let name): name
      case .citizen(let phone): "citizen \(phone)"
      }
    }
  }

  /// What the walk fills the path parameters with: the "victim" records.
  struct Fixture {
    var countyCase = ""
    var draft = ""
    var site = ""
    var window = ""
    var ticket = ""
    var item = ""
    var bundle = ""
    var agent = ""
  }

  static let roles = ["admin", "clerk", "reviewer", "reviewer2", "agent", "supervisor", "service", "townclerk"]
  /// Ending a session in the middle of the walk would turn the rest of that actor's walk anonymous; the hall's event
  /// stream never ends (it is open to all, and HallPagesTests reads it).
  static let skipped: Set<String> = [
    "POST /logout", "POST /my/logout", "DELETE /api/v1/session", "GET /hall/sites/:site/events",
  ]

  @Test("no route answers anyone its declaration or scope shuts out, and none answers 5xx", arguments: TestDatabase.all)
  func walk(database: TestDatabase) async throws {
    try await withTestApp(database, now: CaseAPITests.monday) { app in
      // setup: the records the parameters point at
      var fixture = Fixture()
      let clerk = try await APIClient.signIn(app, "clerk")
      fixture.countyCase = try #require(try await clerk.createCase()["number"].string)
      var owner = try await PortalTests.signUp(app, phone: "13805550301", name: "周建华", id: "11010519491231002X")
      _ = try await owner.get("/my/apply?item=\(WindowPagesTests.foodLicence)")
      let form = FormFields.read(owner.lastBody, action: "/my/apply").merging(["intent": "draft"]) { $1 }
      let saved = try await owner.post("/my/apply", form: form, files: [])
      let location = try #require(saved.headers.first(name: .location))
      fixture.draft = String(location.dropFirst("/my/cases/".count).prefix { $0 != "?" })
      let directory = DirectoryRepository(app.db)
      let center = try #require(try await directory.sites().first { $0.kind == .serviceCenter })
      fixture.site = center.id
      fixture.window = try #require(try await directory.windows(site: center.id).first?.id)
      let group = try #require(try await HallRepository(app.db).groups(site: center.id).first)
      fixture.ticket =
        try await HallRepository(app.db).take(
          site: center.id, group: group.code, day: try #require(CivilDate(year: 2026, month: 11, day: 23)),
          channel: .kiosk,
          priority: nil, county: "360999", now: CaseAPITests.monday
        ).id
      fixture.item = WindowPagesTests.foodLicence
      fixture.bundle = try #require(try await BundleRepository(app.db).all().first?.id)
      fixture.agent = try #require(try await StaffRepository(app.db).find(username: "agent")?.identity.id)
      var other = try await PortalTests.signUp(app, phone: "13805550302", name: "王秀英", id: "11010519491231002X")

      // Each actor's page browser (with its CSRF token) and API token.
      var browsers: [String: TestBrowser] = [:]
      var tokens: [String: String] = [:]
      var forms: [String: String] = [:]
      for role in Self.roles {
        var browser = TestBrowser(app)
        _ = try await browser.signIn(role)
        _ = try await browser.get("/")
        browsers[role] = browser
        tokens[role] = try await APIClient.signIn(app, role).token
      }
      _ = try await owner.get("/")
      _ = try await other.get("/")
      browsers["citizen 13805550301"] = owner
      browsers["citizen 13805550302"] = other
      var anonymous = TestBrowser(app)
      _ = try await anonymous.get("/")
      browsers["anonymous"] = anonymous
      for (name, browser) in browsers { forms[name] = try #require(browser.csrfToken, "\(name)") }
      let actors: [Actor] =
        [.anonymous] + Self.roles.map { .staff($0) } + [.citizen("13805550301"), .citizen("13805550302")]

      // act and check
      var walked = 0
      var undeclared: [String] = []
      for route in app.routes.all {
        let template = "/" + route.path.map(\.description).joined(separator: "/")
        let name = "\(route.method.rawValue) \(template)"
        if Self.skipped.contains(name) { continue }
        guard let access = route.declaredAccess else {
          undeclared.append(name)
          continue
        }
        for actor in actors {
          // A citizen's own routes get the other citizen's draft; staff routes the county case.
          let path = Self.fill(route.path, fixture, forCitizenRoute: template.hasPrefix("/my/"))
          let draftPath = Self.fill(route.path, fixture, forCitizenRoute: true, numberIsDraft: true)
          for (target, isDraft) in [(path, false), (draftPath, true)] where !(isDraft && target == path) {
            let status = try await Self.send(app, route.method, target, actor, &browsers, tokens, forms)
            walked += 1
            #expect(status.code < 500, "\(name) as \(actor) → \(status.code) (\(target))")
            let shutOut = Self.shutOut(actor, access)
            if shutOut {
              #expect(!Self.answered(status), "\(name) as \(actor) answered \(status.code) though it is \(access)")
            }
            // Scope: a citizen's draft is theirs alone; another citizen's case is out of reach.
            if isDraft, template.contains(":number") {
              if case .citizen(let phone) = actor, phone == "13805550301" { continue }
              #expect(!Self.answered(status) || route.method != .GET, "\(name) as \(actor) reached a citizen's draft")
            }
            // Scope: the county center's case is not the town clerk's, the agent's or another department's.
            if !isDraft, template.contains(":number"), case .staff(let role) = actor,
              ["townclerk", "agent", "reviewer2"].contains(role)
            {
              #expect(!Self.answered(status) || route.method != .GET, "\(name) as \(role) reached another scope's case")
            }
          }
        }
      }
      #expect(undeclared.isEmpty, "routes without a declared access: \(undeclared)")
      #expect(walked > 1000)
    }
  }

  /// Whether `access` shuts `actor` out.
  static func shutOut(_ actor: Actor, _ access: Access) -> Bool {
    switch (access, actor) {
    case (.open, _), (.citizen, _): return false
    case (.staff, .staff): return false
    case (.staff, _): return true
    case (.permission(let permission), .staff(let role)):
      let staffRole: Role =
        switch role {
        case "admin": .admin
        case "clerk", "townclerk": .clerk
        case "reviewer", "reviewer2": .reviewer
        case "agent": .agent
        case "supervisor": .supervisor
        default: .service
        }
      return !Authorization.permissions(of: staffRole).contains(permission)
    case (.permission, _): return true
    }
  }

  /// A 2xx, or a redirect anywhere but a sign-in page.
  static func answered(_ status: HTTPStatus) -> Bool {
    (200..<300).contains(status.code)
  }

  static func fill(
    _ components: [PathComponent], _ fixture: Fixture, forCitizenRoute: Bool, numberIsDraft: Bool = false
  ) -> String {
    let joined = components.map(\.description).joined(separator: "/")
    return "/"
      + components.map { component -> String in
        guard case .parameter(let name) = component else { return component.description }
        switch name {
        case "number": return numberIsDraft || forCitizenRoute ? fixture.draft : fixture.countyCase
        case "site": return fixture.site
        case "window": return fixture.window
        case "code": return joined.hasPrefix("lang") ? "en" : fixture.item
        case "size": return "large"
        case "kind": return "acceptance"
        case "step": return "accept"
        case "action": return "start"
        case "file": return "0000"
        case "region": return "360999"
        case "id":
          if joined.hasPrefix("agents") { return fixture.agent }
          if joined.hasPrefix("hall/tickets") || joined.hasPrefix("api/v1/hall/tickets") { return fixture.ticket }
          if joined.hasPrefix("bundles") { return fixture.bundle }
          if joined.hasPrefix("api/v1/sites") { return fixture.site }
          return "00000000-0000-0000-0000-000000000000"
        default: return "x"
        }
      }.joined(separator: "/")
  }

  static func send(
    _ app: Application, _ method: HTTPMethod, _ path: String, _ actor: Actor, _ browsers: inout [String: TestBrowser],
    _ tokens: [String: String], _ forms: [String: String]
  ) async throws -> HTTPStatus {
    if path.hasPrefix("/api/") {
      var headers = HTTPHeaders()
      if case .staff(let role) = actor, let token = tokens[role] {
        headers.add(name: .authorization, value: "Bearer \(token)")
      }
      var body: ByteBuffer?
      if method != .GET {
        headers.add(name: .contentType, value: "application/json")
        body = ByteBuffer(string: "{}")
      }
      return try await app.testing().sendRequest(method, path, headers: headers, body: body).status
    }
    var browser = browsers[actor.description]!
    defer { browsers[actor.description] = browser }
    if method == .GET { return try await browser.get(path).status }
    return try await browser.post(path, form: ["_csrf": forms[actor.description] ?? ""]).status
  }
}
