import Fluent
import Foundation
import OneWindowDomain
import OneWindowStore
import SQLKit
import Testing
import VaporTesting

@testable import OneWindowWeb

/// The notification worker (issue 22): the outbox reaches people at least once, in order per recipient, through a
/// real HTTP gateway that fails and recovers, without sending twice after a crash, and into the portal's 我的消息.
@Suite("Notifications: the outbox worker, the SMS gateway and in-app messages")
struct NotificationTests {
  static let secret = "test-gateway-secret-0123456789"
  static let monday = CaseAPITests.monday
  /// Quick retries, so a test walks through backoff in a few simulated seconds.
  static let policy = DeliveryPolicy(maxAttempts: 5, firstRetry: 1, longestWait: 30, lease: 60)

  static func useGateway(_ gateway: TestGateway, in app: Application) {
    app.use(
      textMessages: GatewayTextMessageSender(
        settings: TextGatewaySettings(url: gateway.url, secret: secret, templates: ["accepted": "SMS_0001"]),
        client: app.http.client.shared))
  }

  /// Runs batches, the clock moving on `step` seconds each, until nothing is left to send (or `rounds` pass).
  static func drain(
    _ worker: NotificationWorker, _ app: Application, from start: Date, step: TimeInterval = 5, rounds: Int = 60
  )
    async throws -> Date
  {
    var now = start
    for _ in 0..<rounds {
      try await worker.deliverBatch(now: now)
      let backlog = try await OutboxRepository(app.db).backlog(county: nil, now: now, dayStart: start)
      if backlog.pending == 0 { return now }
      now += step
    }
    return now
  }

  static func outboxIDs(_ app: Application) async throws -> [String] {
    try await (app.db as! any SQLDatabase).raw("SELECT id FROM outbox ORDER BY created_ms, id").all()
      .map { try $0.decode(column: "id", as: UUID.self).uuidString }
  }

  static func enqueue(_ app: Application, _ kind: NotificationKind, to phone: String, item: String = "食品经营许可", at: Date)
    async throws
  {
    try await OutboxRepository(app.db).enqueue(
      kind: kind, caseNumber: "", recipient: phone, account: nil, facts: ["item": item], county: "360999", now: at)
  }

  @Test(
    "a gateway that fails the first three times takes every message exactly once, in order per recipient",
    arguments: TestDatabase.all)
  func retriesUntilTaken(database: TestDatabase) async throws {
    let gateway = try await TestGateway.start(failures: 3, secret: Self.secret)
    do {
      try await withTestApp(database, now: Self.monday) { app in
        // setup: three cases accepted at the window, and three messages in a row to one person
        Self.useGateway(gateway, in: app)
        let clerk = try await APIClient.signIn(app, "clerk")
        for _ in 0..<3 {
          let number = try #require(try await clerk.createCase()["number"].string)
          #expect(try await clerk.step(number, "accept").status == .ok)
        }
        for (index, kind) in [NotificationKind.accepted, .decided, .readyForPickup].enumerated() {
          try await Self.enqueue(app, kind, to: "13700000001", at: Self.monday + Double(index))
        }
        for index in 0..<12 {
          try await Self.enqueue(app, .decided, to: "137000001\(String(format: "%02d", index))", at: Self.monday + 3)
        }
        let ids = try await Self.outboxIDs(app)
        // act
        let worker = NotificationWorker(application: app, policy: Self.policy, batchSize: 5, concurrency: 3)
        let end = try await Self.drain(worker, app, from: Self.monday + 10)
        // check
        let taken = gateway.snapshot.taken
        #expect(Set(taken.map(\.key)) == Set(ids), "every message taken")
        #expect(taken.count == ids.count, "and each once")
        #expect(gateway.snapshot.repeats.isEmpty)
        #expect(gateway.snapshot.badSignatures == 0)
        #expect(gateway.snapshot.failuresLeft == 0)
        let inOrder = taken.filter { $0.phone == "13700000001" }.map(\.text)
        #expect(inOrder.count == 3)
        #expect(inOrder.first?.contains("已受理") == true && inOrder.last?.contains("可领取") == true, "\(inOrder)")
        #expect(taken.first { $0.phone == "13912345678" }?.template == "SMS_0001")
        #expect(taken.allSatisfy { $0.text.hasPrefix("【云溪县政务服务】") })
        let backlog = try await OutboxRepository(app.db).backlog(county: "360999", now: end, dayStart: Self.monday)
        #expect(backlog.pending == 0 && backlog.dead == 0 && backlog.sentToday == ids.count)
      }
    } catch {
      try? await gateway.stop()
      throw error
    }
    try await gateway.stop()
  }

