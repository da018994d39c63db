import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

extension Request {
  /// The UI language: the `ow_lang` cookie the switch sets; else, for API clients, `Accept-Language`;
  /// else Chinese (a county portal speaks Chinese first, whatever the browser was set to).
  public var language: Language {
    if let cookie = cookies[Cookies.language]?.string { return Language(code: cookie) }
    if url.path.hasPrefix("/api/") { return Language(code: headers.first(name: .acceptLanguage)) }
    return .zh
  }

  /// Where the language and 大字模式 switches come back to: this page with its query (the item of a form, a search, a
  /// status look-up), for a GET. For a form shown again after a POST, the form's own page for the same item or
  /// bundle (the fields typed so far come back through the page script, not the link).
  var returnPath: String {
    guard method == .GET else {
      let subject = [("item_code", "item"), ("bundle_id", "bundle")].compactMap { field, name -> (String, String?)? in
        (try? content.get(String.self, at: field)).map { (name, $0) }
      }
      return subject.isEmpty ? url.path : ReturnPath.local(url.path + Links.query(subject)) ?? url.path
    }
    guard let query = url.query, !query.isEmpty else { return url.path }
    return ReturnPath.local(url.path + "?" + query) ?? url.path
  }

  /// The context every page is rendered with.
  func pageContext() async throws -> PageContext {
    var context = PageContext(
      language: language, staff: staffSession?.staff, csrfToken: csrfToken, path: returnPath,
      countyName: try await county()?.name ?? "", largeText: cookies[Cookies.textSize]?.string == "large",
      scriptNonce: scriptNonce)
    if staffSession?.city != nil {
      context.countyLink = Links.city
    } else if staffSession == nil, try await application.counties(on: database).count > 1 {
      context.countyLink = Links.counties + Links.query([("to", returnPath)])
    }
    return context
  }

  /// The county this request is about. A deployment may serve several (a city's districts): a signed-in staff member
  /// works in their own county (a city administrator in the one they chose); a visitor in the one they picked on
  /// `/counties`; anyone else in the first. Nil before the first run.
  func county() async throws -> Region? {
    if let own = staff?.scope.regionCode.county.value {
      return try await application.counties(on: database, including: own).first { $0.code.value == own }
    }
    let counties = try await application.counties(on: database)
    if counties.count > 1, let picked = cookies[Cookies.county]?.string,
      let county = counties.first(where: { $0.code.value == picked })
    {
      return county
    }
    return counties.first
  }
}

/// Cookie names, in one place.
enum Cookies {
  /// A sign-in cookie (staff or portal) for `lifetime` seconds. Max-Age, not Expires: the browser counts it on its own
  /// clock, so a server whose clock is set elsewhere (ONEWINDOW_CLOCK for training, or a skewed one) does not hand out
  /// cookies that are already expired.
  static func signIn(_ token: String, lifetime: TimeInterval, _ req: Request) -> HTTPCookies.Value {
    HTTPCookies.Value(
      string: token, maxAge: Int(lifetime), isSecure: req.application.configuration.secureCookies, isHTTPOnly: true,
      sameSite: .lax)
  }

  static let session = "ow_session"
  static let csrf = "ow_csrf"
  static let language = "ow_lang"
  static let textSize = "ow_text"
  /// The county a visitor picked, when the deployment serves several.
  static let county = "ow_county"
}
