import OneWindowDomain
import Vapor

/// Refuses a URL query holding a control character, naming the parameter (422), before any route reads it: Vapor's
/// `req.query[…]` turns a decoding error into nil, so the checking query decoder (`InputText`) alone would let the
/// route go on as if the parameter were missing.
///
/// A future-based middleware: it awaits nothing (see `RequestLogMiddleware`).
struct QueryTextMiddleware: Middleware {
  func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
    if let query = request.url.query, query.contains("%") || query.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
      do { try InputText.checkURLEncoded(Substring(query)) } catch {
        return request.eventLoop.makeFailedFuture(error)
      }
    }
    return next.respond(to: request)
  }
}