  @Test(
    "a worker that dies mid-batch leaves its messages to the next, and nothing reaches a phone twice",
    arguments: TestDatabase.all)
  func crashMidBatch(database: TestDatabase) async throws {
    let gateway = try await TestGateway.start(secret: Self.secret)
    do {
      try await withTestApp(database, now: Self.monday) { app in
        Self.useGateway(gateway, in: app)
        for index in 0..<10 {
          try await Self.enqueue(app, .decided, to: "136000000\(String(format: "%02d", index))", at: Self.monday)
        }
        let ids = try await Self.outboxIDs(app)
        // A worker takes a batch and hands half of it to the gateway, then dies before it records anything.
        let batch = try await OutboxRepository(app.db).claim(limit: 10, now: Self.monday, lease: Self.policy.lease)
        #expect(batch.count == 10)
        for message in batch.prefix(5) {
          try await app.textMessages.send(
            TextMessage(phone: message.recipient, text: "…", id: message.id.uuidString, kind: message.kind),
            logger: app.logger)
        }
        // While the lease holds, another worker takes nothing; after it, everything.
        let worker = NotificationWorker(application: app, policy: Self.policy, batchSize: 50)
        #expect(try await worker.deliverBatch(now: Self.monday + 30) == 0)
        _ = try await Self.drain(worker, app, from: Self.monday + Self.policy.lease + 1)
        let state = gateway.snapshot
        #expect(Set(state.taken.map(\.key)) == Set(ids))
        #expect(state.taken.count == ids.count, "no phone got a message twice")
        #expect(state.repeats.count == 5, "the five sent before the crash came again with their keys")
        let backlog = try await OutboxRepository(app.db).backlog(
          county: nil, now: Self.monday + 120, dayStart: Self.monday)
        #expect(backlog.pending == 0)
      }
    } catch {
      try? await gateway.stop()
      throw error
    }
    try await gateway.stop()
  }

  @Test(
    "a number the gateway refuses goes to the dead-letter list at once; the administrator sees why and sends it again",
    arguments: TestDatabase.all)
  func deadLetters(database: TestDatabase) async throws {
    let gateway = try await TestGateway.start(secret: Self.secret, refusing: ["13500000000"])
    do {
      try await withTestApp(database, now: Self.monday) { app in
        Self.useGateway(gateway, in: app)
        try await Self.enqueue(app, .decided, to: "13500000000", at: Self.monday)
        try await Self.enqueue(app, .decided, to: "13500000001", at: Self.monday)
        let worker = NotificationWorker(application: app, policy: Self.policy)
        _ = try await Self.drain(worker, app, from: Self.monday)
        let outbox = OutboxRepository(app.db)
        let dead = try await outbox.deadLetters(county: "360999")
        #expect(dead.map(\.recipient) == ["13500000000"])
        #expect(dead.first?.attempts == 1)
        #expect(dead.first?.lastError.contains("400") == true)
        #expect(gateway.snapshot.taken.map(\.phone) == ["13500000001"])
        // The administrator sees it, masked, with the gateway's reason, and sends it again; a clerk may not.
        var clerk = TestBrowser(app)
        try await clerk.signIn("clerk")
        #expect(try await clerk.get("/admin/notifications").status == .forbidden)
        var admin = TestBrowser(app)
        try await admin.signIn("admin")
        let page = try await admin.get("/admin/notifications")
        #expect(page.status == .ok)
        let html = page.body.string
        #expect(html.contains("135******00") && !html.contains("13500000000"), "masked")
        #expect(html.contains("gateway refused (400)"))
        #expect(html.contains("服务器日志") == false, "the gateway is the channel")
        let id = try #require(dead.first?.id.uuidString)
        let retried = try await admin.post(
          "/admin/notifications/retry", form: ["_csrf": admin.csrfToken ?? "", "id": id])
        #expect(retried.headers.first(name: .location) == "/admin/notifications?retried=1")
        #expect(try await outbox.deadLetters(county: "360999").isEmpty)
        let after = try await admin.get("/admin/notifications?retried=1")
        #expect(after.body.string.contains("已将 1 条消息重新排队发送"))
        #expect(after.body.string.contains("id=\"dead-letters\""))
      }
    } catch {
      try? await gateway.stop()
      throw error
    }
    try await gateway.stop()
  }

