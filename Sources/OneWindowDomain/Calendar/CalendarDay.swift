import Foundation

/// One exception to the Monday–Friday week in the work calendar: a statutory holiday (法定节假日)
/// or a make-up workday (调休上班).
public struct CalendarDay: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// A day off, even if it is a weekday.
    case holiday
    /// A working day, even if it is a weekend (调休).
    case workday

    public var name: LocalizedText {
      switch self {
      case .holiday: LocalizedText(zh: "放假", en: "Holiday")
      case .workday: LocalizedText(zh: "调休上班", en: "Make-up workday")
      }
    }
  }

  public let date: CivilDate
  public let kind: Kind
  /// The holiday's name, e.g. 春节.
  public let name: String

  public init(date: CivilDate, kind: Kind, name: String) {
    self.date = date
    self.kind = kind
    self.name = name
  }

  /// Parses a calendar file: one `YYYY-MM-DD,holiday|workday,name` per line; `#` starts a comment.
  /// Every bad line is reported with its line number; nothing is returned unless all lines are good.
  public static func parseFile(_ text: String) throws(ValidationErrors) -> [CalendarDay] {
    var days: [CalendarDay] = []
    var errors: [ValidationError] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line =
        rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
        .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
      guard !line.isEmpty else { continue }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      let field = "line \(index + 1)"
      guard fields.count >= 2, let date = CivilDate(iso: fields[0]) else {
        errors.append(
          ValidationError(
            field: field, zh: "第 \(index + 1) 行：应为「YYYY-MM-DD,holiday|workday,名称」",
            en: "Line \(index + 1): expected YYYY-MM-DD,holiday|workday,name"))
        continue
      }
      guard let kind = Kind(rawValue: fields[1].lowercased()) else {
        errors.append(
          ValidationError(
            field: field, zh: "第 \(index + 1) 行：类型应为 holiday 或 workday",
            en: "Line \(index + 1): the kind must be holiday or workday"))
        continue
      }
      days.append(CalendarDay(date: date, kind: kind, name: fields.count > 2 ? fields[2] : ""))
    }
    var seen: [CivilDate: Int] = [:]
    for (index, day) in days.enumerated() {
      if seen[day.date] != nil {
        errors.append(
          ValidationError(
            field: "date", zh: "日期 \(day.date) 重复出现", en: "The date \(day.date) appears twice"))
      }
      seen[day.date] = index
    }
    guard errors.isEmpty else { throw ValidationErrors(errors) }
    return days
  }
}
