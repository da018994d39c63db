import Foundation

/// The days a figure is counted over, both ends included: a month ("2026-11"), a quarter ("2026-Q4"), a year
/// ("2026"), an ISO week ("2026-W47") or any range ("2026-11-01..2026-11-15").
public struct StatPeriod: Sendable, Hashable, Codable {
  public let from: CivilDate
  public let through: CivilDate
  /// How the period is written in a link or the API (`period=`).
  public let code: String

  public init?(from: CivilDate, through: CivilDate) {
    guard from <= through else { return nil }
    self.from = from
    self.through = through
    code = "\(from.iso)..\(through.iso)"
  }

  private init(from: CivilDate, through: CivilDate, code: String) {
    self.from = from
    self.through = through
    self.code = code
  }

  /// The longest range the API and the pages take (ten years: the rollup holds days).
  public static let longestDays = 3_660

  public static func month(_ year: Int, _ month: Int) -> StatPeriod? {
    guard let first = CivilDate(year: year, month: month, day: 1) else { return nil }
    let next =
      month == 12 ? CivilDate(year: year + 1, month: 1, day: 1)! : CivilDate(year: year, month: month + 1, day: 1)!
    return StatPeriod(from: first, through: next.adding(days: -1), code: String(format: "%04d-%02d", year, month))
  }

  public static func month(containing day: CivilDate) -> StatPeriod {
    let (year, month, _) = day.components
    return Self.month(year, month)!
  }

  /// The ISO week (Monday to Sunday) holding `day`.
  public static func week(containing day: CivilDate) -> StatPeriod {
    let monday = day.adding(days: 1 - day.isoWeekday)
    let thursday = monday.adding(days: 3)
    let year = thursday.components.year
    let firstThursday = CivilDate(year: year, month: 1, day: 4)!
    let firstMonday = firstThursday.adding(days: 1 - firstThursday.isoWeekday)
    let number = (monday.dayNumber - firstMonday.dayNumber) / 7 + 1
    return StatPeriod(from: monday, through: monday.adding(days: 6), code: String(format: "%04d-W%02d", year, number))
  }

  /// Reads a period as `code` writes it; nil when it is not one.
  public static func parse(_ text: String) -> StatPeriod? {
    let text = text.trimmingCharacters(in: .whitespaces)
    if let range = text.range(of: "..") {
      guard let from = CivilDate(iso: String(text[..<range.lowerBound])),
        let through = CivilDate(iso: String(text[range.upperBound...])),
        through.dayNumber - from.dayNumber < longestDays
      else { return nil }
      return StatPeriod(from: from, through: through)
    }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard let year = Int(parts[0]), parts[0].count == 4, (1990...2200).contains(year) else { return nil }
    switch parts.count {
    case 1:
      return StatPeriod(
        from: CivilDate(year: year, month: 1, day: 1)!, through: CivilDate(year: year, month: 12, day: 31)!,
        code: parts[0])
    case 2 where parts[1].hasPrefix("Q"):
      guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
      let first = month(year, quarter * 3 - 2)!
      let last = month(year, quarter * 3)!
      return StatPeriod(from: first.from, through: last.through, code: text)
    case 2 where parts[1].hasPrefix("W"):
      guard let number = Int(parts[1].dropFirst()), (1...53).contains(number) else { return nil }
      let firstThursday = CivilDate(year: year, month: 1, day: 4)!
      let monday = firstThursday.adding(days: 1 - firstThursday.isoWeekday + 7 * (number - 1))
      let week = week(containing: monday)
      return week.code == text ? week : nil
    case 2:
      guard let number = Int(parts[1]), parts[1].count == 2 else { return nil }
      return month(year, number)
    case 3:
      guard let day = CivilDate(iso: text) else { return nil }
      return StatPeriod(from: day, through: day, code: text)
    default:
      return nil
    }
  }

  public var days: Int { through.dayNumber - from.dayNumber + 1 }

  public func contains(_ day: CivilDate) -> Bool { from <= day && day <= through }

  /// The weeks or months that cover the period, oldest first, each cut to the period.
  public func buckets(_ step: TrendStep) -> [StatPeriod] {
    var result: [StatPeriod] = []
    var day = from
    while day <= through {
      let whole = step == .week ? Self.week(containing: day) : Self.month(containing: day)
      let cut = StatPeriod(from: max(whole.from, from), through: min(whole.through, through), code: whole.code)
      result.append(cut)
      day = whole.through.adding(days: 1)
    }
    return result
  }

  /// The period of the same length just before this one (for "compared with the previous period").
  public var previous: StatPeriod {
    StatPeriod(from: from.adding(days: -days), through: from.adding(days: -1))!
  }
}

/// How a trend is cut.
public enum TrendStep: String, Sendable, Codable, CaseIterable {
  case week, month

  public var name: LocalizedText {
    switch self {
    case .week: LocalizedText(zh: "按周", en: "By week")
    case .month: LocalizedText(zh: "按月", en: "By month")
    }
  }
}
