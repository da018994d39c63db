import OneWindowDomain
import OneWindowStore
import Vapor

/// Checks a username and password, with the lockout policy. Shared by the login page and the API.
enum StaffLogin {
  /// A hash to verify against when the username is unknown, so both cases take the same time.
  private static let decoyHash: String = (try? Bcrypt.hash("decoy-\(UUID().uuidString)")) ?? ""

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
    let policy = request.application.configuration.loginPolicy
    let repository = StaffRepository(request.database)
    let now = request.now
    let wrong = ValidationError(
      field: "password", zh: "用户名或密码不正确", en: "Wrong username or password")
    guard let staff = try await repository.find(username: username) else {
      _ = try? await request.password.async.verify(password, created: decoyHash)
      throw wrong
    }
    if staff.isLocked(at: now), let until = staff.lockedUntil {
      let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
      throw ValidationError(
        field: "password",
        zh: "连续登录失败次数过多，账号已锁定，请 \(minutes) 分钟后再试",
        en: "Too many failed attempts; the account is locked for \(minutes) more minutes")
    }
    guard try await request.password.async.verify(password, created: staff.passwordHash) else {
      try await repository.recordFailedLogin(id: staff.identity.id, policy: policy, now: now)
      throw wrong
    }
    guard !staff.isDisabled else {
      throw ValidationError(
        field: "username", zh: "该账号已停用，请联系中心管理员",
        en: "This account is disabled; ask the center's administrator")
    }
    try await repository.recordSuccessfulLogin(id: staff.identity.id)
    request.logger.info("staff signed in: \(staff.identity.username)")
    return staff
  }
}
