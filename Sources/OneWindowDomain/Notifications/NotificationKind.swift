/// 通知: what a person is told, by text message (短信) and in the app (我的消息). A case step writes the applicant's
/// notifications into the outbox in the step's own transaction; the notification worker sends them.
public enum NotificationKind: String, Sendable, CaseIterable, Codable {
  // To the applicant, about their case.
  case accepted
  case correctionNeeded = "correction_needed"
  case refused
  case decided
  case readyForPickup = "ready_for_pickup"
  case pleaseRate = "please_rate"
  case appointmentReminder = "appointment_reminder"
  /// 容缺补齐提醒: materials accepted as missing are due soon, or overdue (`level` 2).
  case materialsDue = "materials_due"
  /// 核查到期提醒: a 告知承诺 post-check is due soon or overdue (to the department's reviewers).
  case postCheckDue = "post_check_due"
  // To staff.
  case caseYellow = "case_yellow"
  case caseRed = "case_red"
  case rectificationDue = "rectification_due"
  /// 督办: a ticket opened for the department, returned to it, or escalated when its reply is late (`step`).
  case supervisionTicket = "supervision_ticket"
  /// 诉求: to the inquirer when it is registered, and when it is answered (with the link to read and rate it).
  case inquiryReceived = "inquiry_received"
  case inquiryAnswered = "inquiry_answered"
  /// 诉求 to act on: dispatched to a department, returned to the service desk, an extension to decide, reopened.
  case inquiryTask = "inquiry_task"

  /// The applicant's notifications after a case step that moved `from` to `to` (none for most steps).
  public static func after(_ action: CaseAction, to next: ServiceCase) -> [NotificationKind] {
    switch action {
    case .accept: return [.accepted]
    case .issueCorrection: return [.correctionNeeded]
    case .refuse: return [.refused]
    case .decide: return next.awaitsDeficientMaterials ? [.decided] : [.decided, .readyForPickup]
    case .supplyMaterials where next.state == .decided: return [.readyForPickup]
    // 一事一评: the invitation goes out once the result is in the applicant's hands.
    case .deliver: return [.pleaseRate]
    default: return []
    }
  }

  /// Whether staff, not the applicant, receive it.
  public var isForStaff: Bool {
    switch self {
    case .caseYellow, .caseRed, .rectificationDue, .supervisionTicket, .inquiryTask, .postCheckDue: return true
    default: return false
    }
  }

  /// The name an administrator sees in lists (and a gateway's template is mapped from the raw value).
  public var name: LocalizedText {
    switch self {
    case .accepted: LocalizedText(zh: "受理通知", en: "Accepted")
    case .correctionNeeded: LocalizedText(zh: "补正通知", en: "Correction needed")
    case .refused: LocalizedText(zh: "不予受理通知", en: "Refused")
    case .decided: LocalizedText(zh: "办结通知", en: "Decided")
    case .readyForPickup: LocalizedText(zh: "领取通知", en: "Ready for pickup")
    case .pleaseRate: LocalizedText(zh: "评价邀请", en: "Please rate")
    case .appointmentReminder: LocalizedText(zh: "预约提醒", en: "Appointment reminder")
    case .materialsDue: LocalizedText(zh: "容缺补齐提醒", en: "Deferred materials due")
    case .postCheckDue: LocalizedText(zh: "核查到期提醒", en: "Post-check due")
    case .caseYellow: LocalizedText(zh: "黄灯预警", en: "Case turning yellow")
    case .caseRed: LocalizedText(zh: "红灯超期", en: "Case overdue")
    case .rectificationDue: LocalizedText(zh: "整改到期提醒", en: "Rectification due")
    case .supervisionTicket: LocalizedText(zh: "督办通知", en: "Supervision ticket")
    case .inquiryReceived: LocalizedText(zh: "诉求受理通知", en: "Inquiry received")
    case .inquiryAnswered: LocalizedText(zh: "诉求答复通知", en: "Inquiry answered")
    case .inquiryTask: LocalizedText(zh: "诉求待办通知", en: "Inquiry to act on")
    }
  }
}
