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

  /// How long a texted sign-up code stays good, and how many wrong tries it takes.
  static let codeLifetime: TimeInterval = 10 * 60
  static let maxCodeAttempts = 5

  /// `POST /my/signup`: checks the form, then texts a code to the number — or, when the number already has an account,
  /// a text saying so. The page answers the same either way ("a code was sent"), so it never tells a visitor whether
  /// a number is registered; the account is made when the code comes back (`confirmSignUp`).
  @Sendable static func signUp(req: Request) async throws -> Response {
    let fields = try req.content.decode([String: String].self)
    let signUp = CitizenSignUp(
      phone: fields["phone"] ?? "", name: fields["name"] ?? "", idNumber: fields["id_number"] ?? "",
      idType: IDType(rawValue: fields["id_type"] ?? IDType.residentID.rawValue), password: fields["password"] ?? "")
    let form = PortalAccountPages.SignUpForm(
      phone: signUp.phone, name: signUp.name, idNumber: signUp.idNumber, idType: fields["id_type"] ?? "")
    do {
      try signUp.validate()
    } catch {
      return .html(
        PortalAccountPages.signUp(form, errors: error.errors, try await req.pageContext()), status: .unprocessableEntity
      )
    }
    // Texts cost money and reach a person: a budget per address, and per number.
    try req.limitByAddress("sign-up", \.signUp)
    try req.limit("sign-up-phone", \.signUpPerPhone, key: signUp.phone)
    let repository = CitizenRepository(req.database)
    let county = try await req.county()
    let text: String
    if try await repository.find(phone: signUp.phone) != nil {
      text = "【\(county?.name ?? "")政务服务】您的手机号已注册网上办事账号，请直接登录。如非本人操作请忽略。"
    } else {
      let code = String(format: "%06d", Int.random(in: 0...999_999))
      let hash = try await req.application.passwordChecks.hash(signUp.password)
      try await repository.holdSignUp(
        signUp, codeHash: SecretToken.digest(code), passwordHash: hash, county: county?.code.value ?? "",
        expires: req.now.addingTimeInterval(codeLifetime))
      text = "【\(county?.name ?? "")政务服务】注册验证码 \(code)，10 分钟内有效。如非本人操作请忽略。"
    }
    try await req.application.textMessages.send(TextMessage(phone: signUp.phone, text: text), logger: req.logger)
    return .html(confirmPage(phone: signUp.phone, error: nil, try await req.pageContext(), req), status: .ok)
  }

  static func confirmPage(phone: String, error: ValidationError?, _ context: PageContext, _ req: Request) -> HTML {
    PortalAccountPages.confirmSignUp(
      phone: phone, maskedPhone: Masking.phone(phone), error: error,
      logChannel: req.application.textMessages.channel == "log", context)
  }

  /// `POST /my/signup/confirm`: the texted code makes the account and signs it in. A wrong, expired or never-sent code
  /// answer alike; five wrong tries end the held sign-up.
  @Sendable static func confirmSignUp(req: Request) async throws -> Response {
    let fields = try req.content.decode([String: String].self)
    let phone = (fields["phone"] ?? "").trimmingCharacters(in: .whitespaces)
    let code = (fields["code"] ?? "").trimmingCharacters(in: .whitespaces)
    let repository = CitizenRepository(req.database)
    let wrong = ValidationError(
      field: "code", zh: "验证码不正确或已过期，请核对短信或重新注册",
      en: "The code is wrong or has expired; check the text or sign up again")
    let found = try await req.guardedLookup("sign-up-code", budget: \.booking, target: phone) {
      () async throws -> CitizenRepository.HeldSignUp? in
      guard let held = try await repository.heldSignUp(phone: phone, now: req.now), held.attempts < maxCodeAttempts
      else { return nil }
      guard CSRFMiddleware.constantTimeEquals(SecretToken.digest(code), held.codeHash) else {
        try await repository.countWrongCode(phone: phone)
        return nil
      }
      return held
    }
    guard let held = found else {
      return .html(
        confirmPage(phone: phone, error: wrong, try await req.pageContext(), req), status: .unprocessableEntity)
    }
    let citizen: Citizen
    do {
      citizen = try await repository.confirm(held, now: req.now)
    } catch is ValidationError {
      // Registered meanwhile (two sign-ups raced): the same answer as a wrong code.
      return .html(
        confirmPage(phone: phone, error: wrong, try await req.pageContext(), req), status: .unprocessableEntity)
    }
    return try await signedIn(citizen, to: Links.myCases, req)
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
