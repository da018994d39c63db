import OneWindowStore
import Vapor

/// Resolves `Authorization: Bearer …` to a staff member on API routes. Routes that need one
/// call `request.authorize(...)`; public look-ups simply don't.
struct BearerAuthMiddleware: AsyncMiddleware {
  func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
    if let bearer = request.headers.bearerAuthorization {
      guard let staff = try await request.application.tokenCache.staff(for: bearer.token, request) else {
        throw AppError(
          .unauthorized, code: "invalid_token",
          message: .init(zh: "令牌无效或已过期", en: "The token is invalid or has expired"))
      }
      request.apiStaff = staff
    }
    return try await next.respond(to: request)
  }
}
