/// The languages the UI speaks. Simplified Chinese first, English available.
public enum Language: String, Sendable, CaseIterable, Codable {
  case zh
  case en

  /// The BCP 47 tag used in `<html lang>`.
  public var tag: String { self == .zh ? "zh-CN" : "en" }

  /// Reads a language from a cookie, query or `Accept-Language` value; anything unknown is Chinese.
  public init(code: String?) {
    let lowered = (code ?? "").lowercased()
    self = lowered.hasPrefix("en") ? .en : .zh
  }
}

/// A text in both UI languages, so domain errors can be shown in the user's language.
public struct LocalizedText: Sendable, Hashable, Codable {
  public let zh: String
  public let en: String

  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  public func text(_ language: Language) -> String {
    language == .zh ? zh : en
  }
}