  @Test("a citizen with a portal account finds the notification in 我的消息, once, in their language")
  func inAppMessages() async throws {
    try await withTestApp(.sqlite, now: Self.monday) { app in
      var citizen = try await PortalTests.signUp(app, phone: "13805551234", name: "王秀英", id: "11010519491231002X")
      try await Self.enqueue(app, .correctionNeeded, to: "13805551234", at: Self.monday)
      let worker = NotificationWorker(application: app, policy: Self.policy)
      // Delivered twice over (a resend after a crash): shown once.
      let batch = try await OutboxRepository(app.db).claim(limit: 10, now: Self.monday, lease: 1)
      let account = InAppMessage.account(
        citizen: try #require(try await CitizenRepository(app.db).find(phone: "13805551234")).citizen.id)
      for message in batch {
        try await MessageRepository(app.db).deliver(message, to: account, now: Self.monday)
      }
      _ = try await Self.drain(worker, app, from: Self.monday + 2)
      let home = try await citizen.get("/my")
      #expect(home.body.string.contains("id=\"my-messages\""))
      #expect(home.body.string.contains("<span class=\"badge\">1</span>"), "one unread")
      let page = try await citizen.get("/my/messages")
      #expect(page.status == .ok)
      #expect(page.body.string.components(separatedBy: "需补正材料").count == 2, "shown once")
      #expect(page.body.string.contains("补正通知"))
      let again = try await citizen.get("/my")
      #expect(!again.body.string.contains("<span class=\"badge\">"), "read once shown")
      _ = try await citizen.get("/lang/en?to=/my/messages")
      let english = try await citizen.get("/my/messages")
      #expect(english.body.string.contains("needs corrected materials"))
      // Someone else's messages are not theirs to see.
      let other = try await app.testing().sendRequest(.GET, "/my/messages")
      #expect(other.status == .seeOther || other.status == .unauthorized)
    }
  }
}

extension NotificationTests {
  @Test(
    "预约提醒: the afternoon before, each booking of the next day is reminded once, by text", arguments: TestDatabase.all)
  func appointmentReminders(database: TestDatabase) async throws {
    // Monday 2026-11-23 10:00 in the county; the booking is for Tuesday.
    try await withTestApp(database, now: Self.monday) { app in
      let hall = HallRepository(app.db)
      let group = try #require(try await hall.groups(site: "site-center").first)
      let tuesday = CivilDate(year: 2026, month: 11, day: 24)!
      let booking = try await hall.book(
        site: "site-center", group: group, day: tuesday, slot: AppointmentSlot(start: 9 * 60, end: 9 * 60 + 30),
        name: "李娜", phone: "13911112222", county: "360999", now: Self.monday)
      let cancelled = try await hall.book(
        site: "site-center", group: group, day: tuesday, slot: AppointmentSlot(start: 10 * 60, end: 10 * 60 + 30),
        name: "张伟", phone: "13911113333", county: "360999", now: Self.monday)
      try await hall.cancel(cancelled)
      let recording = RecordingTextMessageSender()
      app.use(textMessages: recording)
      let worker = NotificationWorker(application: app, policy: Self.policy)
      // Morning: not yet. 16:30: the one still booked, once, however often the worker looks.
      #expect(try await worker.remindAppointments(now: Self.monday) == 0)
      let afternoon = Self.monday + 6.5 * 3600
      #expect(try await worker.remindAppointments(now: afternoon) == 1)
      #expect(try await worker.remindAppointments(now: afternoon + 60) == 0)
      _ = try await Self.drain(worker, app, from: afternoon)
      let texts = recording.messages
      #expect(texts.map(\.phone) == ["13911112222"])
      let text = try #require(texts.first?.text)
      #expect(
        text.contains("2026-11-24 09:00-09:30") && text.contains(booking.code) && text.contains(group.name), "\(text)")
    }
  }

  @Test(
    "a case turning yellow, then red, is told to its department's reviewers once per level; an old turn is not told",
    arguments: TestDatabase.all)
  func caseLights(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      // setup: a promised case accepted on Monday by the demo clerk
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      #expect(try await clerk.step(number, "accept").status == .ok)
      let row = try #require(
        try await (app.db as! any SQLDatabase).raw(
          "SELECT warn_ms, due_ms FROM cases WHERE number = \(bind: number)"
        ).first())
      let warn = Date(timeIntervalSince1970: Double(try row.decode(column: "warn_ms", as: Int64.self)) / 1000)
      let due = Date(timeIntervalSince1970: Double(try row.decode(column: "due_ms", as: Int64.self)) / 1000)
      let reviewer = try #require(try await StaffRepository(app.db).find(username: "reviewer")?.identity)
      let recording = RecordingTextMessageSender()
      app.use(textMessages: recording)
      let worker = NotificationWorker(application: app, policy: Self.policy)
      func told(_ kind: NotificationKind) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw(
          """
          SELECT COUNT(*) AS n FROM outbox WHERE kind = \(bind: kind.rawValue) AND case_number = \(bind: number)
            AND account = \(bind: InAppMessage.account(staff: reviewer.id))
          """
        ).first()?.decode(column: "n", as: Int.self) ?? -1
      }

      // act and check
      #expect(try await worker.alertCases(now: warn - 60) == 0)
      #expect(try await worker.alertCases(now: warn + 60) == 1)
      #expect(try await worker.alertCases(now: warn + 120) == 0)
      #expect(try await told(.caseYellow) == 1)
      // Two days after the due date, the red turn is old news: not told (a restored backup, a load test's cases).
      #expect(try await worker.alertCases(now: due + 2 * 86_400) == 0)
      #expect(try await worker.alertCases(now: due + 60) == 1)
      #expect(try await worker.alertCases(now: due + 120) == 0)
      #expect(try await told(.caseRed) == 1)

      // The reviewer reads it on the workbench, linked to the case.
      app.now = { due + 120 }
      _ = try await Self.drain(worker, app, from: due + 120)
      var browser = TestBrowser(app)
      _ = try await browser.signIn("reviewer")
      _ = try await browser.get("/staff/messages")
      #expect(browser.lastBody.contains("/cases/\(number)") && browser.lastBody.contains("红灯超期"))
    }
  }
}
