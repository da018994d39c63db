import Fluent
import OneWindowDomain
import OneWindowStore
import SQLKit
import Testing
import VaporTesting

@Suite("Storage on SQLite and PostgreSQL")
struct StoreTests {
  @Test("loading the demo county twice changes nothing", arguments: TestDatabase.all)
  func demoIdempotent(database: TestDatabase) async throws {
    try await withTestApp(database, demo: false) { app in
      // setup
      let hash = try await app.password.async.hash(DemoCounty.password)
      let loader = DemoLoader(app.db)
      // act
      let first = try await loader.load(DemoCounty.shared, passwordHash: hash)
      let second = try await loader.load(DemoCounty.shared, passwordHash: "changed")
      // check
      #expect(first.regions == 27)
      #expect(first.sites == 29)
      #expect(first.staff == DemoCounty.shared.staff.count)
      #expect(first.items == DemoCounty.shared.items.count)
      #expect(second.total == 0)
      let admin = try #require(try await StaffRepository(app.db).find(username: "admin"))
      #expect(admin.passwordHash == hash)
      #expect(try await CatalogRepository(app.db).count() == DemoCounty.shared.items.count)
    }
  }

  @Test("a new account is checked field by field and nothing is written on error", arguments: TestDatabase.all)
  func addStaffValidation(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let repository = StaffRepository(app.db)
      let before = try await repository.list(limit: 10_000).count
      let county = RegionCode("360999")!
      let cases: [(NewStaff, String)] = [
        (NewStaff(username: "clerk", displayName: "重名", role: .clerk, scope: Scope(regionCode: county)), "username"),
        (NewStaff(username: "Bad Name", displayName: "甲", role: .clerk, scope: Scope(regionCode: county)), "username"),
        (
          NewStaff(username: "newclerk", displayName: " ", role: .clerk, scope: Scope(regionCode: county)),
          "display_name"
        ),
        (
          NewStaff(
            username: "newclerk", displayName: "乙", role: .clerk, scope: Scope(regionCode: RegionCode("110101")!)),
          "region"
        ),
        (
          NewStaff(
            username: "newclerk", displayName: "丙", role: .clerk, scope: Scope(regionCode: county, siteID: "nowhere")),
          "site"
        ),
        (
          NewStaff(
            username: "newclerk", displayName: "丁", role: .clerk,
            scope: Scope(regionCode: RegionCode("360999101")!, siteID: "site-center")),
          "site"
        ),
        (
          NewStaff(
            username: "newclerk", displayName: "戊", role: .reviewer, scope: Scope(regionCode: county, departmentID: "x")
          ),
          "department"
        ),
      ]
      for (new, field) in cases {
        do {
          try await repository.add(new, passwordHash: "h")
          Issue.record("\(new.username) should have been refused")
        } catch let error as ValidationError {
          #expect(error.field == field)
        }
      }
      #expect(try await repository.list(limit: 10_000).count == before)
      let added = try await repository.add(
        NewStaff(
          username: "newclerk", displayName: "新人", role: .clerk,
          scope: Scope(regionCode: RegionCode("360999100")!, siteID: "site-360999100")),
        passwordHash: "h")
      #expect(added.scope.siteID == "site-360999100")
    }
  }

  @Test("listing by scope returns only that region's accounts", arguments: TestDatabase.all)
  func listByScope(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let village = try await StaffRepository(app.db).list(in: Scope(regionCode: RegionCode("360999100201")!))
      #expect(village.map(\.identity.username) == ["agent"])
      let town = try await StaffRepository(app.db).list(in: Scope(regionCode: RegionCode("360999100")!), limit: 1000)
      #expect(town.allSatisfy { $0.identity.scope.regionCode.value.hasPrefix("360999100") })
      #expect(town.contains { $0.identity.username == "townclerk" })
      #expect(town.contains { $0.identity.username == "agent" })
    }
  }

  @Test("the test run has PostgreSQL when CI asks for it")
  func postgresInCI() {
    if ProcessInfo.processInfo.environment["CI"] != nil {
      #expect(TestDatabase.postgresURL != nil, "scripts/test must start PostgreSQL in CI")
    }
  }
}

