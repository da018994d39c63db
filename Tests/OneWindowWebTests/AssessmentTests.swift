import Foundation
import OneWindowDomain
import Testing
import VaporTesting

@testable import OneWindowStore
@testable import OneWindowWeb

@Suite("Assessment (考核): the ranked table from the rollup, its export, the center's weights")
struct AssessmentWebTests {
  @Test(
    "clerks and reviewers are scored on their own work; weights are the administrator's", arguments: TestDatabase.all)
  func assessment(database: TestDatabase) async throws {
    try await withTestApp(database, now: StatisticsWebTests.monday) { app in
      try await StatisticsWebTests.cases(app)
      _ = try await StatisticsWebTests.fold(app, at: StatisticsWebTests.wednesday.addingTimeInterval(3_600))
      var admin = TestBrowser(app)
      try await admin.signIn("admin")
      // The reviewer decided both concluded cases, on time; the clerk accepted two and refused one.
      let staff = try await admin.get("/supervision/assessment?period=2027-03")
      #expect(staff.status == .ok)
      let page = staff.body.string
      let reviewer = try #require(page.range(of: "刘梦瑶"))
      let reviewerRow = String(page[reviewer.lowerBound...].prefix(2_000))
      #expect(reviewerRow.contains("100.0%"))
      let clerk = try #require(page.range(of: "李国平"))
      #expect(String(page[clerk.lowerBound...].prefix(2_000)).contains("66.7%"), "accepted 2 of 3")
      for by in ["window", "department", "town", "agent"] {
        #expect(try await admin.get("/supervision/assessment?by=\(by)&period=2027-03").status == .ok, "\(by)")
      }
      #expect(try await admin.get("/supervision/assessment?by=galaxy").status == .badRequest)
      let xlsx = try await admin.get("/supervision/assessment.xlsx?by=department&period=2027-03")
      #expect(xlsx.status == .ok && Array(xlsx.body.readableBytesView.prefix(2)) == Array("PK".utf8))

      // A weight out of range names its field and changes nothing; good weights are kept and shown.
      _ = try await admin.get("/supervision/assessment?period=2027-03")
      let token = try #require(admin.csrfToken)
      var form = Dictionary(uniqueKeysWithValues: Assessment.Criterion.allCases.map { ($0.rawValue, "10") })
      form["_csrf"] = token
      form["period"] = "2027-03"
      form["early"] = "150"
      var r = try await admin.post("/supervision/assessment/weights", form: form)
      #expect(r.status == .unprocessableEntity && r.body.string.contains("early-error"))
      #expect(try await AssessmentRepository(app.db).weights(county: "360999") == nil)
      form["early"] = "0"
      r = try await admin.post("/supervision/assessment/weights", form: form)
      #expect(r.status == .seeOther)
      #expect(try await AssessmentRepository(app.db).weights(county: "360999")?[.early] == 0)
      #expect(try await admin.get("/supervision/assessment").body.string.contains("本中心设置的权重"))

      // A supervisor reads the table but sets no weight; a clerk reads nothing.
      var supervisor = TestBrowser(app)
      try await supervisor.signIn("supervisor")
      #expect(try await supervisor.get("/supervision/assessment").status == .ok)
      #expect(try await supervisor.get("/supervision/assessment").body.string.contains("weights-form") == false)
      let supervisorToken = try #require(supervisor.csrfToken)
      form["_csrf"] = supervisorToken
      #expect(try await supervisor.post("/supervision/assessment/weights", form: form).status == .forbidden)
      var clerkBrowser = TestBrowser(app)
      try await clerkBrowser.signIn("clerk")
      #expect(try await clerkBrowser.get("/supervision/assessment").status == .forbidden)
    }
  }
}
