import Foundation
import OneWindowDomain
import OneWindowStore
import Testing
import VaporTesting

@Suite("Demo cases on the desks")
struct DemoCasesTests {
  @Test("the demo adds its cases once, through the real trail, with warnings in the inbox", arguments: TestDatabase.all)
  func load(database: TestDatabase) async throws {
    try await withTestApp(database, now: WindowPagesTests.monday) { app in
      let rule = DeadlineRule()
      let now = WindowPagesTests.monday
      #expect(try await DemoCases(app.db, rule: rule).load(now: now) == 21)
      #expect(try await DemoCases(app.db, rule: rule).load(now: now) == 0, "a second load adds nothing")
      let repository = CaseRepository(app.db, rule: rule)
      let (_, breaks) = try await repository.verifyTrails()
      #expect(breaks.isEmpty)
      var filter = CaseFilter(scope: nil)
      filter.departmentID = "dept-scjgj"
      filter.warning = .red
      #expect(try await repository.list(filter, now: now).total == 1)
      filter.warning = .yellow
      #expect(try await repository.list(filter, now: now).total == 1)
      #expect(try await repository.opinionQueue(departmentID: "dept-wjw").count == 1)
      var delivery = CaseFilter(scope: nil)
      delivery.states = [.decided]
      #expect(try await repository.list(delivery, now: now).total == 2)
      // One 容缺 case owes its materials past their date; one pledge waits for its post-check.
      let today = rule.civilDate(of: now)
      let followUps = try await SupervisionRepository(app.db).followUpCounts(county: "360999", today: today)
      #expect(followUps[.deficiency]?.overdue == 1)
      #expect(followUps[.postCheck]?.open == 1 && followUps[.postCheck]?.overdue == 0)
      // The 好差评 history: eight rated cases; every negative one has its 差评整改 entry, at three different steps.
      let ratings = EvaluationRepository(app.db, rule: rule, policy: EvaluationPolicy())
      let recent = try await ratings.recent(county: "360999", limit: 100)
      #expect(recent.count == 8)
      #expect(recent.filter { $0.0.level.isNegative }.allSatisfy { $0.1 != nil })
      #expect(recent.compactMap { $0.1?.state.rawValue }.sorted() == ["call_back", "explained", "fix"])
    }
  }
}
