import Foundation
import OneWindowDomain
import OneWindowSpreadsheet
import OneWindowStore
import SQLKit
import Testing
import VaporTesting

@Suite("Setting up a county: the first run, the directory, retirement and 首席代表")
struct DirectoryTests {
  /// The first run on an empty database, through its page, as the administrator who installed the server would.
  static func setUp(_ app: Application, county: String = "360888", name: String = "青山县") async throws -> TestBrowser {
    var browser = TestBrowser(app)
    let home = try await browser.get("/items")
    #expect(home.status == .seeOther && home.headers.first(name: .location) == "/setup")
    _ = try await browser.get("/setup")
    let token = try #require(browser.csrfToken)
    let done = try await browser.post(
      "/setup",
      form: [
        "_csrf": token, "setup_code": app.setupCode, "county_code": county, "county_name": name,
        "time_zone": "Asia/Shanghai", "admin_username": "qsadmin", "admin_name": "周建国",
        "password": "qingshan2026", "password_again": "qingshan2026",
      ])
    #expect(
      done.status == .seeOther && done.headers.first(name: .location) == "/admin/directory", "\(done.body.string)")
    return browser
  }

  @Test(
    "an empty database leads to the first run, which needs the printed code and happens once",
    arguments: TestDatabase.all)
  func firstRun(database: TestDatabase) async throws {
    try await withTestApp(database, demo: false) { app in
      var browser = TestBrowser(app)
      _ = try await browser.get("/setup")
      #expect(browser.lastBody.contains("首次运行"))
      let token = try #require(browser.csrfToken)
      let wrong = try await browser.post(
        "/setup",
        form: [
          "_csrf": token, "setup_code": "AAAAA-AAAAA", "county_code": "36088", "county_name": "",
          "time_zone": "Mars/Base", "admin_username": "A", "admin_name": "", "password": "short",
          "password_again": "other",
        ])
      #expect(wrong.status == .unprocessableEntity)
      for field in [
        "setup_code", "county_code", "county_name", "time_zone", "admin_username", "admin_name", "password",
        "password_again",
      ] {
        #expect(browser.lastBody.contains("id=\"\(field)-error\""), "\(field)")
      }
      #expect(!browser.lastBody.contains("value=\"short\""), "a refused form never echoes the password")
      #expect(try await DirectoryRepository(app.db).needsSetUp())
      #expect(try await StaffRepository(app.db).list().isEmpty)

      var admin = try await Self.setUp(app)
      let directory = try await admin.get("/admin/directory")
      #expect(directory.status == .ok && admin.lastBody.contains("青山县（360888）"))
      let county = try #require(try await DirectoryRepository(app.db).counties().first)
      #expect(county.name == "青山县")
      #expect(try await DirectoryRepository(app.db).timeZone(of: county.code) == "Asia/Shanghai")

      // Once only: the page is gone and a second post changes nothing.
      var other = TestBrowser(app)
      #expect(try await other.get("/setup").headers.first(name: .location) == "/login")
      _ = try await other.get("/login")
      let again = try await other.post(
        "/setup",
        form: [
          "_csrf": try #require(other.csrfToken), "setup_code": app.setupCode, "county_code": "360777",
          "county_name": "别县", "time_zone": "Asia/Shanghai", "admin_username": "intruder", "admin_name": "某人",
          "password": "intruder2026", "password_again": "intruder2026",
        ])
      #expect(again.status == .notFound)
      #expect(try await DirectoryRepository(app.db).counties().map(\.name) == ["青山县"])
      #expect(try await StaffRepository(app.db).find(username: "intruder") == nil)
    }
  }

  @Test(
    "a county is set up from nothing through the directory pages; every problem is named and nothing saved",
    arguments: TestDatabase.all)
  func directoryFromNothing(database: TestDatabase) async throws {
    try await withTestApp(database, demo: false) { app in
      var admin = try await Self.setUp(app)
      func save(_ path: String, _ form: [String: String]) async throws -> TestingHTTPResponse {
        _ = try await admin.get("/admin/directory")
        var fields = form
        fields["_csrf"] = try #require(admin.csrfToken)
        return try await admin.post(path, form: fields)
      }
      // A town by its 12-digit statistical code, then a village below it; a village of no town is refused.
      var r = try await save("/admin/directory/regions", ["code": "360888101201", "name": "东坑村"])
      #expect(r.status == .unprocessableEntity && admin.lastBody.contains("上级区划"))
      r = try await save("/admin/directory/regions", ["code": "360888101000", "name": "青山镇"])
      #expect(r.status == .seeOther, "\(r.body.string)")
      r = try await save("/admin/directory/regions", ["code": "360888101201", "name": "东坑村"])
      #expect(r.status == .seeOther)
      r = try await save("/admin/directory/regions", ["code": "360999101000", "name": "别县的镇"])
      #expect(r.status == .unprocessableEntity && admin.lastBody.contains("不在本县"))
      let regions = try await DirectoryRepository(app.db).regions().map(\.code.value)
      #expect(regions == ["360888", "360888101", "360888101201"])

      // A site: a village station in a town is refused by field, nothing saved.
      r = try await save(
        "/admin/directory/sites",
        [
          "name": "青山镇便民服务中心", "kind": "village_station", "region_code": "360888101", "address": "",
          "phone": "abc", "hours_weekdays": "08:30–17:30",
        ])
      #expect(r.status == .unprocessableEntity)
      for field in ["region_code", "address", "phone"] {
        #expect(admin.lastBody.contains("id=\"\(field)-error\""), "\(field)")
      }
      #expect(try await DirectoryRepository(app.db).sites().isEmpty)
      r = try await save(
        "/admin/directory/sites",
        [
          "name": "青山镇便民服务中心", "kind": "town_center", "region_code": "360888101", "address": "青山镇人民路 1 号",
          "phone": "0797-8881234", "hours_weekdays": "08:30–12:00, 14:00–17:30", "hours_saturday": "09:00–12:00",
        ])
      #expect(r.status == .seeOther)
      let site = try #require(try await DirectoryRepository(app.db).sites().first)
      #expect(site.openingHours.saturday == "09:00–12:00" && site.openingHours.extended == nil)

      // A department: its credit code is checked by the check character.
      let valid = "11360888MB1234567" + String(CreditCode.checkCharacter(of: "11360888MB1234567")!)
      let wrongCheck = String(valid.dropLast()) + (valid.last == "0" ? "1" : "0")
      r = try await save(
        "/admin/directory/departments",
        ["name": "青山县民政局", "short_name": "民政局", "credit_code": wrongCheck, "region_code": "360888", "in_hall": "on"])
      #expect(r.status == .unprocessableEntity && admin.lastBody.contains("校验位"))
      #expect(try await DirectoryRepository(app.db).departments().isEmpty)
      r = try await save(
        "/admin/directory/departments",
        [
          "name": "青山县民政局", "short_name": "民政局", "credit_code": valid.lowercased(), "region_code": "360888",
          "in_hall": "on",
        ])
      #expect(r.status == .seeOther)
      let department = try #require(try await DirectoryRepository(app.db).departments().first)
      #expect(department.creditCode == valid && department.inHall == true && department.shortName == "民政局")

      // A window at the site; the same number twice is refused.
      r = try await save(
        "/admin/directory/windows",
        ["site_id": site.id, "number": "01", "name": "社会事务综合窗口", "kind": "general", "department_id": ""])
      #expect(r.status == .seeOther)
      r = try await save(
        "/admin/directory/windows",
        ["site_id": site.id, "number": "01", "name": "另一个", "kind": "dedicated", "department_id": ""])
      #expect(r.status == .unprocessableEntity && admin.lastBody.contains("已有 01 号窗口"))
      #expect(admin.lastBody.contains("id=\"department_id-error\""))
      let window = try #require(try await DirectoryRepository(app.db).windows(site: site.id).first)

      // A clerk: no password is set by the administrator; the one-time link lets the clerk set theirs.
      r = try await save(
        "/admin/directory/staff",
        [
          "username": "qsclerk", "display_name": "钱小红", "role": "clerk", "region": "360888101", "site": site.id,
          "department": "", "title": "", "phone": "13900001111",
        ])
      #expect(r.status == .created)
      let link = try #require(
        admin.lastBody.range(of: #"/account/password/[0-9a-f]{64}"#, options: .regularExpression).map {
          String(admin.lastBody[$0])
        })
      let clerk = try #require(try await StaffRepository(app.db).find(username: "qsclerk"))
      var stranger = TestBrowser(app)
      #expect(try await stranger.signIn("qsclerk", password: "").status == .unprocessableEntity)
      _ = try await stranger.get(link)
      #expect(stranger.lastBody.contains("钱小红"))
      let set = try await stranger.post(
        link,
        form: ["_csrf": try #require(stranger.csrfToken), "password": "qianxh2026", "password_again": "qianxh2026"])
      #expect(set.status == .seeOther && set.headers.first(name: .location) == "/staff")
      #expect(try await stranger.get(link).status == .notFound, "a link works once")

      // Her post at the window from today; the clerk sees it on her workbench.
      let today = DeadlineRule().civilDate(of: Date()).iso
      r = try await save(
        "/admin/directory/duties",
        ["site": site.id, "window_id": window.id, "post": "A", "staff_id": clerk.identity.id, "starts_on": today])
      #expect(r.status == .seeOther, "\(r.body.string)")
      var qsclerk = TestBrowser(app)
      _ = try await qsclerk.signIn("qsclerk", password: "qianxh2026")
      _ = try await qsclerk.get("/staff")
      #expect(qsclerk.lastBody.contains("社会事务综合窗口") && qsclerk.lastBody.contains("A岗"))

      // The staffing check of seed 003: a town center needs two agents.
      _ = try await admin.get("/admin/directory?tab=sites")
      #expect(admin.lastBody.contains("id=\"staffing-check\"") && admin.lastBody.contains("0 / 2"))
    }
  }

  @Test(
    "a department with open cases is not retired; a rename keeps the old name on the notice",
    arguments: TestDatabase.all)
  func retireAndRename(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      #expect(try await clerk.step(number, "accept").status == .ok)
      let departmentID = try #require(try await CaseRepository(app.db, rule: DeadlineRule()).find(number)).departmentID
      let oldName = try #require(try await DirectoryRepository(app.db).department(departmentID)).name

      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      _ = try await admin.get("/admin/directory/departments/\(departmentID)")
      let retire = try await admin.post(
        "/admin/directory/departments/\(departmentID)/retire", form: ["_csrf": try #require(admin.csrfToken)])
      #expect(retire.status == .conflict && admin.lastBody.contains("在办办件"), "\(retire.body.string)")
      #expect(try await DirectoryRepository(app.db).department(departmentID)?.isRetired == false)

      _ = try await admin.get("/admin/directory/departments/\(departmentID)")
      var fields = FormFields.read(admin.lastBody, action: "/admin/directory/departments/\(departmentID)")
      fields["name"] = "青溪县市场监督管理局"
      #expect(try await admin.post("/admin/directory/departments/\(departmentID)", form: fields).status == .seeOther)
      _ = try await admin.get("/admin/directory/departments/\(departmentID)")
      #expect(admin.lastBody.contains("曾用名") && admin.lastBody.contains(oldName))

      var desk = TestBrowser(app)
      _ = try await desk.signIn("clerk")
      _ = try await desk.get("/cases/\(number)/notices/acceptance")
      #expect(desk.lastBody.contains(oldName) && !desk.lastBody.contains("青溪县市场监督管理局"))
    }
  }

  @Test("a reviewer decides only with a valid 首席代表 authorisation of the case's department", arguments: TestDatabase.all)
  func chiefRepresentative(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let reviewer = try await APIClient.signIn(app, "reviewer")
      let number = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(number, "accept")
      #expect(try await reviewer.step(number, "start-review").status == .ok)
      let shown = try JSON(try await reviewer.send(.GET, "/api/v1/cases/\(number)"))
      #expect(shown["allowed_steps"].array.contains { $0.string == "decide" })

      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      _ = try await admin.get("/admin/directory?tab=chiefs")
      let reviewerID = try #require(try await StaffRepository(app.db).find(username: "reviewer")).identity.id
      let held = try await RosterRepository(app.db).authorizations(of: reviewerID)
      #expect(held.count == 1)
      let revoke = try await admin.post(
        "/admin/directory/chiefs/\(held[0].id)/revoke", form: ["_csrf": try #require(admin.csrfToken)])
      #expect(revoke.status == .seeOther)

      let refused = try await reviewer.step(number, "decide", ["approved": true])
      #expect(refused.status == .forbidden && refused.body.string.contains("首席代表"), "\(refused.body.string)")
      let after = try JSON(try await reviewer.send(.GET, "/api/v1/cases/\(number)"))
      #expect(!after["allowed_steps"].array.contains { $0.string == "decide" })
      #expect(try await CaseRepository(app.db, rule: DeadlineRule()).find(number)?.state == .inReview)

      // A new authorisation, recorded on the page, lets the decision through.
      _ = try await admin.get("/admin/directory/chiefs/new")
      let departmentID = try #require(
        try await StaffRepository(app.db).find(id: reviewerID)?.identity.scope.departmentID)
      let bad = try await admin.post(
        "/admin/directory/chiefs",
        form: [
          "_csrf": try #require(admin.csrfToken), "department_id": departmentID, "staff_id": reviewerID,
          "authorized_by": "", "document_number": "", "valid_from": "2026-12-01", "valid_until": "2026-01-01",
        ])
      #expect(bad.status == .unprocessableEntity)
      for field in ["authorized_by", "document_number", "valid_until", "powers"] {
        #expect(admin.lastBody.contains("id=\"\(field)-error\""), "\(field)")
      }
      let good = try await admin.post(
        "/admin/directory/chiefs",
        form: [
          "_csrf": try #require(admin.csrfToken), "department_id": departmentID, "staff_id": reviewerID,
          "authorized_by": "王局长", "document_number": "云市监〔2026〕88号", "valid_from": "2026-01-01",
          "power_decide": "on",
        ])
      #expect(good.status == .seeOther)
      #expect(try await reviewer.step(number, "decide", ["approved": true]).status == .ok)
    }
  }

  @Test(
    "another county's administrator can neither read nor change this county's directory", arguments: TestDatabase.all)
  func scope(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var town = TestBrowser(app)
      _ = try await town.signIn("townclerk")
      #expect(try await town.get("/admin/directory").status == .forbidden)
      #expect(try await town.get("/admin/directory/departments/dept-scjgj").status == .forbidden)
    }
  }
}

