import Foundation
import OneWindowDomain
import OneWindowStore

/// 整改到期提醒: when a 差评整改 step turns yellow (due soon) or red (late), the people who owe it are told once per
/// step and level, in the app and by text when they have a mobile number: the person assigned while the fix is
/// theirs, else the county's service team (客服专员).
extension NotificationWorker {
  /// Queues the notices now due; answers how many entries were told.
  @discardableResult
  public func alertRectifications(now: Date) async throws -> Int {
    let policy = application.configuration.evaluationPolicy
    var told = 0
    let staff = try await StaffRepository(db).list(limit: 10_000).filter { !$0.isDisabled }
    for county in try await DirectoryRepository(db).counties() {
      let rule = try await application.deadlineRules.rule(county: county.code.value, db: db, now: now)
      let repository = EvaluationRepository(db, rule: rule, policy: policy)
      let team = staff.filter {
        $0.identity.role == .service && $0.identity.scope.regionCode.county == county.code
      }
      // Yellow starts at most the fix's last fifth (or the day before) ahead of the due date: a look 60 days ahead
      // covers every setting; only open entries are read.
      for (entry, evaluation, alerted) in try await repository.alertCandidates(
        county: county.code.value, until: now.addingTimeInterval(60 * 86_400))
      {
        let level: Int
        switch entry.warning(rule: rule, policy: policy, now: now) {
        case .red: level = 2
        case .yellow: level = 1
        case .none: level = 0
        }
        guard level > alerted else { continue }
        let owners =
          entry.state == .fix
          ? staff.filter { $0.identity.id == entry.assignment?.staffID } : team
        guard !owners.isEmpty else { continue }
        var facts = ["item": evaluation.about.itemName ?? "", "entry": entry.id, "level": String(level)]
        if let number = evaluation.about.caseNumber { facts["number"] = number }
        if try await repository.alert(
          entry, level: level,
          recipients: owners.map(\.noticeRecipient), facts: facts,
          caseNumber: evaluation.about.caseNumber ?? "", county: county.code.value, now: now)
        {
          told += 1
        }
      }
    }
    return told
  }
}
