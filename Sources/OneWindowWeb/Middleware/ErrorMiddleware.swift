import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// Turns every error into an answer in the user's language: JSON `{"error":{code,message,field}}`
/// under `/api`, an HTML page elsewhere. Internal details go to the log, never to the client.
///
/// A future-based middleware, not an `AsyncMiddleware`: Vapor starts a `Task` for every async middleware on every
/// request, and this one has async work (the error page's context) only when something failed.
struct ErrorMiddleware: Middleware {
  struct Body: Content {
    struct Detail: Content {
      let code: String
      let message: String
      let field: String?
    }
    let error: Detail
  }

  func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
    next.respond(to: request).flatMapError { error in
      request.eventLoop.makeFutureWithTask { try await Self.answer(error, to: request) }
    }
  }

  /// What the user sees for `error`.
  static func answer(_ error: any Error, to request: Request) async throws -> Response {
    if let abort = error as? Abort, abort.status.code / 100 == 3, abort.headers.first(name: .location) != nil {
      // A page that needs a portal sign-in sends the visitor there: a redirect, not an error page.
      return Response(status: abort.status, headers: abort.headers)
    }
    let fault = DatabaseFault(error)
    let failure: AppError
    if let fault {
      // An outage or a full disk: one log line per incident, not per request, and an answer to retry.
      request.application.databaseIncidents.record(fault, error, logger: request.logger)
      failure = .database(fault)
    } else {
      failure = Self.describe(error)
    }
    if failure.status == .internalServerError {
      request.logger.error("unhandled: \(String(reflecting: error))")
    }
    request.application.metrics.errorAnswered(code: failure.code)
    let message = failure.message.text(request.language)
    if request.url.path.hasPrefix("/api/") {
      let response = Response(status: failure.status)
      try response.content.encode(
        Body(error: .init(code: failure.code, message: message, field: failure.field)), as: .json)
      if failure.status == .unauthorized {
        response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
      }
      if let retry = failure.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(retry)) }
      return response
    }
    if failure.status == .unauthorized, request.method == .GET {
      return request.redirect(to: Links.login + "?to=" + Links.percentEncodePath(request.url.path))
    }
    // The full error page reads the database (the county, the signed-in user): not while it is failing.
    let context = fault == nil ? try? await request.pageContext() : nil
    let response: Response
    if let context {
      let page = ErrorPage.render(
        status: Int(failure.status.code), message: message,
        requestID: request.logger[metadataKey: "request-id"].map { "\($0)" }, context)
      response = .html(page, status: failure.status)
    } else {
      response = Response(status: failure.status, body: .init(string: Self.plainPage(message, request.language)))
      response.headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
    }
    if let retry = failure.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(retry)) }
    return response
  }

  /// A page with one message and nothing read from the database, for answers while it or the server is failing;
  /// it reloads itself after a few seconds.
  static func plainPage(_ message: String, _ language: Language) -> String {
    let text = HTML.escape(message)
    return """
      <!doctype html><html lang="\(language == .en ? "en" : "zh-CN")"><meta charset="utf-8">\
      <meta name="viewport" content="width=device-width, initial-scale=1"><title>\(text)</title>\
      <meta http-equiv="refresh" content="5"><p style="font: 1.25rem sans-serif; margin: 2rem">\(text)</p></html>
      """
  }

  static func describe(_ error: any Error) -> AppError {
    switch error {
    case let error as AppError:
      return error
    case let error as ValidationError:
      return AppError(.unprocessableEntity, code: "invalid_field", message: error.message, field: error.field)
    case let error as ValidationErrors where !error.errors.isEmpty:
      let first = error.errors[0]
      return AppError(.unprocessableEntity, code: "invalid_field", message: first.message, field: first.field)
    case let error as RetirementRefused:
      return AppError(.conflict, code: "retirement_refused", message: error.reason)
    case let error as CaseError:
      switch error {
      case .illegalStep: return AppError(.conflict, code: "illegal_step", message: error.message)
      case .conflict: return AppError(.conflict, code: "version_conflict", message: error.message)
      case .forbidden(let reason): return .forbidden(reason)
      case .invalid(let field):
        return AppError(.unprocessableEntity, code: "invalid_field", message: field.message, field: field.field)
      }
    case let error as StoreNotFound:
      switch error {
      case .caseNumber(let number):
        return .notFound(LocalizedText(zh: "没有办件「\(number)」", en: "No case \(number)"))
      case .item(let code):
        return .notFound(LocalizedText(zh: "没有事项「\(code)」", en: "No item \(code)"))
      case .record(let what):
        return .notFound(what)
      }
    case let error as DecodingError:
      return AppError(
        .badRequest, code: "bad_request",
        message: LocalizedText(
          zh: "请求内容格式不正确：\(error.fieldName)", en: "The request body is malformed: \(error.fieldName)"),
        field: error.fieldName)
    case let error as any AbortError:
      switch error.status {
      case .notFound:
        return .notFound(LocalizedText(zh: "您要找的页面不存在", en: "There is no such page"))
      case .unauthorized:
        return .unauthenticated
      case .payloadTooLarge:
        return AppError(
          error.status, code: "too_large", message: LocalizedText(zh: "提交内容过大", en: "The request is too large"))
      default:
        return AppError(
          error.status, code: "http_\(error.status.code)",
          message: LocalizedText(zh: "请求无法处理：\(error.reason)", en: error.reason))
      }
    default:
      return AppError(
        .internalServerError, code: "internal",
        message: LocalizedText(zh: "系统内部错误，请稍后重试", en: "Internal error; please try again"))
    }
  }
}

extension DecodingError {
  /// The JSON or form field the decoder stumbled on.
  var fieldName: String {
    let path: [any CodingKey]
    switch self {
    case .keyNotFound(let key, let context): path = context.codingPath + [key]
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      path = context.codingPath
    @unknown default: path = []
    }
    return path.map(\.stringValue).joined(separator: ".")
  }
}