@Suite("The directory through /api/v1")
struct DirectoryAPITests {
  @Test(
    "the API writes the directory with the pages' checks, and retirement is refused with its reason",
    arguments: TestDatabase.all)
  func writes(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let admin = try await APIClient.signIn(app, "admin")
      var r = try await admin.send(.POST, "/api/v1/regions", ["code": "360999199000", "name": "新区街道"])
      #expect(r.status == .created, "\(r.body.string)")
      r = try await admin.send(
        .POST, "/api/v1/departments",
        ["name": "云溪县数据局", "credit_code": "11360999MB0000000", "region_code": "360999", "in_hall": false])
      #expect(try r.status == .unprocessableEntity && JSON(r)["error"]["field"].string == "credit_code")
      let code = "11360999MB000000" + "1"
      let valid = code.prefix(17) + String(CreditCode.checkCharacter(of: code.prefix(17))!)
      r = try await admin.send(
        .POST, "/api/v1/departments",
        ["name": "云溪县数据局", "credit_code": String(valid), "region_code": "360999", "in_hall": false])
      #expect(r.status == .created)
      let departmentID = try #require(try JSON(r)["id"].string)
      r = try await admin.send(
        .PUT, "/api/v1/departments/\(departmentID)",
        ["name": "云溪县数据局", "short_name": "数据局", "credit_code": String(valid), "region_code": "360999", "in_hall": true])
      #expect(r.status == .ok)
      let listed = try JSON(try await app.testing().sendRequest(.GET, "/api/v1/departments"))["items"].array
      #expect(listed.contains { $0["id"].string == departmentID && $0["short_name"].string == "数据局" })
      // 进驻大厅 not given (null) is unknown, said as null, and shown as unknown — never a default yes
      r = try await admin.send(
        .PUT, "/api/v1/departments/\(departmentID)",
        ["name": "云溪县数据局", "credit_code": String(valid), "region_code": "360999", "in_hall": NSNull()])
      #expect(r.status == .ok, "\(r.body.string)")
      #expect(try await DirectoryRepository(app.db).department(departmentID)?.inHall == nil)
      let raw = try await app.testing().sendRequest(.GET, "/api/v1/departments").body.string
      #expect(raw.contains(#""in_hall":null"#))
      r = try await admin.send(
        .PUT, "/api/v1/departments/\(departmentID)",
        ["name": "云溪县数据局", "credit_code": String(valid), "region_code": "360999", "in_hall": "maybe"])
      #expect(try r.status == .unprocessableEntity && JSON(r)["error"]["field"].string == "in_hall")

      r = try await admin.send(
        .POST, "/api/v1/sites",
        [
          "name": "新区街道便民服务中心", "kind": "town_center", "region_code": "360999199", "address": "新区大道 8 号",
          "phone": "0797-1234567", "hours_weekdays": "08:30–17:30",
        ])
      #expect(r.status == .created)
      let siteID = try #require(try JSON(r)["id"].string)
      r = try await admin.send(
        .POST, "/api/v1/windows", ["site_id": siteID, "number": "1", "name": "综合窗口", "kind": "general"])
      #expect(r.status == .created)
      let windowID = try #require(try JSON(r)["id"].string)
      r = try await admin.send(
        .POST, "/api/v1/staff",
        ["username": "xqclerk", "display_name": "孙丽", "role": "clerk", "region": "360999199", "site": siteID])
      #expect(try r.status == .created && JSON(r)["password_link"].string?.contains("/account/password/") == true)
      let staffID = try #require(try JSON(r)["id"].string)
      r = try await admin.send(
        .POST, "/api/v1/duties",
        ["window_id": windowID, "post": "A", "staff_id": staffID, "starts_on": "2026-01-01"])
      #expect(r.status == .created, "\(r.body.string)")
      let duties = try JSON(try await admin.send(.GET, "/api/v1/duties?site=\(siteID)&date=2026-06-01"))["items"].array
      #expect(duties.map { $0["staff_id"].string } == [staffID])
      #expect(
        try JSON(try await admin.send(.GET, "/api/v1/duties?site=\(siteID)&date=2025-06-01"))["items"].array.isEmpty)

