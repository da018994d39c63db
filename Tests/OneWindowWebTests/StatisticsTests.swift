import Foundation
import OneWindowDomain
import SQLKit
import Testing
import VaporTesting

@testable import OneWindowStore
@testable import OneWindowWeb

@Suite("Statistics: the rollup from the trail, dashboards, exports, targets, the stats API")
struct StatisticsWebTests {
  /// Monday 2027-03-15, far from the demo county's cases of November 2026.
  static let monday = ISO8601DateFormatter().date(from: "2027-03-15T10:00:00+08:00")!
  static let wednesday = monday.addingTimeInterval(2 * 86_400)

  static func fold(_ app: Application, at now: Date) async throws -> Int {
    var read = 0
    while true {
      // The worker's own look-up of each county's clock, which reads the database.
      let events = try await StatisticsFold(app.db).runBatch(
        now: now, rule: { county in try await app.deadlineRules.rule(county: county, db: app.db, now: now) }, limit: 50)
      read += events
      if events == 0 { return read }
    }
  }

  static func figure(_ client: APIClient, _ figure: String, _ query: String = "period=2027-03") async throws -> JSON {
    let response = try await client.send(.GET, "/api/v1/stats/\(figure)?\(query)")
    #expect(response.status == .ok, "\(figure): \(response.body.string)")
    return try JSON(response)
  }

  /// Four cases in March 2027: one decided on Wednesday and mailed, one decided and picked up on the day, one
  /// refused, one only filed.
  static func cases(_ app: Application) async throws {
    app.now = { monday }
    var clerk = try await APIClient.signIn(app, "clerk")
    var reviewer = try await APIClient.signIn(app, "reviewer")
    let mailed = try #require(try await clerk.createCase()["number"].string)
    #expect(try await clerk.step(mailed, "accept").status == .ok)
    let sameDay = try #require(try await clerk.createCase()["number"].string)
    #expect(try await clerk.step(sameDay, "accept").status == .ok)
    #expect(try await reviewer.step(sameDay, "start-review").status == .ok)
    #expect(try await reviewer.step(sameDay, "decide", ["approved": true]).status == .ok)
    let pickup = try await clerk.step(sameDay, "deliver", ["mode": "pickup", "receiver": "王秀英", "id_checked": true])
    #expect(try JSON(pickup)["state"].string == "concluded", "\(pickup.body.string)")
    let refused = try #require(try await clerk.createCase()["number"].string)
    let refusal = try await clerk.step(
      refused, "refuse", ["reason": "不属于本机关职权范围", "legal_basis": "《行政许可法》第三十二条"])
    #expect(refusal.status == .ok, "\(refusal.body.string)")
    _ = try #require(try await clerk.createCase()["number"].string)
    app.now = { wednesday }
    // Sessions of Monday have expired by Wednesday.
    clerk = try await APIClient.signIn(app, "clerk")
    reviewer = try await APIClient.signIn(app, "reviewer")
    #expect(try await reviewer.step(mailed, "start-review").status == .ok)
    #expect(try await reviewer.step(mailed, "decide", ["approved": true]).status == .ok)
    let mail = try await clerk.step(
      mailed, "deliver", ["mode": "mail", "carrier": "EMS", "tracking_number": "1180000000001"])
    #expect(try JSON(mail)["state"].string == "concluded", "\(mail.body.string)")
  }

