import OneWindowStore
import Vapor

/// Loads the staff session from its cookie and makes sure every visitor has a CSRF token:
/// the session's when signed in, else a random cookie (double submit) for the login form.
struct StaffSessionMiddleware: AsyncMiddleware {
  func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
    if let token = request.cookies[Cookies.session]?.string,
      let session = try await SessionRepository(request.database).find(token: token, now: request.now)
    {
      request.staffSession = session
      request.csrfToken = session.csrfToken
      return try await next.respond(to: request)
    }
    var newCookie: String?
    if let existing = request.cookies[Cookies.csrf]?.string, existing.count == 64 {
      request.csrfToken = existing
    } else {
      let token = SecretToken.make()
      request.csrfToken = token
      newCookie = token
    }
    let response = try await next.respond(to: request)
    if let newCookie {
      response.cookies[Cookies.csrf] = HTTPCookies.Value(
        string: newCookie, isSecure: request.application.configuration.secureCookies,
        isHTTPOnly: true, sameSite: .lax)
    }
    return response
  }
}
