import Foundation
import OneWindowDomain
import OneWindowSpreadsheet
import OneWindowStore
import SQLKit
import Testing
import VaporTesting

@testable import OneWindowWeb

/// Several counties in one deployment (a city's districts): the staff of one county probe every staff route, page and
/// API, with the other county's records in every path parameter, and read and change nothing of it.
@Suite("Two counties in one database")
struct CountyIsolationTests {
  static let victim = "360999"
  static let prober = "360888"
  /// Text that only the victim county's records hold: its name (in its sites and towns), its case's number and
  /// applicant, its clerk's name.
  static let applicant = "欧阳澄溪"

  /// Adds 青山县 (360888) beside the demo county, its directory from a workbook, and one account of every role.
  static func addSecondCounty(_ app: Application) async throws {
    let hash = try await app.password.async.hash(DemoCounty.password)
    _ = try await DirectoryRepository(app.db).addCounty(
      CountySetup(
        countyCode: prober, countyName: "青山县", adminUsername: "qsadmin", adminName: "周建国",
        password: DemoCounty.password),
      passwordHash: hash)
    var admin = TestBrowser(app)
    _ = try await admin.signIn("qsadmin")
    _ = try await admin.get("/admin/directory/import")
    let token = try #require(admin.csrfToken)
    _ = try await admin.post(
      "/admin/directory/import", form: ["_csrf": token],
      files: [("file", "青山县.xlsx", "application/octet-stream", DirectoryWorkbookTests.countyBook())])
    let upload = try #require(FormFields.read(admin.lastBody, action: "/admin/directory/import")["upload"])
    let done = try await admin.post(
      "/admin/directory/import", form: ["_csrf": token, "upload": upload, "confirm": "1"])
    #expect(done.status == .ok)
    let directory = DirectoryRepository(app.db)
    let county = try #require(RegionCode(prober))
    let center = try #require(
      try await directory.sites().first { county.contains($0.regionCode) && $0.kind == .serviceCenter })
    let department = try #require(try await directory.departments(in: county).first)
    let town = try #require(RegionCode("360888101"))
    let staff: [(String, Role, Scope)] = [
      ("qsclerk", .clerk, Scope(regionCode: county, siteID: center.id)),
      ("qsreviewer", .reviewer, Scope(regionCode: county, departmentID: department.id)),
      ("qsagent", .agent, Scope(regionCode: town)),
      ("qssupervisor", .supervisor, Scope(regionCode: county)),
      ("qsservice", .service, Scope(regionCode: county)),
    ]
    for (username, role, scope) in staff {
      _ = try await StaffRepository(app.db).add(
        NewStaff(username: username, displayName: "青山\(role.rawValue)", role: role, scope: scope, title: ""),
        passwordHash: hash)
    }
  }

  @Test(
    "the other county's staff, on every staff route with this county's records, read and change nothing of it",
    arguments: TestDatabase.all)
  func probe(database: TestDatabase) async throws {
    try await withTestApp(database, now: CaseAPITests.monday) { app in
      // The victim county's records.
      let clerk = try await APIClient.signIn(app, "clerk")
      let created = try await clerk.send(
        .POST, "/api/v1/cases",
        [
          "item_code": "360105002000",
          "applicant": ["name": Self.applicant, "id_number": "11010519491231002X", "phone": "13912345678"],
        ])
      let number = try #require(try JSON(created)["number"].string, "\(created.body.string)")
      try await Self.addSecondCounty(app)
      let ids = try await Self.victimRecords(app, caseNumber: number)
      let clerkName = try #require(try await StaffRepository(app.db).find(username: "clerk")?.identity.displayName)
      let markers = ["云溪", "城关镇", "石桥镇", number, Self.applicant, clerkName]
      let before = try await Self.fingerprint(app)

      var browsers: [String: TestBrowser] = [:]
      var tokens: [String: String] = [:]
      let probers = ["qsadmin", "qsclerk", "qsreviewer", "qsagent", "qssupervisor", "qsservice"]
      for username in probers {
        var browser = TestBrowser(app)
        _ = try await browser.signIn(username)
        let home = try await browser.get("/staff")
        #expect(home.status == .ok, "\(username) signs in")
        #expect(browser.lastBody.contains("青山县") && !browser.lastBody.contains("云溪"), "\(username)'s header")
        browsers[username] = browser
        tokens[username] = try await APIClient.signIn(app, username).token
      }

      var probed = 0
      for route in app.routes.all {
        let template = "/" + route.path.map(\.description).joined(separator: "/")
        let name = "\(route.method.rawValue) \(template)"
        if RouteWalkTests.skipped.contains(name) { continue }
        // Open and citizens' routes answer everyone alike (the public portal, a hall's kiosk); they are walked by
        // RouteWalkTests. Here: what a county's staff may reach.
        switch route.declaredAccess {
        case .staff?, .permission?: break
        default: continue
        }
        let path = Self.fill(route.path, ids)
        for username in probers {
          let (status, body) = try await Self.send(app, route.method, path, username, &browsers, tokens)
          probed += 1
          #expect(status.code < 500, "\(name) as \(username) → \(status.code) (\(path))")
          // The page's own address comes back in its language and text-size links: not a record.
          let shown = body.replacingOccurrences(of: path, with: "")
            .replacingOccurrences(of: path.replacingOccurrences(of: "/", with: "%2F"), with: "")
          for marker in markers where shown.contains(marker) && !path.contains(marker) {
            let at = shown.range(of: marker)!
            let context = shown[
              (shown.index(at.lowerBound, offsetBy: -80, limitedBy: shown.startIndex) ?? shown.startIndex)..<(shown
                .index(
                  at.upperBound, offsetBy: 40, limitedBy: shown.endIndex) ?? shown.endIndex)]
            Issue.record("\(name) as \(username) (\(path)) → \(status.code) shows \(marker): …\(context)…")
          }
        }
      }
      #expect(probed > 1000)

      // Whole, well-formed writes whose body names the victim's records: each refused by field.
      let bundle = try #require(try await BundleRepository(app.db).all(county: Self.victim).first)
      let ownTown = "360888101"
      let forged: [(String, String, [String: String], String)] = [
        (
          "qsadmin", "/admin/bundles",
          [
            "id": bundle.id, "name": "篡改", "summary": "x", "audience": "person",
            "item_codes": bundle.itemCodes.joined(separator: ","), "lead_department_id": bundle.leadDepartmentID,
          ], "id"
        ),
        (
          "qssupervisor", "/supervision/tickets",
          [
            "subject_kind": "department", "department_id": ids["department"]!, "instruction": "限期答复",
            "workdays": "2",
          ], "department_id"
        ),
        ("qsadmin", "/admin/proxy-lists/\(ownTown)", ["item_code": ids["item"]!], "item_code"),
      ]
      for (username, path, form, field) in forged {
        var browser = browsers[username]!
        let response = try await browser.post(path, form: form.merging(["_csrf": browser.csrfToken ?? ""]) { $1 })
        browsers[username] = browser
        #expect(response.status == .unprocessableEntity, "\(path) as \(username) → \(response.status.code)")
        #expect(browser.lastBody.contains("\(field)"), "\(path) names \(field)")
      }
      let clerkB = try await APIClient(app: app, token: tokens["qsclerk"]!).send(
        .POST, "/api/v1/cases",
        [
          "item_code": "360105002000",
          "applicant": ["name": "青山申请人", "id_number": "11010519491231002X", "phone": "13912345678"],
        ])
      #expect(clerkB.status == .unprocessableEntity, "another county's item: \(clerkB.body.string)")
      #expect(try JSON(clerkB)["error"]["field"].string == "item_code")

      let after = try await Self.fingerprint(app)
      for (table, digest) in before where after[table] != digest {
        Issue.record("the probe changed \(table) of the victim county")
      }
      // The fingerprint sees a change of a single field.
      let sql = app.db as! any SQLDatabase
      try await sql.raw("UPDATE service_bundles SET name = 'x' WHERE id = \(bind: bundle.id)").run()
      #expect(try await Self.fingerprint(app)["service_bundles"] != after["service_bundles"])
    }
  }

  @Test(
    "a city account chooses the county it works in, sees only that county's records, and only its city's counties",
    arguments: TestDatabase.all)
  func cityAccount(database: TestDatabase) async throws {
    try await withTestApp(database, now: CaseAPITests.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(
        try JSON(
          try await clerk.send(
            .POST, "/api/v1/cases",
            [
              "item_code": "360105002000",
              "applicant": ["name": Self.applicant, "id_number": "11010519491231002X", "phone": "13912345678"],
            ]))["number"].string)
      try await Self.addSecondCounty(app)
      let accounts = StaffRepository(app.db)
      let hash = try await app.password.async.hash(DemoCounty.password)
      let city = try #require(RegionCode("360900"))
      // Only an administrator or a supervisor works for a city, and not at a site.
      await #expect(throws: ValidationError.self) {
        _ = try await accounts.add(
          NewStaff(username: "cityclerk", displayName: "市窗口", role: .clerk, scope: Scope(regionCode: city), title: ""),
          passwordHash: hash)
      }
      await #expect(throws: ValidationError.self) {
        _ = try await accounts.add(
          NewStaff(
            username: "citysite", displayName: "市场所", role: .admin,
            scope: Scope(regionCode: city, siteID: "site-center"), title: ""),
          passwordHash: hash)
      }
      _ = try await accounts.add(
        NewStaff(username: "cityadmin", displayName: "市级管理员", role: .admin, scope: Scope(regionCode: city), title: ""),
        passwordHash: hash)
      // A third county, in the same city as the demo county (青山县 360888 is another city's).
      _ = try await DirectoryRepository(app.db).addCounty(
        CountySetup(
          countyCode: "360921", countyName: "奉溪县", adminUsername: "fxadmin", adminName: "李明",
          password: DemoCounty.password),
        passwordHash: hash)

      var browser = TestBrowser(app)
      _ = try await browser.signIn("cityadmin")
      let home = try await browser.get("/staff")
      #expect(home.status == .seeOther && home.headers.first(name: .location) == "/city")
      _ = try await browser.get("/city")
      #expect(
        browser.lastBody.contains("data-county=\"360999\"") && browser.lastBody.contains("data-county=\"360921\""))
      #expect(!browser.lastBody.contains("data-county=\"360888\""), "another city's county")
      // Before choosing, the account reads no county's records.
      _ = try await browser.get("/admin/directory")
      #expect(!browser.lastBody.contains("云溪") && !browser.lastBody.contains("石桥镇"))
      #expect(try await browser.get("/cases/\(number)").status == .notFound)

      let token = try #require(browser.csrfToken)
      var moved = try await browser.post("/city/county", form: ["_csrf": token, "county": "360999"])
      #expect(moved.status == .seeOther && moved.headers.first(name: .location) == "/staff")
      _ = try await browser.get("/admin/directory")
      #expect(browser.lastBody.contains("机构与人员：云溪县") && browser.lastBody.contains("石桥镇"))
      #expect(browser.lastBody.contains("id=\"county-switch\""))
      #expect(try await browser.get("/cases/\(number)").status == .ok)

      moved = try await browser.post("/city/county", form: ["_csrf": token, "county": "360921"])
      _ = try await browser.get("/admin/directory")
      #expect(browser.lastBody.contains("奉溪县") && !browser.lastBody.contains("云溪"))
      #expect(try await browser.get("/cases/\(number)").status == .notFound)

      // A county of another city, or one not set up here, is refused by field; a county's own administrator has no
      // city.
      for other in ["360888", "360922", "110101"] {
        let outside = try await browser.post("/city/county", form: ["_csrf": token, "county": other])
        #expect(outside.status == .unprocessableEntity && browser.lastBody.contains("county"), "\(other)")
      }
      _ = try await browser.get("/admin/directory")
      #expect(browser.lastBody.contains("奉溪县"), "still where it was")
      var countyAdmin = TestBrowser(app)
      _ = try await countyAdmin.signIn("qsadmin")
      _ = try await countyAdmin.get("/staff")
      #expect(try await countyAdmin.get("/city").status == .forbidden)
      let refused = try await countyAdmin.post(
        "/city/county", form: ["_csrf": countyAdmin.csrfToken ?? "", "county": "360999"])
      #expect(refused.status == .forbidden)
    }
  }

  @Test(
    "a county's catalog import cannot write another county's items: each code another county holds is a problem",
    arguments: TestDatabase.all)
  func importOtherCountysCodes(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      try await Self.addSecondCounty(app)
      // The demo county's catalog, its departments replaced by one of 青山县's, imported by 青山县's administrator.
      let own = try #require(try await DirectoryRepository(app.db).departments(county: Self.prober).first).id
      var book = try Workbook(xlsx: try await CatalogSpreadsheet.export(county: Self.victim, app.db))
      let items = try #require(book.sheets.firstIndex { $0.name == CatalogSheet.itemSheet })
      let column = try #require(book.sheets[items].rows.first?.firstIndex(of: "实施主体"))
      for row in book.sheets[items].rows.indices.dropFirst() { book.sheets[items].rows[row][column] = own }
      let before = try await Self.fingerprint(app)["service_items"]
      var admin = TestBrowser(app)
      _ = try await admin.signIn("qsadmin")
      _ = try await admin.get("/admin/catalog/import")
      let r = try await admin.post(
        "/admin/catalog/import", form: ["_csrf": try #require(admin.csrfToken)],
        files: [("file", "catalog.xlsx", "application/octet-stream", book.xlsx())])
      #expect(r.status == .unprocessableEntity, "\(admin.lastBody.components(separatedBy: "<main").last!.prefix(1500))")
      #expect(admin.lastBody.contains("已是其他县区（360999）的事项"))
      #expect(try await Self.fingerprint(app)["service_items"] == before, "nothing of the other county changed")
    }
  }

  @Test("a visitor picks the county whose services, sites and bundles the portal shows", arguments: TestDatabase.all)
  func visitorPicksCounty(database: TestDatabase) async throws {
    try await withTestApp(database, now: CaseAPITests.monday) { app in
      // A case makes the item one of the first county's 热门事项.
      _ = try await APIClient.signIn(app, "clerk").createCase()
      try await Self.addSecondCounty(app)
      var visitor = TestBrowser(app)
      _ = try await visitor.get("/")
      #expect(visitor.lastBody.contains("id=\"county-switch\""), "two counties: the header offers the choice")
      #expect(visitor.lastBody.contains("href=\"/items/\(WindowPagesTests.foodLicence)\""), "popular here")
      _ = try await visitor.get("/counties")
      #expect(visitor.lastBody.contains("云溪县") && visitor.lastBody.contains("青山县"))
      _ = try await visitor.get("/items?q=\(WindowPagesTests.foodLicence)")
      #expect(visitor.lastBody.contains("href=\"/items/\(WindowPagesTests.foodLicence)\""), "the first county's item")
      let picked = try await visitor.get("/counties/360888?to=/items")
      #expect(picked.status == .seeOther && picked.headers.first(name: .location) == "/items")
      _ = try await visitor.get("/")
      #expect(visitor.lastBody.contains("青山县") && !visitor.lastBody.contains("云溪县行政服务中心"))
      #expect(!visitor.lastBody.contains("href=\"/items/\(WindowPagesTests.foodLicence)\""), "not popular there")
      _ = try await visitor.get("/items?q=\(WindowPagesTests.foodLicence)")
      #expect(!visitor.lastBody.contains("href=\"/items/\(WindowPagesTests.foodLicence)\""), "not the other county's")
      #expect(try await visitor.get("/counties/110101").status == .notFound)
    }
  }

  /// The victim's record of each kind the routes name, by path: the case, its site and window, a department, a town,
  /// an account, a duty, and whatever the county holds of tickets, inquiries, rectifications and the like.
  static func victimRecords(_ app: Application, caseNumber: String) async throws -> [String: String] {
    let sql = app.db as! any SQLDatabase
    func first(_ table: String, _ column: String = "id") async throws -> String {
      let row = try await sql.raw(
        "SELECT CAST(\(unsafeRaw: column) AS TEXT) AS v FROM \(unsafeRaw: table) WHERE county_code = \(bind: victim) ORDER BY 1 LIMIT 1"
      ).first()
      return try row?.decode(column: "v", as: String.self) ?? "00000000-0000-0000-0000-000000000000"
    }
    let directory = DirectoryRepository(app.db)
    let center = try #require(
      try await directory.sites().first { $0.kind == .serviceCenter && $0.regionCode.value == victim })
    return [
      "number": caseNumber, "site": center.id, "window": try await first("windows"),
      "department": try await first("departments"), "town": "360999101", "staff": try await first("staff"),
      "duty": try await first("duty_assignments"), "chief": try await first("chief_authorizations"),
      "item": try await first("service_items", "code"), "ticket": try await first("tickets"),
      "inquiry": try await first("inquiries", "number"), "rectification": try await first("rectifications"),
      "shipment": try await first("shipments"), "knowledge": try await first("knowledge_entries"),
      "supervision": try await first("supervision_tickets"), "spot": try await first("spot_checks"),
      "evaluation": try await first("evaluations"), "hit": try await first("rule_hits"),
      "bundle": try await first("service_bundles"), "appeal": try await first("evaluation_appeals"),
    ]
  }

  static func fill(_ components: [PathComponent], _ ids: [String: String]) -> String {
    let joined = components.map(\.description).joined(separator: "/")
    func id() -> String {
      let kinds: [(String, String)] = [
        ("directory/regions", "town"), ("api/v1/regions", "town"), ("sites", "site"), ("departments", "department"),
        ("windows", "window"), ("staff/evaluations", "evaluation"), ("directory/staff", "staff"),
        ("api/v1/staff", "staff"), ("duties", "duty"), ("chief", "chief"), ("hall/tickets", "ticket"),
        ("desk/tickets", "ticket"), ("rectifications", "rectification"), ("shipments", "shipment"),
        ("knowledge", "knowledge"), ("supervision/tickets", "supervision"), ("spot-checks", "spot"),
        ("supervision/hits", "hit"), ("appeals", "appeal"), ("bundle", "bundle"),
      ]
      for (prefix, kind) in kinds where joined.contains(prefix) { return ids[kind] ?? "" }
      return "00000000-0000-0000-0000-000000000000"
    }
    return "/"
      + components.map { component -> String in
        guard case .parameter(let name) = component else { return component.description }
        switch name {
        case "number": return joined.contains("inquiries") ? ids["inquiry"]! : ids["number"]!
        case "site": return ids["site"]!
        case "window": return ids["window"]!
        case "code": return joined.contains("towns") ? ids["town"]! : ids["item"]!
        case "region": return ids["town"]!
        case "id": return id()
        case "kind": return "acceptance"
        case "step": return "accept"
        case "action": return "start"
        case "file": return "0000"
        case "figure": return "overdue_rate"
        default: return "x"
        }
      }.joined(separator: "/")
  }

  static func send(
    _ app: Application, _ method: HTTPMethod, _ path: String, _ username: String,
    _ browsers: inout [String: TestBrowser], _ tokens: [String: String]
  ) async throws -> (HTTPStatus, String) {
    if path.hasPrefix("/api/") {
      var headers = HTTPHeaders()
      headers.add(name: .authorization, value: "Bearer \(tokens[username]!)")
      var body: ByteBuffer?
      if method != .GET {
        headers.add(name: .contentType, value: "application/json")
        body = ByteBuffer(string: "{}")
      }
      let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
      return (response.status, response.body.string)
    }
    var browser = browsers[username]!
    defer { browsers[username] = browser }
    let response =
      method == .GET
      ? try await browser.get(path) : try await browser.post(path, form: ["_csrf": browser.csrfToken ?? ""])
    return (response.status, response.body.string)
  }

  /// A digest of every row the victim county holds (tables with a county, whole tables without one), on either
  /// database: what the probe must leave as it was.
  static func fingerprint(_ app: Application) async throws -> [String: String] {
    let sql = app.db as! any SQLDatabase
    let postgres = sql.dialect.name == "postgresql"
    let tables =
      try await sql.raw(
        postgres
          ? "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
          : "SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
      ).all().map { try $0.decode(column: "t", as: String.self) }
    // Written by anyone's visit, whatever the county: not records of it.
    let ignored: Set<String> = [
      "_fluent_migrations", "readiness_probe", "staff_sessions", "api_tokens", "login_attempts", "rate_limits",
      "supervision_cursors",
    ]
    var digests: [String: String] = [:]
    for table in tables.sorted() where !ignored.contains(table) {
      let columns =
        try await sql.raw(
          postgres
            ? "SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position"
            : "SELECT name AS c FROM pragma_table_info(\(bind: table)) ORDER BY cid"
        ).all().map { try $0.decode(column: "c", as: String.self) }
      let filter: SQLQueryString =
        columns.contains("county_code") ? "WHERE county_code = \(bind: victim)" : ""
      let row: SQLQueryString =
        postgres
        ? "CAST(t AS text)"
        : "\(unsafeRaw: columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || "))"
      let text =
        try await sql.raw(
          postgres
            ? "SELECT COALESCE(md5(string_agg(\(row), ',' ORDER BY \(row))), '') AS d, COUNT(*) AS n FROM \(ident: table) t \(filter)"
            : "SELECT COALESCE(group_concat(r, ','), '') AS d, COUNT(*) AS n FROM (SELECT \(row) AS r FROM \(ident: table) \(filter) ORDER BY 1)"
        ).first()
      let digest = try text?.decode(column: "d", as: String.self) ?? ""
      let count = try text?.decode(column: "n", as: Int.self) ?? 0
      digests[table] = "\(count):\(digest.count > 64 ? String(digest.hashValue) : digest)"
    }
    return digests
  }
}
