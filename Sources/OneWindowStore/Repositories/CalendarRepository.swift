import Fluent
import OneWindowDomain

/// 工作日历 rows: the national schedule (county `000000`) and each county's own changes.
public struct CalendarRepository: Sendable {
  public static let national = "000000"
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  /// The calendar a county works by: the national rows, overridden by the county's own.
  public func calendar(county: String) async throws -> WorkCalendar {
    WorkCalendar(try await days(county: county))
  }

  public func days(county: String) async throws -> [CalendarDay] {
    let rows = try await CalendarDayModel.query(on: db)
      .group(.or) { $0.filter(\.$countyCode == Self.national).filter(\.$countyCode == county) }
      .all()
    var byDate: [String: CalendarDayModel] = [:]
    for row in rows where byDate[row.date] == nil || row.countyCode != Self.national {
      byDate[row.date] = row
    }
    return byDate.values.compactMap { row in
      guard let date = CivilDate(iso: row.date), let kind = CalendarDay.Kind(rawValue: row.kind) else { return nil }
      return CalendarDay(date: date, kind: kind, name: row.name)
    }.sorted { $0.date < $1.date }
  }

  /// Writes days for a county, replacing what it had on the same dates, in one transaction.
  public func save(_ days: [CalendarDay], county: String) async throws {
    try await db.transaction { db in
      for day in days {
        try await CalendarDayModel.query(on: db).filter(\.$countyCode == county).filter(\.$date == day.date.iso)
          .delete()
        let model = CalendarDayModel()
        model.countyCode = county
        model.date = day.date.iso
        model.kind = day.kind.rawValue
        model.name = day.name
        try await model.create(on: db)
      }
    }
  }
}
