import Foundation
import OneWindowDomain
import OneWindowStore

/// 黄灯预警 / 红灯超期 to staff: when a case's light turns, the people who hold it are told once per level, in the app
/// and by text when they have a mobile number: the reviewers of the department that has it, or, when it has none,
/// the clerk who received it.
extension NotificationWorker {
  /// A turn older than this is not told (after a long stop, or for imported and generated cases).
  static let caseAlertWindow: TimeInterval = 86_400

  /// Queues the warnings now due; answers how many cases were told.
  @discardableResult
  public func alertCases(now: Date) async throws -> Int {
    var told = 0
    let staff = try await StaffRepository(db).list(limit: 10_000).filter { !$0.isDisabled }
    let directory = DirectoryRepository(db)
    for county in try await directory.counties() {
      let rule = try await application.deadlineRules.rule(county: county.code.value, db: db, now: now)
      let cases = CaseRepository(db, rule: rule)
      let departments = try await directory.departments(in: county.code).map(\.id)
      for (c, level) in try await cases.turnedLights(
        departmentIDs: departments, now: now, recent: Self.caseAlertWindow)
      {
        var holders = staff.filter { $0.reviews(c.departmentID) }
        if holders.isEmpty { holders = staff.filter { $0.identity.id == c.receivedBy } }
        guard !holders.isEmpty else { continue }
        if try await cases.alert(
          c.number, level: level,
          recipients: holders.map(\.noticeRecipient),
          facts: ["item": c.item.name, "number": c.number], county: county.code.value, now: now)
        {
          told += 1
        }
      }
    }
    return told
  }
}
