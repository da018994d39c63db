/// A spreadsheet as rows of text, read from and written to .xlsx (Office Open XML). Cells are text as the user
/// sees them; row `i` of a sheet is the spreadsheet's row `i + 1`, so error messages can name rows exactly.
public struct Workbook: Sendable, Equatable {
  public struct Sheet: Sendable, Equatable {
    public var name: String
    public var rows: [[String]]
    /// Column widths in characters, for writing.
    public var widths: [Int]

    public init(name: String, rows: [[String]], widths: [Int] = []) {
      self.name = name
      self.rows = rows
      self.widths = widths
    }
  }

  public enum Failure: Error, Equatable {
    /// Not an .xlsx file at all (e.g. an .xls or a renamed document).
    case notAWorkbook(String)
  }

  public var sheets: [Sheet]

  public init(sheets: [Sheet]) {
    self.sheets = sheets
  }

  public func sheet(named name: String) -> Sheet? {
    sheets.first { $0.name == name }
  }

  /// "A" → 0, "AB" → 27.
  static func columnIndex(_ letters: Substring) -> Int {
    letters.reduce(0) { $0 * 26 + Int($1.asciiValue! - 65) + 1 } - 1
  }

  /// 0 → "A", 27 → "AB".
  public static func columnName(_ index: Int) -> String {
    var index = index + 1
    var name = ""
    while index > 0 {
      let remainder = (index - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + remainder))) + name
      index = (index - 1) / 26
    }
    return name
  }
}
