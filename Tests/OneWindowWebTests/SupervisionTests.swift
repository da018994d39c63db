import Foundation
import OneWindowDomain
import SQLKit
import Testing
import VaporTesting

@testable import OneWindowStore
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

  @Test(
    "each follow-up is settled by the step that does it, in the same write, and lists say so",
    arguments: TestDatabase.all)
  func settled(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let reviewer = try await APIClient.signIn(app, "reviewer")
      let owed = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(
        owed, "accept", ["form": "deficiency", "materials": ["房屋租赁合同"], "due_date": "2026-11-25"])
      let pledged = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(pledged, "accept", ["form": "pledge", "post_check_due": "2026-12-20"])
      let dropped = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(
        dropped, "accept", ["form": "deficiency", "materials": ["身份证明"], "due_date": "2026-12-01"])
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

  @Test(
    "the applicant owing 容缺 materials is reminded once before and once after the due date", arguments: TestDatabase.all)
  func reminders(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(
        number, "accept", ["form": "deficiency", "materials": ["房屋租赁合同"], "due_date": "2026-11-27"])
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

  @Test(
    "the reviewers of the department owing a 告知承诺 post-check are told once before and once after its due date, in the app and by text; nobody else is",
    arguments: TestDatabase.all)
  func postCheckReminders(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      let accepted = try await clerk.step(number, "accept", ["form": "pledge", "post_check_due": "2026-12-04"])
      #expect(accepted.status == .ok, "\(accepted.body.string)")
      let department = try #require(try await CaseRepository(app.db, rule: DeadlineRule()).find(number))
        .departmentID
      let worker = NotificationWorker(application: app)
      func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
      func told() async throws -> [(account: String?, payload: String)] {
        try await (app.db as! any SQLDatabase).raw(
          """
          SELECT account, payload FROM outbox WHERE case_number = \(bind: number) AND kind = 'post_check_due'
          ORDER BY created_ms, id
          """
        ).all().map {
          (try $0.decode(column: "account", as: String?.self), try $0.decode(column: "payload", as: String.self))
        }
      }
      #expect(try await worker.remindFollowUps(now: at("2026-12-01T10:00:00+08:00")) == 0)  // three days ahead
      #expect(try await worker.remindFollowUps(now: at("2026-12-02T10:00:00+08:00")) == 1)
      #expect(try await worker.remindFollowUps(now: at("2026-12-03T10:00:00+08:00")) == 0)
      #expect(try await worker.remindFollowUps(now: at("2026-12-05T10:00:00+08:00")) == 1)
      #expect(try await worker.remindFollowUps(now: at("2026-12-06T10:00:00+08:00")) == 0)
      let sent = try await told()
      // Every active reviewer of the case's department, and no one else, got each level.
      let reviewers = try await StaffRepository(app.db).list(
        in: Scope(regionCode: RegionCode("360999")!), limit: 10_000
      )
      .filter {
        !$0.isDisabled && $0.identity.scope.departmentID == department
          && Authorization.can($0.identity, .reviewCases)
      }
      #expect(!reviewers.isEmpty)
      let accounts = Set(reviewers.map { InAppMessage.account(staff: $0.identity.id) })
      #expect(sent.count == 2 * reviewers.count)
      #expect(Set(sent.compactMap(\.account)) == accounts)
      #expect(sent.filter { $0.payload.contains("\"level\":\"1\"") }.count == reviewers.count)
      #expect(sent.filter { $0.payload.contains("\"level\":\"2\"") }.count == reviewers.count)
      let text = NotificationText(.postCheckDue, ["number": number, "item": "x", "level": "2", "due": "2026-12-04"])
      #expect(text.body.zh.contains("已逾期") && NotificationKind.postCheckDue.isForStaff)
    }
  }

  @Test(
    "a post-check whose department has no active reviewer tells nobody, and is marked so it does not come back every minute",
    arguments: TestDatabase.all)
  func postCheckWithoutReviewer(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(number, "accept", ["form": "pledge", "post_check_due": "2026-12-04"])
      let department = try #require(try await CaseRepository(app.db, rule: DeadlineRule()).find(number)).departmentID
      let staff = StaffRepository(app.db)
      for reviewer in try await staff.list(in: Scope(regionCode: RegionCode("360999")!), limit: 10_000)
      where reviewer.identity.scope.departmentID == department && Authorization.can(reviewer.identity, .reviewCases) {
        #expect(try await staff.disable(username: reviewer.identity.username))
      }
      let worker = NotificationWorker(application: app)
      let at = ISO8601DateFormatter().date(from: "2026-12-02T10:00:00+08:00")!
      _ = try await worker.remindFollowUps(now: at)
      let sql = app.db as! any SQLDatabase
      let told = try await sql.raw(
        "SELECT COUNT(*) AS n FROM outbox WHERE case_number = \(bind: number) AND kind = 'post_check_due'"
      ).first()?.decode(column: "n", as: Int.self)
      #expect(told == 0)
      let due = try await SupervisionRepository(app.db).followUpsToRemind(
        .postCheck, county: "360999", today: CivilDate(iso: "2026-12-02")!, dueBy: CivilDate(iso: "2026-12-04")!)
      #expect(!due.contains { $0.serviceCase.number == number })
    }
  }

  @Test(
    "the red list is the county's overdue cases, most overdue first, with the count of them all",
    arguments: TestDatabase.all)
  func redList(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      var numbers: [String] = []
      for _ in 0..<3 {
        let number = try #require(try await clerk.createCase()["number"].string)
        _ = try await clerk.step(number, "accept")
        numbers.append(number)
      }
      let later = Self.monday.addingTimeInterval(60 * 86_400)
      let repository = SupervisionRepository(app.db)
      let all = try await repository.cases(
        county: "360999", scope: nil, light: .red, departmentID: nil, siteID: nil, townCode: nil, now: later, limit: 50,
        offset: 0)
      #expect(Set(numbers).isSubset(of: Set(all.cases.map(\.number))))
      let dues = all.cases.map { $0.deadline(DeadlineRule(), now: later)?.due ?? .distantFuture }
      #expect(dues == dues.sorted() && all.total == all.cases.count)
      let page = try await repository.cases(
        county: "360999", scope: nil, light: .red, departmentID: nil, siteID: nil, townCode: nil, now: later, limit: 1,
        offset: 1)
      #expect(page.total == all.total && page.cases.map(\.number) == [all.cases[1].number])
      let none = try await repository.cases(
        county: "360999", scope: nil, light: .red, departmentID: nil, siteID: nil, townCode: nil, now: Self.monday,
        limit: 50, offset: 0)
      #expect(none.cases.allSatisfy { !numbers.contains($0.number) })
    }
  }

  @Test(
    "the board: a case goes red, its count opens it, the export holds it; only figure readers see it",
    arguments: TestDatabase.all)
  func board(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(number, "accept")
      // A parallel opinion asked with a day to answer, never answered.
      let reviewer = try await APIClient.signIn(app, "reviewer")
      let asking = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(asking, "accept")
      _ = try await reviewer.step(asking, "start-review")
      let asked = try await reviewer.step(
        asking, "request-opinion", ["department_id": "dept-wjw", "question": "卫生条件", "due_workdays": 1])
      #expect(asked.status == .ok, "\(asked.body.string)")
      let county = "360999"
      let before = try await SupervisionRepository(app.db).clockBoard(county: county, scope: nil, now: Self.monday)
      #expect(before.total.open >= 1)
      app.now = { Self.monday.addingTimeInterval(21 * 86_400) }
      let board = try await SupervisionRepository(app.db).clockBoard(county: county, scope: nil, now: app.now())
      #expect(board.total.red == before.total.red + 2)  // both cases, their limit long past

      var supervisor = TestBrowser(app)
      _ = try await supervisor.signIn("supervisor")
      var page = try await supervisor.get("/supervision")
      #expect(page.status == .ok)
      #expect(page.body.string.contains("id=\"clock-board\""))
      #expect(page.body.string.contains("light=red"))
      #expect(page.body.string.contains("id=\"board-opinions\"") && page.body.string.contains(asking))
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

  @Test(
    "the follow-up list shows a clerk the overdue 容缺 of their site, and a reviewer the post-check form",
    arguments: TestDatabase.all)
  func followUpPages(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let owed = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(
        owed, "accept", ["form": "deficiency", "materials": ["房屋租赁合同"], "due_date": "2026-11-25"])
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

@Suite("Supervision: the rule runner and 督办 through the pages")
struct SupervisionRecordsWebTests {
  static let monday = SupervisionWebTests.monday

  @Test(
    "the rule runner finds a second correction notice once, with both events, and not a clean case",
    arguments: TestDatabase.all)
  func ruleRunner(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let twice = try #require(try await clerk.createCase()["number"].string)
      let items: [[String: Any]] = [["material": "营业执照", "problem": "复印件不清晰"]]
      var r = try await clerk.step(twice, "correction", ["items": items])
      #expect(r.status == .ok, "\(r.body.string)")
      _ = try await clerk.step(twice, "resubmit")
      r = try await clerk.step(twice, "correction", ["items": items, "reason_for_another": "申请人更换了经营场所"])
      #expect(r.status == .ok, "\(r.body.string)")
      let clean = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(clean, "accept")

      let worker = NotificationWorker(application: app)
      // Events younger than the settling time wait for the next run.
      #expect(try await worker.runAnomalyRules(now: Self.monday.addingTimeInterval(5)) == 0)
      #expect(try await worker.runAnomalyRules(now: Self.monday.addingTimeInterval(60)) == 1)
      #expect(try await worker.runAnomalyRules(now: Self.monday.addingTimeInterval(120)) == 0, "found once")
      let hits = RuleHitRepository(app.db)
      let found = try await hits.hits(of: twice)
      #expect(found.map(\.rule) == [.secondCorrectionNotice])
      #expect(found.first?.evidence == [3, 5])  // create, submit, correction, resubmit, correction
      #expect(found.first?.note.contains("更换了经营场所") == true)
      #expect(try await hits.hits(of: clean).isEmpty)

      // The supervisor sees it with its evidence linked to the trail, and settles it.
      var supervisor = TestBrowser(app)
      _ = try await supervisor.signIn("supervisor")
      var page = try await supervisor.get("/supervision/hits")
      #expect(page.body.string.contains("/cases/\(twice)#event-3") && page.body.string.contains("#event-5"))
      let id = try #require(found.first?.id)
      let fields = FormFields.read(page.body.string, action: "/supervision/hits/\(id)")
      page = try await supervisor.post("/supervision/hits/\(id)", form: fields.merging(["state": "confirmed"]) { $1 })
      #expect(page.status == .unprocessableEntity)
      #expect(page.body.string.contains("请填写核查情况"))
      page = try await supervisor.post(
        "/supervision/hits/\(id)", form: fields.merging(["state": "confirmed", "finding": "窗口未一次性告知"]) { $1 })
      #expect(page.status == .seeOther || page.status == .found)
      #expect(try await hits.find(id)?.state == .confirmed)
      page = try await supervisor.get("/cases/\(twice)")
      #expect(page.body.string.contains("id=\"case-hits\"") && page.body.string.contains("id=\"event-5\""))
      // 督办 from the hit: the form comes filled in for it, and the department is the case's, whatever is posted.
      page = try await supervisor.get(
        "/supervision/tickets?subject_kind=rule_hit&subject_id=\(id)&department_id=dept-scjgj")
      let ticketForm = FormFields.read(page.body.string, action: "/supervision/tickets")
      #expect(ticketForm["subject_kind"] == "rule_hit" && ticketForm["subject_id"] == id)
      page = try await supervisor.post(
        "/supervision/tickets",
        form: ticketForm.merging(["instruction": "说明两次告知的原因", "workdays": "3", "department_id": "dept-wjw"]) { $1 })
      #expect(page.status == .seeOther || page.status == .found, "\(page.body.string)")
      let opened = try await SupervisionTicketRepository(app.db).list(
        county: "360999", departmentID: nil, state: .open, limit: 10, offset: 0)
      #expect(opened.tickets.map(\.subject) == [.ruleHit(id)])
      #expect(opened.tickets.first?.departmentID == "dept-scjgj")
      var clerkPage = TestBrowser(app)
      _ = try await clerkPage.signIn("clerk")
      // The clerk sees the hit on the case, named but not linked to a list they may not open.
      let seen = try await clerkPage.get("/cases/\(twice)").body.string
      #expect(seen.contains("多次补正告知") && !seen.contains("/supervision/hits"))
      #expect(
        try await clerkPage.post("/supervision/hits/\(id)", form: ["state": "explained", "finding": "x"]).status
          == .forbidden)
    }
  }

  @Test(
    "督办: a supervisor opens one on a case, the department replies, the supervisor closes it; others see nothing",
    arguments: TestDatabase.all)
  func tickets(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(number, "accept")
      var supervisor = TestBrowser(app)
      _ = try await supervisor.signIn("supervisor")
      var page = try await supervisor.get("/cases/\(number)")
      var fields = FormFields.read(page.body.string, action: "/supervision/tickets")
      #expect(fields["subject_id"] == number)
      page = try await supervisor.post("/supervision/tickets", form: fields.merging(["instruction": " "]) { $1 })
      #expect(page.status == .unprocessableEntity)
      #expect(page.body.string.contains("请填写督办事项和要求"))
      page = try await supervisor.post(
        "/supervision/tickets", form: fields.merging(["instruction": "说明进度，两日内答复", "workdays": "2"]) { $1 })
      let location = try #require(page.headers.first(name: .location))
      #expect(location.hasPrefix("/supervision/tickets/"))
      let id = String(location.dropFirst("/supervision/tickets/".count).prefix { $0 != "?" })
      let told = try await (app.db as! any SQLDatabase).raw(
        "SELECT account FROM outbox WHERE kind = 'supervision_ticket'"
      ).all().count
      #expect(told >= 1, "the department's reviewers are told")

      // The clerk neither lists nor reads it.
      var other = TestBrowser(app)
      _ = try await other.signIn("clerk")
      #expect(try await other.get("/supervision/tickets").status == .forbidden)
      #expect(try await other.get("/supervision/tickets/\(id)").status == .notFound)
      let seen = try await other.get("/cases/\(number)").body.string
      #expect(seen.contains("说明进度，两日内答复") && !seen.contains("/supervision/tickets/\(id)"))

      var reviewer = TestBrowser(app)
      _ = try await reviewer.signIn("reviewer")
      page = try await reviewer.get("/supervision/tickets")
      #expect(page.body.string.contains("说明进度，两日内答复"))
      page = try await reviewer.get("/supervision/tickets/\(id)")
      fields = FormFields.read(page.body.string, action: "/supervision/tickets/\(id)/reply")
      page = try await reviewer.post(
        "/supervision/tickets/\(id)/reply", form: fields.merging(["reply": "已完成审查，今日办结"]) { $1 })
      #expect(page.status == .seeOther || page.status == .found)
      // A reviewer cannot close their own department's ticket.
      #expect(try await reviewer.post("/supervision/tickets/\(id)/close", form: fields).status != .seeOther)

      page = try await supervisor.get("/supervision/tickets/\(id)")
      fields = FormFields.read(page.body.string, action: "/supervision/tickets/\(id)/close")
      page = try await supervisor.post("/supervision/tickets/\(id)/close", form: fields.merging(["note": "同意"]) { $1 })
      #expect(page.status == .seeOther || page.status == .found)
      let stored = try #require(try await SupervisionTicketRepository(app.db).find(id))
      #expect(stored.ticket.state == .closed)
      #expect(stored.ticket.steps.map(\.kind) == [.open, .reply, .close])
      let reviewerID = try await StaffRepository(app.db).find(username: "reviewer")?.identity.id
      #expect(stored.ticket.steps[1].by == reviewerID)
      // A stale form is told, not applied.
      page = try await supervisor.post("/supervision/tickets/\(id)/close", form: fields.merging(["note": "再次"]) { $1 })
      #expect(page.status == .conflict || page.status == .unprocessableEntity)
      page = try await supervisor.get("/cases/\(number)")
      #expect(page.body.string.contains("id=\"case-tickets\""))
    }
  }

  @Test("a ticket not answered in time is escalated once to the center's administrators", arguments: TestDatabase.all)
  func escalation(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let staff = try #require(try await StaffRepository(app.db).find(username: "supervisor")?.identity)
      let ticket = try SupervisionTicket.open(
        id: "t-1", subject: .department, departmentID: "dept-scjgj", instruction: "整改窗口超时受理问题", workdays: 1,
        by: staff, at: Self.monday, rule: DeadlineRule())
      let repository = SupervisionTicketRepository(app.db)
      try await repository.insert(ticket, county: "360999", now: Self.monday)
      let worker = NotificationWorker(application: app)
      #expect(try await worker.escalateTickets(now: Self.monday.addingTimeInterval(86_400)) == 0)  // due Tuesday
      #expect(try await worker.escalateTickets(now: Self.monday.addingTimeInterval(2 * 86_400)) == 1)
      #expect(try await worker.escalateTickets(now: Self.monday.addingTimeInterval(3 * 86_400)) == 0)
      #expect(try await repository.find("t-1")?.ticket.escalated == true)
      let rows = try await (app.db as! any SQLDatabase).raw(
        "SELECT payload FROM outbox WHERE kind = 'supervision_ticket'"
      ).all().map { try $0.decode(column: "payload", as: String.self) }
      #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("escalate") })
    }
  }
}

