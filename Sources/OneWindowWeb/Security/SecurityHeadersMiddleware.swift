import OneWindowDomain
import OneWindowStore
import Vapor

/// The headers every answer carries (ASVS 14.4): no framing by other sites, no content sniffing, no full URLs (which may
/// hold a case number and a phone) sent to other sites, and a content security policy that runs only this site's own
/// scripts — the inline ones a page needs carry the request's nonce (`Request.scriptNonce`).
///
/// It is also the last guard on redirects: a `Location` that is not a local path (`ReturnPath`) or an absolute URL this
/// app built is replaced by the home page, so no header a client's input reached can split the answer.
///
/// A future-based middleware: it awaits nothing (see `RequestLogMiddleware`).
struct SecurityHeadersMiddleware: Middleware {
  func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
    next.respond(to: request).map { response in
      Self.apply(to: response, for: request)
      return response
    }
  }

  static func apply(to response: Response, for request: Request) {
    let headers = response.headers
    if let location = headers.first(name: .location), !Self.isSafeLocation(location) {
      request.logger.warning("unsafe Location header replaced (\(location.utf8.count) bytes)")
      response.headers.replaceOrAdd(name: .location, value: "/")
    }
    response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
    if request.url.path.hasPrefix("/api/") {
      // JSON is never a document: the short policy says so (every case write pays for these bytes).
      response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
      response.headers.replaceOrAdd(
        name: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'")
    } else {
      // The hall display is framed by the hall's own kiosk shell at most; nothing else may be framed at all.
      let frameable = request.url.path.hasPrefix("/hall/sites/") && request.url.path.hasSuffix("/display")
      response.headers.replaceOrAdd(name: "X-Frame-Options", value: frameable ? "SAMEORIGIN" : "DENY")
      response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
      response.headers.replaceOrAdd(name: "Cross-Origin-Opener-Policy", value: "same-origin")
      response.headers.replaceOrAdd(
        name: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()")
      let scripts = request.existingScriptNonce.map { "'self' 'nonce-\($0)'" } ?? "'self'"
      response.headers.replaceOrAdd(
        name: "Content-Security-Policy",
        value: "default-src 'self'; script-src \(scripts); style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
          + "frame-ancestors \(frameable ? "'self'" : "'none'")")
    }
    if request.url.path.hasPrefix("/api/") || request.staffSession != nil {
      // Answers about people are not for shared caches or the browser's back button after sign-out.
      if !response.headers.contains(name: .cacheControl) {
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
      }
    }
  }

  /// A local path, or an absolute http(s) URL with no control characters or whitespace (the public URL the app is
  /// configured with builds those).
  static func isSafeLocation(_ value: String) -> Bool {
    if ReturnPath.local(value) != nil { return true }
    guard value.hasPrefix("https://") || value.hasPrefix("http://") else { return false }
    return !value.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" }
  }
}

extension Request {
  private struct ScriptNonceKey: StorageKey {
    typealias Value = String
  }

  /// A fresh random value for this answer's inline scripts (`<script nonce=…>`), made on first use.
  var scriptNonce: String {
    if let nonce = storage[ScriptNonceKey.self] { return nonce }
    let nonce = SecretToken.make()
    storage[ScriptNonceKey.self] = nonce
    return nonce
  }

  var existingScriptNonce: String? { storage[ScriptNonceKey.self] }
}
