import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// `/account/password/{token}`: a new account's owner sets their password through the one-time link the administrator
/// handed over, and is signed in. Guessing tokens is pointless (256 bits) but still counted per address.
enum PasswordLinkController {
  /// `GET /account/password/{token}`
  @Sendable static func show(req: Request) async throws -> Response {
    try req.limitByAddress("password-link", \.status)
    let token = req.parameters.get("token") ?? ""
    let owner = try await StaffRepository(req.database).passwordLinkOwner(token, now: req.now)
    let page = PasswordLinkPage.render(.init(owner: owner, token: token), try await req.pageContext())
    return .html(page, status: owner == nil ? .notFound : .ok)
  }

  /// `POST /account/password/{token}`
  @Sendable static func submit(req: Request) async throws -> Response {
    try req.limitByAddress("password-link", \.status)
    let token = req.parameters.get("token") ?? ""
    let accounts = StaffRepository(req.database)
    guard let owner = try await accounts.passwordLinkOwner(token, now: req.now) else {
      return .html(
        PasswordLinkPage.render(.init(owner: nil, token: token), try await req.pageContext()), status: .notFound)
    }
    let fields = try req.content.decode([String: String].self)
    let password = fields["password"] ?? ""
    var errors: [ValidationError] = []
    do throws(ValidationError) {
      try req.application.configuration.loginPolicy.validatePassword(password)
    } catch { errors.append(error) }
    if password != (fields["password_again"] ?? "") {
      errors.append(ValidationError(field: "password_again", zh: "两次输入的密码不一致", en: "The passwords differ"))
    }
    guard errors.isEmpty else {
      return .html(
        PasswordLinkPage.render(.init(owner: owner, token: token, errors: errors), try await req.pageContext()),
        status: .unprocessableEntity)
    }
    let hash = try await req.application.passwordChecks.hash(password)
    guard let staff = try await accounts.usePasswordLink(token, passwordHash: hash, now: req.now) else {
      return .html(
        PasswordLinkPage.render(.init(owner: nil, token: token), try await req.pageContext()), status: .notFound)
    }
    let configuration = req.application.configuration
    let (session, opened) = try await SessionRepository(req.database).open(
      for: staff, lifetime: configuration.sessionLifetime, now: req.now)
    let response = req.redirect(to: Links.staffHome, redirectType: .normal)
    response.cookies[Cookies.session] = Cookies.signIn(
      session, lifetime: opened.expiresAt.timeIntervalSince(req.now), req)
    return response
  }
}