@Suite("Supervision: spot checks through the pages")
struct SpotCheckWebTests {
  @Test(
    "a supervisor draws a department's concluded cases reproducibly and records findings; others cannot",
    arguments: TestDatabase.all)
  func spotChecks(database: TestDatabase) async throws {
    try await withTestApp(database, now: SupervisionWebTests.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      var concluded: [String] = []
      for _ in 0..<6 {
        let number = try #require(try await clerk.createCase(item: "360105001000")["number"].string)
        _ = try await clerk.step(number, "accept")
        _ = try await clerk.step(number, "decide", ["approved": true])
        _ = try await clerk.step(number, "deliver", ["mode": "pickup", "receiver": "王秀英", "id_checked": true])
        concluded.append(number)
      }
      let department = try #require(
        try await CaseRepository(app.db, rule: DeadlineRule()).find(concluded[0])?.departmentID)
      var supervisor = TestBrowser(app)
      _ = try await supervisor.signIn("supervisor")
      var page = try await supervisor.get("/supervision/spot-checks")
      let fields = FormFields.read(page.body.string, action: "/supervision/spot-checks")
      page = try await supervisor.post(
        "/supervision/spot-checks",
        form: fields.merging(["target": "", "from": "2026-11-30", "through": "2026-11-01"]) { $1 })
      #expect(page.status == .unprocessableEntity)
      #expect(page.body.string.contains("请选择抽查对象") && page.body.string.contains("结束日期不能早于开始日期"))
      let form = fields.merging([
        "target": "department:\(department)", "from": "2026-11-23", "through": "2026-11-23", "size": "3",
        "seed": "20261123",
      ]) { $1 }
      page = try await supervisor.post("/supervision/spot-checks", form: form)
      let location = try #require(page.headers.first(name: .location))
      let id = String(location.dropFirst("/supervision/spot-checks/".count))
      let drawn = try #require(try await SpotCheckRepository(app.db).find(id))
      #expect(drawn.check.population == 6 && drawn.check.items.count == 3)
      #expect(drawn.check.items.map(\.caseNumber) == SpotCheck.draw(concluded, size: 3, seed: 20_261_123))
      // Drawn again with the same seed: the same sample.
      page = try await supervisor.get("/supervision/spot-checks")
      page = try await supervisor.post(
        "/supervision/spot-checks",
        form: form.merging(
          FormFields.read(page.body.string, action: "/supervision/spot-checks").filter { $0.key == "_csrf" }
        ) { $1 })
      let again = try #require(page.headers.first(name: .location))
      let second = try #require(
        try await SpotCheckRepository(app.db).find(String(again.dropFirst("/supervision/spot-checks/".count))))
      #expect(second.check.items.map(\.caseNumber) == drawn.check.items.map(\.caseNumber))

