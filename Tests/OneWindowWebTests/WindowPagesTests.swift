import Foundation
import OneWindowDomain
import OneWindowStore
import Testing
import VaporTesting

@Suite("The window and the back office pages, on SQLite and PostgreSQL")
struct WindowPagesTests {
  static let monday = ISO8601DateFormatter().date(from: "2026-11-23T10:00:00+08:00")!
  static let foodLicence = "360105002000"

  static func caseCount(_ app: Application) async throws -> Int {
    try await CaseRepository(app.db, rule: DeadlineRule()).list(CaseFilter(scope: nil), now: monday).total
  }

  /// The clerk's intake form of 食品经营许可, filled in to be accepted.
  static func openIntake(_ app: Application) async throws -> (TestBrowser, [String: String]) {
    var browser = TestBrowser(app)
    _ = try await browser.signIn("clerk")
    _ = try await browser.get("/window/intake?item=\(foodLicence)")
    var fields = intakeFields(browser)
    fields["outcome"] = "accept"
    return (browser, fields)
  }

  /// The intake form as the page renders it, with the applicant and every material marked `status`.
  static func intakeFields(_ browser: TestBrowser, status: String = "received") -> [String: String] {
    var fields = FormFields.read(browser.lastBody, action: "/window/intake")
    fields["name"] = "王秀英"
    fields["id_number"] = "11010519491231002X"
    fields["phone"] = "13912345678"
    for index in 0..<4 { fields["material_\(index)"] = status }
    return fields
  }

