import Foundation
import OneWindowDomain
import OneWindowStore

/// 容缺补齐提醒 and 核查到期提醒: whoever owes a follow-up is told when it falls due and again when it is overdue
/// (`FollowUpReminders`), once per level, by whichever worker comes first — the applicant who owes materials accepted
/// as missing, and the reviewers of the case's department who owe the post-check of a 告知承诺 pledge.
extension NotificationWorker {
  /// Queues the reminders now due; answers how many were queued.
  @discardableResult
  public func remindFollowUps(now: Date, policy: FollowUpReminders = .standard) async throws -> Int {
    var queued = 0
    let supervision = SupervisionRepository(db)
    for county in try await DirectoryRepository(db).counties() {
      let rule = try await application.deadlineRules.rule(county: county.code.value, db: db, now: now)
      guard policy.isSendingTime(minuteOfDay: rule.minuteOfDay(now)) else { continue }
      let today = rule.civilDate(of: now)
      let dueBy = today.adding(days: policy.daysAhead)
      for (followUp, reminded, serviceCase) in try await supervision.followUpsToRemind(
        .deficiency, county: county.code.value, today: today, dueBy: dueBy)
      {
        guard let level = policy.level(for: followUp, today: today, reminded: reminded) else { continue }
        if try await supervision.remind(followUp, level: level, serviceCase: serviceCase, now: now) { queued += 1 }
      }
      let postChecks = try await supervision.followUpsToRemind(
        .postCheck, county: county.code.value, today: today, dueBy: dueBy)
      guard !postChecks.isEmpty else { continue }
      // The reviewers of each case's department owe its post-check; read once per county that has any due.
      let staff = try await StaffRepository(db).list(in: Scope(regionCode: county.code), limit: 10_000)
      for (followUp, reminded, serviceCase) in postChecks {
        guard let level = policy.level(for: followUp, today: today, reminded: reminded) else { continue }
        // A department without a reviewer account tells nobody, but its post-check is still marked: left unmarked it
        // would come back every minute and, 200 of them, keep the county's other post-checks from being read.
        let owners = staff.filter { $0.reviews(serviceCase.departmentID) }
        if try await supervision.remind(
          followUp, level: level, serviceCase: serviceCase,
          recipients: owners.map(\.noticeRecipient), now: now),
          !owners.isEmpty
        {
          queued += 1
        }
      }
    }
    if queued > 0 { logger.info("容缺补齐提醒/核查到期提醒: \(queued) reminders queued") }
    return queued
  }
}
