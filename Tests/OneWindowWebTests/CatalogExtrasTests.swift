import Foundation
import OneWindowDomain
import OneWindowStore
import Testing
import VaporTesting

@Suite("Agreements, bundles and proxy lists pages")
struct CatalogExtrasTests {
  func admin(_ app: Application, _ path: String) async throws -> TestBrowser {
    var browser = TestBrowser(app)
    _ = try await browser.signIn("admin")
    _ = try await browser.get(path)
    return browser
  }

  @Test(
    "an agreement is saved; bad dates and a foreign item are named and nothing is saved", arguments: TestDatabase.all)
  func agreements(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var browser = try await admin(app, "/admin/agreements")
      #expect(browser.lastBody.contains("进驻例外事项清单") && browser.lastBody.contains("普通护照签发"))
      let before = try await AgreementRepository(app.db).all().count
      let token = try #require(browser.csrfToken)
      let bad = try await browser.post(
        "/admin/agreements",
        form: [
          "_csrf": token, "document_number": "云溪市监委〔2026〕9号", "department_id": "dept-scjgj",
          "delegate_region": "360999100", "seal": "云溪县市场监督管理局（公章）", "valid_from": "2026-13-01",
          "valid_until": "2027-12-31", "item_codes": "360105002000, 360702001000",
        ])
      #expect(bad.status == .unprocessableEntity)
      #expect(browser.lastBody.contains("id=\"valid_from-error\"") && browser.lastBody.contains("不属于委托部门"))
      #expect(try await AgreementRepository(app.db).all().count == before)
      let good = try await browser.post(
        "/admin/agreements",
        form: [
          "_csrf": token, "document_number": "云溪市监委〔2026〕9号", "department_id": "dept-scjgj",
          "delegate_region": "360999100", "seal": "云溪县市场监督管理局（公章）", "valid_from": "2026-01-01",
          "valid_until": "2027-12-31", "item_codes": "360105002000",
        ])
      #expect(good.status == .seeOther)
      #expect(try await AgreementRepository(app.db).all().count == before + 1)
    }
  }

  @Test("a bundle needs two items and a lead department among them", arguments: TestDatabase.all)
  func bundles(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var browser = try await admin(app, "/admin/bundles")
      let token = try #require(browser.csrfToken)
      let bad = try await browser.post(
        "/admin/bundles",
        form: [
          "_csrf": token, "id": "Bad ID", "name": "", "item_codes": "360105002000", "lead_department_id": "dept-gaj",
        ])
      #expect(bad.status == .unprocessableEntity)
      for field in ["id", "name", "item_codes", "lead_department_id"] {
        #expect(browser.lastBody.contains("id=\"\(field)-error\""), "\(field)")
      }
      let marriage = try #require(DemoCounty.shared.items.first { $0.name == "内地居民结婚登记" }).code
      let birth = try #require(DemoCounty.shared.items.first { $0.name == "生育登记" }).code
      let good = try await browser.post(
        "/admin/bundles",
        form: [
          "_csrf": token, "id": "wedding", "name": "婚育一件事", "audience": "person", "summary": "结婚登记与生育登记一次办。",
          "item_codes": "\(marriage)\n\(birth)", "lead_department_id": "dept-mzj",
        ])
      #expect(good.status == .seeOther, "\(browser.lastBody.prefix(2000))")
      #expect(try await BundleRepository(app.db).find("wedding")?.itemCodes.count == 2)
    }
  }

  @Test(
    "a village's list refuses a county-only item and shows its count against the target", arguments: TestDatabase.all)
  func proxyLists(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var browser = try await admin(app, "/admin/proxy-lists")
      #expect(browser.lastBody.contains("西郊村") && browser.lastBody.contains("达标"))
      _ = try await browser.get("/admin/proxy-lists/360999100201")
      let token = try #require(browser.csrfToken)
      let countyOnly = try #require(DemoCounty.shared.items.first { $0.levels == [.county] })
      let before = try await ProxyListRepository(app.db).itemCodes(of: RegionCode("360999100201")!)
      let refused = try await browser.post(
        "/admin/proxy-lists/360999100201", form: ["_csrf": token, "item_code": countyOnly.code])
      #expect(refused.status == .unprocessableEntity)
      #expect(browser.lastBody.contains("id=\"item_code-error\""))
      let removed = try await browser.post(
        "/admin/proxy-lists/360999100201", form: ["_csrf": token, "remove": before[0]])
      #expect(removed.status == .seeOther)
      #expect(
        try await ProxyListRepository(app.db).itemCodes(of: RegionCode("360999100201")!).count == before.count - 1)
    }
  }
}
