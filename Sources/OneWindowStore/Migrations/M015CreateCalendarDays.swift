import Fluent
import OneWindowDomain

/// 工作日历 exceptions (holidays and 调休 workdays). Rows with county `000000` are the national
/// schedule, shipped here for 2025 and 2026; a county's own rows override them.
struct M015CreateCalendarDays: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("calendar_days")
      .id()
      .field("county_code", .string, .required)
      .field("date", .string, .required)
      .field("kind", .string, .required)
      .field("name", .string, .required)
      .unique(on: "county_code", "date")
      .create()
    try await CalendarRepository(database).save(
      WorkCalendar.china.exceptions.values.sorted { $0.date < $1.date }, county: CalendarRepository.national)
  }

  func revert(on database: any Database) async throws {
    try await database.schema("calendar_days").delete()
  }
}
