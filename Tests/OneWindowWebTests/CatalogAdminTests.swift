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

  @Test(
    "省定民生事项 and 自助终端可办 are yes, no or unknown on the item form: kept as chosen, shown in the API as null when unknown, a forged value refused by its field",
    arguments: TestDatabase.all)
  func livelihoodAndKioskMarks(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let code = "360105002000"
      var browser = TestBrowser(app)
      _ = try await browser.signIn("admin")
      _ = try await browser.get("/admin/items/\(code)")
      var fields = FormFields.read(browser.lastBody, action: "/admin/items/\(code)")
      #expect(browser.lastBody.contains(#"name="on_livelihood_list""#) && browser.lastBody.contains("未知（未填写）"))
      // A forged value: refused by its field, nothing saved.
      fields["on_livelihood_list"] = "maybe"
      fields["intent"] = "draft"
      let refused = try await browser.post("/admin/items/\(code)", form: fields)
      #expect(refused.status == .unprocessableEntity && browser.lastBody.contains(#"id="on_livelihood_list-error""#))
      let before = try #require(try await CatalogRepository(app.db).entry(code: code))
      // Yes and unknown are kept as chosen: unknown is not stored as "no".
      fields["on_livelihood_list"] = "yes"
      fields["kiosk_ready"] = ""
      fields["note"] = "标注民生事项"
      fields["intent"] = "publish"
      let saved = try await browser.post("/admin/items/\(code)", form: fields)
      #expect(saved.status == .seeOther, "\(browser.lastBody.prefix(2000))")
      let entry = try #require(try await CatalogRepository(app.db).entry(code: code))
      #expect(entry.version == before.version + 1)
      #expect(entry.item.onLivelihoodList == true && entry.item.kioskReady == nil)
      let api = try await APIClient.signIn(app, "admin")
      let json = try JSON(try await api.send(.GET, "/api/v1/items/\(code)"))
      #expect(json["on_livelihood_list"].bool == true && json["kiosk_ready"].value is NSNull)
    }
  }

  @Test(
    "the administrator uploads a material's blank form and sample on the item form; the guide offers them for download",
    arguments: TestDatabase.all)
  func guideFiles(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let code = "360105002000"
      let material = try #require(try await CatalogRepository(app.db).entry(code: code)?.item.materials.first?.name)
      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      _ = try await admin.get("/admin/items/\(code)")
      #expect(admin.lastBody.contains(#"id="guide-files""#))
      let token = try #require(admin.csrfToken)
      let docx: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array("word/document.xml".utf8)
      // A program named .docx is refused by its field, and nothing is kept.
      let refused = try await admin.post(
        "/admin/items/\(code)/guide-files", form: ["_csrf": token],
        files: [
          ("material_0_blank", "申请表.docx", "application/octet-stream", Array("MZ\u{90}binary".utf8)),
          ("material_0_sample", "样表.pdf", "application/pdf", WindowScanTests.pdf),
        ])
      #expect(refused.status == .unprocessableEntity && admin.lastBody.contains(#"id="material_0_blank-error""#))
      #expect(try await GuideFileRepository(app.db).files(of: code).isEmpty)
      let saved = try await admin.post(
        "/admin/items/\(code)/guide-files", form: ["_csrf": token],
        files: [
          ("material_0_blank", "申请表（空白）.docx", "application/octet-stream", docx),
          ("material_0_sample", "申请表（样例）.pdf", "application/pdf", WindowScanTests.pdf),
        ])
      #expect(saved.status == .seeOther, "\(admin.lastBody.prefix(2000))")
      // The guide links both, and each downloads.
      var citizen = TestBrowser(app)
      let guide = try await citizen.get("/items/\(code)").body.string
      let blank = "/items/\(code)/files/blank/" + material.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
      #expect(guide.contains("申请表（空白）.docx") && guide.contains("申请表（样例）.pdf"))
      let download = try await citizen.get(blank)
      #expect(download.status == .ok && Array(download.body.readableBytesView) == docx)
      #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
      #expect(try await citizen.get("/items/\(code)/files/sample/nothing").status == .notFound)
      // Only the catalog's keepers upload.
      var clerk = TestBrowser(app)
      _ = try await clerk.signIn("clerk")
      _ = try await clerk.get("/staff")
      let forbidden = try await clerk.post(
        "/admin/items/\(code)/guide-files", form: ["_csrf": clerk.csrfToken ?? ""],
        files: [("material_0_blank", "x.pdf", "application/pdf", WindowScanTests.pdf)])
      #expect(forbidden.status == .forbidden)
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

  @Test(
    "an item saved with blanks is a draft that names what is missing; publishing it is refused at each field",
    arguments: TestDatabase.all)
  func unknownElements(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var browser = TestBrowser(app)
      _ = try await browser.signIn("admin")
      _ = try await browser.get("/admin/items/new")
      var fields = FormFields.read(browser.lastBody, action: "/admin/items/new")
      // the new form offers no invented values
      for field in ["case_kind", "legal_limit_days", "promised_limit_days", "visits", "online_depth", "fee_amount"] {
        #expect(fields[field] ?? "" == "", "\(field)")
      }
      #expect(fields["no_materials"] == nil)
      fields["code"] = "362011999001"
      fields["name"] = "待补充的事项"
      fields["department_id"] = "dept-jtyj"
      fields["handling_county"] = "direct"
      fields["object_person"] = "on"
      fields["delivery_pickup"] = "on"
      fields["intent"] = "publish"
      // act: publishing with blanks is refused at each blank field, and nothing is saved
      let before = try await CatalogRepository(app.db).count()
      let refused = try await browser.post("/admin/items/new", form: fields)
      #expect(refused.status == .unprocessableEntity)
      for field in [
        "case_kind", "legal_limit_days", "promised_limit_days", "visits", "online_depth", "fee_amount", "materials",
      ] {
        #expect(browser.lastBody.contains("id=\"\(field)-error\""), "\(field)")
      }
      #expect(try await CatalogRepository(app.db).count() == before)
      // act: saved as a draft, it says what is missing
      fields["intent"] = "draft"
      let saved = try await browser.post("/admin/items/new", form: fields)
      #expect(saved.status == .seeOther, "\(browser.lastBody.prefix(2000))")
      let entry = try #require(try await CatalogRepository(app.db).entry(code: "362011999001"))
      #expect(entry.status == .draft)
      #expect(entry.item.unknown == [.caseKind, .legalLimit, .promisedLimit, .visits, .onlineDepth, .fee, .materials])
      _ = try await browser.get("/admin/items/362011999001")
      #expect(browser.lastBody.contains("id=\"missing-elements\""))
      #expect(browser.lastBody.contains("办件类型、法定时限、承诺时限、到现场次数、网上办理深度、收费、申请材料"))
      // the guide of the draft says 未提供, never 零跑动, 不收费 or 无需提交材料
      let guide = try await browser.get("/items/362011999001")
      #expect(guide.status == .ok && browser.lastBody.contains("未提供"))
      for invented in ["零跑动", "不收费", "无需提交材料", "0 个工作日"] {
        #expect(!browser.lastBody.contains(invented), "\(invented)")
      }
      // act: the lifecycle's publish button is refused the same way
      _ = try await browser.get("/admin/items/362011999001")
      let publish = try await browser.post(
        "/admin/items/362011999001/status", form: ["action": "publish", "_csrf": browser.csrfToken ?? ""])
      #expect(publish.status == .unprocessableEntity)
      #expect(browser.lastBody.contains("尚未填写法定时限，补齐后才能发布。"))
      #expect(try await CatalogRepository(app.db).entry(code: "362011999001")?.status == .draft)
      // act: entered, it publishes
      _ = try await browser.get("/admin/items/362011999001")
      fields = FormFields.read(browser.lastBody, action: "/admin/items/362011999001")
      for (field, value) in [
        "case_kind": "promised", "legal_limit_days": "20", "promised_limit_days": "5", "visits": "1",
        "visit_reason": "核验原件", "online_depth": "2", "fee_amount": "不收费", "no_materials": "on", "intent": "publish",
      ] {
        fields[field] = value
      }
      let published = try await browser.post("/admin/items/362011999001", form: fields)
      #expect(published.status == .seeOther, "\(browser.lastBody.prefix(2000))")
      let done = try #require(try await CatalogRepository(app.db).entry(code: "362011999001"))
      #expect(done.status == .published && done.item.isComplete && done.item.fee == nil)
      _ = try await browser.get("/items/362011999001")
      #expect(browser.lastBody.contains("不收费") && browser.lastBody.contains("无需提交材料"))
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