      page = try await supervisor.get(location)
      let number = drawn.check.items[0].caseNumber
      let item = FormFields.read(page.body.string, action: "/supervision/spot-checks/\(id)/items/\(number)")
      page = try await supervisor.post(
        "/supervision/spot-checks/\(id)/items/\(number)", form: item.merging(["result": "problem", "note": ""]) { $1 })
      #expect(page.status == .unprocessableEntity && page.body.string.contains("请写明发现的问题"))
      page = try await supervisor.post(
        "/supervision/spot-checks/\(id)/items/\(number)",
        form: item.merging(["result": "problem", "note": "领取人身份核验记录缺失"]) { $1 })
      #expect(page.status == .seeOther || page.status == .found)
      let recorded = try #require(try await SpotCheckRepository(app.db).find(id))
      #expect(recorded.check.problems == 1 && recorded.check.checked == 1)
      #expect(recorded.check.items[0].finding?.note == "领取人身份核验记录缺失")
      #expect(
        recorded.check.items[0].finding?.by
          == (try await StaffRepository(app.db).find(username: "supervisor")?.identity.id))

      var admin = TestBrowser(app)
      _ = try await admin.signIn("admin")
      #expect(try await admin.get(location).status == .ok)
      #expect(try await admin.post("/supervision/spot-checks", form: form).status == .forbidden)
      var other = TestBrowser(app)
      _ = try await other.signIn("clerk")
      #expect(try await other.get("/supervision/spot-checks").status == .forbidden)
    }
  }
}

