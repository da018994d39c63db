import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews

/// 诉求 lights told: when the step an inquiry waits on turns yellow (due soon) or red (late), whoever owes it is told
/// once per clock and level, in the app and by text — the department it is dispatched to (its reviewers), else the
/// county's service desk.
extension NotificationWorker {
  /// Queues the notices now due; answers how many inquiries were told.
  @discardableResult
  public func alertInquiries(now: Date) async throws -> Int {
    let policy = application.configuration.inquiryPolicy
    let repository = InquiryRepository(db)
    var told = 0
    let staff = try await StaffRepository(db).list(limit: 10_000).filter { !$0.isDisabled }
    for county in try await DirectoryRepository(db).counties() {
      let rule = try await application.deadlineRules.rule(county: county.code.value, db: db, now: now)
      let inCounty = staff.filter { $0.identity.scope.regionCode.county == county.code }
      // Yellow starts at most a few working days ahead of the due moment: a look 30 days ahead covers every limit.
      for (stored, alerted) in try await repository.alertCandidates(
        county: county.code.value, now: now, until: now.addingTimeInterval(30 * 86_400))
      {
        let inquiry = stored.inquiry
        let level: Int
        switch inquiry.warning(rule: rule, policy: policy, now: now) {
        case .red: level = 2
        case .yellow: level = 1
        case .none: level = 0
        }
        guard level > alerted else { continue }
        let owners = inCounty.filter { person in
          if let department = inquiry.departmentID {
            return person.identity.scope.departmentID == department && Authorization.can(person.identity, .reviewCases)
          }
          return Authorization.can(person.identity, .handleInquiries)
        }
        let notices = owners.map {
          InquiryRepository.Notice(
            kind: .inquiryTask, phone: $0.phone, account: InAppMessage.account(staff: $0.identity.id),
            facts: [
              "number": inquiry.number, "kind": inquiry.kind.name.zh, "step": level == 2 ? "red" : "yellow",
              "link": Links.inquiryDesk(inquiry.number), "item": inquiry.about.itemName ?? "",
            ])
        }
        if try await repository.alert(inquiry, level: level, notices: notices, county: stored.county, now: now) {
          told += 1
        }
      }
    }
    if told > 0 { logger.info("诉求预警: \(told) inquiries told") }
    return told
  }
}
