import OneWindowDomain
import Vapor

/// Rejects a form post whose `_csrf` field does not match the visitor's token. Applies to every
/// page route that changes something; the API uses bearer tokens and no cookies, so it needs none.
struct CSRFMiddleware: AsyncMiddleware {
  func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
    guard request.method != .GET, request.method != .HEAD else {
      return try await next.respond(to: request)
    }
    try await Self.collectBody(request)
    let sent: String?
    do { sent = try request.content.get(String.self, at: "_csrf") } catch let error as ValidationError {
      throw error  // a control character in the form: named as such, not as an expired form
    } catch { sent = nil }
    guard let sent, !request.csrfToken.isEmpty, Self.constantTimeEquals(sent, request.csrfToken)
    else {
      throw AppError.csrf
    }
    return try await next.respond(to: request)
  }

  /// The largest multipart body (the catalog workbook, or an intake form with its scans); other forms stay within
  /// the app's default body size.
  static let maxMultipartBody = max(CatalogImportController.maxUpload + 1024 * 1024, FormBody.maxMultipart)

  /// Marks a route as one that takes uploads (`Route.userInfo`): only those take a body larger than the app's default,
  /// and only from someone signed in.
  static let uploadsKey = "onewindow.uploads"

  /// Middleware runs before Vapor collects a route's body, and a body that arrived in several network reads is
  /// still a stream then: reading the token from it would fail, so collect it here first — up to the limit this
  /// request may send (`bodyLimit`), refusing a larger one before reading it (an anonymous visitor cannot make the
  /// server hold 64 MB per request).
  static func collectBody(_ request: Request) async throws {
    let limit = try await bodyLimit(request)
    if let data = request.body.data {
      guard data.readableBytes <= limit else { throw Abort(.payloadTooLarge) }
      return
    }
    if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > limit {
      throw Abort(.payloadTooLarge)
    }
    _ = try await request.body.collect(max: limit).get()
  }

  /// The app's default (1 MB), or the multipart limit for a route that takes uploads when a staff member or a portal
  /// citizen is signed in.
  static func bodyLimit(_ request: Request) async throws -> Int {
    let defaultLimit = request.application.routes.defaultMaxBodySize.value
    guard request.headers.contentType?.subType == "form-data", request.route?.userInfo[uploadsKey] != nil else {
      return defaultLimit
    }
    if request.staffSession != nil { return maxMultipartBody }
    if try await PortalAccountController.citizen(request) != nil { return maxMultipartBody }
    return defaultLimit
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
