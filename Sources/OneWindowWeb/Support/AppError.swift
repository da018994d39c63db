import OneWindowDomain
import Vapor

/// An error with a stable machine code (for the API) and a message in both UI languages.
public struct AppError: Error, Sendable {
  public let status: HTTPResponseStatus
  public let code: String
  public let message: LocalizedText
  public let field: String?

  public init(_ status: HTTPResponseStatus, code: String, message: LocalizedText, field: String? = nil) {
    self.status = status
    self.code = code
    self.message = message
    self.field = field
  }

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
