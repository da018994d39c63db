import OneWindowViews
import Vapor

extension HTML: AsyncResponseEncodable {
  public func encodeResponse(for request: Request) async throws -> Response {
    var headers = HTTPHeaders()
    headers.contentType = .html
    headers.replaceOrAdd(name: .cacheControl, value: "no-store")
    return Response(status: .ok, headers: headers, body: .init(string: rendered))
  }
}

extension Response {
  static func html(_ html: HTML, status: HTTPResponseStatus) -> Response {
    var headers = HTTPHeaders()
    headers.contentType = .html
    headers.replaceOrAdd(name: .cacheControl, value: "no-store")
    return Response(status: status, headers: headers, body: .init(string: html.rendered))
  }
}
