import Foundation
import OneWindowDomain
import OneWindowStore
import Testing
import VaporTesting

@Suite("Catalog administration pages")
struct CatalogAdminTests {
  @Test(
    "an edit of a published item is a new version; a case accepted before keeps its version",
    arguments: TestDatabase.all)
  func editPublished(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      // setup: a case accepted under version 1 of 食品经营许可
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      var browser = TestBrowser(app)
      _ = try await browser.signIn("admin")
      // act: the admin shortens the promised limit and publishes
      _ = try await browser.get("/admin/items/360105002000")
      var fields = FormFields.read(browser.lastBody, action: "/admin/items/360105002000")
      #expect(fields["name"] == "食品经营许可")
      fields["promised_limit_days"] = "7"
      fields["step_limit_1"] = "6"
      fields["note"] = "压缩承诺时限"
      fields["intent"] = "publish"
      let saved = try await browser.post("/admin/items/360105002000", form: fields)
      // check
      #expect(saved.status == .seeOther, "\(browser.lastBody.prefix(3000))")
      let entry = try #require(try await CatalogRepository(app.db).entry(code: "360105002000"))
      #expect(entry.version == 2 && entry.item.promisedLimitDays == 7)
      _ = try await browser.get("/admin/items/360105002000")
      #expect(browser.lastBody.contains("压缩承诺时限") && browser.lastBody.contains("<del>10 个工作日</del>"))
      let status = try await browser.get("/status?number=\(number)&phone=13912345678")
      #expect(status.status == .ok)
      #expect(browser.lastBody.contains("第 1 版") && browser.lastBody.contains("/items/360105002000?version=1"))
      let old = try await browser.get("/items/360105002000?version=1")
      #expect(old.status == .ok && browser.lastBody.contains("历史版本"))
    }
  }

  @Test("bad input on the item form names each field, and nothing is saved", arguments: TestDatabase.all)
  func badInput(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var browser = TestBrowser(app)
      _ = try await browser.signIn("admin")
      _ = try await browser.get("/admin/items/new")
      var fields = FormFields.read(browser.lastBody, action: "/admin/items/new")
      fields["code"] = "362011999000"
      fields["name"] = ""
      fields["department_id"] = "dept-jtyj"
      fields["promised_limit_days"] = "30"
      fields["legal_limit_days"] = "abc"
      fields["handling_village"] = "proxy"
      fields["material_name_0"] = ""
      fields["material_standard_0"] = "须原件"
      fields["intent"] = "publish"
      let before = try await CatalogRepository(app.db).count()
      let response = try await browser.post("/admin/items/new", form: fields)
      #expect(response.status == .unprocessableEntity)
      let page = browser.lastBody
      for field in ["legal_limit_days", "materials.1.name", "name"] {
        #expect(page.contains("id=\"\(field)-error\""), "\(field)")
      }
      #expect(page.contains("未保存任何内容"))
      #expect(try await CatalogRepository(app.db).count() == before)
    }
  }

  @Test("the catalog page needs manageCatalog; the clerk is refused", arguments: TestDatabase.all)
  func permission(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var browser = TestBrowser(app)
      _ = try await browser.signIn("clerk")
      #expect(try await browser.get("/admin/items").status == .forbidden)
      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      let page = try await admin.get("/admin/items")
      #expect(page.status == .ok && admin.lastBody.contains("事项下沉率"))
    }
  }
}
