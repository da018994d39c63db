import Foundation

/// 申诉复核: a staff member the rating is about says it is misjudged or malicious, with evidence; a supervisor, who is
/// not the one appealing, upholds the rating or voids it, giving the reason either way. One appeal per rating.
public struct EvaluationAppeal: Sendable, Hashable, Codable {
  public let id: String
  public let evaluationID: String
  public let filedBy: String
  public let filedByName: String
  public let filedAt: Date
  public let reason: String
  public let evidence: String
  public private(set) var state: State
  public private(set) var decision: Rectification.Note?

  public enum State: String, Sendable, Codable, CaseIterable {
    case pending
    /// 维持原评价
    case upheld
    /// 申诉成立，评价作废
    case voided

    public var name: LocalizedText {
      switch self {
      case .pending: LocalizedText(zh: "待复核", en: "Waiting for review")
      case .upheld: LocalizedText(zh: "维持原评价", en: "Rating upheld")
      case .voided: LocalizedText(zh: "申诉成立，评价作废", en: "Rating voided")
      }
    }
  }

  /// Files an appeal; only the staff member the rating names (the clerk served, the agent rated), or an
  /// administrator for the center, may, and only with a reason and the evidence.
  public static func file(
    id: String, on evaluation: Evaluation, by actor: StaffIdentity, reason: String, evidence: String, at now: Date
  ) throws(ValidationErrors) -> EvaluationAppeal {
    var errors: [ValidationError] = []
    if evaluation.about.staffID != actor.id && actor.role != .admin {
      errors.append(
        ValidationError(
          field: "evaluation", zh: "只有被评价的工作人员或中心管理员可以申诉",
          en: "Only the staff member rated or the center administrator may appeal"))
    }
    if evaluation.level.isPositive {
      errors.append(ValidationError(field: "evaluation", zh: "好评无需申诉", en: "A good rating needs no appeal"))
    }
    let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    let evidence = evidence.trimmingCharacters(in: .whitespacesAndNewlines)
    if reason.isEmpty {
      errors.append(ValidationError(field: "reason", zh: "请填写申诉理由", en: "Give the reason for the appeal"))
    }
    if evidence.isEmpty {
      errors.append(
        ValidationError(
          field: "evidence", zh: "请提供证据（如录音录像、办件记录的说明）",
          en: "Give the evidence (recordings, the case's trail)"))
    }
    if reason.count > 1000 || evidence.count > 2000 {
      errors.append(ValidationError(field: "reason", zh: "内容过长", en: "Too long"))
    }
    guard errors.isEmpty else { throw ValidationErrors(errors) }
    return EvaluationAppeal(
      id: id, evaluationID: evaluation.id, filedBy: actor.id, filedByName: actor.displayName, filedAt: now,
      reason: reason, evidence: evidence, state: .pending, decision: nil)
  }

  /// A supervisor's decision: `void` true voids the rating. The reason is required either way.
  public mutating func decide(void: Bool, reason: String, by actor: StaffIdentity, at now: Date)
    throws(ValidationError)
  {
    guard Authorization.can(actor, .superviseCases) else {
      throw ValidationError(
        field: "action", zh: "只有电子监察员可以复核申诉", en: "Only a supervisor may decide an appeal")
    }
    guard actor.id != filedBy else {
      throw ValidationError(field: "action", zh: "不能复核自己的申诉", en: "You may not decide your own appeal")
    }
    guard state == .pending else {
      throw ValidationError(field: "action", zh: "本申诉已复核", en: "This appeal was already decided")
    }
    let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !reason.isEmpty else {
      throw ValidationError(field: "reason", zh: "请填写复核理由", en: "Give the reason for the decision")
    }
    decision = Rectification.Note(text: reason, by: actor.id, byName: actor.displayName, at: now)
    state = void ? .voided : .upheld
  }
}