  @Test(
    "the trail folds into the rollup once, however often and by however many it is run", arguments: TestDatabase.all)
  func fold(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      try await Self.cases(app)
      // Events younger than the settling time wait for the next run.
      #expect(try await Self.fold(app, at: Self.wednesday.addingTimeInterval(10)) > 0)
      let early = try await StatisticsRepository(app.db).tallies(
        county: "360999", period: StatPeriod.parse("2027-03")!)[""]
      #expect(early?.filed == 4 && early?.concluded == 1, "Wednesday's steps are younger than 30 s")
      // Two workers at once, then again: every event counted once.
      async let a = Self.fold(app, at: Self.wednesday.addingTimeInterval(3_600))
      async let b = Self.fold(app, at: Self.wednesday.addingTimeInterval(3_600))
      _ = try await (a, b)
      #expect(try await Self.fold(app, at: Self.wednesday.addingTimeInterval(7_200)) == 0)
      let tally = try #require(
        try await StatisticsRepository(app.db).tallies(county: "360999", period: StatPeriod.parse("2027-03")!)[""])
      #expect(tally.filed == 4 && tally.filedOnSite == 4 && tally.filedOnline == 0)
      #expect(tally.accepted == 2 && tally.ended == 3 && tally.concluded == 2 && tally.refused == 1)
      #expect(tally.decidedSameDay == 1 && tally.workingDays == 2 && tally.visits == 3)
      #expect(tally.deliveredRemotely == 1 && tally.approved == 2)
      // By day: Monday's filings, Wednesday's conclusion.
      let days = try await StatisticsRepository(app.db).tallies(
        county: "360999", period: StatPeriod.parse("2027-03")!, by: .day)
      #expect(days["2027-03-15"]?.filed == 4 && days["2027-03-17"]?.concluded == 1)
      // Whole months are read from the monthly rows, the ragged ends by the day: the same sums either way.
      let repository = StatisticsRepository(app.db)
      let across = try await repository.tallies(county: "360999", period: StatPeriod.parse("2027-02-20..2027-04-10")!)
      #expect(across[""] == tally)
      let byMonth = try await repository.tallies(
        county: "360999", period: StatPeriod.parse("2027-01-15..2027-03-31")!, by: .month)
      #expect(byMonth["2027-03"] == tally && byMonth.count == 1)
      let lateMarch = try await repository.tallies(
        county: "360999", period: StatPeriod.parse("2027-03-16..2027-03-31")!)
      #expect(lateMarch[""]?.concluded == 1 && lateMarch[""]?.filed == 0)
      // Forgetting the rollup and folding again gives the same figures.
      try await StatisticsFold(app.db).reset()
      _ = try await Self.fold(app, at: Self.wednesday.addingTimeInterval(3_600))
      #expect(
        try await StatisticsRepository(app.db).tallies(county: "360999", period: StatPeriod.parse("2027-03")!)[""]
          == tally)
    }
  }

  @Test(
    "the stats API answers each case figure as worked out by hand, per group, with its target",
    arguments: TestDatabase.all)
  func api(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      try await Self.cases(app)
      _ = try await Self.fold(app, at: Self.wednesday.addingTimeInterval(3_600))
      let supervisor = try await APIClient.signIn(app, "supervisor")
      let expected: [String: Double] = [
        "online-filing-rate": 0, "early-rate": 1, "overdue-rate": 0, "immediate-case-rate": 0.5,
        "average-days": 1, "p90-days": 2, "visits-per-case": 1.5, "online-conclusion-rate": 0.5,
        "full-online-case-rate": 0,
      ]
      for (figure, value) in expected {
        let answer = try await Self.figure(supervisor, figure)
        #expect(answer["value"].double == value, "\(figure): \(answer["value"])")
      }
      let filing = try await Self.figure(supervisor, "online-filing-rate")
      #expect(filing["numerator"].double == 0 && filing["denominator"].double == 4)
      #expect(filing["target"]["value"].double == 0.5 && filing["target"]["standing"].string == "missed")
      #expect(filing["definition"].string?.contains("网上") == true)
      // Nothing to count is null, not 0.
      #expect(try await Self.figure(supervisor, "general-window-rate")["value"].double == nil)
      #expect(try await Self.figure(supervisor, "early-rate", "period=2027-04")["value"].double == nil)
      // Per clerk (the assessment's feed) and per week.
      let byStaff = try await Self.figure(supervisor, "immediate-case-rate", "period=2027-03&group=staff")
      #expect(byStaff["groups"].array.contains { $0["name"].string == "刘梦瑶" && $0["value"].double == 0.5 })
      let byWeek = try await Self.figure(supervisor, "online-filing-rate", "period=2027-03&group=week")
      #expect(byWeek["groups"].array.map { $0["key"].string ?? "" }.contains("2027-W11"))
      let department = try await Self.figure(supervisor, "early-rate", "period=2027-03&department=dept-scjgj")
      #expect(department["scope"].string == "department" && department["value"].double == 1)
      // Refusals, each naming its field.
      for (query, field) in [
        ("period=2027-13", "period"), ("period=2027-03&group=galaxy", "group"),
        ("period=2027-03&department=dept-scjgj&town=360999100", "town"),
      ] {
        let r = try await supervisor.send(.GET, "/api/v1/stats/early-rate?\(query)")
        let answered = try JSON(r)["error"]["field"].string
        #expect(r.status == .badRequest && answered == field, "\(query)")
      }
      let grouped = try await supervisor.send(.GET, "/api/v1/stats/sinking-rate?group=department")
      let groupField = try JSON(grouped)["error"]["field"].string
      #expect(grouped.status == .badRequest && groupField == "group")
      #expect(try await supervisor.send(.GET, "/api/v1/stats/happiness").status == .notFound)
      #expect(try await supervisor.send(.GET, "/api/v1/stats/early-rate?department=nobody").status == .notFound)
      // Who may not read figures, may not.
      let clerk = try await APIClient.signIn(app, "clerk")
      #expect(try await clerk.send(.GET, "/api/v1/stats/early-rate").status == .forbidden)
      #expect(try await app.testing().sendRequest(.GET, "/api/v1/stats/early-rate").status == .unauthorized)
    }
  }

  @Test(
    "dashboards, exports and targets: who may, what they show, refusals that change nothing",
    arguments: TestDatabase.all)
  func pages(database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.monday) { app in
      try await Self.cases(app)
      _ = try await Self.fold(app, at: Self.wednesday.addingTimeInterval(3_600))
      var admin = TestBrowser(app)
      try await admin.signIn("admin")
      for path in [
        "/statistics?period=2027-03", "/statistics/departments/dept-scjgj?period=2027-03&trend=month",
        "/statistics/towns/360999100?period=2027", "/statistics/report?month=2027-03",
      ] {
        let r = try await admin.get(path)
        #expect(r.status == .ok, "\(path)")
        #expect(r.body.string.contains("<svg class=\"chart\""), "\(path)")
      }
      let center = try await admin.get("/statistics?period=2027-03")
      #expect(center.body.string.contains("id=\"figure-early-rate\""))
      #expect(center.body.string.contains("2 / 2"), "early: both concluded cases")
      #expect(try await admin.get("/statistics?period=2027-13").status == .badRequest)
      #expect(try await admin.get("/statistics/towns/360999").status == .notFound)

      let csv = try await admin.get("/statistics/department.csv?period=2027-03")
      #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
      #expect(csv.body.string.hasPrefix("\u{FEFF}") && csv.body.string.contains("市场监督管理局"))
      let xlsx = try await admin.get("/statistics/figures.xlsx?period=2027-03")
      #expect(xlsx.status == .ok && Array(xlsx.body.readableBytesView.prefix(2)) == Array("PK".utf8))
      #expect(try await admin.get("/statistics/report.xlsx?month=2027-03").status == .ok)
      #expect(try await admin.get("/statistics/nothing.csv").status == .notFound)
      #expect(try await admin.get("/statistics/figures.exe").status == .notFound)

      // A target outside 0–100 % is refused, naming the field, and nothing is saved; a good one shows.
      #expect(try await admin.get("/statistics/targets").status == .ok)
      let token = try #require(admin.csrfToken)
      var r = try await admin.post(
        "/statistics/targets",
        form: ["figure": "early-rate", "value": "120", "due": "2027-06-30", "note": "", "_csrf": token])
      #expect(r.status == .unprocessableEntity && r.body.string.contains("0%到100%"))
      #expect(try await StatisticsRepository(app.db).targets(county: "360999").isEmpty)
      r = try await admin.post(
        "/statistics/targets",
        form: ["figure": "early-rate", "value": "abc", "due": "2027-06-30", "note": "", "_csrf": token])
      #expect(r.status == .unprocessableEntity && r.body.string.contains("目标值应为数字"))
      r = try await admin.post(
        "/statistics/targets",
        form: ["figure": "early-rate", "value": "90", "due": "2027-06-30", "note": "县政府2027年要点", "_csrf": token])
      #expect(r.status == .seeOther)
      let saved = try await StatisticsRepository(app.db).targets(county: "360999")
      #expect(saved.count == 1 && saved.first?.value == 0.9 && saved.first?.source == "县政府2027年要点")
      let withTarget = try await admin.get("/statistics?period=2027-03")
      #expect(withTarget.body.string.contains("id=\"target-early-rate\""))
      #expect(withTarget.body.string.contains("县政府2027年要点"))
      r = try await admin.post(
        "/statistics/targets/delete", form: ["figure": "early-rate", "due": "2027-06-30", "_csrf": token])
      #expect(r.status == .seeOther)
      #expect(try await StatisticsRepository(app.db).targets(county: "360999").isEmpty)

      // A supervisor reads but sets no target; a clerk reads nothing.
      var supervisor = TestBrowser(app)
      try await supervisor.signIn("supervisor")
      #expect(try await supervisor.get("/statistics").status == .ok)
      #expect(try await supervisor.get("/statistics/targets").status == .forbidden)
      var clerk = TestBrowser(app)
      try await clerk.signIn("clerk")
      #expect(try await clerk.get("/statistics").status == .forbidden)
      #expect(try await clerk.get("/statistics/figures.csv").status == .forbidden)
    }
  }

  @Test("a CSV cell that a spreadsheet would run as a formula is written as text")
  func csvCells() {
    #expect(CSV.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
    #expect(CSV.cell("-12.5") == "-12.5")
    #expect(CSV.cell("a,b") == "\"a,b\"")
    #expect(CSV.text([["名称", "1"]]) == "名称,1\r\n")
  }
}

