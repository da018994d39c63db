import OneWindowDomain
import OneWindowStore
import Vapor

/// Checks a username and password. Shared by the login page and the API.
///
/// Wrong, unknown and throttled answer alike whatever the account: one message for a wrong name or password, the same
/// time for both (`PasswordChecks` verifies a decoy for an unknown name), and the same growing delay
/// (`SignInGuard`) for any name, existing or not — no hard lock anyone could set off.
enum StaffLogin {
  static func authenticate(username rawUsername: String, password: String, on request: Request)
    async throws -> StaffRecord
  {
    let username = rawUsername.trimmingCharacters(in: .whitespaces).lowercased()
    guard !username.isEmpty else {
      throw ValidationError(field: "username", zh: "请输入用户名", en: "Enter your username")
    }
    guard !password.isEmpty else {
      throw ValidationError(field: "password", zh: "请输入密码", en: "Enter your password")
    }
    let guardian = SignInGuard(account: "staff:" + username, request: request)
    try guardian.checkWait()
    let repository = StaffRepository(request.database)
    let staff = try await repository.find(username: username)
    guard try await request.application.passwordChecks.verify(password, hash: staff?.passwordHash), let staff else {
      guardian.failed()
      if let staff { try await repository.recordFailedLogin(id: staff.identity.id) }
      throw ValidationError(field: "password", zh: "用户名或密码不正确", en: "Wrong username or password")
    }
    guard !staff.isDisabled else {
      throw ValidationError(
        field: "username", zh: "该账号已停用，请联系中心管理员",
        en: "This account is disabled; ask the center's administrator")
    }
    guardian.succeeded()
    try await repository.recordSuccessfulLogin(id: staff.identity.id)
    request.logger.info("staff signed in: \(staff.identity.username)")
    return staff
  }
}

/// The growing delay after failed sign-ins, per account and per client address (`AttemptThrottle`), for staff and
/// portal sign-ins alike.
struct SignInGuard {
  let accountKey: String
  let addressKey: String
  let request: Request

  init(account: String, request: Request) {
    accountKey = "signin:" + account
    addressKey = "signin-address:" + request.clientAddress
    self.request = request
  }

  /// A 429 with the wait while either key must still wait.
  func checkWait() throws {
    let throttles = request.application.throttles
    let wait = max(
      throttles.wait(accountKey, .account, now: request.now), throttles.wait(addressKey, .address, now: request.now))
    guard wait <= 0 else {
      request.logger.warning("sign-in throttled (wait \(Int(wait.rounded(.up))) s)")
      throw AppError.tooManyRequests(retryAfter: Int(wait.rounded(.up)))
    }
  }

  func failed() {
    request.application.throttles.failed(accountKey, .account, now: request.now)
    request.application.throttles.failed(addressKey, .address, now: request.now)
  }

  func succeeded() {
    request.application.throttles.succeeded(accountKey)
  }
}
