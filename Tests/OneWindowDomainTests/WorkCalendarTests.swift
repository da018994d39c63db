import Foundation
import OneWindowDomain
import Testing

@Suite("WorkCalendar and deadline arithmetic 限时办结")
struct WorkCalendarTests {
  let rule = DeadlineRule()

  /// A local time in Asia/Shanghai.
  func local(_ iso: String, _ time: String = "10:00:00") -> Date {
    ISO8601DateFormatter().date(from: "\(iso)T\(time)+08:00")!
  }

  func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

  func due(_ accepted: Date, _ days: Int, pauses: [ClockPause] = []) -> String? {
    rule.due(acceptedAt: accepted, limitDays: days, pauses: pauses).map(rule.iso8601)
  }

  @Test("civil dates round-trip and know their weekday")
  func civilDates() {
    #expect(date("1970-01-01").dayNumber == 0)
    #expect(date("2026-11-23").isoWeekday == 1)
    #expect(date("2026-11-22").isWeekend)
    #expect(date("2024-02-29").iso == "2024-02-29")
    #expect(CivilDate(iso: "2026-02-30") == nil)
    #expect(CivilDate(iso: "2026-2-3") == nil)
    for number in stride(from: -1000, to: 60_000, by: 37) {
      let day = CivilDate(dayNumber: number)
      #expect(CivilDate(iso: day.iso) == day)
    }
  }

  @Test("the State Council's 2025 and 2026 schedules: holidays off, 调休 days on")
  func schedules() {
    let calendar = WorkCalendar.china
    #expect(!calendar.isWorkday(date("2025-01-28")))
    #expect(calendar.isWorkday(date("2025-01-26")))  // Sunday, 调休
    #expect(calendar.isWorkday(date("2025-02-08")))  // Saturday, 调休
    #expect(!calendar.isWorkday(date("2025-10-08")))
    #expect(calendar.isWorkday(date("2025-10-11")))
    #expect(!calendar.isWorkday(date("2026-01-02")))  // Friday, 元旦
    #expect(calendar.isWorkday(date("2026-01-04")))  // Sunday, 调休
    #expect(!calendar.isWorkday(date("2026-02-23")))  // Monday, 春节
    #expect(calendar.isWorkday(date("2026-02-28")))
    #expect(!calendar.isWorkday(date("2026-06-19")))
    #expect(!calendar.isWorkday(date("2026-09-25")))
    #expect(calendar.isWorkday(date("2026-09-20")))
    #expect(calendar.isWorkday(date("2026-10-10")))
    #expect(calendar.isWorkday(date("2026-11-23")))
    #expect(!calendar.isWorkday(date("2026-11-22")))
  }

  @Test(
    "due dates across the Spring Festival and National Day holidays",
    arguments: [
      ("2026-02-12", 5, "2026-02-26"),  // over 春节 2026, with 2/14 (Sat) a workday
      ("2025-01-24", 3, "2025-02-05"),  // over 春节 2025, with 1/26 (Sun) a workday
      ("2025-09-26", 4, "2025-10-09"),  // over 国庆 2025, with 9/28 (Sun) a workday
      ("2026-09-23", 5, "2026-10-08"),  // over 中秋 and 国庆 2026
      ("2026-12-30", 2, "2027-01-01"),  // past the shipped years: plain weekdays
      ("2026-11-23", 20, "2026-12-21"),
    ])
  func holidays(accepted: String, days: Int, expected: String) {
    #expect(due(local(accepted), days) == "\(expected)T23:59:59+08:00")
  }

  @Test("acceptance on a weekend or holiday counts from the next working day")
  func weekendAcceptance() {
    #expect(due(local("2026-11-21"), 1) == "2026-11-23T23:59:59+08:00")  // Saturday
    #expect(due(local("2026-11-22"), 3) == "2026-11-25T23:59:59+08:00")  // Sunday
    #expect(due(local("2026-10-03"), 1) == "2026-10-08T23:59:59+08:00")  // in 国庆
    #expect(due(local("2026-02-14"), 1) == "2026-02-24T23:59:59+08:00")  // a 调休 Saturday
  }

