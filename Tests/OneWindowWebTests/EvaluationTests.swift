import Fluent
import Foundation
import OneWindowDomain
import OneWindowStore
import SQLKit
import Testing
import VaporTesting

@testable import OneWindowWeb

/// 好差评 through HTTP and on both databases (issue 22): the applicant rates a concluded case once per channel, a
/// negative rating opens its 差评整改 entry in the same transaction, the service desk calls back and assigns, only
/// the assignee records the fix, the rater sees the result and rates again; an appeal upheld by a supervisor voids
/// the rating and takes it out of the figures.
@Suite("好差评: ratings, 差评整改 and 申诉")
struct EvaluationWebTests {
  static let monday = CaseAPITests.monday
  static let phone = "13912345678"

  static func repository(_ app: Application) -> EvaluationRepository {
    EvaluationRepository(app.db, rule: DeadlineRule(), policy: EvaluationPolicy())
  }

  /// A case received by the demo clerk, decided and handed over.
  static func concluded(_ app: Application) async throws -> String {
    let clerk = try await APIClient.signIn(app, "clerk")
    let reviewer = try await APIClient.signIn(app, "reviewer")
    let number = try #require(try await clerk.createCase()["number"].string)
    #expect(try await clerk.step(number, "accept").status == .ok)
    #expect(try await reviewer.step(number, "start-review").status == .ok)
    #expect(try await reviewer.step(number, "decide", ["approved": true]).status == .ok)
    let delivered = try await clerk.step(number, "deliver", ["mode": "pickup", "receiver": "王秀英", "id_checked": true])
    #expect(try JSON(delivered)["state"].string == "concluded", "\(delivered.body.string)")
    return number
  }

  static func count(_ app: Application, _ query: String) async throws -> Int {
    try await (app.db as! any SQLDatabase).raw(SQLQueryString(query)).first()?.decode(column: "n", as: Int.self) ?? -1
  }

  @Test(
    "a text-message rating of a concluded case: once, negative opens the ledger; call back, assign, fix, tell, rate again",
    arguments: TestDatabase.all)
  func rectificationFlow(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      // setup
      let number = try await Self.concluded(app)
      let invitations = try await Self.count(
        app, "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'please_rate' AND case_number = '\(number)'")
      #expect(invitations == 1)
      let clerkID = try #require(try await StaffRepository(app.db).find(username: "clerk")?.identity.id)

      // act: the applicant opens the invitation's link and rates 非常不满意, first with no reason
      var resident = TestBrowser(app)
      _ = try await resident.get("/status?number=\(number)&phone=\(Self.phone)&via=sms")
      var form = FormFields.read(resident.lastBody, formID: "rate-case")
      #expect(form["via"] == "sms" && form["subject"] == "case")
      form["level"] = "1"
      let noReason = try await resident.post("/status/rate", form: form)
      #expect(noReason.status == .unprocessableEntity && resident.lastBody.contains(#"id="comment-error""#))
      // The summary's link leads to this form's own comment box (other rating forms may be on the page).
      #expect(resident.lastBody.contains(##"href="#rate-case-comment""##))
      #expect(resident.lastBody.contains(#"<textarea id="rate-case-comment""#))
      form = FormFields.read(resident.lastBody, formID: "rate-case")
      #expect(form["level"] == "1")
      form["comment"] = "窗口让我跑了三次"
      #expect(try await resident.post("/status/rate", form: form).status == .seeOther)
      #expect(try await resident.post("/status/rate", form: form).status == .unprocessableEntity)
      #expect(resident.lastBody.contains("已评价过"))

      // check: one rating, bound to the clerk who received the case, through the text message; its ledger entry
      let ratings = try await Self.repository(app).evaluations(caseNumber: number)
      let rating = try #require(ratings.first)
      #expect(ratings.count == 1 && rating.channel == .textMessage && rating.about.staffID == clerkID)
      #expect(rating.rater.isRealName && rating.about.departmentID != nil)
      let (entryID, opened) = try #require(
        try await Self.repository(app).rectification(evaluationID: rating.id).map { ($0.id, $0) })
      #expect(opened.state == .callBack)

      // The service desk sees it; a clerk who is not assigned cannot even open it.
      var desk = TestBrowser(app)
      _ = try await desk.signIn("service")
      _ = try await desk.get("/service/evaluations")
      #expect(desk.lastBody.contains("/service/rectifications/\(entryID)"))
      var clerk = TestBrowser(app)
      _ = try await clerk.signIn("clerk")
      #expect(try await clerk.get("/service/rectifications/\(entryID)").status == .notFound)
      #expect(try await clerk.get("/service/evaluations").status == .forbidden)