@Suite("Statistics: the hall's daily rollup")
struct HallRollupTests {
  @Test(
    "the folded days and the live days after them add up to the tickets and bookings read whole; a re-fold and another county's hall change nothing",
    arguments: TestDatabase.all)
  func foldedEqualsWhole(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      // setup: 90 synthetic cases with their tickets over 30 days, and three bookings (kept, missed, cancelled)
      let rule = DeadlineRule()
      let directory = DirectoryRepository(app.db)
      let county = try #require(try await directory.counties().first)
      let sites = try await directory.sites()
      let today = CivilDate(iso: "2026-11-23")!
      try await CaseSeeder(app.db, rule: rule).seed(
        count: 90, county: county, items: try await CatalogRepository(app.db).items(limit: 1000), sites: sites,
        endDate: today, days: 30, batchSize: 45
      ) { _ in }
      let sql = app.db as! any SQLDatabase
      let site = sites[0].id
      for (id, day, state) in [
        ("b1", "2026-11-10", "checked_in"), ("b2", "2026-11-12", "booked"), ("b3", "2026-11-20", "cancelled"),
        ("b4", "2026-11-22", "booked"),
      ] {
        try await sql.raw(
          """
          INSERT INTO appointments (id, site_id, group_code, day, slot, name, phone, code, state, booked_ms, county_code)
          VALUES (\(bind: id), \(bind: site), 'A', \(bind: day), '09:00', '王秀英', '13912345678', \(bind: id),
            \(bind: state), 0, '360999')
          """
        ).run()
      }
      // Another county's ticket on a folded day, which no total of this county may count.
      try await sql.raw(
        """
        INSERT INTO tickets (id, site_id, day, group_code, number, channel, taken_ms, state, calls, county_code)
        VALUES ('other', \(bind: site), '2026-11-10', 'A', 'A999', 'kiosk', 0, 'no_show', 1, '360921')
        """
      ).run()
      let hall = HallRepository(app.db)
      func whole(_ from: String, _ through: String) async throws -> HallTotals {
        let tickets = try await hall.tickets(site: nil, from: CivilDate(iso: from)!, through: CivilDate(iso: through)!)
          .filter { $0.id != "other" }
        let bookings = try await hall.appointments(
          site: nil, from: CivilDate(iso: from)!, through: CivilDate(iso: through)!)
        return HallTotals(HallFigures(tickets: tickets, appointments: bookings, today: today, timeZone: rule.timeZone))
      }
      let rollup = HallRollup(app.db)
      func totals(_ from: String, _ through: String, sites: [String]? = nil) async throws -> HallTotals {
        try await rollup.totals(
          county: "360999", sites: sites, from: CivilDate(iso: from)!, through: CivilDate(iso: through)!, today: today)
      }
      let expected = try await whole("2026-10-20", "2026-11-23")
      #expect(expected.tickets == 90 && expected.noShows > 0 && expected.checkedIn == 1 && expected.missed == 2)
      // act: nothing folded yet, everything live; then folded through the 15th, half and half; then through yesterday
      #expect(try await totals("2026-10-20", "2026-11-23") == expected)
      let days = try await rollup.fold(county: "360999", through: CivilDate(iso: "2026-11-15")!, now: Date())
      #expect(days > 0 && days <= 32)
      #expect(try await rollup.cursor(county: "360999") == CivilDate(iso: "2026-11-15"))
      #expect(try await totals("2026-10-20", "2026-11-23") == expected)
      #expect(try await totals("2026-11-10", "2026-11-19") == (try await whole("2026-11-10", "2026-11-19")))
      #expect(try await rollup.fold(county: "360999", through: CivilDate(iso: "2026-11-22")!, now: Date()) == 7)
      #expect(try await totals("2026-10-20", "2026-11-23") == expected)
      // A second fold of the same days, after a reset, counts nothing twice.
      try await rollup.reset()
      _ = try await rollup.fold(county: "360999", through: CivilDate(iso: "2026-11-22")!, now: Date())
      #expect(try await totals("2026-10-20", "2026-11-23") == expected)
      // One site alone, and no site at all.
      let one = try await whole("2026-10-20", "2026-11-23")
      let siteTickets = try await hall.tickets(site: site, from: CivilDate(iso: "2026-10-20")!, through: today)
        .filter { $0.id != "other" }
      #expect(try await totals("2026-10-20", "2026-11-23", sites: [site]).tickets == siteTickets.count)
      #expect(try await totals("2026-10-20", "2026-11-23", sites: []).tickets == 0)
      #expect(one == expected)
      // check: the dashboard's hall figures are these totals
      let inputs = StatInputs(cases: CaseTally(), hall: expected)
      #expect(
        inputs.value(of: .noShowRate).value == Double(expected.noShows) / Double(expected.served + expected.noShows))
      #expect(inputs.value(of: .appointmentUseRate).value == 1.0 / 3)
    }
  }
}
