import Foundation

/// 预约提醒: one text the afternoon before a booked visit. From `sendFrom` (16:00) on day D, every booking of D+1
/// still booked and not yet reminded is reminded; a booking made later that evening for the next day is reminded when
/// it is made (the next scan). Bookings for the same day are not: the person booked them hours ago at most.
public struct AppointmentReminders: Sendable, Hashable {
  /// Minutes after local midnight from which the next day's bookings are reminded.
  public var sendFrom: Int
  /// Minutes after local midnight until which reminders still go out (no texts at night).
  public var sendUntil: Int

  public init(sendFrom: Int = 16 * 60, sendUntil: Int = 21 * 60) {
    self.sendFrom = sendFrom
    self.sendUntil = sendUntil
  }

  /// The day whose bookings are due for a reminder at `now`, or nil outside the sending hours.
  public func dayToRemind(at now: Date, rule: DeadlineRule) -> CivilDate? {
    let minute = rule.minuteOfDay(now)
    guard minute >= sendFrom, minute < sendUntil else { return nil }
    return rule.civilDate(of: now).adding(days: 1)
  }

  /// The facts the reminder's text is written from.
  public static func facts(_ appointment: Appointment, site: String, group: String) -> [String: String] {
    ["when": "\(appointment.day.iso) \(appointment.slot.label)", "site": site, "item": group, "code": appointment.code]
  }
}
