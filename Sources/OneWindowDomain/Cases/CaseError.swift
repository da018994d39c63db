/// Why a step on a case was not taken. Nothing changed.
public enum CaseError: Error, Sendable, Hashable {
  /// The step is not legal in the case's state.
  case illegalStep(CaseStep, CaseState)
  /// The actor may not take this step on this case.
  case forbidden(LocalizedText)
  /// A field of the step is missing or wrong.
  case invalid(ValidationError)
  /// Another action changed the case first (optimistic concurrency).
  case conflict(expected: Int, actual: Int)

  public var message: LocalizedText {
    switch self {
    case .illegalStep(let step, let state):
      LocalizedText(
        zh: "办件当前状态为「\(state.name.zh)」，不能执行「\(step.name.zh)」",
        en: "A case in state '\(state.name.en)' cannot take the step '\(step.name.en)'")
    case .forbidden(let reason): reason
    case .invalid(let error): error.message
    case .conflict(let expected, let actual):
      LocalizedText(
        zh: "办件已被他人处理（版本 \(expected) → \(actual)），请刷新后重试",
        en: "Someone else changed the case first (version \(expected) → \(actual)); reload and try again")
    }
  }
}
