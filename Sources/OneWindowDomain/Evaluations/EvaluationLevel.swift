/// 好差评的五级评价 (国办发〔2019〕51号): 非常满意 … 非常不满意. The raw value is the level's code as reported.
public enum EvaluationLevel: Int, Sendable, Codable, CaseIterable, Comparable {
  case verySatisfied = 5
  case satisfied = 4
  case fairlySatisfied = 3
  case dissatisfied = 2
  case veryDissatisfied = 1

  public static func < (a: EvaluationLevel, b: EvaluationLevel) -> Bool { a.rawValue < b.rawValue }

  public var name: LocalizedText {
    switch self {
    case .verySatisfied: LocalizedText(zh: "非常满意", en: "Very satisfied")
    case .satisfied: LocalizedText(zh: "满意", en: "Satisfied")
    case .fairlySatisfied: LocalizedText(zh: "基本满意", en: "Fairly satisfied")
    case .dissatisfied: LocalizedText(zh: "不满意", en: "Dissatisfied")
    case .veryDissatisfied: LocalizedText(zh: "非常不满意", en: "Very dissatisfied")
    }
  }

  /// 差评: opens a rectification.
  public var isNegative: Bool { rawValue <= 2 }
  /// 好评 (好评率 counts these).
  public var isPositive: Bool { rawValue >= 4 }

  /// The level's weight in the 整体满意度 score (100 for 非常满意 down to 20 for 非常不满意).
  public var weight: Int { rawValue * 20 }

  /// Parses a posted level (its code 1–5), naming `field` when it is missing or unknown.
  public static func parse(_ raw: String?, field: String = "level") throws(ValidationError) -> EvaluationLevel {
    guard let raw, let code = Int(raw.trimmingCharacters(in: .whitespaces)), let level = EvaluationLevel(rawValue: code)
    else {
      throw ValidationError(field: field, zh: "请选择满意程度", en: "Choose how satisfied you are")
    }
    return level
  }
}
