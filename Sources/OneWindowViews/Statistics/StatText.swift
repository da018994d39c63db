import Foundation
import OneWindowDomain

/// How statistics are written on pages and in exports: a rate as "85.3%", days, minutes and visits with one decimal,
/// and an unknown value as "—" (never 0).
public enum StatText {
  public static func value(_ figure: StatFigure, _ value: Double?, _ context: PageContext) -> String {
    guard let value else { return "—" }
    switch figure.unit {
    case .rate: return percent(value)
    case .days:
      return figure == .p90Days
        ? context.t("≤\(Int(value)) 个工作日", "≤\(Int(value)) working days")
        : context.t("\(decimal(value)) 个工作日", "\(decimal(value)) working days")
    case .minutes: return context.t("\(decimal(value)) 分钟", "\(decimal(value)) min")
    case .perCase: return context.t("\(decimal(value)) 次", "\(decimal(value))")
    case .count: return context.t("\(decimal(value)) 件", "\(decimal(value))")
    }
  }

  /// The value without its unit word, for a spreadsheet cell or the API's display string.
  public static func plain(_ figure: StatFigure, _ value: Double?) -> String {
    guard let value else { return "" }
    return figure.unit == .rate ? percent(value) : decimal(value)
  }

  /// "12 / 40" under a ratio, or nothing when the figure has no parts.
  public static func parts(_ value: FigureValue) -> String {
    guard let numerator = value.numerator, let denominator = value.denominator else {
      return value.denominator.map { "n = \(Int($0))" } ?? ""
    }
    return "\(decimal(numerator)) / \(decimal(denominator))"
  }

  public static func percent(_ value: Double?) -> String {
    guard let value else { return "—" }
    return String(format: "%.1f%%", value * 100)
  }

  public static func decimal(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.1f", value)
  }

  public static func rate(_ numerator: Int, _ denominator: Int) -> String {
    denominator > 0 ? percent(Double(numerator) / Double(denominator)) : "—"
  }
}