@Suite("Supervision settings")
struct SupervisionSettingsTests {
  @Test("the late-acceptance threshold is read from the environment, and a bad one is named")
  func lateAcceptanceSetting() throws {
    var arguments = ["onewindow"]
    #expect(
      try AppConfiguration.load(arguments: &arguments, environment: [:]).anomalySettings.lateAcceptanceWorkdays == 5)
    let configuration = try AppConfiguration.load(
      arguments: &arguments, environment: ["ONEWINDOW_LATE_ACCEPTANCE_DAYS": "3"])
    #expect(configuration.anomalySettings.lateAcceptanceWorkdays == 3)
    do {
      _ = try AppConfiguration.load(arguments: &arguments, environment: ["ONEWINDOW_LATE_ACCEPTANCE_DAYS": "zero"])
      Issue.record("accepted")
    } catch {
      #expect(error.field == "ONEWINDOW_LATE_ACCEPTANCE_DAYS")
    }
  }
}

@Suite("Anomaly rules on both databases")
struct AnomalyRuleStoreTests {
  static let monday = SupervisionWebTests.monday

  /// Stores a case whose trail is exactly `steps` (step, state after it, hours after `start`), as an import or an
  /// older version could have written it, bypassing the state machine.
  static func store(
    _ app: Application, number: String, site: String, channel: CaseChannel = .window, start: Date,
    actor: (id: String, name: String) = ("c1", "李国平"), _ steps: [(CaseStep, CaseState, Double)]
  ) async throws {
    var c = ServiceCase(
      number: number,
      item: CaseItem(
        code: "360105002000", version: 1, name: "食品经营许可", kind: .promised, departmentID: "dept-scjgj",
        promisedLimitDays: 10, legalLimitDays: 20),
      applicant: Applicant(
        kind: .person, name: "王秀英", idType: Applicant.residentID, idNumber: "11010519491231002X", phone: "13912345678"),
      channel: channel, siteID: site, regionCode: RegionCode("360999")!, receivedBy: "c1", createdAt: start)
    var events: [CaseEvent] = []
    var state: CaseState? = nil
    for (step, to, hours) in steps {
      events.append(
        CaseEvent.next(
          after: events.last, caseNumber: number, step: step, from: state, to: to, actorID: actor.id,
          actorName: actor.name,
          at: start.addingTimeInterval(hours * 3600), payload: "{}"))
      state = to
    }
    c.state = state ?? .draft
    c.version = events.count
    let rule = DeadlineRule()
    _ = try await CaseWrite(
      kind: .insert(idempotencyKey: nil), serviceCase: c, row: CaseRow(c, rule: rule, now: start), events: events,
      effects: .init(), now: start
    ).run(on: app.db as! any SQLDatabase, standalone: true)
  }

