import OneWindowDomain
import OneWindowStore
import Vapor

extension Request {
  /// The case repository for this request: its database, and on PostgreSQL the process's case-number blocks and
  /// the cases it wrote last.
  func cases(_ rule: DeadlineRule) -> CaseRepository {
    CaseRepository(database, rule: rule, numbers: application.caseNumbers, recent: application.recentCases)
  }
}

extension Request {
  /// The staff member as the case engine sees them, with the 首席代表 powers they hold today (reviewers only: nobody
  /// else needs them, and the hot path of window intake stays one look-up shorter).
  func caseActor(_ staff: StaffIdentity) async throws -> CaseActor {
    guard staff.role == .reviewer else { return CaseActor(staff) }
    let authorizations = try await application.lookups.chiefAuthorizations(of: staff.id, db: database, now: now)
    return CaseActor(staff, chiefPowers: ChiefPowers(authorizations, on: CatalogController.today(self)))
  }
}