  @Test("bad intake input is named next to each field and registers nothing", arguments: TestDatabase.all)
  func badIntake(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      var browser = TestBrowser(app)
      _ = try await browser.signIn("clerk")
      _ = try await browser.get("/window/intake?item=\(Self.foodLicence)")
      var fields = FormFields.read(browser.lastBody, action: "/window/intake")
      fields["outcome"] = "accept"
      fields["phone"] = "139"
      let refused = try await browser.post("/window/intake", form: fields)
      #expect(refused.status == .unprocessableEntity)
      #expect(browser.lastBody.contains(#"id="applicant.name-error""#), "\(browser.lastBody)")
      #expect(browser.lastBody.contains("手机号码应为 11 位数字"))
      #expect(browser.lastBody.contains("请核验「申请表」"))
      #expect(browser.lastBody.contains(#"value="139""#), "the form comes back as typed")
      // The switches on the refused form lead back to the item's form, not to a bare /window/intake.
      #expect(browser.lastBody.contains("/lang/en?to=/window/intake%3Fitem%3D\(Self.foodLicence)"))
      #expect(browser.lastBody.contains("/text-size/large?to=/window/intake%3Fitem%3D\(Self.foodLicence)"))
      // A missing material cannot be accepted; a correction needs what is wrong.
      fields = Self.intakeFields(browser)
      fields["material_2"] = "missing"
      fields["outcome"] = "accept"
      _ = try await browser.post("/window/intake", form: fields)
      #expect(browser.lastBody.contains("「经营场所平面布局图」未收齐"))
      fields["outcome"] = "correction"
      _ = try await browser.post("/window/intake", form: fields)
      #expect(browser.lastBody.contains(#"id="material_2_problem-error""#))
      fields["outcome"] = "refuse"
      _ = try await browser.post("/window/intake", form: fields)
      #expect(browser.lastBody.contains("请填写不予受理的理由") && browser.lastBody.contains("请填写不予受理的法律依据"))
      #expect(try await Self.caseCount(app) == 0)
      // An unknown item is refused on the workbench.
      let unknown = try await browser.get("/window/intake?item=999999999999")
      #expect(unknown.status == .unprocessableEntity && browser.lastBody.contains("事项编码「999999999999」不存在"))
    }
  }

  @Test(
    "the ID type follows the applicant kind at the window and in the API; a credit code is checked",
    arguments: TestDatabase.all)
  func idTypes(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      var (browser, fields) = try await Self.openIntake(app)
      #expect(browser.lastBody.contains(#"<optgroup label="法人或其他组织" data-kind="organization">"#))
      fields["applicant_kind"] = "organization"
      fields["name"] = "云溪县恒达商贸有限公司"
      fields["id_type"] = "居民身份证"
      let wrongType = try await browser.post("/window/intake", form: fields)
      #expect(wrongType.status == .unprocessableEntity)
      #expect(browser.lastBody.contains(#"id="applicant.id_type-error""#) && browser.lastBody.contains("统一社会信用代码"))
      fields["id_type"] = "统一社会信用代码"
      fields["id_number"] = "91360999MA35XYQ12Q"
      _ = try await browser.post("/window/intake", form: fields)
      #expect(browser.lastBody.contains(#"id="applicant.id_number-error""#) && browser.lastBody.contains("校验位不符"))
      #expect(try await Self.caseCount(app) == 0)
      fields["id_number"] = "91360999ma35xyq12p"
      let accepted = try await browser.post("/window/intake", form: fields)
      #expect(accepted.status == .seeOther, "\(browser.lastBody.prefix(2000))")
      let stored = try await CaseRepository(app.db, rule: DeadlineRule()).list(CaseFilter(scope: nil), now: Self.monday)
      #expect(stored.cases.first?.applicant.idType == "统一社会信用代码")
      #expect(stored.cases.first?.applicant.idNumber == "91360999MA35XYQ12P")

      let api = try await APIClient.signIn(app, "clerk")
      let refused = try await api.send(
        .POST, "/api/v1/cases",
        [
          "item_code": Self.foodLicence,
          "applicant": [
            "kind": "organization", "name": "云溪县恒达商贸有限公司", "id_type": "居民身份证",
            "id_number": "11010519491231002X", "phone": "13912345678",
          ],
        ])
      #expect(refused.status == .unprocessableEntity && refused.body.string.contains("applicant.id_type"))
      #expect(try await Self.caseCount(app) == 1)
    }
  }

  @Test(
    "a 一件事 is taken in at the window as one intake: one checklist, one decision, one linked case per item",
    arguments: TestDatabase.all)
  func bundleIntake(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      var clerk = TestBrowser(app)
      _ = try await clerk.signIn("clerk")
      _ = try await clerk.get("/window")
      #expect(clerk.lastBody.contains(#"href="/window/intake/bundle?bundle=disability""#))
      _ = try await clerk.get("/window/intake/bundle?bundle=disability")
      var fields = FormFields.read(clerk.lastBody, action: "/window/intake/bundle")
      let rows = clerk.lastBody.components(separatedBy: #"<tr id="material_"#).count - 1
      #expect(rows >= 2)
      // Nothing chosen: each row and the applicant are named, and nothing is registered.
      fields["outcome"] = "accept"
      let refused = try await clerk.post("/window/intake/bundle", form: fields)
      #expect(refused.status == .unprocessableEntity && clerk.lastBody.contains(#"id="material_0-error""#))
      #expect(clerk.lastBody.contains(#"id="applicant.name-error""#))
      #expect(try await Self.caseCount(app) == 0)
      fields["name"] = "郑红梅"
      fields["id_number"] = "11010519491231002X"
      fields["phone"] = "13912345678"
      for index in 0..<rows { fields["material_\(index)"] = "received" }
      let accepted = try await clerk.post("/window/intake/bundle", form: fields)
      #expect(accepted.status == .seeOther, "\(clerk.lastBody.prefix(2000))")
      let cases = try await CaseRepository(app.db, rule: DeadlineRule()).list(CaseFilter(scope: nil), now: Self.monday)
        .cases
      #expect(cases.count == 3 && Set(cases.compactMap(\.bundleID)).count == 1)
      #expect(cases.allSatisfy { $0.state == .accepted && $0.channel == .window && $0.bundleLeadDepartmentID != nil })
      // The same form again registers nothing more.
      _ = try await clerk.post("/window/intake/bundle", form: fields)
      #expect(try await Self.caseCount(app) == 3)

      // A second applicant lacks one paper: one notice, on the cases that need it.
      _ = try await clerk.get("/window/intake/bundle?bundle=disability")
      var second = FormFields.read(clerk.lastBody, action: "/window/intake/bundle")
      second.merge(["name": "王秀英", "id_number": "11010519491231002X", "phone": "13912345679"]) { $1 }
      for index in 0..<rows { second["material_\(index)"] = "received" }
      second["material_0"] = "missing"
      second["material_0_problem"] = "缺少原件"
      second["outcome"] = "correction"
      let noticed = try await clerk.post("/window/intake/bundle", form: second)
      #expect(
        noticed.status == .seeOther && noticed.headers.first(name: .location)?.hasSuffix("/notices/correction") == true)
      let all = try await CaseRepository(app.db, rule: DeadlineRule()).list(CaseFilter(scope: nil), now: Self.monday)
        .cases
      let notified = all.filter { $0.applicant.name == "王秀英" }
      #expect(notified.count == 3 && notified.contains { $0.state == .correcting })
      #expect(notified.allSatisfy { $0.state == .correcting || $0.state == .submitted })
    }
  }

  @Test("an accepted intake prints its notice once, even when the form is sent twice", arguments: TestDatabase.all)
  func acceptOnce(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      var (browser, fields) = try await Self.openIntake(app)
      let first = try await browser.post("/window/intake", form: fields)
      #expect(first.status == .seeOther)
      let location = try #require(first.headers.first(name: .location))
      #expect(location.hasSuffix("/notices/acceptance"))
      let again = try await browser.post("/window/intake", form: fields)
      #expect(again.headers.first(name: .location) == location)
      #expect(try await Self.caseCount(app) == 1)
      _ = try await browser.get(location)
      #expect(browser.lastBody.contains("受理通知书") && browser.lastBody.contains("2026-12-07 23:59"))
      #expect(browser.lastBody.contains("<svg"), "the notice carries the status QR code")
      // A known applicant is filled in from the ID number.
      _ = try await browser.get("/window/intake?item=360105005000")
      var lookup = FormFields.read(browser.lastBody, action: "/window/intake")
      lookup["id_number"] = "11010519491231002x"
      lookup["lookup"] = "1"
      _ = try await browser.post("/window/intake", form: lookup)
      #expect(browser.lastBody.contains(#"value="王秀英""#) && browser.lastBody.contains("139******78"))
      #expect(!browser.lastBody.contains("13912345678"), "the phone left then is shown masked, not filled in")
    }
  }

  @Test(
    "a step form's error shows next to its field and changes nothing; a stale form is a conflict",
    arguments: TestDatabase.all)
  func stepForms(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      #expect(try await clerk.step(number, "accept", ["version": 2]).status == .ok)
      var reviewer = TestBrowser(app)
      _ = try await reviewer.signIn("reviewer")
      _ = try await reviewer.get("/office")
      #expect(reviewer.lastBody.contains(number))
      _ = try await reviewer.get("/cases/\(number)")
      let start = FormFields.read(reviewer.lastBody, action: "/cases/\(number)/steps/start-review")
      #expect(start["version"] == "3")
      #expect(try await reviewer.post("/cases/\(number)/steps/start-review", form: start).status == .seeOther)
      // The same (now stale) form again: told, not applied twice.
      let stale = try await reviewer.post("/cases/\(number)/steps/start-review", form: start)
      #expect(stale.status == .conflict)
      #expect(
        reviewer.lastBody.contains("不能执行「开始审查」") || reviewer.lastBody.contains("已被他人处理"),
        "\(reviewer.lastBody)")
      _ = try await reviewer.get("/cases/\(number)")
      var escalate = FormFields.read(reviewer.lastBody, action: "/cases/\(number)/steps/escalate")
      escalate["limit_days"] = "abc"
      let bad = try await reviewer.post("/cases/\(number)/steps/escalate", form: escalate)
      #expect(bad.status == .unprocessableEntity)
      #expect(reviewer.lastBody.contains(#"id="escalate-limit_days-error""#))
      let after = try #require(try await CaseRepository(app.db, rule: DeadlineRule()).find(number))
      #expect(after.state == .inReview && after.version == 4)
      // Asked for an opinion, the other department finds the case in its queue and answers.
      _ = try await reviewer.get("/cases/\(number)")
      var ask = FormFields.read(reviewer.lastBody, action: "/cases/\(number)/steps/request-opinion")
      ask["department_id"] = "dept-wjw"
      ask["question"] = "卫生条件"
      #expect(try await reviewer.post("/cases/\(number)/steps/request-opinion", form: ask).status == .seeOther)
      var other = TestBrowser(app)
      _ = try await other.signIn("reviewer2")
      _ = try await other.get("/office")
      #expect(other.lastBody.contains(#"id="opinion-queue""#) && other.lastBody.contains(number))
      _ = try await other.get("/cases/\(number)")
      var answer = FormFields.read(other.lastBody, action: "/cases/\(number)/steps/give-opinion")
      answer["answer"] = "同意"
      answer["agrees"] = "true"
      #expect(try await other.post("/cases/\(number)/steps/give-opinion", form: answer).status == .seeOther)
      _ = try await other.get("/office")
      #expect(!other.lastBody.contains(#"id="opinion-queue""#))
    }
  }

  @Test("staff see only cases in their scope; pages need the right role", arguments: TestDatabase.all)
  func scope(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      var town = TestBrowser(app)
      _ = try await town.signIn("townclerk")
      #expect(try await town.get("/cases/\(number)").status == .notFound)
      #expect(try await town.get("/cases/\(number)/notices/acceptance").status == .notFound)
      let lookup = try await town.get("/cases?number=\(number)")
      #expect(lookup.status == .notFound && town.lastBody.contains("不在您的办理范围内"))
      var reviewer = TestBrowser(app)
      _ = try await reviewer.signIn("reviewer")
      #expect(try await reviewer.get("/window").status == .forbidden)
      var anonymous = TestBrowser(app)
      #expect(try await anonymous.get("/office").status != .ok)
      _ = try await town.get("/text-size/large?to=/window")
      _ = try await town.get("/window")
      #expect(town.lastBody.contains(#"<body class="large">"#))
    }
  }
}

