import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// Staff sign-in and sign-out pages.
enum LoginController {
  struct Form: Content {
    var username: String?
    var password: String?
    var to: String?
  }

  @Sendable static func show(req: Request) async throws -> Response {
    if req.staffSession != nil { return req.redirect(to: Links.staffHome) }
    let returnTo = ReturnPath.local(req.query[String.self, at: "to"])
    return try await LoginPage.render(.init(returnTo: returnTo), req.pageContext())
      .encodeResponse(for: req)
  }

  @Sendable static func submit(req: Request) async throws -> Response {
    let form = try req.content.decode(Form.self)
    let returnTo = ReturnPath.local(form.to)
    do {
      let staff = try await StaffLogin.authenticate(
        username: form.username ?? "", password: form.password ?? "", on: req)
      let configuration = req.application.configuration
      let (token, session) = try await SessionRepository(req.database).open(
        for: staff.identity, lifetime: configuration.sessionLifetime, now: req.now)
      let response = req.redirect(to: returnTo ?? Links.staffHome, redirectType: .normal)
      response.cookies[Cookies.session] = Cookies.signIn(
        token, lifetime: session.expiresAt.timeIntervalSince(req.now), req)
      return response
    } catch let error as ValidationError {
      let page = LoginPage.render(
        .init(username: form.username ?? "", error: error, returnTo: returnTo), try await req.pageContext())
      return .html(page, status: .unprocessableEntity)
    }
  }

  @Sendable static func logout(req: Request) async throws -> Response {
    if let token = req.cookies[Cookies.session]?.string {
      try await SessionRepository(req.database).close(token: token)
    }
    let response = req.redirect(to: Links.home, redirectType: .normal)
    response.cookies[Cookies.session] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0))
    return response
  }
}
