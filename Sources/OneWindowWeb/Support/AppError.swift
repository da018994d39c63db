import OneWindowDomain
import Vapor

/// An error with a stable machine code (for the API) and a message in both UI languages.
public struct AppError: Error, Sendable {
  public let status: HTTPResponseStatus
  public let code: String
  public let message: LocalizedText
  public let field: String?
  /// Seconds the client should wait before trying again (`Retry-After`), for 429 and 503 answers.
  public var retryAfter: Int?

  public init(
    _ status: HTTPResponseStatus, code: String, message: LocalizedText, field: String? = nil, retryAfter: Int? = nil
  ) {
    self.status = status
    self.code = code
    self.message = message
    self.field = field
    self.retryAfter = retryAfter
  }

  /// Too many attempts or requests: the same answer whatever was tried, with the wait.
  static func tooManyRequests(retryAfter seconds: Int) -> AppError {
    let minutes = (seconds + 59) / 60
    let wait = seconds < 60 ? "\(seconds) 秒" : "\(minutes) 分钟"
    let waitEN = seconds < 60 ? "\(seconds) seconds" : "\(minutes) minutes"
    return AppError(
      .tooManyRequests, code: "too_many_requests",
      message: LocalizedText(zh: "操作过于频繁，请 \(wait)后再试", en: "Too many attempts; try again in \(waitEN)"),
      retryAfter: max(1, seconds))
  }

  /// Password checking is at capacity: try again in a moment.
  static let busy = AppError(
    .tooManyRequests, code: "busy",
    message: LocalizedText(zh: "登录人数较多，请稍后再试", en: "Many sign-ins at once; try again in a moment"),
    retryAfter: 1)

  static let unauthenticated = AppError(
    .unauthorized, code: "unauthenticated",
    message: LocalizedText(zh: "请先登录", en: "Sign in first"))

  static func forbidden(_ message: LocalizedText) -> AppError {
    AppError(.forbidden, code: "forbidden", message: message)
  }

  static let csrf = AppError(
    .forbidden, code: "csrf",
    message: LocalizedText(
      zh: "表单已过期，请刷新页面后重新提交", en: "The form has expired; reload the page and submit again"))

  static func notFound(_ message: LocalizedText = LocalizedText(zh: "未找到", en: "Not found")) -> AppError {
    AppError(.notFound, code: "not_found", message: message)
  }
}
