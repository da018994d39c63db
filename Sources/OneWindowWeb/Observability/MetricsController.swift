import OneWindowDomain
import Vapor

/// `GET /metrics` for Prometheus. The figures say how busy the center is and where cases stand, so not everyone may
/// read them: with `ONEWINDOW_METRICS_TOKEN` set, the scraper sends it as a bearer token; without it, only a
/// scraper on this machine (a loopback peer that no proxy forwarded) is answered. Reading the database is bounded by
/// `ServerMetrics.readingInterval`, however often it is scraped.
enum MetricsController {
  @Sendable static func scrape(req: Request) async throws -> Response {
    guard allowed(req, token: req.application.configuration.metricsToken) else {
      throw AppError.forbidden(
        LocalizedText(
          zh: "监控指标仅向持有 ONEWINDOW_METRICS_TOKEN 的采集器或本机开放",
          en: "Metrics are open to a scraper with ONEWINDOW_METRICS_TOKEN, or on this machine only"))
    }
    let metrics = req.application.metrics
    await metrics.refreshReadings(req.application, db: req.database, now: req.now, logger: req.logger)
    let response = Response(status: .ok, body: .init(buffer: ByteBuffer(bytes: metrics.registry.emitToBuffer())))
    response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
    response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
    return response
  }

  static func allowed(_ req: Request, token: String?) -> Bool {
    if let token {
      guard let sent = req.headers.bearerAuthorization?.token else { return false }
      return CSRFMiddleware.constantTimeEquals(sent, token)
    }
    let forwarded = ["X-Forwarded-For", "Forwarded", "X-Real-IP"].contains { req.headers.first(name: $0) != nil }
    guard !forwarded, let peer = req.remoteAddress?.ipAddress else { return false }
    return peer == "127.0.0.1" || peer == "::1" || peer.hasPrefix("127.") || peer == "::ffff:127.0.0.1"
  }
}
