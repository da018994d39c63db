import OneWindowDomain

/// What every page needs besides its own data: the language, who is signed in, the form token,
/// and the current path (for the language switch).
public struct PageContext: Sendable {
  public let language: Language
  public let staff: StaffIdentity?
  /// The CSRF token every form on the page must carry.
  public let csrfToken: String
  public let path: String
  /// The name of the county the deployment serves, shown in the header.
  public let countyName: String
  /// 大字模式 (适老化): larger type and controls for older applicants and clerks.
  public let largeText: Bool
  /// Where the county's name in the header leads to choose another: the city overview for a city account, the county
  /// list for a visitor of a deployment that serves several; nil when there is nothing to choose.
  public var countyLink: String? = nil
  /// This answer's content-security-policy nonce: inline scripts run only when they carry it (`Layout.script`).
  public let scriptNonce: String

  public init(
    language: Language, staff: StaffIdentity?, csrfToken: String, path: String,
    countyName: String, largeText: Bool = false, scriptNonce: String = ""
  ) {
    self.largeText = largeText
    self.scriptNonce = scriptNonce
    self.language = language
    self.staff = staff
    self.csrfToken = csrfToken
    self.path = path
    self.countyName = countyName
  }

  /// Picks the text for the page's language.
  public func t(_ zh: String, _ en: String) -> String {
    language == .zh ? zh : en
  }

  public func t(_ text: LocalizedText) -> String {
    text.text(language)
  }

  /// A label followed by its colon, in the page's typography: "地址：" or "Address: ".
  public func label(_ zh: String, _ en: String) -> String {
    language == .zh ? zh + "：" : en + ": "
  }

  /// The hidden field that carries the CSRF token in a form.
  public var csrfField: HTML {
    "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrfToken)\">"
  }
}