      // Call back (the note is required), then assign to the clerk.
      _ = try await desk.get("/service/rectifications/\(entryID)")
      var step = FormFields.read(desk.lastBody, formID: "step-call_back")
      #expect(try await desk.post("/service/rectifications/\(entryID)", form: step).status == .unprocessableEntity)
      #expect(desk.lastBody.contains(#"id="note-error""#))
      step = FormFields.read(desk.lastBody, formID: "step-call_back")
      step["note"] = "已电话回访，情况属实"
      step["reached"] = "on"
      #expect(try await desk.post("/service/rectifications/\(entryID)", form: step).status == .seeOther)
      _ = try await desk.get("/service/rectifications/\(entryID)")
      step = FormFields.read(desk.lastBody, formID: "step-assign")
      let departmentID = try #require(rating.about.departmentID)
      step["assignee"] = "\(departmentID)|\(clerkID)"
      #expect(try await desk.post("/service/rectifications/\(entryID)", form: step).status == .seeOther)

      // Only the assignee records the fix: the service desk is refused, and nothing changes.
      _ = try await desk.get("/service/rectifications/\(entryID)")
      let fix = ["_csrf": desk.csrfToken ?? "", "step": "fix", "cause": "材料清单未一次告知", "measure": "一次性告知单上墙"]
      #expect(try await desk.post("/service/rectifications/\(entryID)", form: fix).status == .unprocessableEntity)
      #expect(try await Self.repository(app).rectification(id: entryID)?.0.state == .fix)
      _ = try await clerk.get("/staff/evaluations")
      #expect(clerk.lastBody.contains("/service/rectifications/\(entryID)"))
      _ = try await clerk.get("/service/rectifications/\(entryID)")
      step = FormFields.read(clerk.lastBody, formID: "step-fix")
      step["cause"] = "材料清单未一次告知"
      step["measure"] = "一次性告知单上墙"
      #expect(try await clerk.post("/service/rectifications/\(entryID)", form: step).status == .seeOther)
      _ = try await desk.get("/service/rectifications/\(entryID)")
      step = FormFields.read(desk.lastBody, formID: "step-result")
      step["note"] = "已电话告知整改结果"
      #expect(try await desk.post("/service/rectifications/\(entryID)", form: step).status == .seeOther)
      let closed = try #require(try await Self.repository(app).rectification(id: entryID)?.0)
      #expect(closed.state == .closed && closed.fix?.byName != nil && closed.closedOnTime)

      // The rater sees the result and rates again; the second rating replaces the first in the level counts.
      _ = try await resident.get("/status?number=\(number)&phone=\(Self.phone)")
      #expect(resident.lastBody.contains("一次性告知单上墙"))
      form = FormFields.read(resident.lastBody, formID: "rate-again")
      form["level"] = "4"
      #expect(try await resident.post("/status/rate", form: form).status == .seeOther)
      let figures = try await Self.repository(app).figures(
        by: .staff, county: "360999", from: Self.monday - 86_400, to: Self.monday + 86_400, now: Self.monday)
      let mine = try #require(figures[clerkID])
      #expect(mine.levels == [4: 1] && mine.negatives == 1 && mine.rectified == 1 && mine.rectifiedOnTime == 1)
      #expect(mine.callBackRate == 1)

