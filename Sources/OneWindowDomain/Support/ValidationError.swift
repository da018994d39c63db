/// Bad input: names the field and says what is wrong, in both UI languages.
public struct ValidationError: Error, Sendable, Hashable {
  /// The input field's name as the form or the JSON body spells it.
  public let field: String
  public let message: LocalizedText

  public init(field: String, message: LocalizedText) {
    self.field = field
    self.message = message
  }

  public init(field: String, zh: String, en: String) {
    self.init(field: field, message: LocalizedText(zh: zh, en: en))
  }
}

/// Several field errors found in one pass, so a form can show all of them at once.
public struct ValidationErrors: Error, Sendable {
  public let errors: [ValidationError]

  public init(_ errors: [ValidationError]) {
    self.errors = errors
  }
}
