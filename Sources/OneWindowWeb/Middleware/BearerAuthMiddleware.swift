import OneWindowStore
import Vapor

/// Resolves `Authorization: Bearer …` to a staff member on API routes. Routes that need one
/// call `request.authorize(...)`; public look-ups simply don't.
///
/// A future-based middleware, not an `AsyncMiddleware`: Vapor starts a `Task` for every async middleware on every
/// request, and a token this process knows (nearly every call of an API client) needs no waiting.
struct BearerAuthMiddleware: Middleware {
  func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
    guard let bearer = request.headers.bearerAuthorization else { return next.respond(to: request) }
    let cache = request.application.tokenCache
    if let staff = cache.cachedStaff(for: bearer.token, now: request.now) {
      request.apiStaff = staff
      return next.respond(to: request)
    }
    return request.eventLoop.makeFutureWithTask {
      guard let staff = try await cache.staff(for: bearer.token, request) else {
        throw AppError(
          .unauthorized, code: "invalid_token",
          message: .init(zh: "令牌无效或已过期", en: "The token is invalid or has expired"))
      }
      request.apiStaff = staff
    }.flatMap { next.respond(to: request) }
  }
}