      // 好差评公示: the rating and its fix are public, the rater is not.
      var visitor = TestBrowser(app)
      let published = try await visitor.get("/ratings").body.string
      #expect(published.contains("窗口让我跑了三次") && published.contains("一次性告知单上墙"))
      #expect(!published.contains("王**") && !published.contains("******") && !published.contains(Self.phone))
    }
  }

  @Test(
    "an appeal upheld by a supervisor voids the rating: out of the figures, its entry closed",
    arguments: TestDatabase.all)
  func appeal(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let number = try await Self.concluded(app)
      // The conclusion notice's QR code opens the status page marked as scanned; the look-up keeps the mark.
      var clerkPages = TestBrowser(app)
      _ = try await clerkPages.signIn("clerk")
      _ = try await clerkPages.get("/cases/\(number)/notices/conclusion")
      #expect(clerkPages.lastBody.contains("扫码查询并评价"))
      var resident = TestBrowser(app)
      _ = try await resident.get("/status?via=qr")
      #expect(resident.lastBody.contains(#"<input type="hidden" name="via" value="qr">"#))
      _ = try await resident.get("/status?number=\(number)&phone=\(Self.phone)&via=qr")
      var form = FormFields.read(resident.lastBody, formID: "rate-case")
      form["level"] = "2"
      form["comment"] = "不满意"
      #expect(try await resident.post("/status/rate", form: form).status == .seeOther)
      let rating = try #require(try await Self.repository(app).evaluations(caseNumber: number).first)
      #expect(rating.channel == .qrCode)

      // Another clerk may not appeal it; the clerk rated may, once, with a reason and the evidence.
      var other = TestBrowser(app)
      _ = try await other.signIn("townclerk")
      _ = try await other.get("/staff/evaluations")
      let foreign = ["_csrf": other.csrfToken ?? "", "reason": "r", "evidence": "e"]
      #expect(try await other.post("/staff/evaluations/\(rating.id)/appeal", form: foreign).status != .seeOther)
      var clerk = TestBrowser(app)
      _ = try await clerk.signIn("clerk")
      _ = try await clerk.get("/staff/evaluations")
      #expect(clerk.lastBody.contains(#"data-evaluation="\#(rating.id)""#))
      var appeal = FormFields.read(clerk.lastBody, action: "/staff/evaluations/\(rating.id)/appeal")
      #expect(
        try await clerk.post("/staff/evaluations/\(rating.id)/appeal", form: appeal).status == .unprocessableEntity)
      #expect(clerk.lastBody.contains(#"id="reason-error""#) && clerk.lastBody.contains(#"id="evidence-error""#))
      appeal = FormFields.read(clerk.lastBody, action: "/staff/evaluations/\(rating.id)/appeal")
      appeal["reason"] = "评价人投诉的是邮寄问题，与窗口无关"
      appeal["evidence"] = "办件记录：结果已现场领取"
      #expect(try await clerk.post("/staff/evaluations/\(rating.id)/appeal", form: appeal).status == .seeOther)
      #expect(
        try await clerk.post("/staff/evaluations/\(rating.id)/appeal", form: appeal).status == .unprocessableEntity)

      // The clerk cannot decide it; the supervisor voids it with a reason.
      let appealID = try #require(try await Self.repository(app).appeal(evaluationID: rating.id)?.id)
      #expect(try await clerk.get("/supervision/appeals").status == .forbidden)
      var supervisor = TestBrowser(app)
      _ = try await supervisor.signIn("supervisor")
      _ = try await supervisor.get("/supervision/appeals")
      var decision = FormFields.read(supervisor.lastBody, action: "/supervision/appeals/\(appealID)")
      decision["decision"] = "void"
      #expect(
        try await supervisor.post("/supervision/appeals/\(appealID)", form: decision).status == .unprocessableEntity)
      decision = FormFields.read(supervisor.lastBody, action: "/supervision/appeals/\(appealID)")
      decision["decision"] = "void"
      decision["reason"] = "核实属实，非本窗口原因"
      #expect(try await supervisor.post("/supervision/appeals/\(appealID)", form: decision).status == .seeOther)

      let repository = Self.repository(app)
      #expect(try await repository.evaluation(id: rating.id)?.voided == true)
      #expect(try await repository.rectification(evaluationID: rating.id)?.state == .voided)
      let figures = try await repository.figures(
        by: .department, county: "360999", from: Self.monday - 86_400, to: Self.monday + 86_400, now: Self.monday)
      #expect(figures[rating.about.departmentID ?? ""]?.negatives ?? 0 == 0)
    }
  }

  @Test(
    "ratings racing each other and case writes: every negative has one ledger entry; one rating twice at once is stored once",
    arguments: TestDatabase.all)
  func concurrentRatings(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let repository = Self.repository(app)
      func rating(_ index: Int, ticket: String) -> Evaluation {
        Evaluation(
          id: UUID().uuidString.lowercased(), subject: .service, channel: .pad,
          level: EvaluationLevel(rawValue: index % 5 + 1)!, rater: .anonymous,
          about: .init(ticketID: ticket, windowID: "win-site-center-01", siteID: "site-center", regionCode: "360999"),
          at: Self.monday + Double(index))
      }
      @Sendable func stored(_ evaluation: Evaluation) async -> Bool {
        do {
          try await repository.record(evaluation, county: "360999")
          return true
        } catch { return false }
      }
      // 24 distinct ratings and the same ticket rated 6 times, all at once, while 10 cases are being accepted (more
      // would only wait on the pool's 16 connections: a test of overload, not of the race).
      let clerk = try await APIClient.signIn(app, "clerk")
      var numbers: [String] = []
      for _ in 0..<10 { numbers.append(try #require(try await clerk.createCase()["number"].string)) }
      let accepting = numbers
      let outcomes = await withTaskGroup(of: (String, Bool).self) { group in
        for index in 0..<24 {
          group.addTask { ("rating", await stored(rating(index, ticket: "t\(index)"))) }
        }
        for index in 0..<6 {
          group.addTask { ("same", await stored(rating(index, ticket: "same"))) }
        }
        for number in accepting {
          group.addTask { ("case", (try? await clerk.step(number, "accept"))?.status == .ok) }
        }
        var ok: [String: Int] = [:]
        for await (kind, done) in group where done { ok[kind, default: 0] += 1 }
        return ok
      }
      #expect(outcomes == ["rating": 24, "same": 1, "case": 10])
      #expect(
        try await Self.count(
          app,
          "SELECT COUNT(*) AS n FROM cases WHERE state = 'accepted' AND number IN ('\(numbers.joined(separator: "','"))')"
        )
          == 10)
      #expect(try await Self.count(app, "SELECT COUNT(*) AS n FROM evaluations WHERE ticket_id = 'same'") == 1)
      let negatives = try await Self.count(app, "SELECT COUNT(*) AS n FROM evaluations WHERE level <= 2")
      let entries = try await Self.count(
        app, "SELECT COUNT(*) AS n FROM rectifications r JOIN evaluations e ON e.id = r.evaluation_id")
      #expect(negatives >= 10 && negatives == entries)
      #expect(try await Self.count(app, "SELECT COUNT(*) AS n FROM evaluations") == 25)

      // Two service-desk members calling back the same entry at once: one step is taken, the other told.
      let entry = try #require(try await repository.open(county: "360999").first?.0)
      let service = try #require(try await StaffRepository(app.db).find(username: "service")?.identity)
      let admin = try #require(try await StaffRepository(app.db).find(username: "admin")?.identity)
      let taken = await withTaskGroup(of: Bool.self) { group in
        for actor in [service, admin] {
          group.addTask {
            (try? await repository.apply(
              .callBack(note: "回访 \(actor.username)", reached: true, founded: true), to: entry.id, by: actor,
              now: Self.monday + 100)) != nil
          }
        }
        var count = 0
        for await ok in group where ok { count += 1 }
        return count
      }
      #expect(taken == 1)
      #expect(try await repository.rectification(id: entry.id)?.0.state == .assign)
    }
  }

  @Test(
    "整改到期提醒: the service team is told once at yellow and once at red; the assignee when the fix falls due",
    arguments: TestDatabase.all)
  func alerts(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      // setup: a negative rating on Monday 10:00 (its call back is due the next working day)
      let repository = Self.repository(app)
      let staff = StaffRepository(app.db)
      let clerk = try #require(try await staff.find(username: "clerk")?.identity)
      let service = try #require(try await staff.find(username: "service")?.identity)
      let rating = Evaluation(
        id: "rating-1", subject: .case, channel: .statusPage, level: .veryDissatisfied, comment: "跑了三次",
        rater: .init(name: "王秀英", phone: Self.phone),
        about: .init(
          caseNumber: "360999-20261123-00099", staffID: clerk.id, departmentID: "dept-scjgj", itemName: "食品经营许可",
          siteID: "site-center", regionCode: "360999"),
        at: Self.monday)
      let entry = try #require(try await repository.record(rating, county: "360999"))
      let worker = NotificationWorker(application: app, policy: NotificationTests.policy, batchSize: 50, concurrency: 4)
      func alerts(to person: StaffIdentity) async throws -> Int {
        try await Self.count(
          app,
          "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'rectification_due' AND account = 'staff:\(person.id)'")
      }

      // act and check: yellow at once, once; red on Wednesday, once
      #expect(try await worker.alertRectifications(now: Self.monday) == 1)
      #expect(try await worker.alertRectifications(now: Self.monday + 60) == 0)
      #expect(try await alerts(to: service) == 1)
      let wednesday = Self.monday + 2 * 86_400
      #expect(try await worker.alertRectifications(now: wednesday) == 1)
      #expect(try await worker.alertRectifications(now: wednesday + 60) == 0)
      #expect(try await alerts(to: service) == 2)

      // Called back and assigned: the fix is due in 15 working days; the clerk is told when it is late.
      try await repository.apply(
        .callBack(note: "已回访", reached: true, founded: true), to: entry.id, by: service, now: wednesday)
      try await repository.apply(
        .assign(departmentID: "dept-scjgj", staffID: clerk.id, staffName: clerk.displayName), to: entry.id,
        by: service, now: wednesday)
      #expect(try await worker.alertRectifications(now: wednesday + 3600) == 0)
      let late = Self.monday + 30 * 86_400
      #expect(try await worker.alertRectifications(now: late) == 1)
      #expect(try await alerts(to: clerk) == 1)
      #expect(try await alerts(to: service) == 2)

      // Delivered in the app: the clerk's workbench shows it unread; 我的消息 links to the entry.
      app.now = { late }
      _ = try await NotificationTests.drain(worker, app, from: late)
      var browser = TestBrowser(app)
      _ = try await browser.signIn("clerk")
      _ = try await browser.get("/staff")
      #expect(browser.lastBody.contains("1 条未读"))
      _ = try await browser.get("/staff/messages")
      #expect(browser.lastBody.contains("/service/rectifications/\(entry.id)") && browser.lastBody.contains("红灯"))
      _ = try await browser.get("/staff")
      #expect(!browser.lastBody.contains("条未读"))
    }
  }
}
