import Testing
import VaporTesting

@Suite("Public pages and probes")
struct PublicPagesTests {
  @Test("the home page lists the county's halls, stations and items", arguments: TestDatabase.all)
  func home(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let response = try await app.testing().sendRequest(.GET, "/")
      #expect(response.status == .ok)
      let page = response.body.string
      #expect(page.contains("云溪县行政服务中心"))
      #expect(page.contains("西郊村便民服务站"))
      #expect(page.contains("中国农业银行云溪支行政银合作网点"))
      #expect(page.contains("办事不出村") && page.contains("href=\"/items/36"))
      #expect(page.contains("新生儿出生一件事"))
      #expect(page.contains(#"action="/items""#))
      #expect(page.contains(#"<html lang="zh-CN">"#))
      #expect(response.headers.first(name: "X-Request-Id") != nil)
      // A portal's first screen: the entries and the items most applied for come before where to go, and the
      // village stations are folded under their town.
      let entries = try #require(page.range(of: #"id="entries""#))
      let towns = try #require(page.range(of: #"id="towns""#))
      #expect(entries.lowerBound < towns.lowerBound)
      // No case applied for in the last 30 days: no item is called popular (热门事项 is unknown, not made up).
      #expect(!page.contains(#"id="popular""#))
      #expect(page.contains(#"href="/items?audience=legalEntity""#))
      let village = try #require(page.range(of: "西郊村便民服务站"))
      let fold = try #require(page.range(of: #"<details class="town"><summary><b>城关镇</b>"#))
      #expect(fold.lowerBound < village.lowerBound)
    }
  }

  @Test("热门事项 are the items most applied for lately", arguments: TestDatabase.all)
  func popularItems(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      for _ in 0..<3 { _ = try await clerk.createCase(item: "360105015000") }
      let page = try await app.testing().sendRequest(.GET, "/").body.string
      let list = try #require(page.components(separatedBy: #"id="popular""#).dropFirst().first)
      let entries = try #require(page.range(of: #"id="entries""#))
      let popular = try #require(page.range(of: #"id="popular""#))
      let towns = try #require(page.range(of: #"id="towns""#))
      #expect(entries.lowerBound < popular.lowerBound && popular.lowerBound < towns.lowerBound)
      #expect(list.components(separatedBy: "</ul>")[0].components(separatedBy: "<li>")[1].contains("食品生产许可"))
    }
  }

  @Test("healthz and readyz answer", arguments: TestDatabase.all)
  func probes(database: TestDatabase) async throws {
    try await withTestApp(database, demo: false) { app in
      let health = try await app.testing().sendRequest(.GET, "/healthz")
      #expect(health.status == .ok)
      let ready = try await app.testing().sendRequest(.GET, "/readyz")
      #expect(ready.status == .ok)
      #expect(ready.body.string.contains(#""database":"ok""#))
    }
  }

  @Test("the site icon is served and every page names it")
  func favicon() async throws {
    try await withTestApp(.sqlite) { app in
      let icon = try await app.testing().sendRequest(.GET, "/favicon.ico")
      #expect(icon.status == .ok && icon.headers.contentType?.subType == "vnd.microsoft.icon")
      #expect(Array(icon.body.readableBytesView.prefix(4)) == [0, 0, 1, 0], "an ICO header")
      let home = try await app.testing().sendRequest(.GET, "/")
      #expect(home.body.string.contains(#"<link rel="icon" href="/favicon.ico""#))
    }
  }

  @Test("phone numbers are typed on the phone's dial pad (type=tel) on the citizen pages")
  func phoneFields() async throws {
    try await withTestApp(.sqlite) { app in
      for path in ["/my/signup", "/my/login", "/status"] {
        let page = try await app.testing().sendRequest(.GET, path)
        #expect(page.body.string.contains(#"<input type="tel" autocomplete="tel" id="phone""#), "\(path)")
        #expect(!page.body.string.contains(#"<input type="text" id="phone""#), "\(path)")
      }
    }
  }

  @Test("an unknown page gets a Chinese 404 page with the request id")
  func notFound() async throws {
    try await withTestApp(.sqlite, demo: false) { app in
      let response = try await app.testing().sendRequest(
        .GET, "/no-such-page", headers: ["X-Request-Id": "test-request-0001"])
      #expect(response.status == .notFound)
      #expect(response.body.string.contains("页面不存在"))
      #expect(response.body.string.contains("test-request-0001"))
    }
  }

  @Test("an unknown API route answers JSON")
  func apiNotFound() async throws {
    try await withTestApp(.sqlite, demo: false) { app in
      let response = try await app.testing().sendRequest(.GET, "/api/v1/nothing")
      #expect(response.status == .notFound)
      #expect(response.headers.contentType == .json)
      #expect(response.body.string.contains(#""code":"not_found""#))
    }
  }
}
