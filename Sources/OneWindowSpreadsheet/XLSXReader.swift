extension Workbook {
  /// Reads every worksheet of an .xlsx file. Formulas give their cached value; numbers are kept as written.
  public init(xlsx bytes: [UInt8]) throws {
    let archive: ZipArchive
    do { archive = try ZipArchive(bytes: bytes) } catch {
      throw Failure.notAWorkbook("not a zip container (\(error))")
    }
    guard let workbook = archive.entry("xl/workbook.xml") else {
      throw Failure.notAWorkbook("no xl/workbook.xml")
    }
    let targets = try Self.relationshipTargets(archive.entry("xl/_rels/workbook.xml.rels"))
    let shared = try archive.entry("xl/sharedStrings.xml").map { try Self.sharedStrings($0.data) } ?? []
    var sheets: [Sheet] = []
    for event in try XMLScanner.events(workbook.data) {
      guard case .start("sheet", let attributes, _) = event, let name = attributes["name"] else { continue }
      let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
      guard let target = targets[id] else { continue }
      let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      guard let part = archive.entry(path) else { throw Failure.notAWorkbook("missing \(path)") }
      sheets.append(Sheet(name: name, rows: try Self.rows(part.data, shared: shared)))
    }
    self.init(sheets: sheets)
  }

  private static func relationshipTargets(_ entry: ZipArchive.Entry?) throws -> [String: String] {
    guard let entry else { return [:] }
    var targets: [String: String] = [:]
    for case .start("Relationship", let attributes, _) in try XMLScanner.events(entry.data) {
      if let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
    return targets
  }

  /// The shared string table: each `<si>`'s text runs joined, phonetic guides (`<rPh>`) left out.
  private static func sharedStrings(_ data: [UInt8]) throws -> [String] {
    var strings: [String] = []
    var current = ""
    var inText = false
    var inPhonetic = false
    for event in try XMLScanner.events(data) {
      switch event {
      case .start("si", _, _): current = ""
      case .end("si"): strings.append(current)
      case .start("rPh", _, _): inPhonetic = true
      case .end("rPh"): inPhonetic = false
      case .start("t", _, let selfClosing): inText = !selfClosing
      case .end("t"): inText = false
      case .text(let text) where inText && !inPhonetic: current += text
      default: break
      }
    }
    return strings
  }

  private static func rows(_ data: [UInt8], shared: [String]) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var rowNumber = 0
    var column = 0
    var cellType = ""
    var value = ""
    var inValue = false
    var inCell = false
    for event in try XMLScanner.events(data) {
      switch event {
      case .start("row", let attributes, _):
        rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
        row = []
        column = 0
      case .end("row"):
        while rows.count < rowNumber - 1 { rows.append([]) }
        while let last = row.last, last.isEmpty { row.removeLast() }
        rows.append(row)
      case .start("c", let attributes, _):
        inCell = true
        cellType = attributes["t"] ?? "n"
        value = ""
        if let reference = attributes["r"] {
          column = Workbook.columnIndex(reference.prefix { $0.isLetter && $0.isASCII })
        }
      case .end("c"):
        inCell = false
        let text: String =
          switch cellType {
          case "s": Int(value).flatMap { $0 < shared.count ? shared[$0] : nil } ?? ""
          case "b": value == "1" ? "TRUE" : "FALSE"
          default: value
          }
        while row.count < column { row.append("") }
        if row.count == column { row.append(text) } else { row[column] = text }
        column += 1
      case .start("v", _, let selfClosing), .start("t", _, let selfClosing):
        inValue = inCell && !selfClosing
      case .end("v"), .end("t"): inValue = false
      case .text(let text) where inValue: value += text
      default: break
      }
    }
    while let last = rows.last, last.isEmpty { rows.removeLast() }
    return rows
  }
}
