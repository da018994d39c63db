/// Checks shared by the directory's records: names and phone numbers as a clerk types them.
public enum DirectoryText {
  /// A name of 1–60 characters after trimming.
  public static func name(_ value: String, field: String, what: LocalizedText, limit: Int = 60) -> [ValidationError] {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty {
      return [ValidationError(field: field, zh: "请填写\(what.zh)", en: "Enter \(what.en)")]
    }
    if trimmed.count > limit {
      return [
        ValidationError(field: field, zh: "\(what.zh)不超过 \(limit) 字", en: "\(what.en) has at most \(limit) characters")
      ]
    }
    return []
  }

  /// A phone number as printed for the public: digits with optional `-`, `+`, spaces and brackets, 5–20 long.
  public static func phone(_ value: String, field: String, required: Bool) -> [ValidationError] {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty {
      return required ? [ValidationError(field: field, zh: "请填写联系电话", en: "Enter a phone number")] : []
    }
    let digits = trimmed.filter(\.isNumber).count
    let allowed = trimmed.allSatisfy { $0.isASCII && ($0.isNumber || "-+() ".contains($0)) }
    guard allowed, (5...20).contains(digits) else {
      return [
        ValidationError(
          field: field, zh: "电话号码只能含数字和 - + ( )，如 0797-1234567", en: "A phone number holds digits and - + ( ) only")
      ]
    }
    return []
  }
}
