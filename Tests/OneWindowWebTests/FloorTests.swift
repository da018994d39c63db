import Foundation
import OneWindowDomain
import OneWindowStore
import Testing
import VaporTesting

@Suite("驻厅管理: sign-ins, leaves with stand-ins, and the 阳光台 board")
struct FloorTests {
  /// The board's card of one window.
  static func card(_ number: String, in page: String) -> String? {
    page.components(separatedBy: #"data-window="\#(number)""#).dropFirst().first?.components(
      separatedBy: "</div></div>"
    )
    .first
  }

  @Test(
    "a leave hands the window to its stand-in on the board and the pad; a clerk signs in at a window of her own hall",
    arguments: TestDatabase.all)
  func floor(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      // setup: window 01 of the center, its A post and someone to stand in
      let day = CivilDate(iso: "2026-11-23")!
      let windows = try await DirectoryRepository(app.db).windows(site: "site-center")
      let window = try #require(windows.first { $0.number == "01" })
      let aPost = try #require(try await RosterRepository(app.db).onDuty(window: window.id, post: .a, on: day))
      let staff = StaffRepository(app.db)
      let holder = try #require(try await staff.find(id: aPost))
      let clerk = try #require(try await staff.find(username: "clerk2"))
      var anonymous = TestBrowser(app)
      _ = try await anonymous.get("/hall/sites/site-center/staff")
      #expect(
        anonymous.lastBody.contains(#"id="window-staff""#) && anonymous.lastBody.contains(holder.identity.displayName))

      // act: the administrator records a leave; a bad one names its fields and saves nothing
      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      _ = try await admin.get("/admin/leaves")
      let token = try #require(admin.csrfToken)
      var refused = try await admin.post(
        "/admin/leaves",
        form: ["_csrf": token, "staff_id": aPost, "first_day": "2026-11-23", "last_day": "2026-11-20", "reason": ""])
      #expect(refused.status == .unprocessableEntity)
      for field in ["last_day", "reason"] { #expect(admin.lastBody.contains(#"id="\#(field)-error""#), "\(field)") }
      #expect(try await FloorRosterRepository(app.db).leaves(county: "360999", from: day).isEmpty)
      let standIn = try #require(try await staff.find(username: "townclerk"))
      refused = try await admin.post(
        "/admin/leaves",
        form: [
          "_csrf": token, "staff_id": aPost, "first_day": "2026-11-23", "last_day": "2026-11-24", "reason": "病假",
          "stand_in_id": standIn.identity.id,
        ])
      #expect(refused.status == .seeOther, "\(admin.lastBody.prefix(2000))")

      // check: the board and the window's pad name the stand-in
      _ = try await anonymous.get("/hall/sites/site-center/staff")
      let card = try #require(Self.card("01", in: anonymous.lastBody))
      #expect(card.contains(standIn.identity.displayName) && card.contains("替岗"), "\(card)")
      #expect(!card.contains(holder.identity.displayName))
      // a day before the leave, the roster names the A post
      _ = try await anonymous.get("/hall/sites/site-center/staff?day=2026-11-20")
      let before = try #require(Self.card("01", in: anonymous.lastBody))
      #expect(before.contains(holder.identity.displayName) && !before.contains("替岗"), "\(before)")
      _ = try await anonymous.get("/hall/windows/\(window.id)/pad")
      #expect(anonymous.lastBody.contains(standIn.identity.displayName))
      // and the stand-in may call at that window, though it is not her post
      #expect(try await FloorRosterRepository(app.db).standingIn(staff: standIn.identity.id, on: day) == [window.id])

      // act: another clerk (not on leave) signs in at window 01 and is the one serving there
      var desk = TestBrowser(app)
      _ = try await desk.signIn("clerk2")
      // the B post's call panel names who really serves at window 01: the named stand-in
      _ = try await desk.get("/window")
      let servingLine = try #require(desk.lastBody.components(separatedBy: #"id="serving""#).dropFirst().first)
      #expect(servingLine.prefix(300).contains(standIn.identity.displayName) && servingLine.prefix(300).contains("替岗"))
      _ = try await desk.get("/staff")
      #expect(desk.lastBody.contains(#"id="sign-in""#) && desk.lastBody.contains("今日尚未签到"))
      let signed = try await desk.post(
        "/staff/sign-in", form: ["_csrf": try #require(desk.csrfToken), "window_id": window.id])
      #expect(signed.status == .seeOther)
      _ = try await desk.get("/staff")
      #expect(desk.lastBody.contains("今日已在 01 号窗口签到"))
      _ = try await desk.get("/window")
      #expect(desk.lastBody.contains(#"id="serving">在岗：您"#) && desk.lastBody.contains("已签到"))
      _ = try await anonymous.get("/hall/sites/site-center/staff")
      let now = try #require(Self.card("01", in: anonymous.lastBody))
      #expect(now.contains(clerk.identity.displayName), "\(now)")

      // act: on window 02's pad, a clerk of this hall signs in with their password (no session is opened there);
      // a wrong password, and a clerk of another hall, are refused by field
      let pad = try #require(
        try await DirectoryRepository(app.db).windows(site: "site-center").first { $0.number == "02" })
      var screen = TestBrowser(app)
      _ = try await screen.get("/hall/windows/\(pad.id)/pad")
      let padToken = try #require(screen.csrfToken)
      let wrong = try await screen.post(
        "/hall/windows/\(pad.id)/pad/sign-in", form: ["_csrf": padToken, "username": "clerk", "password": "nope"])
      #expect(wrong.status == .unprocessableEntity && screen.lastBody.contains(#"data-field="password""#))
      let stranger = try await screen.post(
        "/hall/windows/\(pad.id)/pad/sign-in",
        form: ["_csrf": padToken, "username": "townclerk", "password": "demo1234"])
      #expect(stranger.status == .unprocessableEntity && screen.lastBody.contains(#"data-field="username""#))
      let padSigned = try await screen.post(
        "/hall/windows/\(pad.id)/pad/sign-in", form: ["_csrf": padToken, "username": "clerk2", "password": "demo1234"])
      #expect(padSigned.status == .seeOther && padSigned.headers.setCookie?["ow_session"] == nil)
      _ = try await screen.get("/hall/windows/\(pad.id)/pad?signed=1")
      #expect(screen.lastBody.contains("签到成功") && screen.lastBody.contains(clerk.identity.displayName))
      #expect(try await screen.get("/staff").status != .ok, "the pad is nobody's session")

      // check: a window of another hall is refused; a clerk records no leaves
      let town = try #require(try await DirectoryRepository(app.db).sites().first { $0.id != "site-center" })
      if let other = try await DirectoryRepository(app.db).windows(site: town.id).first {
        let elsewhere = try await desk.post(
          "/staff/sign-in", form: ["_csrf": try #require(desk.csrfToken), "window_id": other.id])
        #expect(elsewhere.status == .unprocessableEntity)
      }
      let forbidden = try await desk.post(
        "/admin/leaves", form: ["_csrf": try #require(desk.csrfToken), "staff_id": aPost, "reason": "x"])
      #expect(forbidden.status == .forbidden)
    }
  }
}

@Suite("驻厅管理 through the API")
struct FloorAPITests {
  @Test(
    "leaves, sign-ins and who serves at each window, by API: the pages' rules, problems named by field",
    arguments: TestDatabase.all)
  func floorAPI(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      let admin = try await APIClient.signIn(app, "admin")
      let clerk = try await APIClient.signIn(app, "clerk")
      let staff = StaffRepository(app.db)
      let aPost = try #require(try await staff.find(username: "clerk")).identity.id
      let bPost = try #require(try await staff.find(username: "clerk2")).identity
      // bad input: each field named, nothing recorded
      var r = try await admin.send(
        .POST, "/api/v1/leaves", ["staff_id": aPost, "first_day": "2026-13-01", "reason": ""])
      #expect(r.status == .unprocessableEntity)
      #expect(try JSON(r)["error"]["field"].string == "first_day")
      #expect(
        try await FloorRosterRepository(app.db).leaves(county: "360999", from: CivilDate(iso: "2026-01-01")!).isEmpty)
      // a clerk records no leaves
      r = try await clerk.send(
        .POST, "/api/v1/leaves",
        ["staff_id": aPost, "first_day": "2026-11-23", "last_day": "2026-11-24", "reason": "病假"])
      #expect(r.status == .forbidden)
      // the A post away today, no named stand-in: the B post serves
      r = try await admin.send(
        .POST, "/api/v1/leaves",
        ["staff_id": aPost, "first_day": "2026-11-23", "last_day": "2026-11-24", "reason": "病假"])
      #expect(r.status == .created, "\(r.body.string)")
      r = try await admin.send(.GET, "/api/v1/leaves?from=2026-11-23")
      #expect(try JSON(r)["total"].int == 1 && r.body.string.contains(#""stand_in_id":null"#))
      r = try await clerk.send(.GET, "/api/v1/sites/site-center/roster")
      let window01 = try #require(try JSON(r)["items"].array.first { $0["number"].string == "01" })
      #expect(window01["staff_id"].string?.lowercased() == bPost.id.lowercased() && window01["basis"].string == "bPost")
      // the B post signs in at window 01: it serves there, signed in
      let clerk2 = try await APIClient.signIn(app, "clerk2")
      r = try await clerk2.send(.POST, "/api/v1/sign-ins", ["window_id": window01["window_id"].string ?? ""])
      #expect(r.status == .created, "\(r.body.string)")
      r = try await clerk.send(.GET, "/api/v1/sites/site-center/roster")
      #expect(try JSON(r)["items"].array.first { $0["number"].string == "01" }?["basis"].string == "signedIn")
      // another hall's window is refused by field; an unknown site is not found
      r = try await clerk2.send(.POST, "/api/v1/sign-ins", ["window_id": "nope"])
      #expect(r.status == .unprocessableEntity)
      #expect(try JSON(r)["error"]["field"].string == "window_id")
      #expect(try await clerk.send(.GET, "/api/v1/sites/nope/roster").status == .notFound)
    }
  }
}

@Suite("A site's service map")
struct ServiceMapTests {
  @Test(
    "the site's page shows who serves it: each window's department, groups, posts and who is there today",
    arguments: TestDatabase.all)
  func serviceMap(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      let staff = StaffRepository(app.db)
      let aPost = try #require(try await staff.find(username: "clerk")).identity
      let bPost = try #require(try await staff.find(username: "clerk2")).identity
      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      _ = try await admin.get("/admin/directory/sites/site-center")
      let map = try #require(admin.lastBody.components(separatedBy: #"id="service-map""#).dropFirst().first)
      let row = try #require(
        map.components(separatedBy: #"data-window="win-site-center-01""#).dropFirst().first?
          .components(separatedBy: "</tr>").first)
      #expect(row.contains(aPost.displayName) && row.contains(bPost.displayName) && row.contains("A岗"), "\(row)")
      #expect(row.contains("A 综合受理"), "the business group it calls")
      // the A post away with no named stand-in: today the B post serves there
      let api = try await APIClient.signIn(app, "admin")
      _ = try await api.send(
        .POST, "/api/v1/leaves",
        ["staff_id": aPost.id, "first_day": "2026-11-23", "last_day": "2026-11-23", "reason": "事假"])
      _ = try await admin.get("/admin/directory/sites/site-center")
      let after = try #require(
        admin.lastBody.components(separatedBy: #"data-window="win-site-center-01""#).dropFirst()
          .first?.components(separatedBy: "</tr>").first)
      #expect(after.contains("B岗替岗"), "\(after)")
    }
  }
}

@Suite("A window's business groups on its own form")
struct WindowGroupTests {
  @Test(
    "the window form sets the business groups it calls; the last window of a group cannot leave it",
    arguments: TestDatabase.all)
  func groups(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      _ = try await admin.get("/admin/directory/windows/win-site-center-07")
      var fields = FormFields.read(admin.lastBody, action: "/admin/directory/windows/win-site-center-07")
      #expect(fields["group_B"] == "on" && fields["group_A"] == nil, "window 07 calls 公安户政 only")
      // act: 07 also calls 综合受理
      fields["group_A"] = "on"
      let saved = try await admin.post("/admin/directory/windows/win-site-center-07", form: fields)
      #expect(saved.status == .seeOther, "\(admin.lastBody.prefix(2000))")
      let groups = try await HallRepository(app.db).groups(site: "site-center")
      #expect(groups.first { $0.code == "A" }?.windowIDs.contains("win-site-center-07") == true)
      #expect(groups.first { $0.code == "B" }?.windowIDs == ["win-site-center-07"])
      // act: 07 leaves 公安户政, whose only window it is: refused at that box, nothing saved
      fields["group_B"] = nil
      fields["name"] = "改名不应保存"
      let refused = try await admin.post("/admin/directory/windows/win-site-center-07", form: fields)
      #expect(refused.status == .unprocessableEntity && admin.lastBody.contains(#"id="group_B-error""#))
      #expect(try await DirectoryRepository(app.db).window("win-site-center-07")?.name != "改名不应保存")
      #expect(
        try await HallRepository(app.db).groups(site: "site-center").first { $0.code == "B" }?.windowIDs == [
          "win-site-center-07"
        ])
    }
  }
}

@Suite("Staff photos set by the administrator")
struct StaffPhotoTests {
  @Test(
    "the administrator uploads a clerk's photo for the boards; a file that is not a photo is named and nothing kept",
    arguments: TestDatabase.all)
  func photo(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      let clerk = try #require(try await StaffRepository(app.db).find(username: "clerk2"))
      let path = "/admin/directory/staff/\(clerk.identity.id)"
      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      _ = try await admin.get(path)
      #expect(admin.lastBody.contains(#"id="photo-form""#))
      let token = try #require(admin.csrfToken)
      let refused = try await admin.post(
        path + "/photo", form: ["_csrf": token], files: [("photo", "a.exe", "image/png", Array("MZ binary".utf8))])
      #expect(refused.status == .unprocessableEntity && admin.lastBody.contains(#"id="photo-error""#))
      #expect(try await AgentProfileRepository(app.db).profile(of: clerk.identity.id)?.photo == nil)
      let saved = try await admin.post(
        path + "/photo", form: ["_csrf": token], files: [("photo", "张静怡.png", "image/png", WindowScanTests.png)])
      #expect(saved.status == .seeOther)
      #expect(try await AgentProfileRepository(app.db).profile(of: clerk.identity.id)?.photo != nil)
      var visitor = TestBrowser(app)
      let served = try await visitor.get("/agents/\(clerk.identity.id)/photo")
      #expect(served.status == .ok)
      // a clerk may not set anyone's photo
      var desk = TestBrowser(app)
      _ = try await desk.signIn("clerk")
      _ = try await desk.get("/staff")
      let forbidden = try await desk.post(
        path + "/photo", form: ["_csrf": try #require(desk.csrfToken)],
        files: [("photo", "x.png", "image/png", WindowScanTests.png)])
      #expect(forbidden.status == .forbidden)
    }
  }
}
