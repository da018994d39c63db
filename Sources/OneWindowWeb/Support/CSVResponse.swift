import Foundation
import Vapor

/// A download of rows as CSV that Excel and WPS open as Chinese text (UTF-8 with a byte-order mark). A cell that a
/// spreadsheet would run as a formula (=, +, -, @ first) is written as text, since the rows hold what uploads said.
enum CSVResponse {
  static func make(_ rows: [[String]], fileName: String) -> Response {
    var text = "\u{FEFF}"
    for row in rows {
      text += row.map(cell).joined(separator: ",") + "\r\n"
    }
    var headers = HTTPHeaders()
    headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
    headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
    return Response(status: .ok, headers: headers, body: .init(string: text))
  }

  static func cell(_ value: String) -> String {
    var value = value
    if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
    guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
