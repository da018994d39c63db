import Foundation
import OneWindowDomain
import OneWindowStore
import Testing
import VaporTesting

@Suite("Catalog API and pages")
struct CatalogAPITests {
  @Test(
    "GET /api/v1/items searches by pinyin initials and filters; bad filters name the parameter",
    arguments: TestDatabase.all)
  func list(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let found = try JSON(try await app.testing().sendRequest(.GET, "/api/v1/items?q=hjqy"))
      #expect(found["items"][0]["name"].string == "户籍迁移（迁入）")
      #expect(found["items"][0]["levels"][0].string == "county")
      let level = try await app.testing().sendRequest(.GET, "/api/v1/items?level=province")
      #expect(level.status == .unprocessableEntity)
      #expect(try JSON(level)["error"]["field"].string == "level")
      let limit = try await app.testing().sendRequest(.GET, "/api/v1/items?limit=0")
      #expect(try JSON(limit)["error"]["field"].string == "limit")
      let station = try JSON(
        try await app.testing().sendRequest(.GET, "/api/v1/sites/site-360999100201/items?limit=200"))
      #expect((station["total"].int ?? 0) >= 50)
      let missing = try await app.testing().sendRequest(.GET, "/api/v1/sites/no-site/items")
      #expect(missing.status == .notFound)
    }
  }

  @Test("GET /api/v1/items/{code} gives every element; an old version stays readable", arguments: TestDatabase.all)
  func show(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      // setup: a second version of 食品经营许可
      let catalog = CatalogRepository(app.db)
      var item = try #require(try await catalog.find(code: "360105002000"))
      item.promisedLimitDays = 8
      item.steps[1].limitDays = 7
      try await catalog.saveDraft(item, by: "admin", note: "压缩时限", now: Date())
      try await catalog.perform(.publish, code: item.code, now: Date())
      // act
      let current = try JSON(try await app.testing().sendRequest(.GET, "/api/v1/items/360105002000"))
      let first = try JSON(try await app.testing().sendRequest(.GET, "/api/v1/items/360105002000?version=1"))
      // check
      #expect(current["version"].int == 2 && current["promised_limit_days"].int == 8)
      #expect(first["version"].int == 1 && first["promised_limit_days"].int == 10 && first["current_version"].int == 2)
      #expect(current["materials"][0]["name"].string == "申请表")
      #expect(current["handling"]["county"].string == "direct")
      #expect(current["guide_url"].string?.hasSuffix("/items/360105002000") == true)
      let none = try await app.testing().sendRequest(.GET, "/api/v1/items/360105002000?version=9")
      #expect(none.status == .notFound)
    }
  }

  @Test("GET /api/v1/bundles lists each shared material once", arguments: TestDatabase.all)
  func bundles(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let bundles = try JSON(try await app.testing().sendRequest(.GET, "/api/v1/bundles"))
      #expect(bundles["total"].int == DemoCounty.shared.bundles.count)
      let newborn = try #require(bundles["items"].array.first { $0["id"].string == "newborn" })
      let materials = newborn["materials"].array.compactMap { $0["name"].string }
      #expect(materials.filter { $0 == "申请人居民身份证" }.count == 1)
    }
  }

  @Test("a suspended item takes no new cases, naming the field", arguments: TestDatabase.all)
  func suspended(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      try await CatalogRepository(app.db).perform(.suspend, code: "360105002000", now: Date())
      let client = try await APIClient.signIn(app, "clerk")
      let response = try await client.send(
        .POST, "/api/v1/cases",
        [
          "item_code": "360105002000",
          "applicant": ["name": "王秀英", "id_number": "11010519491231002X", "phone": "13912345678"],
        ])
      #expect(response.status == .unprocessableEntity)
      #expect(try JSON(response)["error"]["field"].string == "item_code")
      #expect(try JSON(response)["error"]["message"].string?.contains("暂停办理") == true)
    }
  }

  @Test(
    "the guide page prints every element with a QR code; the search page finds by pinyin", arguments: TestDatabase.all)
  func pages(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let search = try await app.testing().sendRequest(.GET, "/items?q=hjqy")
      #expect(search.body.string.contains("/items/360702001000"))
      let guide = try await app.testing().sendRequest(.GET, "/items/360702001000", headers: ["Host": "zwfw.example"])
      let page = guide.body.string
      for element in ["受理条件", "设定依据", "申请材料", "办理流程", "承诺办结时限", "准予迁入证明", "<svg"] {
        #expect(page.contains(element), "\(element)")
      }
      #expect(page.contains("http://zwfw.example/items/360702001000"))
      let village = try await app.testing().sendRequest(.GET, "/items?site=site-360999100201")
      #expect(village.body.string.contains("帮办代办"))
      let bundle = try await app.testing().sendRequest(.GET, "/bundles/newborn")
      #expect(bundle.body.string.contains("一套材料"))
    }
  }
}