@Suite("Scans attached at the window, on SQLite and PostgreSQL")
struct WindowScanTests {
  static let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)
  static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 32)

  static func storedFiles(_ app: Application) -> [String] {
    let root = app.configuration.dataDirectory + "/files"
    let all = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
    return all.filter { $0.count > 60 && !$0.hasPrefix("incoming") }
  }

  @Test("a wrong, disguised or oversized scan is refused by name and nothing is stored", arguments: TestDatabase.all)
  func refused(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      var (browser, fields) = try await WindowPagesTests.openIntake(app)
      let cases: [((String, String, String, [UInt8]), String)] = [
        (("material_1_file", "营业执照.exe", "application/octet-stream", Array("MZ".utf8)), "类型不允许"),
        (("material_1_file", "营业执照.pdf", "application/pdf", Self.png), "名为 PDF，内容却是 PNG"),
        (("material_1_file", "营业执照.png", "application/pdf", Self.png), "声明为 PDF，内容却是 PNG"),
        (
          ("material_1_file", "营业执照.pdf", "application/pdf", Self.pdf + Array(repeating: 0x20, count: 10 << 20)),
          "超过 10 MB 的上限"
        ),
      ]
      for (file, message) in cases {
        let response = try await browser.post(
          "/window/intake", form: fields, files: [(file.0, file.1, file.2, file.3)])
        #expect(response.status == .unprocessableEntity, "\(file.1)")
        #expect(browser.lastBody.contains(message), "\(file.1): \(message)")
        #expect(browser.lastBody.contains(#"id="material_1_file-error""#))
      }
      #expect(try await WindowPagesTests.caseCount(app) == 0)
      #expect(Self.storedFiles(app).isEmpty)
    }
  }

  @Test("an accepted scan is stored by its hash and opens only from its own case", arguments: TestDatabase.all)
  func accepted(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      var (browser, fields) = try await WindowPagesTests.openIntake(app)
      let posted = try await browser.post(
        "/window/intake", form: fields, files: [("material_1_file", "营业执照.pdf", "application/pdf", Self.pdf)])
      #expect(posted.status == .seeOther, "\(browser.lastBody.prefix(2000))")
      let stored = try #require(
        try await CaseRepository(app.db, rule: DeadlineRule()).list(
          CaseFilter(scope: nil), now: WindowPagesTests.monday
        )
        .cases.first)
      let attachment = try #require(stored.intake?.materials[1].attachments.first)
      #expect(attachment.name == "营业执照.pdf" && attachment.kind == .pdf && attachment.size == Self.pdf.count)
      #expect(Self.storedFiles(app).count == 1)
      let file = try await browser.get("/cases/\(stored.number)/files/\(attachment.fileID)")
      #expect(file.status == .ok && file.headers.contentType?.description.hasPrefix("application/pdf") == true)
      #expect(Array(file.body.readableBytesView) == Self.pdf)
      _ = try await browser.get("/cases/\(stored.number)")
      #expect(browser.lastBody.contains("/files/\(attachment.fileID)"))
      #expect(
        try await browser.get("/cases/\(stored.number)/files/\(String(repeating: "0", count: 64))").status == .notFound)
      var town = TestBrowser(app)
      _ = try await town.signIn("townclerk")
      #expect(try await town.get("/cases/\(stored.number)/files/\(attachment.fileID)").status == .notFound)
    }
  }

  @Test(
    "an electronic result is issued on the case page, delivered electronically and downloaded with number and phone",
    arguments: TestDatabase.all)
  func electronicResult(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let reviewerAPI = try await APIClient.signIn(app, "reviewer")
      let number = try #require(try await clerk.createCase()["number"].string)
      #expect(try await clerk.step(number, "accept").status == .ok)
      #expect(try await reviewerAPI.step(number, "start-review").status == .ok)
      #expect(try await reviewerAPI.step(number, "decide", ["approved": true]).status == .ok)
      // Electronic delivery needs the result first.
      let early = try await clerk.step(number, "deliver", ["mode": "electronic"])
      #expect(early.status == .unprocessableEntity)
      #expect(try JSON(early)["error"]["field"].string == "mode")
      var reviewer = TestBrowser(app)
      _ = try await reviewer.signIn("reviewer")
      _ = try await reviewer.get("/cases/\(number)")
      let form = FormFields.read(reviewer.lastBody, action: "/cases/\(number)/steps/issue-result")
      let wrong = try await reviewer.post(
        "/cases/\(number)/steps/issue-result", form: form,
        files: [("result_file", "营业执照.pdf", "application/pdf", Self.png)])
      #expect(wrong.status == .unprocessableEntity && reviewer.lastBody.contains("名为 PDF，内容却是 PNG"))
      let issued = try await reviewer.post(
        "/cases/\(number)/steps/issue-result", form: form,
        files: [("result_file", "营业执照.pdf", "application/pdf", Self.pdf)])
      #expect(issued.status == .seeOther, "\(reviewer.lastBody.prefix(1500))")
      #expect(try await clerk.step(number, "deliver", ["mode": "electronic"]).status == .ok)
      var citizen = TestBrowser(app)
      _ = try await citizen.get("/status?number=\(number)&phone=13912345678")
      #expect(citizen.lastBody.contains(#"id="result-download""#))
      let download = try await citizen.get("/status/result?number=\(number)&phone=13912345678")
      #expect(download.status == .ok && Array(download.body.readableBytesView) == Self.pdf)
      #expect(try await citizen.get("/status/result?number=\(number)&phone=13900000000").status == .notFound)
    }
  }
}
