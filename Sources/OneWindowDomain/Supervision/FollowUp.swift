import Foundation

/// 跟踪事项: what a case still owes after an acceptance made on trust (seed 002, "容缺受理" and "告知承诺"): the
/// materials accepted as missing, due from the applicant by a date, and the post-check (事后核查) of a pledge, due
/// from the department by a date. Each is written when the case is accepted and settled by the step that does it.
public struct FollowUp: Sendable, Hashable {
  public enum Kind: String, Sendable, CaseIterable, Codable {
    /// 容缺材料补齐: the applicant owes the materials accepted as missing.
    case deficiency
    /// 告知承诺事后核查: the department owes the check of the applicant's pledge.
    case postCheck = "post_check"

    public var name: LocalizedText {
      switch self {
      case .deficiency: LocalizedText(zh: "容缺材料补齐", en: "Deferred materials")
      case .postCheck: LocalizedText(zh: "告知承诺事后核查", en: "Post-checks of pledges")
      }
    }
  }

  /// How a follow-up was settled.
  public enum Outcome: String, Sendable, CaseIterable, Codable {
    case supplied
    case pledgeKept = "pledge_kept"
    case pledgeFalse = "pledge_false"
    case withdrawn

    public var name: LocalizedText {
      switch self {
      case .supplied: LocalizedText(zh: "已补齐", en: "Supplied")
      case .pledgeKept: LocalizedText(zh: "承诺属实", en: "Pledge held")
      case .pledgeFalse: LocalizedText(zh: "承诺不实", en: "Pledge false")
      case .withdrawn: LocalizedText(zh: "申请已撤回", en: "Withdrawn")
      }
    }
  }

  /// Where a follow-up stands on a given day.
  public enum Standing: String, Sendable, CaseIterable {
    case open
    /// Due within `FollowUpReminders.daysAhead` days.
    case dueSoon = "due_soon"
    case overdue
    case done

    public var name: LocalizedText {
      switch self {
      case .open: LocalizedText(zh: "未到期", en: "Open")
      case .dueSoon: LocalizedText(zh: "即将到期", en: "Due soon")
      case .overdue: LocalizedText(zh: "已逾期", en: "Overdue")
      case .done: LocalizedText(zh: "已办结", en: "Done")
      }
    }
  }

  public let id: String
  public let kind: Kind
  public let caseNumber: String
  public let due: CivilDate
  public let doneAt: Date?
  public let outcome: Outcome?

  public init(id: String, kind: Kind, caseNumber: String, due: CivilDate, doneAt: Date?, outcome: Outcome?) {
    self.id = id
    self.kind = kind
    self.caseNumber = caseNumber
    self.due = due
    self.doneAt = doneAt
    self.outcome = outcome
  }

  /// Overdue from the day after the due date (the due date itself is still in time).
  public func standing(today: CivilDate, daysAhead: Int = FollowUpReminders.standard.daysAhead) -> Standing {
    if doneAt != nil { return .done }
    if today > due { return .overdue }
    return today.adding(days: daysAhead) >= due ? .dueSoon : .open
  }

  /// Days past the due date (0 when not overdue).
  public func daysOverdue(today: CivilDate) -> Int {
    guard doneAt == nil, today > due else { return 0 }
    return today.dayNumber - due.dayNumber
  }
}

/// 容缺补齐提醒: the applicant who owes materials is told twice — when the due date is `daysAhead` days away or
/// nearer, and the day after it passed — by text and in the app, within sending hours (no texts at night).
public struct FollowUpReminders: Sendable, Hashable {
  public static let standard = FollowUpReminders()

  public var daysAhead: Int
  /// Minutes after local midnight from which, and until which, reminders go out.
  public var sendFrom: Int
  public var sendUntil: Int

  public init(daysAhead: Int = 2, sendFrom: Int = 9 * 60, sendUntil: Int = 20 * 60) {
    self.daysAhead = daysAhead
    self.sendFrom = sendFrom
    self.sendUntil = sendUntil
  }

  /// The reminder level due for a follow-up on `today` (1 due soon, 2 overdue), or nil when none is due or the
  /// level was already sent (`reminded`).
  public func level(for followUp: FollowUp, today: CivilDate, reminded: Int) -> Int? {
    let level: Int
    switch followUp.standing(today: today, daysAhead: daysAhead) {
    case .dueSoon: level = 1
    case .overdue: level = 2
    case .open, .done: return nil
    }
    return level > reminded ? level : nil
  }

  public func isSendingTime(minuteOfDay: Int) -> Bool { minuteOfDay >= sendFrom && minuteOfDay < sendUntil }
}
