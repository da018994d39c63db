/// The State Council's holiday schedules (国办发明电〔2024〕12号 for 2025; the 2025-11-04 notice for 2026),
/// as `RULES.md` lists them. New years are added by the admin or by `onewindow calendar import`.
enum ChinaHolidays {
  static let days: [CalendarDay] = {
    var days: [CalendarDay] = []
    func off(_ name: String, _ year: Int, _ ranges: [(Int, Int, Int, Int)]) {
      for (m1, d1, m2, d2) in ranges {
        let start = CivilDate(year: year, month: m1, day: d1)!
        let end = CivilDate(year: year, month: m2, day: d2)!
        for number in start.dayNumber...end.dayNumber {
          days.append(CalendarDay(date: CivilDate(dayNumber: number), kind: .holiday, name: name))
        }
      }
    }
    func on(_ name: String, _ year: Int, _ dates: [(Int, Int)]) {
      for (month, day) in dates {
        days.append(CalendarDay(date: CivilDate(year: year, month: month, day: day)!, kind: .workday, name: name))
      }
    }
    // 2025
    off("元旦", 2025, [(1, 1, 1, 1)])
    off("春节", 2025, [(1, 28, 2, 4)])
    on("春节调休", 2025, [(1, 26), (2, 8)])
    off("清明节", 2025, [(4, 4, 4, 6)])
    off("劳动节", 2025, [(5, 1, 5, 5)])
    on("劳动节调休", 2025, [(4, 27)])
    off("端午节", 2025, [(5, 31, 6, 2)])
    off("国庆节、中秋节", 2025, [(10, 1, 10, 8)])
    on("国庆节调休", 2025, [(9, 28), (10, 11)])
    // 2026
    off("元旦", 2026, [(1, 1, 1, 3)])
    on("元旦调休", 2026, [(1, 4)])
    off("春节", 2026, [(2, 15, 2, 23)])
    on("春节调休", 2026, [(2, 14), (2, 28)])
    off("清明节", 2026, [(4, 4, 4, 6)])
    off("劳动节", 2026, [(5, 1, 5, 5)])
    on("劳动节调休", 2026, [(5, 9)])
    off("端午节", 2026, [(6, 19, 6, 21)])
    off("中秋节", 2026, [(9, 25, 9, 27)])
    off("国庆节", 2026, [(10, 1, 10, 7)])
    on("国庆节调休", 2026, [(9, 20), (10, 10)])
    return days
  }()
}
