import Vapor

/// One log line per request, with its request id, status and duration, and the request counted in the server's
/// metrics (`ServerMetrics`). The id comes from the client's `X-Request-Id` when it sent a sane one, and goes back in
/// the response.
/// Query strings are left out: they may hold phone or ID numbers.
///
/// A future-based middleware, not an `AsyncMiddleware`: it awaits nothing, and Vapor starts a `Task` for every async
/// middleware on every request.
struct RequestLogMiddleware: Middleware {
  func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
    let started = ContinuousClock.now
    let id = Self.requestID(from: request.headers.first(name: "X-Request-Id"))
    request.logger[metadataKey: "request-id"] = .string(id)
    let metrics = request.application.metrics
    metrics.requestStarted()
    return next.respond(to: request).flatMapErrorThrowing { error in
      request.logger.warning("\(request.method) \(request.url.path) failed: \(String(reflecting: error))")
      metrics.requestFinished(request, status: .internalServerError, elapsed: ContinuousClock.now - started)
      throw error
    }.map { response in
      response.headers.replaceOrAdd(name: "X-Request-Id", value: id)
      let elapsed = ContinuousClock.now - started
      metrics.requestFinished(request, status: response.status, elapsed: elapsed)
      let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
      request.logger.info(
        "\(request.method) \(request.url.path) \(response.status.code) \(String(format: "%.1f", ms))ms")
      return response
    }
  }

  static func requestID(from header: String?) -> String {
    if let header, (8...64).contains(header.count),
      header.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
    {
      return header
    }
    return UUID().uuidString.lowercased()
  }
}
