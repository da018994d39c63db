import Fluent
import Foundation
import OneWindowDomain
import OneWindowStore
import SQLKit
import Testing
import VaporTesting

@Suite("Case engine through /api/v1/cases, on SQLite and PostgreSQL")
struct CaseAPITests {
  static let foodLicence = "360105002000"  // 食品经营许可, 承诺件, 10 working days
  /// Monday 2026-11-23 10:00 in 云溪县.
  static let monday = ISO8601DateFormatter().date(from: "2026-11-23T10:00:00+08:00")!

  /// Adds a reviewer for 县自然资源局, who gives parallel opinions.
  func addLandReviewer(_ app: Application) async throws {
    let hash = try await app.password.async.hash("demo1234")
    try await StaffRepository(app.db).add(
      NewStaff(
        username: "zrzy", displayName: "赵振华", role: .reviewer,
        scope: Scope(regionCode: RegionCode("360999")!, departmentID: "dept-zrzyj")),
      passwordHash: hash)
  }

  @Test("a promised case: correction, acceptance, parallel opinion, decision, pickup", arguments: TestDatabase.all)
  func lifecycle(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      // setup
      try await addLandReviewer(app)
      let clerk = try await APIClient.signIn(app, "clerk")
      let reviewer = try await APIClient.signIn(app, "reviewer")
      let land = try await APIClient.signIn(app, "zrzy")
      // act
      let created = try await clerk.createCase()
      let number = try #require(created["number"].string)
      #expect(number == "360999-20261123-00001")
      #expect(created["state"].string == "submitted")
      #expect(created["applicant"]["id_number"].string == "1101**********002X")
      #expect(created["applicant"]["phone"].string == "139******78")

      var r = try await clerk.step(
        number, "correction", ["version": 2, "items": [["material": "营业执照", "problem": "复印件不清晰"]]])
      #expect(r.status == .ok, "\(r.body.string)")
      r = try await clerk.step(number, "resubmit", ["version": 3])
      r = try await clerk.step(number, "accept", ["version": 4])
      let accepted = try JSON(r)
      #expect(accepted["state"].string == "accepted")
      #expect(accepted["deadline"]["due"].string == "2026-12-07T23:59:59+08:00")
      r = try await reviewer.step(number, "start-review", ["version": 5])
      r = try await reviewer.step(
        number, "request-opinion", ["department_id": "dept-zrzyj", "question": "选址是否符合规划", "due_workdays": 3])
      #expect(r.status == .ok, "\(r.body.string)")
      let repository = CaseRepository(app.db, rule: DeadlineRule())
      #expect(try await repository.opinionQueue(departmentID: "dept-zrzyj").map(\.number) == [number])
      // The asked department sees the case and answers; the request leaves its queue.
      let seen = try await land.send(.GET, "/api/v1/cases/\(number)")
      #expect(seen.status == .ok)
      r = try await land.step(
        number, "give-opinion", ["department_id": "dept-zrzyj", "answer": "符合规划", "agrees": true])
      #expect(r.status == .ok, "\(r.body.string)")
      #expect(try await repository.opinionQueue(departmentID: "dept-zrzyj").isEmpty)
      r = try await reviewer.step(number, "decide", ["approved": true])
      #expect(try JSON(r)["state"].string == "decided")
      r = try await clerk.step(number, "deliver", ["mode": "pickup", "receiver": "王秀英", "id_checked": true])
      let concluded = try JSON(r)
      // check
      #expect(concluded["state"].string == "concluded")
      #expect(concluded["version"].int == 10)
      let events = try JSON(try await clerk.send(.GET, "/api/v1/cases/\(number)/events"))
      #expect(
        events["items"].array.map { $0["step"].string ?? "" } == [
          "create", "submit", "correction", "resubmit", "accept", "start-review", "request-opinion", "give-opinion",
          "decide", "deliver",
        ])
      #expect(CaseTrail.verify(try await repository.events(of: number)) == nil)
      #expect(
        try await repository.notifications(of: number) == [
          "correction_needed", "accepted", "decided", "ready_for_pickup", "please_rate",
        ])
    }
  }

  @Test("an illegal step is refused by name and changes nothing", arguments: TestDatabase.all)
  func illegalStep(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      let response = try await clerk.step(number, "deliver", ["mode": "electronic"])
      #expect(response.status == .conflict)
      let error = try JSON(response)["error"]
      #expect(error["code"].string == "illegal_step")
      #expect(error["message"].string?.contains("待受理") == true)
      #expect(error["message"].string?.contains("出件") == true)
      let after = try JSON(try await clerk.send(.GET, "/api/v1/cases/\(number)"))
      #expect(after["version"].int == 2)
      #expect(try JSON(try await clerk.send(.GET, "/api/v1/cases/\(number)/events"))["total"].int == 2)
      let unknown = try await clerk.step(number, "approve-everything")
      #expect(unknown.status == .notFound)
      let clerkDecides = try await clerk.step(number, "accept")
      #expect(clerkDecides.status == .ok)
      let forbidden = try await clerk.step(number, "start-review")
      #expect(forbidden.status == .forbidden)
    }
  }

  @Test("bad input names the field and creates nothing", arguments: TestDatabase.all)
  func badInput(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let badPhone = try await clerk.send(
        .POST, "/api/v1/cases",
        [
          "item_code": Self.foodLicence,
          "applicant": ["name": "王秀英", "id_number": "11010519491231002X", "phone": "12"],
        ])
      #expect(badPhone.status == .unprocessableEntity)
      #expect(try JSON(badPhone)["error"]["field"].string == "applicant.phone")
      let noItem = try await clerk.send(
        .POST, "/api/v1/cases", ["item_code": "nope", "applicant": [:] as [String: Any]])
      #expect(try JSON(noItem)["error"]["field"].string == "item_code")
      // 通办: a county-only item taken in at a town center goes to the county department.
      let town = try await APIClient.signIn(app, "townclerk")
      let acrossSites = try JSON(
        try await town.send(
          .POST, "/api/v1/cases",
          [
            "item_code": Self.foodLicence,
            "applicant": ["name": "王秀英", "id_number": "11010519491231002X", "phone": "13912345678"],
          ]))
      #expect(acrossSites["intake"]["route"].string == "across_sites")
      #expect(acrossSites["department_id"].string == "dept-scjgj")
      #expect(acrossSites["site_id"].string != "site-center")
      let garbage = try await app.testing().sendRequest(
        .POST, "/api/v1/cases",
        headers: ["Authorization": "Bearer \(clerk.token)", "Content-Type": "application/json"],
        body: ByteBuffer(string: "{not json"))
      #expect(garbage.status == .badRequest || garbage.status == .unprocessableEntity)
      let list = try JSON(try await clerk.send(.GET, "/api/v1/cases"))
      #expect(list["total"].int == 0)
      let badFilter = try await clerk.send(.GET, "/api/v1/cases?warning=purple")
      #expect(try JSON(badFilter)["error"]["field"].string == "warning")
      let step = try await clerk.createCase()
      let missing = try await clerk.step(step["number"].string ?? "", "correction", ["items": []])
      #expect(try JSON(missing)["error"]["field"].string == "items")
    }
  }

  @Test("a retry with the same Idempotency-Key returns the first case, also when racing", arguments: TestDatabase.all)
  func idempotency(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let first = try await clerk.createCase(key: "retry-key-0001")
      let second = try await clerk.createCase(key: "retry-key-0001")
      #expect(first["number"].string == second["number"].string)
      async let a = clerk.createCase(key: "race-key-0002")
      async let b = clerk.createCase(key: "race-key-0002")
      let (x, y) = try await (a, b)
      #expect(x["number"].string == y["number"].string)
      let list = try JSON(try await clerk.send(.GET, "/api/v1/cases"))
      #expect(list["total"].int == 2)
    }
  }

  @Test(
    "steps sent at once without a version all apply, one after another, on one unbroken trail",
    arguments: TestDatabase.all)
  func concurrentStepsWithoutVersion(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      // setup: a case in review
      let clerk = try await APIClient.signIn(app, "clerk")
      let reviewer = try await APIClient.signIn(app, "reviewer")
      let number = try #require(try await clerk.createCase()["number"].string)
      #expect(try await clerk.step(number, "accept").status == .ok)
      #expect(try await reviewer.step(number, "start-review").status == .ok)
      let repository = CaseRepository(app.db, rule: DeadlineRule())
      let actor = CaseActor(try #require(try await StaffRepository(app.db).find(username: "reviewer")).identity)
      let departments = ["dept-zrzyj", "dept-gaj", "dept-rsj", "dept-mzj", "dept-wjw", "dept-zjj"]
      // act: six opinion requests at the same moment; on PostgreSQL most lose a race and are taken again
      let outcomes = await withTaskGroup(of: (any Error)?.self) { group in
        for department in departments {
          group.addTask {
            do {
              _ = try await repository.apply(
                .requestOpinion(departmentID: department, question: "是否同意", dueWorkdays: 3), to: number,
                expectedVersion: nil, by: actor, now: Self.monday)
              return nil
            } catch { return error }
          }
        }
        var errors: [(any Error)?] = []
        for await outcome in group { errors.append(outcome) }
        return errors
      }
      // check
      #expect(outcomes.compactMap { $0 }.isEmpty, "\(outcomes)")
      let serviceCase = try #require(try await repository.find(number))
      #expect(Set(serviceCase.opinions.map(\.departmentID)) == Set(departments))
      let events = try await repository.events(of: number)
      #expect(events.count == 4 + departments.count)
      #expect(events.map(\.sequence) == Array(1...events.count))
      #expect(serviceCase.version == 4 + departments.count)
      #expect(try await repository.verifyTrails().breaks.isEmpty)
      let asked = try await (app.db as! any SQLDatabase).raw(
        "SELECT department_id FROM case_opinion_requests WHERE case_number = \(bind: number)"
      ).all().map { try $0.decode(column: "department_id", as: String.self) }
      #expect(Set(asked) == Set(departments) && asked.count == departments.count)
    }
  }

  @Test(
    "case numbers reserved in blocks: two processes registering at once never share one; a restart starts after them",
    arguments: TestDatabase.all.filter { $0 == .postgres })
  func numberBlocks(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      // setup: two processes' number blocks over one database, and what a registration needs
      let processes = [CaseNumberBlocks(database: { app.db }), CaseNumberBlocks(database: { app.db })]
      let entry = try #require(try await CatalogRepository(app.db).entry(code: Self.foodLicence))
      let site = try #require(try await DirectoryRepository(app.db).site("site-center"))
      let clerk = CaseActor(try #require(try await StaffRepository(app.db).find(username: "clerk")).identity)
      let applicant = Applicant(
        kind: .person, name: "张三", idType: "居民身份证", idNumber: "11010519491231002X", phone: "13912345678")
      @Sendable func register(_ numbers: CaseNumberBlocks) async throws -> String {
        try await CaseRepository(app.db, rule: DeadlineRule(), numbers: numbers).create(
          NewCase(
            item: CaseItem(entry.item, version: entry.version), applicant: applicant, channel: .window, site: site),
          by: clerk, now: Self.monday
        ).serviceCase.number
      }
      // act: 30 registrations at once, alternating between the processes
      let numbers = try await withThrowingTaskGroup(of: String.self) { group in
        for index in 0..<30 { group.addTask { try await register(processes[index % 2]) } }
        return try await group.reduce(into: [String]()) { $0.append($1) }
      }
      // check
      #expect(Set(numbers).count == 30)
      let sequences = numbers.compactMap { Int($0.split(separator: "-").last ?? "") }.sorted()
      #expect(sequences.count == 30 && sequences.last! <= 2 * CaseNumberBlocks.blockSize)
      // A restarted process reserves a fresh block after everything reserved before it.
      let restarted = try await register(CaseNumberBlocks(database: { app.db }))
      #expect(Int(restarted.split(separator: "-").last ?? "") == 2 * CaseNumberBlocks.blockSize + 1)
    }
  }

  @Test(
    "a process that remembers a case another process moved on takes its step on the row as it is now",
    arguments: TestDatabase.all.filter { $0 == .postgres })
  func staleRememberedCase(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      // setup: process A registers a case and remembers it; process B accepts it
      let entry = try #require(try await CatalogRepository(app.db).entry(code: Self.foodLicence))
      let site = try #require(try await DirectoryRepository(app.db).site("site-center"))
      let staff = StaffRepository(app.db)
      let clerk = CaseActor(try #require(try await staff.find(username: "clerk")).identity)
      let reviewer = CaseActor(try #require(try await staff.find(username: "reviewer")).identity)
      let a = CaseRepository(app.db, rule: DeadlineRule(), recent: RecentCases())
      let b = CaseRepository(app.db, rule: DeadlineRule(), recent: RecentCases())
      let applicant = Applicant(
        kind: .person, name: "张三", idType: "居民身份证", idNumber: "11010519491231002X", phone: "13912345678")
      let number = try await a.create(
        NewCase(item: CaseItem(entry.item, version: entry.version), applicant: applicant, channel: .window, site: site),
        by: clerk, now: Self.monday
      ).serviceCase.number
      let accepted = try await b.apply(
        .accept(.standard), to: number, expectedVersion: nil, by: clerk, now: Self.monday)
      // act: A still remembers the submitted case, yet starts the review, which only an accepted case allows
      let inReview = try await a.apply(.startReview, to: number, expectedVersion: nil, by: reviewer, now: Self.monday)
      // check: taken on the row; a version older than the row's is a conflict, whatever A remembered
      #expect(inReview.state == .inReview && inReview.version == accepted.version + 1)
      await #expect(throws: CaseError.conflict(expected: accepted.version, actual: inReview.version)) {
        try await a.apply(
          .withdraw(reason: "申请人撤回"), to: number, expectedVersion: accepted.version, by: clerk, now: Self.monday)
      }
      // B's copy (accepted) is stale too: its review is taken on the row, and the trail stays one chain
      let reviewed = try await b.apply(
        .review(step: "审查", opinion: "材料齐全", approved: true), to: number, expectedVersion: nil, by: reviewer,
        now: Self.monday)
      #expect(reviewed.version == inReview.version + 1 && reviewed.reviews.count == 1)
      let events = try await a.events(of: number)
      #expect(events.map(\.sequence) == Array(1...reviewed.version))
      #expect(try await a.verifyTrails().breaks.isEmpty)
    }
  }

  @Test("two clerks acting at once: one wins, the other gets 409", arguments: TestDatabase.all)
  func conflict(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      // setup
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      let repository = CaseRepository(app.db, rule: DeadlineRule())
      let clerks = try await ["clerk", "clerk2"].asyncMap { name in
        CaseActor(try #require(try await StaffRepository(app.db).find(username: name)).identity)
      }
      // act: both accept version 2 at the same moment
      let results = await withTaskGroup(of: Result<ServiceCase, any Error>.self) { group in
        for actor in clerks {
          group.addTask {
            do {
              return .success(
                try await repository.apply(
                  .accept(.standard), to: number, expectedVersion: 2, by: actor, now: Self.monday))
            } catch { return .failure(error) }
          }
        }
        var results: [Result<ServiceCase, any Error>] = []
        for await result in group { results.append(result) }
        return results
      }
      // check
      let wins = results.filter { if case .success = $0 { true } else { false } }
      let conflicts = results.filter {
        if case .failure(let error) = $0, case .conflict = error as? CaseError { true } else { false }
      }
      #expect(wins.count == 1)
      #expect(conflicts.count == 1)
      #expect(try await repository.events(of: number).count == 3)
      // Over HTTP, a stale version answers 409 version_conflict.
      let stale = try await clerk.step(number, "withdraw", ["version": 2, "reason": "申请人撤回"])
      #expect(stale.status == .conflict)
      #expect(try JSON(stale)["error"]["code"].string == "version_conflict")
    }
  }

  @Test(
    "staff see only their scope; a wrong number looks the same as another scope's case", arguments: TestDatabase.all)
  func scope(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      let townClerk = try await APIClient.signIn(app, "townclerk")
      #expect(try await townClerk.send(.GET, "/api/v1/cases/\(number)").status == .notFound)
      #expect(try await townClerk.step(number, "accept").status == .notFound)
      #expect(try JSON(try await townClerk.send(.GET, "/api/v1/cases"))["total"].int == 0)
      let supervisor = try await APIClient.signIn(app, "supervisor")
      #expect(try await supervisor.send(.GET, "/api/v1/cases/\(number)").status == .ok)
      #expect(try JSON(try await supervisor.send(.GET, "/api/v1/cases"))["total"].int == 1)
    }
  }

  @Test("citizens look up status with number and phone; a wrong phone learns nothing", arguments: TestDatabase.all)
  func statusLookup(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      let ok = try await app.testing().sendRequest(.GET, "/api/v1/status?number=\(number)&phone=13912345678")
      #expect(ok.status == .ok)
      let json = try JSON(ok)
      #expect(json["state_name"].string == "待受理")
      #expect(json["applicant"].string == "王**")
      let wrong = try await app.testing().sendRequest(.GET, "/api/v1/status?number=\(number)&phone=13900000000")
      #expect(wrong.status == .notFound)
      let bad = try await app.testing().sendRequest(.GET, "/api/v1/status?number=x&phone=13900000000")
      #expect(try JSON(bad)["error"]["field"].string == "number")
    }
  }

  @Test("容缺 acceptance creates a follow-up task and blocks delivery until supplied", arguments: TestDatabase.all)
  func deficiency(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let reviewer = try await APIClient.signIn(app, "reviewer")
      let number = try #require(try await clerk.createCase()["number"].string)
      var r = try await clerk.step(
        number, "accept", ["form": "deficiency", "materials": ["房屋租赁合同"], "due_date": "2026-11-30"])
      #expect(r.status == .ok, "\(r.body.string)")
      _ = try await reviewer.step(number, "start-review")
      _ = try await reviewer.step(number, "decide", ["approved": true])
      r = try await clerk.step(
        number, "deliver", ["mode": "mail", "carrier": "EMS", "tracking_number": "1180000000001"])
      #expect(try JSON(r)["error"]["field"].string == "materials")
      _ = try await clerk.step(number, "supply-materials")
      r = try await clerk.step(
        number, "deliver", ["mode": "mail", "carrier": "EMS", "tracking_number": "1180000000001"])
      #expect(try JSON(r)["state"].string == "concluded")
      let tasks = try await (app.db as! any SQLDatabase).raw("SELECT kind, due_date FROM case_tasks").all()
      #expect(try tasks.map { try $0.decode(column: "kind", as: String.self) } == ["deficiency"])
      let outbox = try await CaseRepository(app.db, rule: DeadlineRule()).notifications(of: number)
      // The 评价邀请 goes out once the result is handed over.
      #expect(outbox == ["accepted", "decided", "ready_for_pickup", "please_rate"])
    }
  }

  @Test("suspension stops the clock; the deadline endpoint explains the due date", arguments: TestDatabase.all)
  func suspension(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let reviewer = try await APIClient.signIn(app, "reviewer")
      let number = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(number, "accept")
      _ = try await reviewer.step(number, "suspend", ["reason": "专家评审", "planned_workdays": 3])
      let paused = try JSON(try await reviewer.send(.GET, "/api/v1/cases/\(number)/deadline"))
      #expect(paused["clock_stopped"].value as? Bool == true)
      #expect(paused["due"].value == nil || paused["due"].value is NSNull)
      let list = try JSON(try await reviewer.send(.GET, "/api/v1/cases?state=suspended"))
      #expect(list["total"].int == 1)
      _ = try await reviewer.step(number, "resume")
      let resumed = try JSON(try await reviewer.send(.GET, "/api/v1/cases/\(number)/deadline"))
      #expect(resumed["due"].string == "2026-12-07T23:59:59+08:00")
      #expect(resumed["explanation"].string?.contains("10 个工作日") == true)
    }
  }

  @Test("warning filters: red lists the overdue", arguments: TestDatabase.all)
  func warningFilter(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(number, "accept")
      // Three weeks later the 10-day case is overdue.
      app.now = { Self.monday.addingTimeInterval(21 * 86_400) }
      let later = try await APIClient.signIn(app, "clerk")  // the first token has expired by then
      let red = try JSON(try await later.send(.GET, "/api/v1/cases?warning=red"))
      #expect(red["items"][0]["number"].string == number)
      #expect(red["items"][0]["deadline"]["warning"].string == "red")
      #expect(try JSON(try await later.send(.GET, "/api/v1/cases?warning=none"))["total"].int == 0)
    }
  }

  @Test(
    "audit: the database refuses edits of the trail, and the chain catches one made anyway", arguments: TestDatabase.all
  )
  func audit(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      let clerk = try await APIClient.signIn(app, "clerk")
      let number = try #require(try await clerk.createCase()["number"].string)
      _ = try await clerk.step(number, "accept")
      let other = try #require(try await clerk.createCase()["number"].string)
      let repository = CaseRepository(app.db, rule: DeadlineRule())
      #expect(try await repository.verifyTrails().breaks.isEmpty)
      let sql = app.db as! any SQLDatabase
      await #expect(throws: (any Error).self) {
        try await sql.raw("UPDATE case_events SET actor_name = '张三' WHERE case_number = \(bind: number)").run()
      }
      // Someone with database rights drops the guard and edits event #2 of the first case.
      if database == .sqlite {
        try await sql.raw("DROP TRIGGER case_events_no_update").run()
      } else {
        try await sql.raw("DROP TRIGGER case_events_append_only ON case_events").run()
      }
      try await sql.raw(
        "UPDATE case_events SET to_state = 'accepted' WHERE case_number = \(bind: number) AND sequence = 2"
      ).run()
      let result = try await repository.verifyTrails()
      #expect(result.checked == 2)
      #expect(result.breaks.map(\.caseNumber) == [number])
      #expect(result.breaks.first?.sequence == 2)
      #expect(other != number)
    }
  }

  @Test("calendar: due-date endpoint, and an admin's edit moves due dates", arguments: TestDatabase.all)
  func calendar(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let due = try await app.testing().sendRequest(
        .GET, "/api/v1/calendar/due?from=2026-02-12T10:00:00%2B08:00&days=5")
      #expect(due.status == .ok, "\(due.body.string)")
      #expect(try JSON(due)["due"].string == "2026-02-26T23:59:59+08:00")
      let bad = try await app.testing().sendRequest(.GET, "/api/v1/calendar/due?from=yesterday&days=5")
      #expect(try JSON(bad)["error"]["field"].string == "from")
      // The fuzzer's year 950 answered "950-05-28T23:59:59+08:05", outside the declared date-time format.
      let ancient = try await app.testing().sendRequest(.GET, "/api/v1/calendar/due?from=0950-05-20T10:00:00Z&days=5")
      let ancientField = try JSON(ancient)["error"]["field"].string
      #expect(ancient.status == .unprocessableEntity && ancientField == "from")
      let days2026 = try JSON(try await app.testing().sendRequest(.GET, "/api/v1/calendar/days?year=2026"))
      #expect(days2026["items"].array.contains { $0["date"].string == "2026-02-14" && $0["kind"].string == "workday" })

      let clerk = try await APIClient.signIn(app, "clerk")
      #expect(try await clerk.send(.PUT, "/api/v1/calendar/days", nil).status == .forbidden)
      let admin = try await APIClient.signIn(app, "admin")
      let saved = try await admin.send(
        .PUT, "/api/v1/calendar/days", nil,
        headers: [:]
      )
      #expect(saved.status == .unprocessableEntity)
      var headers = HTTPHeaders()
      headers.add(name: .authorization, value: "Bearer \(admin.token)")
      headers.add(name: .contentType, value: "application/json")
      let put = try await app.testing().sendRequest(
        .PUT, "/api/v1/calendar/days", headers: headers,
        body: ByteBuffer(string: #"[{"date":"2026-12-01","kind":"holiday","name":"县庆"}]"#))
      #expect(put.status == .ok, "\(put.body.string)")
      let moved = try await app.testing().sendRequest(
        .GET, "/api/v1/calendar/due?from=2026-11-30T10:00:00%2B08:00&days=1")
      #expect(try JSON(moved)["due"].string == "2026-12-02T23:59:59+08:00")
      let badPut = try await app.testing().sendRequest(
        .PUT, "/api/v1/calendar/days", headers: headers,
        body: ByteBuffer(string: #"[{"date":"2026-13-01","kind":"holiday"}]"#))
      #expect(badPut.status == .unprocessableEntity)
    }
  }
}

extension Array {
  func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
    var result: [T] = []
    for element in self { result.append(try await transform(element)) }
    return result
  }
}

@Suite("一件事 bundle applications")
struct BundleCaseTests {
  @Test(
    "one application makes one linked case per item; the combined status is the least advanced",
    arguments: TestDatabase.all)
  func bundle(database: TestDatabase) async throws {
    try await withTestApp(database, now: CaseAPITests.monday) { app in
      // setup: 新生儿出生 — 出生登记, 社会保障卡申领, 城乡居民医保参保登记
      let clerk = try await APIClient.signIn(app, "clerk")
      let body: [String: Any] = [
        "item_codes": ["360702002000", "362003004000", "362008001000"], "lead_department_id": "dept-gaj",
        "applicant": ["name": "王秀英", "id_number": "11010519491231002X", "phone": "13912345678"],
      ]
      // act
      let response = try await clerk.send(
        .POST, "/api/v1/bundle-cases", body, headers: ["Idempotency-Key": "bundle-0001"])
      // check
      #expect(response.status == .created, "\(response.body.string)")
      let bundle = try JSON(response)
      let id = try #require(bundle["bundle_id"].string)
      #expect(id == "YJS-360999-20261123-00001")
      #expect(bundle["cases"].array.count == 3)
      #expect(bundle["state"].string == "submitted")
      #expect(bundle["lead_department_id"].string == "dept-gaj")
      let replay = try await clerk.send(
        .POST, "/api/v1/bundle-cases", body, headers: ["Idempotency-Key": "bundle-0001"])
      #expect(replay.status == .ok)
      #expect(try JSON(replay)["bundle_id"].string == id)

      let first = try #require(bundle["cases"][0]["number"].string)
      _ = try await clerk.step(first, "accept")
      _ = try await clerk.step(first, "decide", ["approved": true])
      let shown = try JSON(try await clerk.send(.GET, "/api/v1/bundle-cases/\(id)"))
      #expect(shown["state"].string == "submitted")
      #expect(shown["counts"]["decided"].int == 1)
      #expect(try JSON(try await clerk.send(.GET, "/api/v1/cases"))["total"].int == 3)

      let one = try await clerk.send(
        .POST, "/api/v1/bundle-cases", ["item_codes": ["360702002000"], "lead_department_id": "dept-gaj"])
      #expect(try JSON(one)["error"]["field"].string == "item_codes")
      var wrongLead = body
      wrongLead["lead_department_id"] = "dept-mzj"
      let lead = try await clerk.send(.POST, "/api/v1/bundle-cases", wrongLead)
      #expect(try JSON(lead)["error"]["field"].string == "lead_department_id")
    }
  }
}
