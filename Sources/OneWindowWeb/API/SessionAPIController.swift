import OneWindowDomain
import OneWindowStore
import Vapor

/// `POST /api/v1/session` signs in with username and password and answers a bearer token.
enum SessionAPIController {
  struct Credentials: Content {
    let username: String?
    let password: String?
  }

  struct Issued: Content {
    let token: String
    let tokenType: String
    let expiresAt: Date
    let staff: StaffJSON

    enum CodingKeys: String, CodingKey {
      case token, staff
      case tokenType = "token_type"
      case expiresAt = "expires_at"
    }
  }

  @Sendable static func create(req: Request) async throws -> Response {
    guard req.body.data != nil || req.body.string != nil else {
      throw ValidationError(
        field: "username", zh: "请求体为空，需要 username 和 password", en: "Empty body; send username and password")
    }
    let credentials = try req.content.decode(Credentials.self)
    let staff = try await StaffLogin.authenticate(
      username: credentials.username ?? "", password: credentials.password ?? "", on: req)
    let issued = try await TokenRepository(req.database).issue(
      for: staff.identity, label: "api session", lifetime: req.application.configuration.apiSessionLifetime,
      now: req.now)
    return try await Issued(
      token: issued.token, tokenType: "Bearer", expiresAt: issued.expiresAt,
      staff: StaffJSON(staff.identity, language: req.language, withPermissions: true)
    ).encodeResponse(status: .created, for: req)
  }

  /// `DELETE /api/v1/session` revokes the token the request carries.
  @Sendable static func delete(req: Request) async throws -> HTTPStatus {
    _ = try req.requireStaff()
    if let bearer = req.headers.bearerAuthorization {
      try await TokenRepository(req.database).revoke(bearer.token, now: req.now)
      try await TokenCache.invalidate(req.application, on: req.database)
    }
    return .noContent
  }
}