  @Test("immediate cases are due at the end of the acceptance day, in the site's time zone")
  func immediate() {
    #expect(due(local("2026-11-23", "19:30:00"), 0) == "2026-11-23T23:59:59+08:00")
    // 17:00 UTC is already 01:00 the next day in 云溪县.
    let utcEvening = ISO8601DateFormatter().date(from: "2026-11-23T17:00:00Z")!
    #expect(due(utcEvening, 0) == "2026-11-24T23:59:59+08:00")
    #expect(due(local("2026-11-22", "10:00:00"), 0) == "2026-11-22T23:59:59+08:00")
  }

  @Test("a pause over a holiday moves the due date by the working days it covers")
  func pauses() {
    let accepted = local("2026-09-14")
    #expect(due(accepted, 10) == "2026-09-28T23:59:59+08:00")
    let pause = ClockPause(
      kind: .specialProcedure, reason: "专家评审", start: local("2026-09-23"), end: local("2026-10-08", "16:00:00"))
    #expect(rule.pausedWorkdays(pause) == 5)
    #expect(due(accepted, 10, pauses: [pause]) == "2026-10-10T23:59:59+08:00")
    let sameDay = ClockPause(
      kind: .correction, reason: "补正", start: local("2026-09-15", "09:00:00"), end: local("2026-09-15", "17:00:00"))
    #expect(rule.pausedWorkdays(sameDay) == 0)
    let open = ClockPause(kind: .specialProcedure, reason: "检测", start: local("2026-09-23"))
    #expect(due(accepted, 10, pauses: [open]) == nil)
  }

  @Test("yellow from the last working day (or the last 20 %), red once overdue")
  func warnings() {
    let accepted = local("2026-02-12")  // due 2026-02-26
    func level(_ iso: String, _ time: String = "12:00:00", days: Int = 5) -> WarningLevel {
      rule.status(acceptedAt: accepted, limitDays: days, now: local(iso, time)).warning
    }
    #expect(level("2026-02-24") == .none)
    #expect(level("2026-02-25", "00:00:00") == .yellow)
    #expect(level("2026-02-26", "23:59:59") == .yellow)
    #expect(level("2026-02-27", "00:00:01") == .red)
    let status = rule.status(acceptedAt: accepted, limitDays: 5, now: local("2026-02-24"))
    #expect(status.remainingWorkdays == 2)
    // 20 working days: yellow once at most 4 remain after today (from 12-15: 16, 17, 18, 21 left).
    let long = local("2026-11-23")  // due 2026-12-21
    #expect(rule.status(acceptedAt: long, limitDays: 20, now: local("2026-12-14", "23:59:59")).warning == .none)
    #expect(rule.status(acceptedAt: long, limitDays: 20, now: local("2026-12-15", "00:00:00")).warning == .yellow)
    // Immediate items are never yellow, only red after the day.
    #expect(rule.status(acceptedAt: long, limitDays: 0, now: local("2026-11-23", "18:00:00")).warning == .none)
    #expect(rule.status(acceptedAt: long, limitDays: 0, now: local("2026-11-24")).warning == .red)
  }

  @Test("working days between two dates exclude the start and include the end")
  func countBetween() {
    let calendar = WorkCalendar.china
    #expect(calendar.workdays(after: date("2026-09-30"), through: date("2026-10-08")) == 1)
    #expect(calendar.workdays(after: date("2026-11-23"), through: date("2026-11-23")) == 0)
    #expect(calendar.workdays(after: date("2026-11-23"), through: date("2026-11-20")) == 0)
    #expect(calendar.workdays(after: date("2026-11-20"), through: date("2026-11-27")) == 5)
  }

  @Test("a calendar file: good lines load, every bad line is named")
  func calendarFile() throws {
    let days = try CalendarDay.parseFile("# 2027\n2027-01-01,holiday,元旦\n2027-02-06, workday ,春节调休\n")
    #expect(days.count == 2)
    #expect(days[1].kind == .workday)
    let edited = WorkCalendar.china.merging(days)
    #expect(!edited.isWorkday(date("2027-01-01")))
    #expect(edited.isWorkday(date("2027-02-06")))
    do {
      _ = try CalendarDay.parseFile("2027-01-01,holiday\n2027-13-01,holiday\n2027-01-02,off\n2027-01-01,workday")
      Issue.record("bad lines must be refused")
    } catch {
      #expect(error.errors.map(\.field) == ["line 2", "line 3", "date"])
    }
  }
}