      // A department with open cases stays.
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      let caseDepartment = try #require(try await CaseRepository(app.db, rule: DeadlineRule()).find(number))
        .departmentID
      r = try await admin.send(.POST, "/api/v1/departments/\(caseDepartment)/retire")
      #expect(try r.status == .conflict && JSON(r)["error"]["code"].string == "retirement_refused")
      r = try await admin.send(.POST, "/api/v1/departments/\(departmentID)/retire")
      #expect(r.status == .ok)
      #expect(try await DirectoryRepository(app.db).department(departmentID)?.isRetired == true)

      // Chief authorisations: listed, revoked; a clerk may do none of it.
      let chiefs = try JSON(try await admin.send(.GET, "/api/v1/chief-authorizations"))["items"].array
      #expect(!chiefs.isEmpty && chiefs.allSatisfy { $0["valid"].bool == true })
      r = try await admin.send(.POST, "/api/v1/chief-authorizations/\(chiefs[0]["id"].string ?? "")/revoke")
      #expect(r.status == .ok)
      #expect(
        try await clerk.send(.POST, "/api/v1/regions", ["code": "360999198000", "name": "某街道"]).status == .forbidden)
      #expect(try await clerk.send(.GET, "/api/v1/chief-authorizations").status == .forbidden)
    }
  }
}

