import Vapor

/// Rejects a form post whose `_csrf` field does not match the visitor's token. Applies to every
/// page route that changes something; the API uses bearer tokens and no cookies, so it needs none.
struct CSRFMiddleware: AsyncMiddleware {
  func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
    guard request.method != .GET, request.method != .HEAD else {
      return try await next.respond(to: request)
    }
    try await Self.collectBody(request)
    let sent = try? request.content.get(String.self, at: "_csrf")
    guard let sent, !request.csrfToken.isEmpty, Self.constantTimeEquals(sent, request.csrfToken)
    else {
      throw AppError.csrf
    }
    return try await next.respond(to: request)
  }

  /// The largest multipart body (the catalog workbook, or an intake form with its scans); other forms stay within
  /// the app's default body size.
  static let maxMultipartBody = max(CatalogImportController.maxUpload + 1024 * 1024, FormBody.maxMultipart)

  /// Middleware runs before Vapor collects a route's body, and a body that arrived in several network reads is
  /// still a stream then: reading the token from it would fail, so collect it here first.
  static func collectBody(_ request: Request) async throws {
    guard request.body.data == nil else { return }
    let multipart = request.headers.contentType?.subType == "form-data"
    let limit = multipart ? maxMultipartBody : request.application.routes.defaultMaxBodySize.value
    _ = try await request.body.collect(max: limit).get()
  }

  static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
  }
}
