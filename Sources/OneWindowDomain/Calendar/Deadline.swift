import Foundation

/// 限时办结: due dates in working days, as DESIGN.md states them.
/// - The day of acceptance is not counted; a case with a limit of N working days is due at the end
///   (23:59:59 in the site's time zone) of the N-th working day after the acceptance date. Acceptance
///   on a non-working day therefore counts from the next working day.
/// - A limit of 0 (即办件) is due at the end of the acceptance day.
/// - Pauses (补正 after acceptance, 特别程序) move the due date by the working days they cover: a pause
///   from day S to day E covers the working days after S up to and including E.
/// - Yellow when at most max(1, 20 % of the limit) working days remain; red when overdue.
public struct DeadlineRule: Sendable {
  public let calendar: WorkCalendar
  public let timeZone: TimeZone

  public init(calendar: WorkCalendar = .china, timeZone: TimeZone = DeadlineRule.defaultTimeZone) {
    self.calendar = calendar
    self.timeZone = timeZone
  }

  public static let defaultTimeZone = TimeZone(identifier: "Asia/Shanghai")!

  /// The local date of an instant.
  public func civilDate(of instant: Date) -> CivilDate {
    let seconds = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
    return CivilDate(dayNumber: Int((seconds / 86_400).rounded(.down)))
  }

  /// 00:00:00 local time on `date`.
  /// Minutes since local midnight in the rule's time zone (for opening hours and appointment slots).
  public func minuteOfDay(_ instant: Date) -> Int {
    let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
    return (seconds % 86_400 + 86_400) % 86_400 / 60
  }

  public func startOfDay(_ date: CivilDate) -> Date {
    let utcMidnight = Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400)
    return utcMidnight.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: utcMidnight)))
  }

  /// 23:59:59 local time on `date`: the moment a case due that day becomes overdue after.
  public func endOfDay(_ date: CivilDate) -> Date {
    startOfDay(date.adding(days: 1)).addingTimeInterval(-1)
  }

  /// Working days a closed pause covers.
  public func pausedWorkdays(_ pause: ClockPause) -> Int {
    guard let end = pause.end else { return 0 }
    return calendar.workdays(after: civilDate(of: pause.start), through: civilDate(of: end))
  }

  /// The due date, or nil while a pause is still open (the clock is stopped).
  public func due(acceptedAt: Date, limitDays: Int, pauses: [ClockPause] = []) -> Date? {
    guard !pauses.contains(where: { $0.end == nil }) else { return nil }
    return endOfDay(dueDate(acceptedAt: acceptedAt, limitDays: limitDays, pauses: pauses))
  }

  /// The due date as a calendar date (all pauses closed).
  public func dueDate(acceptedAt: Date, limitDays: Int, pauses: [ClockPause] = []) -> CivilDate {
    let paused = pauses.reduce(0) { $0 + pausedWorkdays($1) }
    return calendar.workday(max(0, limitDays) + paused, after: civilDate(of: acceptedAt))
  }

  /// Working days left before the warning turns yellow.
  public func yellowThreshold(limitDays: Int) -> Int {
    max(1, Int((Double(limitDays) * 0.2).rounded(.up)))
  }

  /// Where a case stands against its deadline at `now`.
  public func status(acceptedAt: Date, limitDays: Int, pauses: [ClockPause] = [], now: Date) -> DeadlineStatus {
    let paused = pauses.reduce(0) { $0 + pausedWorkdays($1) }
    guard let due = due(acceptedAt: acceptedAt, limitDays: limitDays, pauses: pauses) else {
      return DeadlineStatus(due: nil, warnFrom: nil, remainingWorkdays: nil, pausedWorkdays: paused, warning: .none)
    }
    let dueDay = civilDate(of: due)
    let remaining = calendar.workdays(after: civilDate(of: now), through: dueDay)
    let warnFrom = limitDays > 0 ? warnStart(dueDay: dueDay, limitDays: limitDays) : nil
    let warning: WarningLevel =
      now > due ? .red : (warnFrom.map { now >= $0 } ?? false) ? .yellow : .none
    return DeadlineStatus(
      due: due, warnFrom: warnFrom, remainingWorkdays: remaining, pausedWorkdays: paused, warning: warning)
  }

  /// The first moment the warning is yellow: the start of the day from which at most the threshold
  /// of working days remain.
  private func warnStart(dueDay: CivilDate, limitDays: Int) -> Date {
    var day = dueDay
    var counted = 0
    let threshold = yellowThreshold(limitDays: limitDays)
    while counted < threshold {
      if calendar.isWorkday(day) { counted += 1 }
      day = day.adding(days: -1)
    }
    // `day` is now the working day before the last `threshold` ones; from its start at most the threshold remain.
    while !calendar.isWorkday(day) { day = day.adding(days: -1) }
    return startOfDay(day)
  }
}

/// The clock stopped for a reason (补正 after acceptance, 特别程序 under 行政许可法 §45).
public struct ClockPause: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// 补正: the applicant supplies missing material after acceptance.
    case correction
    /// 特别程序: hearing, inspection, testing, quarantine, appraisal, expert review, tender, auction, extension.
    case specialProcedure = "special_procedure"

    public var name: LocalizedText {
      switch self {
      case .correction: LocalizedText(zh: "补正", en: "Correction")
      case .specialProcedure: LocalizedText(zh: "特别程序", en: "Special procedure")
      }
    }
  }

  public let kind: Kind
  public let reason: String
  public let start: Date
  public var end: Date?
  /// Working days the procedure is planned to take, when known.
  public let plannedWorkdays: Int?

  public init(kind: Kind, reason: String, start: Date, end: Date? = nil, plannedWorkdays: Int? = nil) {
    self.kind = kind
    self.reason = reason
    self.start = start
    self.end = end
    self.plannedWorkdays = plannedWorkdays
  }
}

/// Where a case stands against its deadline.
public struct DeadlineStatus: Sendable, Hashable {
  /// The due moment, nil while the clock is stopped.
  public let due: Date?
  /// When the warning turns yellow, nil for immediate cases and while stopped.
  public let warnFrom: Date?
  public let remainingWorkdays: Int?
  public let pausedWorkdays: Int
  public let warning: WarningLevel
}

/// 预警: yellow (due soon), red (overdue).
public enum WarningLevel: String, Sendable, Codable, CaseIterable {
  case none
  case yellow
  case red

  public var name: LocalizedText {
    switch self {
    case .none: LocalizedText(zh: "正常", en: "On time")
    case .yellow: LocalizedText(zh: "黄牌预警", en: "Due soon")
    case .red: LocalizedText(zh: "红牌超期", en: "Overdue")
    }
  }
}

extension DeadlineRule {
  /// ISO 8601 in the site's time zone, e.g. `2026-02-26T23:59:59+08:00` (whole seconds).
  public func iso8601(_ instant: Date) -> String {
    let offset = timeZone.secondsFromGMT(for: instant)
    let local = Int((instant.timeIntervalSince1970 + Double(offset)).rounded(.down))
    let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    let seconds = local - day * 86_400
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let sign = offset >= 0 ? "+" : "-"
    let zone = offset == 0 ? "Z" : "\(sign)\(two(abs(offset) / 3600)):\(two(abs(offset) % 3600 / 60))"
    return
      "\(CivilDate(dayNumber: day).iso)T\(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))\(zone)"
  }
}
