import Foundation
import OneWindowDomain
import OneWindowStore
import SQLKit
import Testing
import VaporTesting

@testable import OneWindowWeb

@Suite("Supervision: follow-ups, reminders, the clock board")
struct SupervisionWebTests {
  static let monday = ISO8601DateFormatter().date(from: "2026-11-23T10:00:00+08:00")!

  static func tasks(_ app: Application, _ number: String) async throws -> [String: (done: Bool, outcome: String?)] {
    var result: [String: (Bool, String?)] = [:]
    for row in try await (app.db as! any SQLDatabase).raw(
      "SELECT kind, done_ms, outcome FROM case_tasks WHERE case_number = \(bind: number)"
    ).all() {
      result[try row.decode(column: "kind", as: String.self)] = (
        try row.decode(column: "done_ms", as: Int64?.self) != nil, try row.decode(column: "outcome", as: String?.self)
      )
    }
    return result
  }

  @Test("each follow-up is settled by the step that does it, in the same write, and lists say so", arguments: TestDatabase.all)
  func settled(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let reviewer = try await APIClient.signIn(app, "reviewer")
      let owed = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(owed, "accept", ["form": "deficiency", "materials": ["房屋租赁合同"], "due_date": "2026-11-25"])
      let pledged = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(pledged, "accept", ["form": "pledge", "post_check_due": "2026-12-20"])
      let dropped = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(dropped, "accept", ["form": "deficiency", "materials": ["身份证明"], "due_date": "2026-12-01"])
      #expect(try await Self.tasks(app, owed)["deficiency"]?.done == false)

      let repository = SupervisionRepository(app.db)
      let today = CivilDate(iso: "2026-11-27")!
      let overdue = try await repository.followUps(
        county: "360999", kind: .deficiency, filter: .overdue, scope: nil, today: today, limit: 10, offset: 0)
      #expect(overdue.followUps.map(\.1.number) == [owed])
      #expect(overdue.followUps.first?.0.standing(today: today) == .overdue)

      var r = try await clerk.step(owed, "supply-materials")
      #expect(r.status == .ok, "\(r.body.string)")
      #expect(try await Self.tasks(app, owed)["deficiency"]?.outcome == "supplied")
      r = try await clerk.step(dropped, "withdraw", ["reason": "申请人撤回"])
      #expect(try await Self.tasks(app, dropped)["deficiency"]?.outcome == "withdrawn")

      // The post-check: only a reviewer, the field named when the basis is missing, then settled.
      r = try await clerk.step(pledged, "post-check", ["finding": "x", "pledge_kept": true])
      #expect(r.status == .forbidden)
      _ = try await reviewer.step(pledged, "start-review")
      r = try await reviewer.step(pledged, "post-check", ["finding": "场所与承诺不符", "pledge_kept": false])
      #expect(try JSON(r)["error"]["field"].string == "legal_basis")
      #expect(try await Self.tasks(app, pledged)["post_check"]?.done == false)
      r = try await reviewer.step(
        pledged, "post-check",
        ["finding": "场所与承诺不符", "pledge_kept": false, "legal_basis": "《优化营商环境条例》第十九条"])
      #expect(r.status == .ok, "\(r.body.string)")
      #expect(try await Self.tasks(app, pledged)["post_check"]?.outcome == "pledge_false")
      r = try await reviewer.step(pledged, "decide", ["approved": true])
      #expect(try JSON(r)["error"]["field"].string == "approved")

      let open = try await repository.followUps(
        county: "360999", kind: .deficiency, filter: .open, scope: nil, today: today, limit: 10, offset: 0)
      #expect(open.total == 0)
      let done = try await repository.followUps(
        county: "360999", kind: .deficiency, filter: .done, scope: nil, today: today, limit: 10, offset: 0)
      #expect(Set(done.followUps.map(\.1.number)) == [owed, dropped])
      let counts = try await repository.followUpCounts(county: "360999", today: today)
      #expect(counts[.deficiency]?.open == 0 && counts[.postCheck]?.open == 0)
      let trail = try await CaseRepository(app.db, rule: DeadlineRule()).events(of: pledged)
      #expect(trail.filter { $0.step == .postCheck }.count == 1)
      #expect(trail.last(where: { $0.step == .postCheck })?.actorID == trail.last?.actorID)
    }
  }

  @Test("the applicant owing 容缺 materials is reminded once before and once after the due date", arguments: TestDatabase.all)
  func reminders(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(number, "accept", ["form": "deficiency", "materials": ["房屋租赁合同"], "due_date": "2026-11-27"])
      let worker = NotificationWorker(application: app)
      func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
      func reminders() async throws -> [String] {
        try await (app.db as! any SQLDatabase).raw(
          "SELECT payload FROM outbox WHERE case_number = \(bind: number) AND kind = 'materials_due' ORDER BY created_ms"
        ).all().map { try $0.decode(column: "payload", as: String.self) }
      }
      #expect(try await worker.remindFollowUps(now: at("2026-11-24T10:00:00+08:00")) == 0)  // three days ahead
      #expect(try await worker.remindFollowUps(now: at("2026-11-25T07:00:00+08:00")) == 0)  // too early in the day
      #expect(try await worker.remindFollowUps(now: at("2026-11-25T10:00:00+08:00")) == 1)
      #expect(try await worker.remindFollowUps(now: at("2026-11-26T10:00:00+08:00")) == 0)
      #expect(try await worker.remindFollowUps(now: at("2026-11-27T15:00:00+08:00")) == 0)  // the due day is in time
      #expect(try await worker.remindFollowUps(now: at("2026-11-28T10:00:00+08:00")) == 1)
      #expect(try await worker.remindFollowUps(now: at("2026-11-29T10:00:00+08:00")) == 0)
      let sent = try await reminders()
      #expect(sent.count == 2)
      #expect(sent[0].contains("\"level\":\"1\"") && sent[0].contains("房屋租赁合同"))
      #expect(sent[1].contains("\"level\":\"2\""))
    }
  }

  @Test("the board: a case goes red, its count opens it, the export holds it; only figure readers see it", arguments: TestDatabase.all)
  func board(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(number, "accept")
      let county = "360999"
      let before = try await SupervisionRepository(app.db).clockBoard(county: county, scope: nil, now: Self.monday)
      #expect(before.total.open >= 1)
      app.now = { Self.monday.addingTimeInterval(21 * 86_400) }
      let board = try await SupervisionRepository(app.db).clockBoard(county: county, scope: nil, now: app.now())
      #expect(board.total.red == before.total.red + 1)

      var supervisor = TestBrowser(app)
      _ = try await supervisor.signIn("supervisor")
      var page = try await supervisor.get("/supervision")
      #expect(page.status == .ok)
      #expect(page.body.string.contains("id=\"clock-board\""))
      #expect(page.body.string.contains("light=red"))
      page = try await supervisor.get("/supervision/cases?light=red")
      #expect(page.body.string.contains(number))
      page = try await supervisor.get("/supervision/cases?light=green")
      #expect(!page.body.string.contains(number))
      page = try await supervisor.get("/supervision/cases?light=purple")
      #expect(page.status == .badRequest)
      #expect(page.body.string.contains("light"))
      page = try await supervisor.get("/supervision/board.xlsx?by=town")
      #expect(page.status == .ok)
      #expect(page.headers.contentType?.subType.contains("spreadsheetml") == true)
      #expect(Array(page.body.readableBytesView.prefix(2)) == Array("PK".utf8))

      var other = TestBrowser(app)
      _ = try await other.signIn("clerk")
      #expect(try await other.get("/supervision").status == .forbidden)
      #expect(try await other.get("/supervision/board.xlsx").status == .forbidden)
      var anonymous = TestBrowser(app)
      #expect(try await anonymous.get("/supervision/cases?light=red").status != .ok)
      #expect(try await anonymous.get("/follow-ups").status != .ok)
    }
  }

  @Test("the follow-up list shows a clerk the overdue 容缺 of their site, and a reviewer the post-check form", arguments: TestDatabase.all)
  func followUpPages(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let owed = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(owed, "accept", ["form": "deficiency", "materials": ["房屋租赁合同"], "due_date": "2026-11-25"])
      let pledged = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(pledged, "accept", ["form": "pledge", "post_check_due": "2026-12-20"])
      app.now = { Self.monday.addingTimeInterval(4 * 86_400) }
      var browser = TestBrowser(app)
      _ = try await browser.signIn("clerk")
      var page = try await browser.get("/follow-ups?show=overdue")
      #expect(page.status == .ok)
      #expect(page.body.string.contains(owed))
      #expect(page.body.string.contains("逾期 2 天"))
      page = try await browser.get("/follow-ups?kind=nothing")
      #expect(page.status == .badRequest)

      var reviewer = TestBrowser(app)
      _ = try await reviewer.signIn("reviewer")
      page = try await reviewer.get("/follow-ups?kind=post_check")
      #expect(page.body.string.contains(pledged))
      page = try await reviewer.get("/cases/\(pledged)")
      let fields = FormFields.read(page.body.string, action: "/cases/\(pledged)/steps/post-check")
      #expect(fields["version"] != nil, "the post-check form is offered")
      page = try await reviewer.post(
        "/cases/\(pledged)/steps/post-check",
        form: fields.merging(["finding": "场所与承诺一致", "pledge_kept": "true"]) { $1 })
      #expect(page.status == .seeOther || page.status == .found || page.status == .ok, "\(page.status)")
      page = try await reviewer.get("/cases/\(pledged)")
      #expect(page.body.string.contains("承诺属实"))
      page = try await reviewer.get("/follow-ups?kind=post_check&show=done")
      #expect(page.body.string.contains(pledged))
    }
  }
}
