import Foundation

/// 预约: a citizen's booked half-hour in a business group's queue, checked in at the kiosk with its code.
public struct Appointment: Sendable, Hashable, Codable, Identifiable {
  public let id: String
  public let siteID: String
  public let groupCode: String
  public let day: CivilDate
  public let slot: AppointmentSlot
  public let name: String
  public let phone: String
  /// Six digits the citizen types at the kiosk with their phone number.
  public let code: String
  public var state: AppointmentState
  public var ticketID: String?
  public let bookedAt: Date

  public init(
    id: String, siteID: String, groupCode: String, day: CivilDate, slot: AppointmentSlot, name: String,
    phone: String, code: String, state: AppointmentState = .booked, ticketID: String? = nil, bookedAt: Date
  ) {
    self.id = id
    self.siteID = siteID
    self.groupCode = groupCode
    self.day = day
    self.slot = slot
    self.name = name
    self.phone = phone
    self.code = code
    self.state = state
    self.ticketID = ticketID
    self.bookedAt = bookedAt
  }

  /// Checking in from half an hour before the slot to its end puts the ticket in the priority lane; later the
  /// booking still turns into a ticket, but an ordinary one. Before that window, check-in is refused.
  public func checkInPriority(minuteOfDay: Int, on today: CivilDate) throws(ValidationError) -> PriorityReason? {
    guard state == .booked else {
      throw ValidationError(
        field: "code", zh: "该预约\(state.name.zh)，不能签到", en: "This booking is \(state.name.en.lowercased())")
    }
    guard today == day else {
      throw ValidationError(
        field: "code", zh: "预约日期是 \(day.iso)，请当天签到", en: "The booking is for \(day.iso); check in that day")
    }
    if minuteOfDay < slot.start - 30 {
      throw ValidationError(
        field: "code", zh: "预约时段 \(slot.label) 前 30 分钟起可签到", en: "Check-in opens 30 minutes before \(slot.label)")
    }
    return minuteOfDay <= slot.end ? .appointment : nil
  }
}

public enum AppointmentState: String, Sendable, Codable, CaseIterable {
  case booked
  case cancelled
  case checkedIn = "checked_in"

  public var name: LocalizedText {
    switch self {
    case .booked: LocalizedText(zh: "已预约", en: "Booked")
    case .cancelled: LocalizedText(zh: "已取消", en: "Cancelled")
    case .checkedIn: LocalizedText(zh: "已签到", en: "Checked in")
    }
  }
}

/// A half-hour of a site's opening hours, in minutes from midnight.
public struct AppointmentSlot: Sendable, Hashable, Codable, Comparable {
  public let start: Int
  public let end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  public init?(label: String) {
    let parts = label.split(separator: "-").map(String.init)
    guard parts.count == 2, let start = Self.minutes(parts[0]), let end = Self.minutes(parts[1]), start < end
    else { return nil }
    self.init(start: start, end: end)
  }

  /// "09:00-09:30"
  public var label: String { Self.clock(start) + "-" + Self.clock(end) }

  public static func < (lhs: AppointmentSlot, rhs: AppointmentSlot) -> Bool { lhs.start < rhs.start }

  static func clock(_ minutes: Int) -> String {
    let h = minutes / 60
    let m = minutes % 60
    return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
  }

  static func minutes(_ text: String) -> Int? {
    let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
    guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m)
    else { return nil }
    return h * 60 + m
  }
}

/// The slots a site offers on a day, from its opening hours: weekday hours and 延时 hours on working days (调休
/// Saturdays included), Saturday hours on other Saturdays (周六无休), nothing on Sundays and holidays.
public enum AppointmentSlots {
  public static let length = 30

  public static func on(_ day: CivilDate, hours: OpeningHours, calendar: WorkCalendar) -> [AppointmentSlot] {
    var ranges: [String] = []
    if calendar.isWorkday(day) {
      ranges = [hours.weekdays] + (hours.extended.map { [$0] } ?? [])
    } else if day.isoWeekday == 6, calendar.exceptions[day]?.kind != .holiday, let saturday = hours.saturday {
      ranges = [saturday]
    }
    var slots: [AppointmentSlot] = []
    for (start, end) in ranges.flatMap(spans) {
      var minute = start
      while minute + length <= end {
        slots.append(AppointmentSlot(start: minute, end: minute + length))
        minute += length
      }
    }
    return Array(Set(slots)).sorted()
  }

  /// Whether the site is open at `minute` (from midnight) of `day`: inside one of that day's opening spans.
  public static func isOpen(_ day: CivilDate, minute: Int, hours: OpeningHours, calendar: WorkCalendar) -> Bool {
    on(day, hours: hours, calendar: calendar).contains { $0.start <= minute && minute < $0.end }
  }

  /// Every "HH:MM–HH:MM" in an opening-hours text (en dash, hyphen or 至), in minutes.
  static func spans(_ text: String) -> [(Int, Int)] {
    let normalized = text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "至", with: "-")
      .replacingOccurrences(of: "：", with: ":")
    var result: [(Int, Int)] = []
    var times: [Int] = []
    var current = ""
    func flush() {
      if let minutes = AppointmentSlot.minutes(current) { times.append(minutes) }
      current = ""
    }
    var pendingDash = false
    for character in normalized + " " {
      if character.isNumber || character == ":" {
        current.append(character)
        continue
      }
      flush()
      if times.count == 2 {
        if pendingDash, times[0] < times[1] { result.append((times[0], times[1])) }
        times.removeAll()
        pendingDash = false
      }
      if character == "-" {
        pendingDash = times.count == 1
      } else if !character.isWhitespace {
        pendingDash = false
        times.removeAll()
      }
    }
    return result
  }
}
