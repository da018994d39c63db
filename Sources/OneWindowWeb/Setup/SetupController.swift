import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// `/setup`: the first run. Open to anyone while no county exists (the setup code is the proof), gone afterwards.
enum SetupController {
  /// `GET /setup`
  @Sendable static func show(req: Request) async throws -> Response {
    guard try await req.application.setupState.needed(req.database) else { return req.redirect(to: Links.login) }
    return try await SetupPage.render(.init(), req.pageContext()).encodeResponse(for: req)
  }

  /// `POST /setup`: checks every field (all problems at once), then creates the county and its administrator and
  /// signs the administrator in. A wrong setup code counts as a guess, throttled like any guessed secret.
  @Sendable static func submit(req: Request) async throws -> Response {
    let state = req.application.setupState
    guard try await state.needed(req.database) else {
      throw AppError.notFound(LocalizedText(zh: "本系统已完成首次设置", en: "This system is set up already"))
    }
    let fields = try req.content.decode([String: String].self)
    let setup = CountySetup(
      countyCode: fields["county_code"] ?? "", countyName: fields["county_name"] ?? "",
      timeZone: fields["time_zone"] ?? "", adminUsername: fields["admin_username"] ?? "",
      adminName: fields["admin_name"] ?? "", password: fields["password"] ?? "")
    var errors: [ValidationError] = []
    let codeMatches = try await req.guardedLookup("setup", budget: \.signUp, target: "setup") {
      state.matches(fields["setup_code"] ?? "") ? true : nil
    }
    if codeMatches == nil {
      errors.append(
        ValidationError(field: "setup_code", zh: "设置码不对，请查看服务器启动日志", en: "Wrong setup code; see the server's log"))
    }
    errors += setup.problems(policy: req.application.configuration.loginPolicy)
    if (fields["password"] ?? "") != (fields["password_again"] ?? "") {
      errors.append(ValidationError(field: "password_again", zh: "两次输入的密码不一致", en: "The passwords differ"))
    }
    var input = fields
    input["password"] = nil
    input["password_again"] = nil
    guard errors.isEmpty else {
      return .html(
        SetupPage.render(.init(input: input, errors: errors), try await req.pageContext()),
        status: .unprocessableEntity)
    }
    let hash = try await req.application.passwordChecks.hash(setup.password)
    let admin: StaffIdentity
    do {
      admin = try await DirectoryRepository(req.database).setUp(setup, passwordHash: hash, now: req.now)
    } catch is DirectoryRepository.AlreadySetUp {
      throw AppError.notFound(LocalizedText(zh: "本系统已完成首次设置", en: "This system is set up already"))
    }
    state.markDone()
    req.application.forgetCounties()
    req.logger.notice("first run done: county \(setup.countyCode) \(setup.countyName), administrator \(admin.username)")
    let configuration = req.application.configuration
    let (token, session) = try await SessionRepository(req.database).open(
      for: admin, lifetime: configuration.sessionLifetime, now: req.now)
    let response = req.redirect(to: Links.adminDirectory, redirectType: .normal)
    response.cookies[Cookies.session] = Cookies.signIn(
      token, lifetime: session.expiresAt.timeIntervalSince(req.now), req)
    return response
  }
}
