import Foundation
import OneWindowDomain
import OneWindowSpreadsheet
import SQLKit
import Testing
import VaporTesting

@testable import OneWindowStore
@testable import OneWindowWeb

@Suite("Inquiries: the portal, the desk's loop, the 12345 exchange, the knowledge base")
struct InquiryWebTests {
  static let monday = ISO8601DateFormatter().date(from: "2026-11-23T10:00:00+08:00")!

  /// The number and private link on a receipt page.
  static func receipt(_ body: String) throws -> (number: String, link: String) {
    let number = try #require(body.firstMatch(of: /id="inquiry-number">([^<]+)/)?.1)
    let link = try #require(body.firstMatch(of: /id="inquiry-link">([^<]+)/)?.1)
    return (String(number), String(link).replacingOccurrences(of: "&amp;", with: "&"))
  }

  /// Posts a desk step from the inquiry's page (its version read off the page).
  static func step(
    _ browser: inout TestBrowser, _ number: String, _ step: String, _ form: [String: String] = [:]
  ) async throws -> TestingHTTPResponse {
    _ = try await browser.get("/service/inquiries/\(number)")
    let version = try #require(browser.lastBody.firstMatch(of: /name="version" value="(\d+)"/)?.1)
    var fields = form
    fields["_csrf"] = try #require(browser.csrfToken)
    fields["version"] = String(version)
    return try await browser.post("/service/inquiries/\(number)/\(step)", form: fields)
  }

  static func outbox(_ app: Application, _ number: String) async throws -> [String] {
    try await (app.db as! any SQLDatabase).raw(
      "SELECT kind FROM outbox WHERE case_number = \(bind: number) ORDER BY created_ms, kind"
    ).all().map { try $0.decode(column: "kind", as: String.self) }
  }

