/// The county's rating rules (RULES.md: local settings): when an unrated case counts as rated, and the
/// rectification deadlines in working days from the negative rating.
public struct EvaluationPolicy: Sendable, Hashable, Codable {
  /// Calendar days after conclusion before an unrated case counts as `defaultLevel` (Guangdong: 7, 基本满意).
  public var defaultAfterDays: Int
  public var defaultLevel: EvaluationLevel
  /// 回访: the service team verifies and calls back within this many working days (default 1).
  public var callBackWorkdays: Int
  /// 整改: the fix and the result told within this many working days (Sichuan 15; other provinces 5).
  public var fixWorkdays: Int

  public init(
    defaultAfterDays: Int = 7, defaultLevel: EvaluationLevel = .fairlySatisfied, callBackWorkdays: Int = 1,
    fixWorkdays: Int = 15
  ) {
    self.defaultAfterDays = defaultAfterDays
    self.defaultLevel = defaultLevel
    self.callBackWorkdays = callBackWorkdays
    self.fixWorkdays = fixWorkdays
  }

  public static let standard = EvaluationPolicy()
}