@Suite("Time-ordered row ids")
struct TimeOrderedIDTests {
  @Test("version 7 layout: the millisecond first, so later ids sort after earlier ones; the rest is random")
  func layout() {
    let start = Date(timeIntervalSince1970: 1_764_547_200)
    let ids = (0..<1000).map { TimeOrderedID.make(at: start.addingTimeInterval(Double($0) / 1000)) }
    let texts = ids.map { $0.uuidString.lowercased() }
    #expect(zip(texts, texts.dropFirst()).allSatisfy { $0 < $1 }, "ids out of time order")
    #expect(Set(ids).count == ids.count)
    #expect(texts.allSatisfy { $0.hasPrefix("019ad") })
    for id in ids {
      #expect(id.uuid.6 >> 4 == 7)
      #expect(id.uuid.8 >> 6 == 0b10)
    }
    let sameMillisecond = (0..<1000).map { _ in TimeOrderedID.make(at: start) }
    #expect(Set(sameMillisecond).count == 1000)
  }
}

@Suite("Synthetic cases for load tests")
struct CaseSeederTests {
  @Test(
    "seeded cases have valid trails, re-seeding adds nothing, and steps continue their chains",
    arguments: TestDatabase.all)
  func seed(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      // setup
      let rule = DeadlineRule()
      let directory = DirectoryRepository(app.db)
      let county = try #require(try await directory.counties().first)
      let items = try await CatalogRepository(app.db).items(limit: 1000)
      let sites = try await directory.sites()
      let seeder = CaseSeeder(app.db, rule: rule)
      let today = CivilDate(iso: "2026-11-23")!
      // act
      for _ in 1...2 {
        try await seeder.seed(
          count: 120, county: county, items: items, sites: sites, endDate: today, days: 30, batchSize: 50
        ) { _ in }
      }
      // check
      let repository = CaseRepository(app.db, rule: rule)
      let audit = try await repository.verifyTrails()
      #expect(audit.checked == 120)
      #expect(audit.breaks.isEmpty)
      // Each case has its applicant's ticket, called before it was registered; a third of the concluded ones a rating.
      let sql = app.db as! any SQLDatabase
      func count(_ query: SQLQueryString) async throws -> Int {
        try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? -1
      }
      #expect(try await count("SELECT COUNT(*) AS n FROM tickets WHERE id LIKE 'seed-%'") == 120)
      #expect(
        try await count(
          """
          SELECT COUNT(*) AS n FROM tickets t JOIN cases c ON c.number = t.case_number
          WHERE t.called_ms > c.created_ms OR t.called_ms < t.taken_ms OR t.ended_ms < t.called_ms
          """) == 0)
      let concluded = try await count("SELECT COUNT(*) AS n FROM cases WHERE state = 'concluded'")
      let rated = try await count("SELECT COUNT(*) AS n FROM evaluations WHERE id LIKE 'seed-%'")
      #expect(concluded > 0 && rated > 0 && rated < concluded)
      #expect(try await count("SELECT COUNT(*) AS n FROM evaluations WHERE id LIKE 'seed-%' AND level < 3") == 0)
      let (open, _) = try await repository.list(
        {
          var filter = CaseFilter(scope: nil)
          filter.states = [.accepted]
          return filter
        }(), now: Date())
      let target = try #require(open.first)
      let reviewer = CaseActor(
        StaffIdentity(
          id: "r", username: "r", displayName: "审批员", role: .reviewer,
          scope: Scope(regionCode: county.code, departmentID: target.departmentID)))
      _ = try await repository.apply(.startReview, to: target.number, expectedVersion: nil, by: reviewer, now: Date())
      #expect(CaseTrail.verify(try await repository.events(of: target.number)) == nil)
    }
  }
}
