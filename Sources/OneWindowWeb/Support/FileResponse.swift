import OneWindowDomain
import OneWindowViews
import Vapor

/// A stored file sent back with its own type and name, never sniffed by the browser into something else.
enum FileResponse {
  static func make(_ attachment: Attachment, _ bytes: [UInt8]) -> Response {
    var headers = HTTPHeaders()
    headers.replaceOrAdd(name: .contentType, value: attachment.kind.mimeType)
    headers.replaceOrAdd(
      name: .contentDisposition, value: "inline; filename*=UTF-8''\(Links.percentEncodePath(attachment.name))")
    headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
    headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
    return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
  }
}
