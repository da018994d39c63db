import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// Portal accounts: sign up, sign in and out with a mobile number and a password (cookie `ow_citizen`).
enum PortalAccountController {
  static let cookie = "ow_citizen"
  static let lifetime: TimeInterval = 7 * 24 * 3600

  /// The signed-in citizen, if any.
  static func citizen(_ req: Request) async throws -> Citizen? {
    guard let token = req.cookies[cookie]?.string else { return nil }
    return try await CitizenRepository(req.database).session(token: token, now: req.now)
  }

  /// The signed-in citizen, or a redirect to the sign-in page that comes back here.
  static func requireCitizen(_ req: Request) async throws -> Citizen {
    guard let citizen = try await citizen(req) else {
      throw Abort.redirect(to: Links.portalLogin + Links.query([("to", req.url.string)]))
    }
    return citizen
  }

  @Sendable static func signUpForm(req: Request) async throws -> HTML {
    PortalAccountPages.signUp(.init(), errors: [], try await req.pageContext())
  }

  @Sendable static func signUp(req: Request) async throws -> Response {
    let fields = try req.content.decode([String: String].self)
    let signUp = CitizenSignUp(
      phone: fields["phone"] ?? "", name: fields["name"] ?? "", idNumber: fields["id_number"] ?? "",
      password: fields["password"] ?? "")
    let form = PortalAccountPages.SignUpForm(phone: signUp.phone, name: signUp.name, idNumber: signUp.idNumber)
    do {
      try req.limitByAddress("sign-up", \.signUp)
      try signUp.validate()
      let hash = try await req.application.passwordChecks.hash(signUp.password)
      let county = try await req.county()?.code.value ?? ""
      let citizen = try await CitizenRepository(req.database).create(
        signUp, passwordHash: hash, county: county, now: req.now)
      return try await signedIn(citizen, to: Links.myCases, req)
    } catch let error as ValidationErrors {
      return .html(
        PortalAccountPages.signUp(form, errors: error.errors, try await req.pageContext()), status: .unprocessableEntity
      )
    } catch let error as ValidationError {
      return .html(
        PortalAccountPages.signUp(form, errors: [error], try await req.pageContext()), status: .unprocessableEntity)
    }
  }

  @Sendable static func loginForm(req: Request) async throws -> HTML {
    PortalAccountPages.login(
      phone: "", error: nil, returnTo: ReturnPath.local(req.query[String.self, at: "to"]),
      try await req.pageContext())
  }

  @Sendable static func login(req: Request) async throws -> Response {
    let fields = try req.content.decode([String: String].self)
    let phone = (fields["phone"] ?? "").trimmingCharacters(in: .whitespaces)
    let returnTo = ReturnPath.local(fields["to"])
    let wrong = ValidationError(field: "password", zh: "手机号或密码不正确", en: "Wrong number or password")
    // The same growing delay, message and time whether the number is registered or not (see `StaffLogin`).
    let guardian = SignInGuard(account: "citizen:" + phone, request: req)
    try guardian.checkWait()
    let found = try await CitizenRepository(req.database).find(phone: phone)
    guard try await req.application.passwordChecks.verify(fields["password"] ?? "", hash: found?.1), let found else {
      guardian.failed()
      return .html(
        PortalAccountPages.login(phone: phone, error: wrong, returnTo: returnTo, try await req.pageContext()),
        status: .unprocessableEntity)
    }
    guardian.succeeded()
    return try await signedIn(found.0, to: returnTo ?? Links.myCases, req)
  }

  @Sendable static func logout(req: Request) async throws -> Response {
    if let token = req.cookies[cookie]?.string { try await CitizenRepository(req.database).closeSession(token: token) }
    let response = req.redirect(to: Links.home, redirectType: .normal)
    response.cookies[cookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0))
    return response
  }

  private static func signedIn(_ citizen: Citizen, to path: String, _ req: Request) async throws -> Response {
    let county = try await req.county()?.code.value ?? ""
    let token = try await CitizenRepository(req.database).openSession(
      for: citizen, lifetime: lifetime, county: county, now: req.now)
    let response = req.redirect(to: path, redirectType: .normal)
    response.cookies[cookie] = Cookies.signIn(token, lifetime: lifetime, req)
    return response
  }
}