@Suite("The directory workbook")
struct DirectoryWorkbookTests {
  /// A small county's directory: 2 towns, 5 villages, departments, sites, windows, staff with posts.
  static func countyBook(departments: Int = 10, windows: Int = 12, staff: Int = 30, badRows: Bool = false) -> [UInt8] {
    func code(_ seq: Int) -> String {
      let first17 = "11360888MB\(String(1_000_000 + seq).suffix(7))"
      return first17 + String(CreditCode.checkCharacter(of: first17)!)
    }
    let regions =
      [["统计用区划代码", "名称"], ["360888101000", "青山镇"], ["360888102000", "绿水乡"]]
      + (1...5).map { ["36088810\($0 <= 3 ? 1 : 2)20\($0)", "第\($0)村"] }
    var departmentRows = [["名称", "简称", "统一社会信用代码", "所属区划代码", "进驻大厅"]]
    for index in 1...departments {
      departmentRows.append(["青山县第\(index)局", "第\(index)局", code(index), "360888000000", "是"])
    }
    if badRows { departmentRows.append(["坏部门", "", "91360888MA0000000X", "360888000000", "也许"]) }
    let sites = [
      ["名称", "类型", "所在区划代码", "地址", "咨询电话", "工作日办公时间", "延时服务", "周六服务"],
      ["青山县行政服务中心", "行政服务中心", "360888000000", "县城大道 1 号", "0797-8880000", "08:30–17:30", "12:00–14:00", "09:00–12:00"],
      ["青山镇便民服务中心", "便民服务中心", "360888101000", "青山镇 1 号", "0797-8881111", "08:30–17:30", "", ""],
      ["绿水乡便民服务中心", "便民服务中心", "360888102000", "绿水乡 1 号", "0797-8882222", "08:30–17:30", "", ""],
    ]
    var windowRows = [["场所", "窗口号", "窗口名称", "类型", "所属部门"]]
    for index in 1...windows {
      windowRows.append([
        "青山县行政服务中心", String(format: "%02d", index), index == 1 ? "无差别综合窗口" : "第\(index)局专窗",
        index == 1 ? "无差别综合窗口" : "专窗", index == 1 ? "" : "青山县第\((index - 2) % departments + 1)局",
      ])
    }
    if badRows { windowRows.append(["没有的场所", "99", "幽灵窗口", "专窗", ""]) }
    var staffRows = [["用户名", "姓名", "角色", "区划代码", "场所", "部门", "职务", "电话"]]
    var dutyRows = [["场所", "窗口号", "岗", "用户名", "上岗日期", "离岗日期"]]
    for index in 1...staff {
      let window = (index - 1) / 2 + 1
      let isClerk = window <= windows
      staffRows.append([
        "qs\(index)", "员工\(index)", isClerk ? "综合窗口受理员" : "后台审批人员", "360888000000", isClerk ? "青山县行政服务中心" : "",
        isClerk ? "" : "青山县第\((index % departments) + 1)局", "", "139\(String(10_000_000 + index))",
      ])
      if isClerk {
        dutyRows.append([
          "青山县行政服务中心", String(format: "%02d", window), index % 2 == 1 ? "A" : "B", "qs\(index)", "2026-01-01", "",
        ])
      }
    }
    if badRows { staffRows.append(["qsbad", "", "局长", "360888000000", "", "", "", ""]) }
    return Workbook(sheets: [
      .init(name: "区划", rows: regions), .init(name: "部门", rows: departmentRows), .init(name: "场所", rows: sites),
      .init(name: "窗口", rows: windowRows), .init(name: "人员", rows: staffRows), .init(name: "岗位", rows: dutyRows),
    ]).xlsx()
  }