  @Test(
    "a complaint about a window goes round the loop: returned once, reassigned, answered, reopened, answered, closed",
    arguments: TestDatabase.all)
  func loop(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      var citizen = TestBrowser(app)
      _ = try await citizen.get("/inquiries/new")
      var r = try await citizen.post(
        "/inquiries",
        form: [
          "_csrf": try #require(citizen.csrfToken), "kind": "complaint", "content": "3号窗口让我来回跑了两次",
          "name": "张三", "phone": "13800001234", "site_id": "site-center", "window_id": "nope",
        ])
      #expect(r.status == .unprocessableEntity)
      #expect(r.body.string.contains("href=\"#window_id\""))
      r = try await citizen.post(
        "/inquiries",
        form: [
          "_csrf": try #require(citizen.csrfToken), "kind": "complaint", "content": "3号窗口让我来回跑了两次",
          "name": "张三", "phone": "13800001234", "department_id": "dept-wjw",
        ])
      #expect(r.status == .created, "\(r.body.string.prefix(400))")
      let (number, link) = try Self.receipt(r.body.string)
      #expect(number.hasPrefix("360999TS20261123"))
      // Without the key, or with another, the inquiry is not there.
      var anonymous = TestBrowser(app)
      #expect(try await anonymous.get("/inquiries/\(number)").status == .notFound)
      var stranger = TestBrowser(app)
      #expect(try await stranger.get("/inquiries/\(number)?key=0000").status == .notFound)

      var desk = TestBrowser(app)
      _ = try await desk.signIn("service")
      #expect(try await desk.get("/service/inquiries").body.string.contains(number))
      r = try await Self.step(&desk, number, "assign", ["department_id": "dept-wjw", "note": "请核实"])
      #expect(r.status == .seeOther, "\(r.body.string.prefix(300))")
      var health = TestBrowser(app)
      _ = try await health.signIn("reviewer2")
      var market = TestBrowser(app)
      _ = try await market.signIn("reviewer")
      // Not dispatched to the market department yet: it does not see it.
      #expect(try await market.get("/service/inquiries/\(number)").status == .notFound)
      r = try await Self.step(&health, number, "return", ["reason": ""])
      #expect(r.status == .unprocessableEntity)
      #expect(r.body.string.contains("href=\"#reason\""))
      r = try await Self.step(&health, number, "return", ["reason": "窗口属市场监管局进驻窗口"])
      #expect(r.status == .seeOther)
      #expect(try await health.get("/service/inquiries/\(number)").status == .notFound)
      r = try await Self.step(&desk, number, "assign", ["department_id": "dept-scjgj"])
      #expect(r.status == .seeOther)
      // A clerk cannot take the department's step; a stale version is refused with the field named.
      var clerk = TestBrowser(app)
      _ = try await clerk.signIn("clerk")
      #expect(try await clerk.get("/service/inquiries/\(number)").status == .notFound)
      #expect(try await clerk.get("/service/inquiries").status == .forbidden)
      _ = try await market.get("/service/inquiries/\(number)")
      r = try await market.post(
        "/service/inquiries/\(number)/sign", form: ["_csrf": try #require(market.csrfToken), "version": "1"])
      #expect(r.status == .unprocessableEntity)
      r = try await Self.step(&market, number, "sign")
      #expect(r.status == .seeOther)
      r = try await Self.step(&market, number, "answer", ["answer": "已约谈窗口人员，今后一次性告知"])
      #expect(r.status == .seeOther)

      // The inquirer reads the answer through the link and rates it unsatisfied: it reopens once.
      r = try await citizen.get(link)
      #expect(r.status == .ok)
      #expect(r.body.string.contains("已约谈窗口人员"))
      let key = try #require(link.split(separator: "=").last.map(String.init))
      r = try await citizen.post(
        "/inquiries/\(number)/rate",
        form: ["_csrf": try #require(citizen.csrfToken), "key": key, "rating": "unsatisfied", "comment": ""])
      #expect(r.status == .unprocessableEntity)
      #expect(r.body.string.contains("href=\"#comment\""))
      r = try await citizen.post(
        "/inquiries/\(number)/rate",
        form: ["_csrf": try #require(citizen.csrfToken), "key": key, "rating": "unsatisfied", "comment": "没有道歉"])
      #expect(r.status == .seeOther)
      r = try await Self.step(&market, number, "answer", ["answer": "已当面致歉并退还误工费"])
      #expect(r.status == .seeOther)
      _ = try await citizen.get(link)
      r = try await citizen.post(
        "/inquiries/\(number)/rate",
        form: ["_csrf": try #require(citizen.csrfToken), "key": key, "rating": "satisfied", "comment": ""])
      #expect(r.status == .seeOther)

      let stored = try #require(try await InquiryRepository(app.db).find(number: number))
      #expect(stored.inquiry.state == .closed && stored.inquiry.reopened && stored.inquiry.rating == .satisfied)
      let trail = try await InquiryRepository(app.db).events(of: number)
      #expect(
        trail.map(\.step.rawValue) == [
          "file", "assign", "return", "assign", "sign", "answer", "rate", "answer", "rate",
        ])
      #expect(trail[2].actorName == "周医生" || trail[2].actorID.isEmpty == false)
      #expect(CaseTrail.verify(trail) == nil)
      #expect(try await InquiryRepository(app.db).verifyTrails().breaks.isEmpty)
      // The inquirer was told on filing and on each answer; the staff at each hand-over.
      let told = try await Self.outbox(app, number)
      #expect(told.filter { $0 == "inquiry_received" }.count == 1)
      #expect(told.filter { $0 == "inquiry_answered" }.count == 2)
      #expect(told.contains("inquiry_task"))
      // The staff page shows every step of the trail.
      let page = try await desk.get("/service/inquiries/\(number)").body.string
      for step in ["登记受理", "派单", "退回（非本部门职责）", "签收", "答复", "评价"] {
        #expect(page.contains(step), "\(step)")
      }
      // The center's dashboard counts it: one complaint, answered in time, the inquirer satisfied in the end.
      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      let dashboard = try await admin.get("/statistics?period=2026-11").body.string
      let section = try #require(dashboard.firstMatch(of: /id="inquiry-figures"[\s\S]*?<\/section>/)?.0)
      #expect(section.contains("投诉 1"))
      #expect(section.contains("<td>100.0%</td>"))
      #expect(section.contains("<td>1</td>"))  // reopened once
      // The monthly report's workbook has the same lines.
      let report = try await admin.get("/statistics/report.xlsx?month=2026-11")
      let workbook = try Workbook(xlsx: Array(report.body.readableBytesView))
      let sheet = try #require(workbook.sheet(named: "咨询投诉"))
      #expect(sheet.rows.first == ["指标", "数值", "口径"])
      #expect(sheet.rows.contains { $0.first == "按期答复率" && $0.dropFirst().first == "100.0%" })
    }
  }

  @Test(
    "the 12345 platform pushes the same work order twice and gets one inquiry; reports go back in order",
    arguments: TestDatabase.all)
  func hotline(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let exchange = RecordingHotlineExchange()
      app.use(hotlineExchange: exchange)
      let hotline = try await APIClient.signIn(app, "service")
      let order: [String: Any] = [
        "order_id": "12345-20261123-0007", "kind": "consultation", "content": "食品经营许可要带什么材料",
        "name": "赵六", "phone": "13900002222", "item_code": "360105002000",
      ]
      let first = try await hotline.send(.POST, "/api/v1/hotline/orders", order)
      #expect(first.status == .created, "\(first.body.string)")
      let again = try await hotline.send(.POST, "/api/v1/hotline/orders", order)
      #expect(again.status == .ok)
      #expect(try JSON(first)["number"].string == JSON(again)["number"].string)
      // A retry whose body no longer passes (the platform trimmed it) is still the same order.
      let trimmed = try await hotline.send(.POST, "/api/v1/hotline/orders", ["order_id": "12345-20261123-0007"])
      #expect(trimmed.status == .ok)
      #expect(try JSON(trimmed)["number"].string == JSON(first)["number"].string)
      let count = try await (app.db as! any SQLDatabase).raw(
        "SELECT COUNT(*) AS n FROM inquiries WHERE external_id = '12345-20261123-0007'"
      ).first()?
      .decode(column: "n", as: Int.self)
      #expect(count == 1)
      let number = try #require(try JSON(first)["number"].string)
      #expect(try await InquiryRepository(app.db).find(number: number)?.inquiry.about.departmentID == "dept-scjgj")
      // Pushed several times at once (a platform retrying on a timeout): still one inquiry, one 201.
      let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
        for _ in 0..<5 {
          group.addTask {
            try await hotline.send(
              .POST, "/api/v1/hotline/orders",
              [
                "order_id": "12345-20261123-0008", "kind": "complaint", "content": "热线转办", "name": "孙八",
                "phone": "13900003333",
              ]
            ).status
          }
        }
        return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
      }
      #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
      #expect(statuses.allSatisfy { $0 == .created || $0 == .ok }, "\(statuses)")
      let orders = try await (app.db as! any SQLDatabase).raw(
        "SELECT COUNT(*) AS n FROM inquiries WHERE external_id = '12345-20261123-0008'"
      ).first()?.decode(column: "n", as: Int.self)
      #expect(orders == 1)
      // Who may push, and what a bad push is told.
      let clerk = try await APIClient.signIn(app, "clerk")
      #expect(try await clerk.send(.POST, "/api/v1/hotline/orders", order).status == .forbidden)
      var bad = order
      bad["order_id"] = ""
      let refused = try await hotline.send(.POST, "/api/v1/hotline/orders", bad)
      #expect(refused.status == .unprocessableEntity)
      #expect(try JSON(refused)["error"]["field"].string == "order_id")
      bad = order
      bad["order_id"] = "other"
      bad["kind"] = "gossip"
      #expect(try JSON(try await hotline.send(.POST, "/api/v1/hotline/orders", bad))["error"]["field"].string == "kind")

      // The desk answers it directly; the platform is told, once, and reads the answer.
      var desk = TestBrowser(app)
      _ = try await desk.signIn("service")
      let r = try await Self.step(&desk, number, "answer", ["answer": "请携带营业执照、场所平面图等材料"])
      #expect(r.status == .seeOther)
      let worker = NotificationWorker(application: app)
      #expect(try await worker.reportToHotline(now: Self.monday) == 1)
      #expect(try await worker.reportToHotline(now: Self.monday) == 0)
      #expect(exchange.reports.first?.facts["state"] == "answered")
      #expect(exchange.reports.first?.facts["answer"]?.contains("营业执照") == true)
      let read = try await hotline.send(.GET, "/api/v1/hotline/orders/12345-20261123-0007")
      #expect(read.status == .ok)
      #expect(try JSON(read)["state"].string == "answered")
      #expect(try JSON(read)["steps"].array.count == 2)
      #expect(try await hotline.send(.GET, "/api/v1/hotline/orders/nope").status == .notFound)
    }
  }

  @Test(
    "a consultation answered and made a knowledge entry shows on the item's guide, at the window and by pinyin",
    arguments: TestDatabase.all)
  func knowledge(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      var desk = TestBrowser(app)
      _ = try await desk.signIn("service")
      _ = try await desk.get("/service/inquiries/new")
      var r = try await desk.post(
        "/service/inquiries/new",
        form: [
          "_csrf": try #require(desk.csrfToken), "source": "phone", "kind": "consultation", "title": "营业执照丢了怎么补办",
          "content": "营业执照丢了怎么补办", "name": "钱七", "phone": "13700003333", "item_code": "360105001000",
        ])
      #expect(r.status == .seeOther, "\(r.body.string.prefix(300))")
      let number = try #require(r.headers.first(name: .location)?.firstMatch(of: /inquiries\/([^?]+)/)?.1)
      r = try await Self.step(&desk, String(number), "answer", ["answer": "登报声明作废后，到市场监管窗口申请补领"])
      #expect(r.status == .seeOther)
      r = try await desk.get("/service/knowledge/new?from=\(number)")
      #expect(r.body.string.contains("登报声明作废后"))
      let form = [
        "_csrf": try #require(desk.csrfToken), "question": "营业执照丢了怎么补办", "answer": "登报声明作废后，到市场监管窗口申请补领",
        "item_codes": "360105001000", "department_id": "dept-scjgj", "review_by": "2027-11-23", "state": "published",
        "from": String(number),
      ]
      var wrong = form
      wrong["item_codes"] = "999"
      wrong["review_by"] = ""
      r = try await desk.post("/service/knowledge", form: wrong)
      #expect(r.status == .unprocessableEntity)
      #expect(r.body.string.contains("href=\"#item_codes\"") && r.body.string.contains("href=\"#review_by\""))
      r = try await desk.post("/service/knowledge", form: form)
      #expect(r.status == .seeOther, "\(r.body.string.prefix(300))")

      var visitor = TestBrowser(app)
      #expect(try await visitor.get("/items/360105001000").body.string.contains("营业执照丢了怎么补办"))
      #expect(try await visitor.get("/knowledge?q=yyzz").body.string.contains("登报声明作废后"))
      #expect(try await visitor.get("/items?q=yyzz").body.string.contains("knowledge-hits"))
      #expect(!(try await visitor.get("/knowledge?q=hukou").body.string.contains("登报声明作废后")))
      var clerk = TestBrowser(app)
      _ = try await clerk.signIn("clerk")
      #expect(
        try await clerk.get("/window/intake?item=360105001000").body.string.contains("营业执照丢了怎么补办"))
      // A clerk does not keep the knowledge base.
      #expect(try await clerk.get("/service/knowledge").status == .forbidden)
    }
  }

  @Test("a late step is told to whoever owes it, once per clock and level", arguments: TestDatabase.all)
  func lights(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let hotline = try await APIClient.signIn(app, "service")
      let pushed = try await hotline.send(
        .POST, "/api/v1/hotline/orders",
        ["order_id": "A-1", "kind": "complaint", "content": "办证太慢", "name": "孙八", "phone": "13900003333"])
      let number = try #require(try JSON(pushed)["number"].string)
      func told() async throws -> [String] {
        try await (app.db as! any SQLDatabase).raw(
          "SELECT payload FROM outbox WHERE case_number = \(bind: number) AND kind = 'inquiry_task' ORDER BY created_ms"
        ).all().map { try $0.decode(column: "payload", as: String.self) }
      }
      let worker = NotificationWorker(application: app)
      func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
      // Not dispatched by Tuesday night: red on Wednesday, to the service desk, once.
      #expect(try await worker.alertInquiries(now: at("2026-11-25T10:00:00+08:00")) == 1)
      #expect(try await worker.alertInquiries(now: at("2026-11-25T11:00:00+08:00")) == 0)
      var notes = try await told()
      #expect(notes.count == 1 && notes[0].contains("\"step\":\"red\""))
      // Dispatched: a new clock, the department's; its reviewers are told when it is late in turn.
      var desk = TestBrowser(app)
      _ = try await desk.signIn("service")
      _ = try await Self.step(&desk, number, "assign", ["department_id": "dept-scjgj"])
      let afterDispatch = try await told().count
      #expect(afterDispatch > 1)  // the dispatch notices to the department's reviewers
      // A one-day step is yellow from its first day, red after: each told once.
      #expect(try await worker.alertInquiries(now: at("2026-11-23T12:00:00+08:00")) == 1)
      #expect(try await worker.alertInquiries(now: at("2026-11-24T12:00:00+08:00")) == 0)
      #expect(try await worker.alertInquiries(now: at("2026-11-26T10:00:00+08:00")) == 1)
      notes = try await told()
      let reviewers = afterDispatch - 1
      #expect(notes.count == afterDispatch + 2 * reviewers)
      #expect(notes[afterDispatch].contains("\"step\":\"yellow\""))
      // Delivered in the app, each message leads to the inquiry's page (not to a case of that number).
      while try await worker.deliverBatch(now: at("2026-11-26T10:00:00+08:00")) > 0 {}
      var market = TestBrowser(app)
      _ = try await market.signIn("reviewer")
      let messages = try await market.get("/staff/messages").body.string
      #expect(messages.contains("href=\"/service/inquiries/\(number)\""))
      #expect(!messages.contains("href=\"/cases/\(number)\""))
      #expect(notes.last?.contains("\"step\":\"red\"") == true)
    }
  }
}
