import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// The work calendar: due-date calculation, the list of holidays and 调休 days, and admin edits.
enum CalendarAPIController {
  struct DueJSON: Encodable {
    let from: Date
    let days: Int
    let due: Date
    let dueDate: CivilDate
    let timeZone: String
  }

  static let earliest = Date(timeIntervalSince1970: 0)
  static let latest = Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01

  /// `GET /api/v1/calendar/due?from=ISO8601&days=N`: the due time of a limit of N working days.
  @Sendable static func due(req: Request) async throws -> Response {
    let rule = try await req.deadlineRule()
    guard let raw = req.query[String.self, at: "from"], let from = parseInstant(raw) else {
      throw ValidationError(
        field: "from", zh: "from 应为 ISO 8601 时间，如 2026-11-23T10:00:00+08:00",
        en: "from must be an ISO 8601 time, e.g. 2026-11-23T10:00:00+08:00")
    }
    // Government deadlines live in this era; far-off years answered with a 3-digit year and the zone's local mean
    // time offset (+08:05), which is no ISO 8601 the schema promises.
    guard (Self.earliest...Self.latest).contains(from) else {
      throw ValidationError(
        field: "from", zh: "from 应在 1970 年至 2100 年之间", en: "from must lie between 1970 and 2100")
    }
    guard let days = req.query[String.self, at: "days"].flatMap(Int.init), (0...3650).contains(days) else {
      throw ValidationError(field: "days", zh: "days 应为 0–3650 的整数", en: "days must be an integer 0–3650")
    }
    let due = rule.due(acceptedAt: from, limitDays: days)!
    return try APIEncoding.response(
      DueJSON(from: from, days: days, due: due, dueDate: rule.civilDate(of: due), timeZone: rule.timeZone.identifier),
      rule: rule)
  }

  struct DayJSON: Codable {
    let date: String
    let kind: String
    let name: String?
  }

  /// `GET /api/v1/calendar/days?year=2026`: the holidays and make-up workdays in force.
  @Sendable static func days(req: Request) async throws -> Response {
    let county = try await req.county()?.code.value ?? CalendarRepository.national
    let year = req.query[String.self, at: "year"]
    if let year, Int(year) == nil {
      throw ValidationError(field: "year", zh: "year 应为四位年份", en: "year must be a four-digit year")
    }
    let days = try await CalendarRepository(req.database).days(county: county)
      .filter { year == nil || $0.date.iso.hasPrefix(year! + "-") }
      .map { DayJSON(date: $0.date.iso, kind: $0.kind.rawValue, name: $0.name) }
    return try APIEncoding.response(ItemsJSON(items: days, total: days.count), rule: try await req.deadlineRule())
  }

  /// `PUT /api/v1/calendar/days`: the admin sets days (a list of `{date, kind, name}`); all or nothing.
  @Sendable static func save(req: Request) async throws -> Response {
    let county = try await req.county()
    let countyCode = county?.code ?? RegionCode("000000")!
    try req.authorize(.manageCalendar, in: Scope(regionCode: countyCode))
    let body = try CaseAPIController.decode([DayJSON].self, req)
    let text = body.map { "\($0.date),\($0.kind),\($0.name ?? "")" }.joined(separator: "\n")
    let days = try CalendarDay.parseFile(text)
    try await CalendarRepository(req.database).save(days, county: countyCode.value)
    req.application.deadlineRules.invalidate()
    return try await Self.days(req: req)
  }

  static func parseInstant(_ raw: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: raw) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.date(from: raw)
  }
}