  @Test(
    "a county's workbook: problems by sheet, row and column first, then a dry run, then the import; again changes nothing",
    arguments: TestDatabase.all)
  func importCounty(database: TestDatabase) async throws {
    try await withTestApp(database, demo: false) { app in
      var admin = try await DirectoryTests.setUp(app)
      _ = try await admin.get("/admin/directory/import")
      let token = try #require(admin.csrfToken)
      func upload(_ bytes: [UInt8]) async throws -> TestingHTTPResponse {
        try await admin.post(
          "/admin/directory/import", form: ["_csrf": token],
          files: [("file", "青山县.xlsx", "application/octet-stream", bytes)])
      }
      var r = try await upload(Self.countyBook(badRows: true))
      #expect(r.status == .unprocessableEntity)
      #expect(admin.lastBody.contains("id=\"problem-summary\""))
      for column in ["统一社会信用代码", "进驻大厅", "场所", "姓名", "角色"] {
        #expect(admin.lastBody.contains("<td>\(column)</td>"), "\(column)")
      }
      #expect(try await DirectoryRepository(app.db).departments().isEmpty, "nothing was written")

      r = try await upload(Self.countyBook())
      #expect(r.status == .ok && admin.lastBody.contains("id=\"import-plan\""), "\(admin.lastBody.prefix(2000))")
      #expect(try await DirectoryRepository(app.db).departments().isEmpty, "a dry run writes nothing")
      let upload = try #require(FormFields.read(admin.lastBody, action: "/admin/directory/import")["upload"])
      r = try await admin.post("/admin/directory/import", form: ["_csrf": token, "upload": upload, "confirm": "1"])
      #expect(r.status == .ok && admin.lastBody.contains("id=\"new-accounts\""))
      #expect(try await DirectoryRepository(app.db).regions().count == 8)
      #expect(try await DirectoryRepository(app.db).departments().count == 10)
      #expect(try await StaffRepository(app.db).list().count == 31)
      let center = try #require(try await DirectoryRepository(app.db).sites().first { $0.kind == .serviceCenter })
      #expect(try await DirectoryRepository(app.db).windows(site: center.id).count == 12)
      let onDuty = try await RosterRepository(app.db).assignments(site: center.id)
      #expect(onDuty.count == 24)

      // The export of what was imported imports again with nothing to change.
      let exported = try await admin.get("/admin/directory/export.xlsx")
      #expect(exported.status == .ok)
      r = try await admin.post(
        "/admin/directory/import", form: ["_csrf": token],
        files: [("file", "export.xlsx", "application/octet-stream", Array(exported.body.readableBytesView))])
      #expect(r.status == .ok)
      let counts = admin.lastBody.components(separatedBy: "id=\"import-counts\"").last ?? ""
      #expect(!counts.contains("<td class=\"num\">1</td><td class=\"num\">"), "no new rows")
    }
  }
}
