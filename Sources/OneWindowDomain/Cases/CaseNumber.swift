/// 办件编号: unique per county, sortable, readable on a receipt —
/// the county code, the acceptance date and a daily sequence: `360999-20261123-00042`.
/// On PostgreSQL the sequence is drawn before the registration is written, so one that is then refused leaves a gap.
public enum CaseNumber {
  public static func make(county: RegionCode, date: CivilDate, sequence: Int) -> String {
    let (year, month, day) = date.components
    let ymd = String(year) + two(month) + two(day)
    let padded = String(sequence)
    let seq = padded.count >= 5 ? padded : String(repeating: "0", count: 5 - padded.count) + padded
    return "\(county.county.value)-\(ymd)-\(seq)"
  }

  /// True when `text` has the shape of a case number (to reject junk before a database look-up).
  public static func isWellFormed(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    return parts.count == 3 && parts[0].count == 6 && parts[1].count == 8 && parts[2].count >= 5
      && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }

  private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
