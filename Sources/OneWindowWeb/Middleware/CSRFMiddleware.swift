import Vapor

/// Rejects a form post whose `_csrf` field does not match the visitor's token. Applies to every
/// page route that changes something; the API uses bearer tokens and no cookies, so it needs none.
struct CSRFMiddleware: AsyncMiddleware {
  func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
    guard request.method != .GET, request.method != .HEAD else {
      return try await next.respond(to: request)
    }
    let sent = try? request.content.get(String.self, at: "_csrf")
    guard let sent, !request.csrfToken.isEmpty, Self.constantTimeEquals(sent, request.csrfToken)
    else {
      throw AppError.csrf
    }
    return try await next.respond(to: request)
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
