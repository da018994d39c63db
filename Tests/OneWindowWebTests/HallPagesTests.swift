import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowWeb
import Testing
import VaporTesting

/// The hall through HTTP: kiosk, the calling panel on the workbench, the pad, appointments, figures, the API, and
/// live events between processes.
@Suite("Hall pages")
struct HallPagesTests {
  /// Tuesday 2026-11-24, 10:00 in Asia/Shanghai.
  static let now = HallStoreTests.now
  static let kiosk = "/hall/sites/site-center/kiosk"

  /// Takes a ticket at the kiosk like a visitor; returns the slip's path.
  static func take(_ browser: inout TestBrowser, group: String, priority: String = "") async throws -> String {
    _ = try await browser.get(kiosk)
    let response = try await browser.post(
      "/hall/sites/site-center/tickets", form: ["_csrf": browser.csrfToken ?? "", "group": group, "priority": priority])
    #expect(response.status == .seeOther)
    return response.headers.first(name: .location) ?? ""
  }

  @Test("the kiosk's 办件查询 stays in kiosk mode, links nowhere else, and goes back to the kiosk")
  func kioskStatus() async throws {
    try await withTestApp(.sqlite, now: WindowPagesTests.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      let kiosk = try await app.testing().sendRequest(.GET, "/hall/sites/site-center/kiosk").body.string
      #expect(kiosk.contains(#"action="/hall/sites/site-center/kiosk/status""#))
      #expect(!kiosk.contains(#"href="/appointments""#), "no way out of kiosk mode")
      let answer = try await app.testing().sendRequest(
        .GET, "/hall/sites/site-center/kiosk/status?number=\(number)&phone=13912345678")
      let page = answer.body.string
      #expect(answer.status == .ok && page.contains(#"id="case-status""#))
      #expect(
        page.contains("kiosk-screen") && !page.contains(#"<header class="site-header""#)
          && !page.contains(#"href="/login""#))
      #expect(page.contains(#"<a class="button" href="/hall/sites/site-center/kiosk" id="done">"#))
      #expect(!page.contains(#"href="/items/"#), "the guide is not a way out either")
      #expect(page.contains("location.href = '/hall/sites/site-center/kiosk'"), "it resets when left alone")
      let wrong = try await app.testing().sendRequest(
        .GET, "/hall/sites/site-center/kiosk/status?number=\(number)&phone=13900000000")
      #expect(wrong.status != .ok && wrong.body.string.contains("kiosk-screen"))
    }
  }

  @Test("the kiosk gives a numbered slip; no group chosen is told by field", arguments: TestDatabase.all)
  func kiosk(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.now) { app in
      var visitor = TestBrowser(app)
      let page = try await visitor.get(Self.kiosk)
      #expect(page.status == .ok)
      #expect(page.body.string.contains("综合受理") && page.body.string.contains("绿色通道"))
      let slip = try await Self.take(&visitor, group: "A", priority: "elderly")
      #expect(slip.hasPrefix("/hall/tickets/") && slip.hasSuffix("?kiosk=1"))
      let shown = try await visitor.get(slip).body.string
      #expect(shown.contains("A001") && shown.contains("绿色通道") && shown.contains("老年人"))
      #expect(shown.contains("前面还有 0 人等候"))
      let second = try await visitor.get(try await Self.take(&visitor, group: "A")).body.string
      #expect(second.contains("A002") && second.contains("前面还有 1 人等候"))
      _ = try await visitor.get(Self.kiosk)
      let refused = try await visitor.post(
        "/hall/sites/site-center/tickets", form: ["_csrf": visitor.csrfToken ?? "", "group": "Z"])
      #expect(refused.status == .unprocessableEntity)
      #expect(refused.body.string.contains("请选择业务分组"))
      #expect(
        try await HallRepository(app.db).waitingCounts(site: "site-center", day: CivilDate(iso: "2026-11-24")!) == [
          "A": 2
        ])
    }
  }

