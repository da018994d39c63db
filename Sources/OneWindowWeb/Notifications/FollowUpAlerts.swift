import Foundation
import OneWindowDomain
import OneWindowStore

/// 容缺补齐提醒: the applicant who owes materials accepted as missing is told when they fall due and again when they
/// are overdue (`FollowUpReminders`), once per level, by whichever worker comes first.
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
      for (followUp, reminded, serviceCase) in try await supervision.deficienciesToRemind(
        county: county.code.value, today: today, dueBy: today.adding(days: policy.daysAhead))
      {
        guard let level = policy.level(for: followUp, today: today, reminded: reminded) else { continue }
        if try await supervision.remind(followUp, level: level, serviceCase: serviceCase, now: now) { queued += 1 }
      }
    }
    if queued > 0 { logger.info("容缺补齐提醒: \(queued) reminders queued") }
    return queued
  }
}