  @Test("each rule hits the stored trail that breaks it and not the one that keeps it", arguments: TestDatabase.all)
  func everyRule(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let sites = try await DirectoryRepository(app.db).sites()
      let site = try #require(sites.first(where: { $0.regionCode.value == "360999" })?.id)
      let day = 24.0  // hours
      let trails: [(AnomalyRule, hits: [(CaseStep, CaseState, Double)], keeps: [(CaseStep, CaseState, Double)])] = [
        (
          .secondCorrectionNotice,
          [
            (.create, .draft, 0), (.submit, .submitted, 0), (.correction, .correcting, 1), (.resubmit, .submitted, day),
            (.correction, .correcting, day + 1),
          ],
          [
            (.create, .draft, 0), (.submit, .submitted, 0), (.correction, .correcting, 1), (.resubmit, .submitted, day),
            (.accept, .accepted, day + 1),
          ]
        ),
        (
          .lateAcceptance,
          // Monday to the next Tuesday is six working days; to Monday five.
          [(.create, .draft, 0), (.submit, .submitted, 0), (.accept, .accepted, 8 * day)],
          [(.create, .draft, 0), (.submit, .submitted, 0), (.accept, .accepted, 7 * day)]
        ),
        (
          .decisionWithoutReview,
          [
            (.create, .draft, 0), (.submit, .submitted, 0), (.accept, .accepted, 1), (.startReview, .inReview, day),
            (.decide, .decided, day + 1),
          ],
          [
            (.create, .draft, 0), (.submit, .submitted, 0), (.accept, .accepted, 1), (.startReview, .inReview, day),
            (.review, .inReview, day + 1), (.decide, .decided, day + 2),
          ]
        ),
        (
          .deliveredBeforeDecision,
          [(.create, .draft, 0), (.submit, .submitted, 0), (.accept, .accepted, 1), (.deliver, .concluded, 2)],
          [
            (.create, .draft, 0), (.submit, .submitted, 0), (.accept, .accepted, 1), (.startReview, .inReview, 2),
            (.review, .inReview, 3), (.decide, .decided, 4), (.deliver, .concluded, 5),
          ]
        ),
        (
          .registeredOutsideHours,
          // Monday 10:00 + 11 h = 21:00; + 2 h = 12:00, within the 30 minutes' grace of the morning's close.
          [(.create, .draft, 11), (.submit, .submitted, 11)],
          [(.create, .draft, 2), (.submit, .submitted, 2)]
        ),
      ]
      for (index, trail) in trails.enumerated() {
        try await Self.store(app, number: "360999-20261123-9\(index)001", site: site, start: Self.monday, trail.hits)
        try await Self.store(app, number: "360999-20261123-9\(index)002", site: site, start: Self.monday, trail.keeps)
      }
      // 非在岗人员收件: the window clerk of the center (A post at window 01) registers at the center, and at a town
      // center where they hold no post; a town clerk standing in there by sign-in is on duty.
      let clerk = try #require(try await StaffRepository(app.db).find(username: "clerk")?.identity)
      let townClerk = try #require(try await StaffRepository(app.db).find(username: "townclerk")?.identity)
      let center = try #require(clerk.scope.siteID)
      let town = try #require(townClerk.scope.siteID)
      let steps: [(CaseStep, CaseState, Double)] = [(.create, .draft, 0), (.submit, .submitted, 0)]
      let asClerk = (clerk.id, clerk.displayName)
      try await Self.store(app, number: "360999-20261123-98001", site: town, start: Self.monday, actor: asClerk, steps)
      try await Self.store(
        app, number: "360999-20261123-98002", site: center, start: Self.monday, actor: asClerk, steps)
      let stranger = try #require(try await StaffRepository(app.db).find(username: "clerk2")?.identity)
      let townWindow = try #require(try await DirectoryRepository(app.db).windows(site: town).first?.id)
      try await FloorRosterRepository(app.db).signIn(
        window: townWindow, staff: stranger.id, day: CivilDate(iso: "2026-11-23")!, at: Self.monday, county: "360999")
      try await Self.store(
        app, number: "360999-20261123-98003", site: town, start: Self.monday,
        actor: (stranger.id, stranger.displayName),
        steps)
      let worker = NotificationWorker(application: app)
      _ = try await worker.runAnomalyRules(now: Self.monday.addingTimeInterval(30 * 86_400))
      let hits = RuleHitRepository(app.db)
      for (index, trail) in trails.enumerated() {
        let broken = try await hits.hits(of: "360999-20261123-9\(index)001").map(\.rule)
        let kept = try await hits.hits(of: "360999-20261123-9\(index)002").map(\.rule)
        #expect(broken.contains(trail.0), "\(trail.0) should hit")
        #expect(!kept.contains(trail.0), "\(trail.0) should not hit")
      }
      #expect(try await hits.hits(of: "360999-20261123-98001").map(\.rule).contains(.registeredOffDuty))
      #expect(!(try await hits.hits(of: "360999-20261123-98002").map(\.rule).contains(.registeredOffDuty)))
      #expect(!(try await hits.hits(of: "360999-20261123-98003").map(\.rule).contains(.registeredOffDuty)))
    }
  }

  @Test(
    "the scans: paper on its way past 48 hours and a rectification past its deadline hit; in time they do not",
    arguments: TestDatabase.all)
  func scans(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let late = try #require(try await clerk.createCase()["number"].string)
      let recent = try #require(try await clerk.createCase()["number"].string)
      let shipments = ShipmentRepository(app.db)
      for (number, sent) in [(late, Self.monday), (recent, Self.monday.addingTimeInterval(40 * 3600))] {
        let id = "ship-\(number)"
        try await shipments.create(
          try Shipment(
            id: id, from: "site-center", to: "site-360999100", caseNumbers: [number], by: "c1", byName: "李国平", at: sent),
          county: "360999", now: sent)
        _ = try await shipments.apply(
          .send(carrier: "", trackingNumber: "张师傅", byHand: true), to: id, atSite: "site-center", by: "c1",
          byName: "李国平",
          now: sent)
      }
      // A negative pad rating of a window (no case): its call back is due within one working day.
      let ratings = EvaluationRepository(app.db, rule: DeadlineRule(), policy: EvaluationPolicy())
      let rated = Evaluation(
        id: "eval-1", subject: .service, channel: .pad, level: .veryDissatisfied, rater: .anonymous,
        about: .init(
          windowID: "win-site-center-01", departmentID: "dept-scjgj", siteID: "site-center", regionCode: "360999"),
        at: Self.monday)
      let entry = try #require(try await ratings.record(rated, county: "360999"))
      let scanner = RuleScanner(app.db)
      let wednesday = Self.monday.addingTimeInterval(2 * 86_400)
      // The call back was due Tuesday night: late on Wednesday 09:00, when Monday's parcel is 47 h on its way; at
      // 10:01 the parcel is past 48 h, Tuesday evening's (sent at 02:00 Wednesday) 8 h.
      #expect(try await scanner.scan(now: Self.monday.addingTimeInterval(23 * 3600)) == 0)
      #expect(try await scanner.scan(now: Self.monday.addingTimeInterval(47 * 3600)) == 1)
      #expect(try await scanner.scan(now: wednesday.addingTimeInterval(60)) == 1)
      #expect(try await scanner.scan(now: wednesday.addingTimeInterval(120)) == 0, "found once")
      let hits = RuleHitRepository(app.db)
      let stuck = try await hits.hits(of: late)
      #expect(stuck.map(\.rule) == [.shipmentStuck])
      #expect(stuck.first?.subject == .shipment("ship-\(late)"))
      #expect(try await hits.hits(of: recent).isEmpty)
      let overdue = try await hits.hits(of: "rectification:\(entry.id)")
      #expect(overdue.map(\.rule) == [.rectificationOverdue])
      // The supervisor's list names and links both.
      var supervisor = TestBrowser(app)
      _ = try await supervisor.signIn("supervisor")
      let page = try await supervisor.get("/supervision/hits?state=all").body.string
      #expect(page.contains("物料流转滞留") && page.contains("差评整改逾期"))
      #expect(page.contains("href=\"/service/rectifications/\(entry.id)\""))
      #expect(!page.contains("href=\"/cases/rectification:"))
    }
  }

  @Test(
    "补正拒办异常: the clerk who turns back most answers of an item is found once a day, once a month",
    arguments: TestDatabase.all)
  func intakeOutlier(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let site = "site-center"
      let turnedBack: [(CaseStep, CaseState, Double)] = [
        (.create, .draft, 0), (.submit, .submitted, 0), (.correction, .correcting, 1),
      ]
      let accepted: [(CaseStep, CaseState, Double)] = [
        (.create, .draft, 0), (.submit, .submitted, 0), (.accept, .accepted, 1),
      ]
      for index in 0..<20 {
        try await Self.store(
          app, number: "360999-20261123-7\(1000 + index)", site: site, start: Self.monday, actor: ("a1", "严格"),
          index < 15 ? turnedBack : accepted)
        try await Self.store(
          app, number: "360999-20261123-8\(1000 + index)", site: site, start: Self.monday, actor: ("b1", "平常"),
          index < 2 ? turnedBack : accepted)
      }
      let scanner = RuleScanner(app.db)
      let tuesday = Self.monday.addingTimeInterval(86_400)
      #expect(try await scanner.scanIntakeOutliers(now: tuesday) == 1)
      #expect(try await scanner.scanIntakeOutliers(now: tuesday.addingTimeInterval(600)) == 0, "once a day")
      #expect(try await scanner.scanIntakeOutliers(now: tuesday.addingTimeInterval(86_400)) == 0, "once a month")
      let hits = RuleHitRepository(app.db)
      let found = try await hits.hits(of: "staff:a1:2026-11")
      #expect(found.map(\.rule) == [.intakeOutlier])
      #expect(found.first?.subject == .staff("a1"))
      #expect(found.first?.note.contains("补正或不予受理 15 件") == true)
      #expect(try await hits.hits(of: "staff:b1:2026-11").isEmpty)
    }
  }
}
