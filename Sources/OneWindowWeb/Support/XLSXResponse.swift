import Foundation
import Vapor

/// A download of an .xlsx workbook: a plain ASCII file name for old browsers, and the Chinese one (RFC 5987) for
/// the rest.
enum XLSXResponse {
  static func make(_ bytes: [UInt8], fileName: String, asciiName: String) -> Response {
    var headers = HTTPHeaders()
    headers.contentType = HTTPMediaType(
      type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    headers.replaceOrAdd(
      name: .contentDisposition,
      value: "attachment; filename=\"\(asciiName)\"; filename*=UTF-8''\(fileName.percentEncoded)")
    return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
  }
}