  @Test(
    "a clerk calls, recalls, marks no-show only after three calls, serves and finishes with the case",
    arguments: TestDatabase.all)
  func callingPanel(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.now) { app in
      var visitor = TestBrowser(app)
      _ = try await Self.take(&visitor, group: "A")
      _ = try await Self.take(&visitor, group: "A")
      var clerk = TestBrowser(app)
      _ = try await clerk.signIn("clerk")
      var workbench = try await clerk.get("/window").body.string
      #expect(workbench.contains("叫下一位") && workbench.contains("等候 2"))
      let token = clerk.csrfToken ?? ""
      let form = { (_: String) in ["_csrf": token, "window_id": "win-site-center-01"] }
      #expect(try await clerk.post("/hall/desk/call", form: form(workbench)).status == .seeOther)
      workbench = try await clerk.get("/window").body.string
      #expect(workbench.contains("id=\"current-ticket\">A001"))
      let ticket = try #require(
        try await HallRepository(app.db).current(window: "win-site-center-01", day: CivilDate(iso: "2026-11-24")!))
      // Calling again while A001 is at the window is refused, by name.
      let busy = try await clerk.post("/hall/desk/call", form: form(workbench))
      #expect(busy.status == .unprocessableEntity && busy.body.string.contains("请先办结或过号 A001"))
      let early = try await clerk.post("/hall/desk/tickets/\(ticket.id)/no-show", form: form(workbench))
      #expect(early.status == .unprocessableEntity && early.body.string.contains("满 3 次才能过号"))
      for _ in 0..<2 {
        #expect(
          try await clerk.post("/hall/desk/tickets/\(ticket.id)/recall", form: form(workbench)).status == .seeOther)
      }
      #expect(try await clerk.get("/window").body.string.contains("id=\"no-show\""))
      #expect(
        try await clerk.post("/hall/desk/tickets/\(ticket.id)/no-show", form: form(workbench)).status == .seeOther)
      // The next one is served and finished; a case number that does not exist is refused by field.
      _ = try await clerk.post("/hall/desk/call", form: form(workbench))
      let second = try #require(
        try await HallRepository(app.db).current(window: "win-site-center-01", day: CivilDate(iso: "2026-11-24")!))
      #expect(second.number == "A002")
      #expect(try await clerk.post("/hall/desk/tickets/\(second.id)/start", form: form(workbench)).status == .seeOther)
      var finish = form(workbench)
      finish["case_number"] = "360999-20261124-99999"
      let unknown = try await clerk.post("/hall/desk/tickets/\(second.id)/finish", form: finish)
      #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("没有编号为 360999-20261124-99999 的办件"))
      finish["case_number"] = ""
      #expect(try await clerk.post("/hall/desk/tickets/\(second.id)/finish", form: finish).status == .seeOther)
      let tickets = try await HallRepository(app.db).tickets(
        site: "site-center", from: CivilDate(iso: "2026-11-24")!, through: CivilDate(iso: "2026-11-24")!)
      #expect(tickets.map(\.state) == [.noShow, .served])
      #expect(tickets[0].calls == 3)
      // A reviewer holds a post at window 05 but is not allowed to call tickets.
      var reviewer = TestBrowser(app)
      _ = try await reviewer.signIn("reviewer")
      _ = try await reviewer.get("/office")
      #expect(
        try await reviewer.post("/hall/desk/call", form: ["_csrf": reviewer.csrfToken ?? ""]).status == .forbidden)
    }
  }

  @Test(
    "网上取号 in opening hours, one open ticket per phone; a clerk takes one for a visitor", arguments: TestDatabase.all)
  func onlineAndClerkTickets(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.now) { app in
      var citizen = TestBrowser(app)
      let form = try await citizen.get("/queue?site=site-center").body.string
      #expect(form.contains("网上取号") && form.contains("公安户政"))
      let token = citizen.csrfToken ?? ""
      let fields = ["_csrf": token, "site": "site-center", "group": "B", "phone": "13700001234"]
      let taken = try await citizen.post("/queue", form: fields)
      #expect(taken.status == .seeOther)
      let slip = try await citizen.get(taken.headers.first(name: .location) ?? "").body.string
      #expect(slip.contains("B001"))
      let again = try await citizen.post("/queue", form: fields)
      #expect(again.status == .unprocessableEntity && again.body.string.contains("该手机号今天已有 B001 号"))
      var badPhone = fields
      badPhone["phone"] = "12345"
      #expect(try await citizen.post("/queue", form: badPhone).body.string.contains("请填写 11 位手机号"))
      app.now = { Self.now + 11 * 3600 }  // 21:00
      var late = fields
      late["phone"] = "13700005678"
      let closed = try await citizen.post("/queue", form: late)
      #expect(closed.status == .unprocessableEntity && closed.body.string.contains("大厅现在不在办公时间"))
      app.now = { Self.now }
      var clerk = TestBrowser(app)
      _ = try await clerk.signIn("clerk")
      _ = try await clerk.get("/window")
      let forVisitor = try await clerk.post(
        "/hall/desk/take", form: ["_csrf": clerk.csrfToken ?? "", "group": "C", "priority": "disabled"])
      #expect(forVisitor.status == .seeOther)
      let tickets = try await HallRepository(app.db).tickets(
        site: "site-center", from: CivilDate(iso: "2026-11-24")!, through: CivilDate(iso: "2026-11-24")!)
      #expect(tickets.map(\.channel) == [.portal, .clerk])
      #expect(tickets[1].number == "C001" && tickets[1].priority == .disabled)
    }
  }

  @Test("an online ticket on a phone: a way back, no print button, and its place in the queue followed live")
  func onlineSlip() async throws {
    try await withTestApp(.sqlite, now: Self.now) { app in
      var citizen = TestBrowser(app)
      _ = try await citizen.get("/queue?site=site-center")
      let taken = try await citizen.post(
        "/queue", form: ["_csrf": citizen.csrfToken ?? "", "site": "site-center", "group": "A", "phone": "13700002222"])
      let slipPath = try #require(taken.headers.first(name: .location))
      let slip = try await citizen.get(slipPath).body.string
      #expect(!slip.contains("打印号票") && slip.contains(#"href="/my""#) && slip.contains(#"href="/appointments""#))
      #expect(slip.contains("new EventSource('/hall/sites/site-center/events')"))
      let waiting = try JSON(try await citizen.get(slipPath + "/position"))
      #expect(waiting["state"].string == "waiting" && waiting["text"].string == "前面还有 0 人等候")
      let api = try await APIClient.signIn(app, "clerk")
      #expect(try await api.send(.POST, "/api/v1/hall/windows/win-site-center-01/call").status == .ok)
      let called = try JSON(try await citizen.get(slipPath + "/position"))
      #expect(called["state"].string == "called" && called["text"].string?.hasPrefix("请到 01 号窗口") == true)
      // The kiosk's slip prints and goes back; it does not follow the queue.
      var visitor = TestBrowser(app)
      let kioskSlip = try await visitor.get(try await Self.take(&visitor, group: "A")).body.string
      #expect(kioskSlip.contains("打印号票") && !kioskSlip.contains("EventSource"))
      #expect(try await citizen.get("/hall/tickets/not-a-ticket/position").status == .notFound)
      // The position has a budget per address like every other way in that anyone may call.
      app.configuration.rateLimits = try RateLimits.parse("ticket_position=3/60")
      let over = try await citizen.get(slipPath + "/position")
      #expect(over.status == .tooManyRequests && over.headers.first(name: .retryAfter) != nil)
    }
  }

  @Test("the display keeps the day's recent calls, the newest large and the finished ones dimmed")
  func displayRecentCalls() async throws {
    try await withTestApp(.sqlite, now: Self.now) { app in
      var visitor = TestBrowser(app)
      for _ in 0..<3 { _ = try await Self.take(&visitor, group: "A") }
      let api = try await APIClient.signIn(app, "clerk")
      for index in 0..<3 {
        let id = try #require(
          try JSON(try await api.send(.POST, "/api/v1/hall/windows/win-site-center-01/call"))["id"].string)
        _ = try await api.send(.POST, "/api/v1/hall/tickets/\(id)/start")
        if index < 2 { _ = try await api.send(.POST, "/api/v1/hall/tickets/\(id)/finish") }
      }
      let page = try await visitor.get("/hall/sites/site-center/display").body.string
      let calls = page.components(separatedBy: #"<li class="call"#).dropFirst().map { $0.prefix(60) }
      #expect(calls.count == 3, "\(calls)")
      #expect(calls.first?.hasPrefix(#" latest"><span class="num">A003"#) == true)
      #expect(calls.dropFirst().allSatisfy { $0.hasPrefix(#" done">"#) })
      // Each call names who called it: the person really serving at the window.
      let clerk = try #require(try await StaffRepository(app.db).find(username: "clerk"))
      #expect(page.components(separatedBy: #"<span class="clerk">\#(clerk.identity.displayName)</span>"#).count == 4)
      let board = try JSON(try await visitor.get("/api/v1/hall/sites/site-center/board"))
      #expect(board["calls"][0]["clerk"].string == clerk.identity.displayName)
    }
  }

  @Test("the pad asks for a rating right after the service, once", arguments: TestDatabase.all)
  func pad(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.now) { app in
      var visitor = TestBrowser(app)
      _ = try await Self.take(&visitor, group: "A")
      let api = try await APIClient.signIn(app, "clerk")
      let called = try JSON(try await api.send(.POST, "/api/v1/hall/windows/win-site-center-01/call"))
      let id = try #require(called["id"].string)
      #expect(try await api.send(.POST, "/api/v1/hall/tickets/\(id)/start").status == .ok)
      let idle = try await visitor.get("/hall/windows/win-site-center-01/pad").body.string
      #expect(idle.contains("无差别综合受理窗口") && !idle.contains("请为本次服务评价"))
      #expect(try await api.send(.POST, "/api/v1/hall/tickets/\(id)/finish").status == .ok)
      let ask = try await visitor.get("/hall/windows/win-site-center-01/pad").body.string
      let token = visitor.csrfToken ?? ""
      #expect(ask.contains("A001 号，请为本次服务评价"))
      let rated = try await visitor.post(
        "/hall/windows/win-site-center-01/pad/rate", form: ["_csrf": token, "ticket_id": id, "score": "5"])
      #expect(rated.headers.first(name: .location) == "/hall/windows/win-site-center-01/pad?thanks=1")
      #expect(try await HallRepository(app.db).ticket(id)?.rating == 5)
      // The rating is a 好差评 of that service: its window and its clerk, in the figures per clerk.
      let ratings = EvaluationRepository(app.db, rule: DeadlineRule(), policy: EvaluationPolicy())
      #expect(try await ratings.rated(ticket: id))
      let clerkID = try #require(try await StaffRepository(app.db).find(username: "clerk")?.identity.id)
      let byClerk = try await ratings.figures(
        by: .staff, county: "360999", from: Self.now - 86_400, to: Self.now + 86_400, now: Self.now)
      #expect(byClerk[clerkID]?.levels == [5: 1])
      let byWindow = try await ratings.figures(
        by: .window, county: "360999", from: Self.now - 86_400, to: Self.now + 86_400, now: Self.now)
      #expect(byWindow["win-site-center-01"]?.levels == [5: 1])
      #expect(!(try await visitor.get("/hall/windows/win-site-center-01/pad").body.string.contains("请为本次服务评价")))
      let again = try await visitor.post(
        "/hall/windows/win-site-center-01/pad/rate", form: ["_csrf": token, "ticket_id": id, "score": "1"])
      #expect(again.headers.first(name: .location) == "/hall/windows/win-site-center-01/pad")
      #expect(try await HallRepository(app.db).ticket(id)?.rating == 5)
      // A service finished ten minutes ago can no longer be rated.
      _ = try await Self.take(&visitor, group: "A")
      let next = try #require(
        try JSON(try await api.send(.POST, "/api/v1/hall/windows/win-site-center-01/call"))["id"].string)
      _ = try await api.send(.POST, "/api/v1/hall/tickets/\(next)/start")
      _ = try await api.send(.POST, "/api/v1/hall/tickets/\(next)/finish")
      app.now = { Self.now + 600 }
      _ = try await visitor.post(
        "/hall/windows/win-site-center-01/pad/rate", form: ["_csrf": token, "ticket_id": next, "score": "1"])
      #expect(try await HallRepository(app.db).ticket(next)?.rating == nil)
    }
  }

  @Test(
    "booking: free times only, errors by field, a code that checks in at the kiosk as a priority ticket",
    arguments: TestDatabase.all)
  func appointments(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.now) { app in
      var citizen = TestBrowser(app)
      let page = try await citizen.get("/appointments?site=site-center&group=B&day=2026-11-24").body.string
      #expect(page.contains("10:30-11:00") && !page.contains("08:30-09:00"))
      let bad = try await citizen.post(
        "/appointments",
        form: [
          "_csrf": citizen.csrfToken ?? "", "site": "site-center", "group": "B", "day": "2026-11-24",
          "slot": "10:00-10:30", "name": "", "phone": "123",
        ])
      #expect(bad.status == .unprocessableEntity)
      for message in ["请填写姓名", "请填写 11 位手机号"] { #expect(bad.body.string.contains(message)) }
      let booked = try await citizen.post(
        "/appointments",
        form: [
          "_csrf": citizen.csrfToken ?? "", "site": "site-center", "group": "B", "day": "2026-11-24",
          "slot": "10:30-11:00", "name": "刘芳", "phone": "13800001111",
        ])
      #expect(booked.status == .created)
      let appointment = try #require(
        try await HallRepository(app.db).appointments(
          site: "site-center", from: CivilDate(iso: "2026-11-24")!, through: CivilDate(iso: "2026-11-24")!
        ).first)
      #expect(booked.body.string.contains(appointment.code) && booked.body.string.contains("138******11"))
      var kiosk = TestBrowser(app)
      _ = try await kiosk.get(Self.kiosk)
      let token = kiosk.csrfToken ?? ""
      let wrong = try await kiosk.post(
        "/hall/sites/site-center/check-in",
        form: ["_csrf": kiosk.csrfToken ?? "", "phone": "13800001111", "code": "12345"])
      #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("签到码为 6 位数字"))
      #expect(!wrong.body.string.contains("未保存任何内容"), "a check-in saves nothing to speak of")
      let checkedIn = try await kiosk.post(
        "/hall/sites/site-center/check-in", form: ["_csrf": token, "phone": "13800001111", "code": appointment.code])
      #expect(checkedIn.status == .seeOther)
      let slip = try await kiosk.get(checkedIn.headers.first(name: .location) ?? "").body.string
      #expect(slip.contains("B001") && slip.contains("预约"))
      // The portal account with the same phone number lists the booking (checked in) and today's ticket.
      var account = try await PortalTests.signUp(app, phone: "13800001111", name: "刘芳", id: "11010519491231002X")
      let mine = try await account.get("/my").body.string
      #expect(mine.contains("我的预约与取号") && mine.contains("B001") && mine.contains("10:30-11:00") && mine.contains("已签到"))
    }
  }

  @Test(
    "figures: waits, no-shows and appointment use for the admin; the API answers 204 when nobody waits",
    arguments: TestDatabase.all)
  func figuresAndAPI(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.now) { app in
      let api = try await APIClient.signIn(app, "clerk")
      #expect(try await api.send(.POST, "/api/v1/hall/windows/win-site-center-01/call").status == .noContent)
      let taken = try await app.testing().sendRequest(
        .POST, "/api/v1/hall/sites/site-center/tickets", headers: ["Content-Type": "application/json"],
        body: ByteBuffer(string: #"{"group":"A","priority":"pregnant"}"#))
      #expect(taken.status == .created)
      #expect(try JSON(taken)["number"].string == "A001")
      let badLane = try await app.testing().sendRequest(
        .POST, "/api/v1/hall/sites/site-center/tickets", headers: ["Content-Type": "application/json"],
        body: ByteBuffer(string: #"{"group":"A","priority":"vip"}"#))
      #expect(badLane.status == .unprocessableEntity)
      let badField = try JSON(badLane)["error"]["field"].string
      #expect(badField == "priority")
      let list = try await api.send(.GET, "/api/v1/hall/sites/site-center/tickets?day=2026-11-24")
      #expect(try JSON(list).array.count == 1)
      #expect(
        try await app.testing().sendRequest(.GET, "/api/v1/hall/sites/site-center/tickets").status == .unauthorized)
      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      let figures = try await admin.get("/hall/figures?site=site-center&from=2026-11-24&through=2026-11-24")
      #expect(
        figures.status == .ok && figures.body.string.contains("综合受理") && figures.body.string.contains("id=\"by-group\"")
      )
      let wrong = try await admin.get("/hall/figures?from=2026-13-40")
      #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("日期格式应为 YYYY-MM-DD"))
    }
  }

  @Test("a hall event published in one process reaches a display subscribed in another", arguments: TestDatabase.all)
  func eventsAcrossProcesses(_ database: TestDatabase) async throws {
    try await withTestApp(database, demo: false) { app in
      // A second application on the same database stands for a second `serve` process (on SQLite, one process).
      let other = try await Application.make(.testing)
      var configuration = AppConfiguration(
        database: app.configuration.database, dataDirectory: app.configuration.dataDirectory)
      configuration.passwordCost = 4
      try OneWindow.configure(other, with: configuration)
      let listener = database == .postgres ? other : app
      do {
        let (_, events) = await listener.events.subscribe("hall:site-x")
        try await app.events.publish("hall:site-x", #"{"kind":"called"}"#, on: app.db)
        let received = try await withThrowingTaskGroup(of: String?.self) { group in
          group.addTask { await events.first { _ in true } }
          group.addTask {
            try await Task.sleep(for: .seconds(5))
            return nil
          }
          let first = try await group.next() ?? nil
          group.cancelAll()
          return first
        }
        #expect(received == #"{"kind":"called"}"#)
      } catch {
        try? await other.asyncShutdown()
        throw error
      }
      try await other.asyncShutdown()
    }
  }
}

/// Hall settings (admin): business groups and the calling policy, every problem by its field.
@Suite("Hall settings")
struct HallAdminTests {
  @Test(
    "an admin adds a group and changes the policy; bad input is told by field and saves nothing",
    arguments: TestDatabase.all)
  func settings(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: HallStoreTests.now) { app in
      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      let page = try await admin.get("/admin/hall?site=site-center")
      #expect(page.status == .ok && page.body.string.contains("公安户政"))
      let token = admin.csrfToken ?? ""
      let bad = try await admin.post(
        "/admin/hall/groups",
        form: [
          "_csrf": token, "site": "site-center", "code": "b", "name": "重复", "slot_capacity": "99",
          "item_codes": "000000000000",
        ])
      #expect(bad.status == .unprocessableEntity)
      for message in ["分组 B 已存在", "至少选择一个窗口", "每时段预约数应为 0–50", "没有编码为 000000000000 的事项"] {
        #expect(bad.body.string.contains(message), "\(message)")
      }
      let added = try await admin.post(
        "/admin/hall/groups",
        form: [
          "_csrf": token, "site": "site-center", "code": "g", "name": "企业开办专区", "slot_capacity": "3",
          "window_win-site-center-05": "on", "item_codes": "360105002000",
        ])
      #expect(added.status == .seeOther)
      let groups = try await HallRepository(app.db).groups(site: "site-center")
      let group = try #require(groups.first { $0.code == "G" })
      #expect(
        group.windowIDs == ["win-site-center-05"] && group.itemCodes == ["360105002000"] && group.slotCapacity == 3)
      // The kiosk offers it at once (the cache was cleared).
      var visitor = TestBrowser(app)
      #expect(try await visitor.get("/hall/sites/site-center/kiosk").body.string.contains("企业开办专区"))
      _ = try await admin.get("/admin/hall?site=site-center")
      let badPolicy = try await admin.post(
        "/admin/hall/policy",
        form: [
          "_csrf": token, "site": "site-center", "max_priority_in_a_row": "0", "max_ordinary_wait": "30",
          "no_show_after_calls": "2",
        ])
      #expect(badPolicy.status == .unprocessableEntity && badPolicy.body.string.contains("连续优先叫号次数应为 1–20"))
      #expect(try await HallRepository(app.db).policy(site: "site-center") == QueuePolicy())
      let saved = try await admin.post(
        "/admin/hall/policy",
        form: [
          "_csrf": token, "site": "site-center", "max_priority_in_a_row": "2", "max_ordinary_wait": "30",
          "no_show_after_calls": "2",
        ])
      #expect(saved.status == .seeOther)
      #expect(
        try await HallRepository(app.db).policy(site: "site-center")
          == QueuePolicy(maxPriorityInARow: 2, maxOrdinaryWait: 1800, noShowAfterCalls: 2))
      var clerk = TestBrowser(app)
      _ = try await clerk.signIn("clerk")
      #expect(try await clerk.post("/admin/hall/policy", form: ["_csrf": clerk.csrfToken ?? ""]).status == .forbidden)
      // The staff home of a center clerk links the hall's devices and the pad of their window, and takes the
      // clerk's photo for that pad; a bad phone is named and nothing is saved.
      let home = try await clerk.get("/staff").body.string
      #expect(home.contains("/hall/sites/site-center/kiosk") && home.contains("/hall/windows/win-site-center-01/pad"))
      let clerkToken = clerk.csrfToken ?? ""
      let badProfile = try await clerk.post(
        "/staff/profile", form: ["_csrf": clerkToken, "phone": "x", "hours": "工作日"], files: [])
      #expect(badProfile.status == .unprocessableEntity)
      let savedProfile = try await clerk.post(
        "/staff/profile", form: ["_csrf": clerkToken, "phone": "0795-7213345", "hours": "工作日 8:30–17:30"],
        files: [("photo", "李国平.png", "image/png", WindowScanTests.png)])
      #expect(savedProfile.status == .seeOther)
      var pad = TestBrowser(app)
      #expect(try await pad.get("/hall/windows/win-site-center-01/pad").body.string.contains("/photo\""))
    }
  }
}
