import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowWeb
import Testing
import VaporTesting

@Suite("The citizen portal, on SQLite and PostgreSQL")
struct PortalTests {
  static let pdf = WindowScanTests.pdf

  /// Signs a new citizen up through the pages, with the code texted to them; the browser then holds their session.
  static func signUp(_ app: Application, phone: String, name: String, id: String) async throws -> TestBrowser {
    var browser = TestBrowser(app)
    _ = try await browser.get("/my/signup")
    let token = try #require(browser.csrfToken)
    let response = try await browser.post(
      "/my/signup", form: ["_csrf": token, "phone": phone, "name": name, "id_number": id, "password": "yunxi2026"])
    #expect(
      response.status == .ok && browser.lastBody.contains("/my/signup/confirm"), "\(browser.lastBody.prefix(1500))")
    let code = try #require(Self.textedCode(app, to: phone))
    let confirmed = try await browser.post(
      "/my/signup/confirm", form: ["_csrf": try #require(browser.csrfToken), "phone": phone, "code": code])
    #expect(confirmed.status == .seeOther, "\(browser.lastBody.prefix(1500))")
    return browser
  }

  /// Applies online for 食品经营许可 through the form, sending (or saving as a draft) one scan per material, or
  /// `files` when given; answers the case number.
  static func applyForFoodLicence(
    _ browser: inout TestBrowser, intent: String = "submit",
    files: [(String, String, String, [UInt8])] = (0..<4).map {
      ("material_\($0)_file", "材料\($0).pdf", "application/pdf", pdf)
    }
  ) async throws -> String {
    _ = try await browser.get("/my/apply?item=\(WindowPagesTests.foodLicence)")
    let fields = FormFields.read(browser.lastBody, action: "/my/apply").merging(["intent": intent]) { $1 }
    let sent = try await browser.post("/my/apply", form: fields, files: files)
    #expect(sent.status == .seeOther, "\(browser.lastBody.prefix(1500))")
    let location = try #require(sent.headers.first(name: .location))
    return String(location.dropFirst("/my/cases/".count).prefix { $0 != "?" })
  }

  /// The sign-up code in the last text sent to `phone`.
  static func textedCode(_ app: Application, to phone: String) -> String? {
    let texts = (app.textMessages as? RecordingTextMessageSender)?.messages.filter { $0.phone == phone } ?? []
    guard let text = texts.last?.text, let range = text.range(of: #"\d{6}"#, options: .regularExpression) else {
      return nil
    }
    return String(text[range])
  }

  @Test(
    "a resident of Hong Kong signs up with a travel permit; the account applies with it; an organisation's document is refused",
    arguments: TestDatabase.all)
  func permitAccounts(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      var browser = TestBrowser(app)
      _ = try await browser.get("/my/signup")
      #expect(browser.lastBody.contains(#"<option value="港澳居民来往内地通行证""#))
      #expect(!browser.lastBody.contains(#"<option value="统一社会信用代码""#))
      let token = try #require(browser.csrfToken)
      let fields = [
        "_csrf": token, "phone": "13805550009", "name": "陈家明", "id_type": "港澳居民来往内地通行证", "password": "yunxi2026",
      ]
      // a number that is not the permit's is named at the number; an organisation's document at the type
      var refused = try await browser.post(
        "/my/signup", form: fields.merging(["id_number": "11010519491231002X"]) { $1 })
      #expect(refused.status == .unprocessableEntity && browser.lastBody.contains(#"id="id_number-error""#))
      #expect(browser.lastBody.contains(#"<option value="港澳居民来往内地通行证" selected>"#), "the choice is kept")
      refused = try await browser.post(
        "/my/signup", form: fields.merging(["id_type": "统一社会信用代码", "id_number": "91360999MA35XXXXXX"]) { $1 })
      #expect(refused.status == .unprocessableEntity && browser.lastBody.contains(#"id="id_type-error""#))
      // act
      let sent = try await browser.post("/my/signup", form: fields.merging(["id_number": "H12345678"]) { $1 })
      #expect(sent.status == .ok, "\(browser.lastBody.prefix(1500))")
      let code = try #require(Self.textedCode(app, to: "13805550009"))
      let confirmed = try await browser.post(
        "/my/signup/confirm", form: ["_csrf": try #require(browser.csrfToken), "phone": "13805550009", "code": code])
      #expect(confirmed.status == .seeOther)
      // check: the account and the case it files carry the permit
      let citizen = try #require(try await CitizenRepository(app.db).find(phone: "13805550009")?.citizen)
      #expect(citizen.idType == .hongKongMacaoTravelPermit && citizen.idNumber == "H12345678")
      let number = try await Self.applyForFoodLicence(&browser)
      let filed = try #require(try await CaseRepository(app.db, rule: DeadlineRule()).find(number))
      #expect(filed.applicant.idType == "港澳居民来往内地通行证" && filed.applicant.idNumber == "H12345678")
    }
  }

  @Test(
    "sign-up names each wrong field; a number registers once; a wrong password is told", arguments: TestDatabase.all)
  func accounts(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      var browser = TestBrowser(app)
      _ = try await browser.get("/my/signup")
      let token = try #require(browser.csrfToken)
      let bad = try await browser.post(
        "/my/signup", form: ["_csrf": token, "phone": "123", "name": "", "id_number": "1", "password": "short"])
      #expect(bad.status == .unprocessableEntity)
      for field in ["phone", "name", "id_number", "password"] {
        #expect(browser.lastBody.contains(#"id="\#(field)-error""#), "\(field)")
      }
      // The summary follows the form's order and speaks of the account, not of an applicant.
      let summary = try #require(browser.lastBody.components(separatedBy: #"id="error-summary""#).dropFirst().first)
        .components(separatedBy: "</ul>")[0]
      let order = ["#phone", "#name", "#id_number", "#password"].map { summary.range(of: $0)?.lowerBound }
      #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "\(summary)")
      #expect(!summary.contains("申请人"))
      _ = try await Self.signUp(app, phone: "13805550001", name: "王秀英", id: "11010519491231002X")
      var again = TestBrowser(app)
      _ = try await again.get("/my/signup")
      let second = try await again.post(
        "/my/signup",
        form: [
          "_csrf": try #require(again.csrfToken), "phone": "13805550001", "name": "王秀英",
          "id_number": "11010519491231002X", "password": "yunxi2026",
        ])
      // The page says what it says for a new number: a text was sent. The text itself tells the owner.
      #expect(second.status == .ok && !again.lastBody.contains("已注册"))
      let texts = (app.textMessages as? RecordingTextMessageSender)?.messages.filter { $0.phone == "13805550001" } ?? []
      #expect(texts.count == 2 && texts[1].text.contains("已注册") && Self.textedCode(app, to: "13805550001") == nil)
      let guessed = try await again.post(
        "/my/signup/confirm", form: ["_csrf": try #require(again.csrfToken), "phone": "13805550001", "code": "000000"])
      #expect(guessed.status == .unprocessableEntity && again.lastBody.contains(#"id="code-error""#))
      _ = try await again.get("/my/login")
      let wrong = try await again.post(
        "/my/login", form: ["_csrf": try #require(again.csrfToken), "phone": "13805550001", "password": "nope12345"])
      #expect(wrong.status == .unprocessableEntity && again.lastBody.contains("手机号或密码不正确"))
      var anonymous = TestBrowser(app)
      let signedOut = try await anonymous.get("/my")
      #expect(signedOut.status == .seeOther && signedOut.headers.first(name: .location)?.hasPrefix("/my/login") == true)
    }
  }

  @Test(
    "sending again after a one-time notice needs a new file for each listed material, named on the page",
    arguments: TestDatabase.all)
  func resubmission(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      // setup: an online application, and the window's notice that its first material is wrong
      var owner = try await Self.signUp(app, phone: "13805550004", name: "周建华", id: "11010519491231002X")
      let number = try await Self.applyForFoodLicence(&owner)
      let cases = CaseRepository(app.db, rule: DeadlineRule())
      let stored = try #require(try await cases.find(number))
      let flagged = try #require(stored.intake?.materials.first?.name)
      let clerk = CaseActor(try #require(try await StaffRepository(app.db).find(username: "clerk")).identity)
      _ = try await cases.apply(
        [
          .checkMaterials([MaterialCheck(name: flagged, status: .missing, problem: "复印件不清晰")]),
          .issueCorrection(items: [.init(material: flagged, problem: "复印件不清晰")], reasonForAnother: nil),
        ], to: number, expectedVersion: nil, by: clerk, now: WindowPagesTests.monday)

      var window = TestBrowser(app)
      _ = try await window.signIn("clerk")
      _ = try await window.get("/cases/\(number)/recheck")
      #expect(window.lastBody.contains("补正后核验："), "after a notice the window rechecks")

      // act: send again with nothing new
      _ = try await owner.get("/my/cases/\(number)")
      let again = FormFields.read(owner.lastBody, action: "/my/cases/\(number)").merging(["intent": "submit"]) { $1 }
      let refused = try await owner.post("/my/cases/\(number)", form: again)

      // check: refused, naming the material at its own field; the case is still waiting for the correction
      #expect(refused.status == .unprocessableEntity)
      #expect(owner.lastBody.contains(#"id="material_0_file-error""#) && owner.lastBody.contains("请上传补正后的「\(flagged)」"))
      #expect(try await cases.find(number)?.state == .correcting)

      // act: the corrected scan goes with it
      _ = try await owner.get("/my/cases/\(number)")
      let fixed = FormFields.read(owner.lastBody, action: "/my/cases/\(number)").merging(["intent": "submit"]) { $1 }
      let resent = try await owner.post(
        "/my/cases/\(number)", form: fixed,
        files: [("material_0_file", "重新扫描.pdf", "application/pdf", Self.pdf + Array("%rescanned\n".utf8))])
      #expect(resent.status == .seeOther, "\(owner.lastBody.prefix(1500))")
      #expect(try await cases.find(number)?.state == .submitted)
    }
  }

  @Test(
    "a draft is the citizen's alone: not on the window's lists, deleted by its owner only, trail and all",
    arguments: TestDatabase.all)
  func drafts(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      // setup: a saved draft with one upload
      var owner = try await Self.signUp(app, phone: "13805550006", name: "周建华", id: "11010519491231002X")
      let number = try await Self.applyForFoodLicence(
        &owner, intent: "draft", files: [("material_0_file", "申请书.pdf", "application/pdf", Self.pdf)])
      let cases = CaseRepository(app.db, rule: DeadlineRule())
      #expect(try await cases.find(number)?.state == .draft)

      // check: the window's lists leave it out; a clerk cannot open it
      var clerk = TestBrowser(app)
      _ = try await clerk.signIn("clerk")
      _ = try await clerk.get("/window")
      #expect(!clerk.lastBody.contains(number))

      // act: another citizen tries to delete it; then its owner does
      var other = try await Self.signUp(app, phone: "13805550007", name: "孙丽娟", id: "110105194912310046")
      _ = try await other.get("/my")
      let forged = try await other.post(
        "/my/cases/\(number)/delete", form: ["_csrf": try #require(other.csrfToken)])
      let stillThere = try await cases.find(number)
      #expect(forged.status == .notFound && stillThere != nil)
      _ = try await owner.get("/my/cases/\(number)")
      #expect(owner.lastBody.contains(#"id="delete-draft""#))
      let deleted = try await owner.post(
        "/my/cases/\(number)/delete", form: FormFields.read(owner.lastBody, action: "/my/cases/\(number)/delete"))

      // check: gone, trail and all; the list says so; a sent case cannot be deleted
      #expect(deleted.status == .seeOther)
      #expect(try await cases.find(number) == nil)
      #expect(try await cases.events(of: number).isEmpty)
      _ = try await owner.get("/my?deleted=1")
      #expect(owner.lastBody.contains("草稿已删除") && !owner.lastBody.contains(number))
      let sentNumber = try await Self.applyForFoodLicence(&owner)
      _ = try await owner.get("/my/cases/\(sentNumber)")
      #expect(!owner.lastBody.contains(#"id="delete-draft""#))
      let refused = try await owner.post(
        "/my/cases/\(sentNumber)/delete", form: ["_csrf": try #require(owner.csrfToken)])
      let sentCase = try await cases.find(sentNumber)
      #expect(refused.status == .notFound && sentCase?.state == .submitted)
      #expect(try await cases.verifyTrails().breaks.isEmpty)
    }
  }

  @Test("a refused file does not lose the others: they are kept as a draft and only the refused one is asked for")
  func refusedUploadKeepsTheRest() async throws {
    try await withTestApp(.sqlite, now: WindowPagesTests.monday) { app in
      var citizen = try await Self.signUp(app, phone: "13805550009", name: "郑红梅", id: "11010519491231002X")
      _ = try await citizen.get("/my/apply?item=\(WindowPagesTests.foodLicence)")
      let fields = FormFields.read(citizen.lastBody, action: "/my/apply").merging(["intent": "submit"]) { $1 }
      // The materials the form asks a file for; the second of them gets a file that is not a scan.
      let asked = (0..<8).filter { citizen.lastBody.contains(#"id="material_\#($0)_file""#) }
      let bad = try #require(asked.dropFirst().first)
      let files = asked.map { index in
        index == bad
          ? ("material_\(index)_file", "病毒.exe", "application/octet-stream", Array("MZ\u{90}\u{0}binary".utf8))
          : ("material_\(index)_file", "材料\(index).pdf", "application/pdf", Self.pdf)
      }
      let refused = try await citizen.post("/my/apply", form: fields, files: files)
      #expect(refused.status == .unprocessableEntity)
      #expect(citizen.lastBody.contains("通过检查的文件已保存为草稿"))
      #expect(citizen.lastBody.contains(#"id="material_\#(bad)_file-error""#))
      #expect(!citizen.lastBody.contains(#"id="material_\#(asked[0])_file-error""#))
      let account = try #require(try await CitizenRepository(app.db).find(phone: "13805550009"))
      let drafts = try await CaseRepository(app.db, rule: DeadlineRule()).cases(ofCitizen: account.citizen.id)
      let draft = try #require(drafts.first)
      #expect(drafts.count == 1 && draft.state == .draft)
      let kept = draft.intake?.materials.enumerated().filter { !$0.element.attachments.isEmpty }.map(\.offset)
      #expect(kept == asked.filter { $0 != bad })
      // Only the refused one is chosen again; the application goes.
      let again = FormFields.read(citizen.lastBody, action: "/my/cases/\(draft.number)").merging(["intent": "submit"]) {
        $1
      }
      let sent = try await citizen.post(
        "/my/cases/\(draft.number)", form: again,
        files: [("material_\(bad)_file", "重新扫描.pdf", "application/pdf", Self.pdf)])
      #expect(sent.status == .seeOther, "\(citizen.lastBody.prefix(1500))")
    }
  }

  @Test("a refused file on a 一件事 form does not lose the others: they are kept with the drafts, and the list says which")
  func refusedBundleUploadKeepsTheRest() async throws {
    try await withTestApp(.sqlite, now: WindowPagesTests.monday) { app in
      var citizen = try await Self.signUp(app, phone: "13805550010", name: "郑红梅", id: "11010519491231002X")
      let bundle = try #require(try await BundleRepository(app.db).all().first { $0.id == "newborn" })
      _ = try await citizen.get("/my/apply?bundle=\(bundle.id)")
      let fields = FormFields.read(citizen.lastBody, action: "/my/apply").merging(["intent": "submit"]) { $1 }
      let asked = (0..<30).filter { citizen.lastBody.contains(#"id="material_\#($0)_file""#) }
      let bad = try #require(asked.first)
      let files = asked.map { index in
        index == bad
          ? ("material_\(index)_file", "病毒.exe", "application/octet-stream", Array("MZ\u{90}\u{0}binary".utf8))
          : ("material_\(index)_file", "材料\(index).pdf", "application/pdf", Self.pdf)
      }
      let refused = try await citizen.post("/my/apply", form: fields, files: files)
      #expect(refused.status == .unprocessableEntity)
      #expect(citizen.lastBody.contains("通过检查的文件已随草稿保存") && citizen.lastBody.contains("未通过的文件"))
      let account = try #require(try await CitizenRepository(app.db).find(phone: "13805550010"))
      let drafts = try await CaseRepository(app.db, rule: DeadlineRule()).cases(ofCitizen: account.citizen.id)
      #expect(drafts.count == bundle.itemCodes.count && drafts.allSatisfy { $0.state == .draft })
      let kept = drafts.reduce(0) { $0 + ($1.intake?.materials.filter { !$0.attachments.isEmpty }.count ?? 0) }
      #expect(kept > 0, "the files that passed are with the drafts")
    }
  }

  @Test("every 一件事 page says how to apply, and each one a person may apply for opens its one form")
  func everyBundle() async throws {
    try await withTestApp(.sqlite, now: WindowPagesTests.monday) { app in
      var citizen = try await Self.signUp(app, phone: "13805550008", name: "郑红梅", id: "11010519491231002X")
      let bundles = try await BundleRepository(app.db).all()
      #expect(bundles.count == 6)
      for bundle in bundles {
        _ = try await citizen.get("/bundles/\(bundle.id)")
        #expect(citizen.lastBody.contains(#"id="bundle-apply""#), "\(bundle.id)")
        let online = citizen.lastBody.contains("/my/apply?bundle=\(bundle.id)")
        let form = try await citizen.get("/my/apply?bundle=\(bundle.id)")
        if online {
          #expect(form.status == .ok && citizen.lastBody.contains(#"name="bundle_id""#), "\(bundle.id)")
        } else {
          #expect(form.status == .unprocessableEntity && citizen.lastBody.contains("窗口"), "\(bundle.id)")
        }
      }
      // 新生儿出生 and 身后一件事 hold items that need a visit: filed with the rest, named on the form.
      for id in ["newborn", "after-death"] {
        _ = try await citizen.get("/my/apply?bundle=\(id)")
        #expect(citizen.lastBody.contains("需到现场办理"), "\(id)")
      }
      _ = try await citizen.get("/bundles/company-closure")
      #expect(citizen.lastBody.contains("面向法人和其他组织") && !citizen.lastBody.contains("/my/apply?bundle="))
    }
  }

  @Test("a personal account is told that an item for organisations only is applied for at a window")
  func organisationsOnly() async throws {
    try await withTestApp(.sqlite, now: WindowPagesTests.monday) { app in
      let items = try await CatalogRepository(app.db).items()
      let company = try #require(items.first { $0.name == "企业设立登记" })
      #expect(!company.servesPersons && company.onlineDepth >= 3)
      var citizen = try await Self.signUp(app, phone: "13805550005", name: "周建华", id: "11010519491231002X")
      let refused = try await citizen.get("/my/apply?item=\(company.code)")
      #expect(refused.status == .unprocessableEntity)
      #expect(citizen.lastBody.contains("个人账号不能申请") && !citizen.lastBody.contains("material_0_file"))
      _ = try await citizen.get("/items/\(company.code)")
      #expect(citizen.lastBody.contains(#"id="legal-person-only""#) && !citizen.lastBody.contains("/my/apply?item="))
      // A business item a 个体工商户 applies for in their own name stays open to a person.
      #expect(items.first { $0.name == "食品经营许可" }?.servesPersons == true)
    }
  }

  @Test(
    "an online application goes to the window's pre-review; another citizen reaches it by no URL",
    arguments: TestDatabase.all)
  func isolation(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      var owner = try await Self.signUp(app, phone: "13805550002", name: "周建华", id: "11010519491231002X")
      let number = try await Self.applyForFoodLicence(&owner)
      let stored = try #require(try await CaseRepository(app.db, rule: DeadlineRule()).find(number))
      #expect(stored.state == .submitted && stored.channel == .online && stored.citizenID != nil)
      let key = try #require(stored.intake?.materials[0].attachments.first?.fileID)
      #expect(try await owner.get("/my/cases/\(number)/files/\(key)").status == .ok)

      var clerk = TestBrowser(app)
      _ = try await clerk.signIn("clerk")
      _ = try await clerk.get("/window")
      #expect(clerk.lastBody.contains(#"id="online""#) && clerk.lastBody.contains(number))
      _ = try await clerk.get("/cases/\(number)/recheck")
      #expect(clerk.lastBody.contains("预审：") && !clerk.lastBody.contains("补正后核验"), "a first check is a pre-review")

      var other = try await Self.signUp(app, phone: "13805550003", name: "孙丽娟", id: "110105194912310046")
      #expect(try await other.get("/my/cases/\(number)").status == .notFound)
      #expect(try await other.get("/my/cases/\(number)/files/\(key)").status == .notFound)
      _ = try await other.get("/my")
      let token = try #require(other.csrfToken)
      let forged = try await other.post("/my/cases/\(number)", form: ["_csrf": token, "intent": "submit"])
      #expect(forged.status == .notFound)
      #expect(!other.lastBody.contains("周建华"))
      #expect(try await other.get("/cases/\(number)").status != .ok)
      #expect(try await app.testing().sendRequest(.GET, "/api/v1/cases/\(number)").status == .unauthorized)
    }
  }

  @Test(
    "a \"一件事\" filed online with one form makes one linked case per item, each with the shared scans",
    arguments: TestDatabase.all)
  func bundle(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      var citizen = try await Self.signUp(app, phone: "13805550004", name: "郑红梅", id: "11010519491231002X")
      _ = try await citizen.get("/bundles/disability")
      #expect(citizen.lastBody.contains("/my/apply?bundle=disability"))
      _ = try await citizen.get("/my/apply?bundle=disability")
      let fields = FormFields.read(citizen.lastBody, action: "/my/apply").merging(["intent": "submit"]) { $1 }
      #expect(fields["bundle_id"] == "disability")
      let rows = citizen.lastBody.components(separatedBy: #"type="file""#).count - 1
      #expect(rows >= 2)
      let incomplete = try await citizen.post("/my/apply", form: fields, files: [])
      #expect(incomplete.status == .unprocessableEntity && citizen.lastBody.contains("请上传"))
      let files = (0..<rows).map { ("material_\($0)_file", "材料\($0).pdf", "application/pdf", Self.pdf) }
      let sent = try await citizen.post("/my/apply", form: fields, files: files)
      #expect(sent.status == .seeOther, "\(citizen.lastBody.prefix(1500))")
      let cases = try await CaseRepository(app.db, rule: DeadlineRule()).list(
        CaseFilter(scope: nil), now: WindowPagesTests.monday
      )
      .cases
      #expect(cases.count == 3)
      #expect(Set(cases.compactMap(\.bundleID)).count == 1 && cases.allSatisfy { $0.state == .submitted })
      #expect(cases.allSatisfy { c in c.intake?.materials.contains { !$0.attachments.isEmpty } == true })
      _ = try await citizen.get("/my")
      #expect(cases.allSatisfy { citizen.lastBody.contains($0.number) })
    }
  }
}
