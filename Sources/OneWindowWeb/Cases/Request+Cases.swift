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
