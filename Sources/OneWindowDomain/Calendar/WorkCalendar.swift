/// 工作日历: which dates are working days. Monday–Friday work, weekends off, except the statutory
/// holidays (off) and the make-up workdays (调休, on) the State Council publishes each year.
///
/// Built once and then read many times: working days in the covered range are precomputed, so
/// "the N-th working day after D" is an array lookup.
public struct WorkCalendar: Sendable {
  public let exceptions: [CivilDate: CalendarDay]

  /// The precomputed range: 2000-01-01 … 2100-12-31.
  private static let firstDay = CivilDate(year: 2000, month: 1, day: 1)!.dayNumber
  private static let lastDay = CivilDate(year: 2100, month: 12, day: 31)!.dayNumber
  /// `workdaysThrough[i]` = working days in [firstDay, firstDay + i].
  private let workdaysThrough: [Int32]
  /// `workdayList[k]` = the day number of the (k+1)-th working day from firstDay.
  private let workdayList: [Int32]

  public init(_ days: [CalendarDay]) {
    var exceptions: [CivilDate: CalendarDay] = [:]
    for day in days { exceptions[day.date] = day }
    self.exceptions = exceptions
    var through: [Int32] = []
    var list: [Int32] = []
    through.reserveCapacity(Self.lastDay - Self.firstDay + 1)
    var count: Int32 = 0
    for number in Self.firstDay...Self.lastDay {
      if Self.isWorkday(CivilDate(dayNumber: number), exceptions) {
        count += 1
        list.append(Int32(number))
      }
      through.append(count)
    }
    workdaysThrough = through
    workdayList = list
  }

  /// The calendar OneWindow ships: the State Council's schedules for 2025 and 2026.
  public static let china = WorkCalendar(ChinaHolidays.days)

  private static func isWorkday(_ date: CivilDate, _ exceptions: [CivilDate: CalendarDay]) -> Bool {
    if let exception = exceptions[date] { return exception.kind == .workday }
    return !date.isWeekend
  }

  public func isWorkday(_ date: CivilDate) -> Bool {
    Self.isWorkday(date, exceptions)
  }

  /// The N-th working day strictly after `date` (N ≥ 1); for N = 0, `date` itself.
  /// The start day is never counted (行政许可法 §82: 期间开始之日不计算在内).
  public func workday(_ n: Int, after date: CivilDate) -> CivilDate {
    guard n > 0 else { return date }
    let offset = date.dayNumber - Self.firstDay
    if offset >= 0, offset < workdaysThrough.count {
      let index = Int(workdaysThrough[offset]) + n - 1
      if index < workdayList.count { return CivilDate(dayNumber: Int(workdayList[index])) }
    }
    var day = date
    var remaining = n
    while remaining > 0 {
      day = day.adding(days: 1)
      if isWorkday(day) { remaining -= 1 }
    }
    return day
  }

  /// Working days in (`from`, `through`]: the start day not counted, the end day counted.
  /// Zero when `through` is not after `from`.
  public func workdays(after from: CivilDate, through: CivilDate) -> Int {
    guard through > from else { return 0 }
    let a = from.dayNumber - Self.firstDay
    let b = through.dayNumber - Self.firstDay
    if a >= 0, b < workdaysThrough.count {
      return Int(workdaysThrough[b] - workdaysThrough[a])
    }
    var count = 0
    var day = from
    while day < through {
      day = day.adding(days: 1)
      if isWorkday(day) { count += 1 }
    }
    return count
  }

  /// The calendar with `days` replacing the exceptions on the same dates.
  public func merging(_ days: [CalendarDay]) -> WorkCalendar {
    var merged = exceptions
    for day in days { merged[day.date] = day }
    return WorkCalendar(Array(merged.values))
  }
}
