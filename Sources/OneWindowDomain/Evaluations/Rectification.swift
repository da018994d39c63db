import Foundation

/// 差评整改: the ledger entry every 不满意/非常不满意 rating opens. The service team verifies and calls back, assigns
/// the fix to the department and the person responsible, who records the cause and the fix; the service team tells
/// the rater the result, who may rate again. An unfounded rating is explained instead; an appeal upheld voids it.
public struct Rectification: Sendable, Hashable, Codable {
  public let id: String
  public let evaluationID: String
  public let openedAt: Date
  public let callBackDue: Date
  public let fixDue: Date
  public private(set) var state: State
  public private(set) var callBack: CallBack?
  public private(set) var assignment: Assignment?
  public private(set) var fix: Fix?
  public private(set) var result: Note?
  public private(set) var explanation: Note?
  public private(set) var closedAt: Date?

  public enum State: String, Sendable, Codable, CaseIterable {
    /// 待核实回访
    case callBack = "call_back"
    /// 待交办
    case assign
    /// 待整改
    case fix
    /// 待反馈结果
    case feedback
    /// 已整改反馈
    case closed
    /// 不属实，已解释
    case explained
    /// 申诉成立，评价作废
    case voided

    public var name: LocalizedText {
      switch self {
      case .callBack: LocalizedText(zh: "待核实回访", en: "To verify and call back")
      case .assign: LocalizedText(zh: "待交办", en: "To assign")
      case .fix: LocalizedText(zh: "待整改", en: "To fix")
      case .feedback: LocalizedText(zh: "待反馈结果", en: "To tell the result")
      case .closed: LocalizedText(zh: "已整改反馈", en: "Fixed and told")
      case .explained: LocalizedText(zh: "不属实，已解释", en: "Unfounded, explained")
      case .voided: LocalizedText(zh: "申诉成立，评价作废", en: "Voided on appeal")
      }
    }

    public var isOpen: Bool { ![.closed, .explained, .voided].contains(self) }
  }

  public struct Note: Sendable, Hashable, Codable {
    public let text: String
    public let by: String
    public let byName: String
    public let at: Date
  }

  public struct CallBack: Sendable, Hashable, Codable {
    public let note: Note
    /// Whether the rater was reached (an anonymous rating cannot be called back: verified only).
    public let reached: Bool
    public let founded: Bool
  }

  public struct Assignment: Sendable, Hashable, Codable {
    public let departmentID: String
    public let staffID: String
    public let staffName: String
    public let by: Note
  }

  public struct Fix: Sendable, Hashable, Codable {
    public let cause: String
    public let measure: String
    public let by: String
    public let byName: String
    public let at: Date
  }

  /// Opens the entry for a negative rating, its deadlines counted in working days from the rating.
  public init(id: String, evaluation: Evaluation, policy: EvaluationPolicy, rule: DeadlineRule) {
    self.id = id
    self.evaluationID = evaluation.id
    self.openedAt = evaluation.at
    self.callBackDue =
      rule.due(acceptedAt: evaluation.at, limitDays: policy.callBackWorkdays) ?? evaluation.at
    self.fixDue = rule.due(acceptedAt: evaluation.at, limitDays: policy.fixWorkdays) ?? evaluation.at
    self.state = .callBack
  }

  /// The deadline of the step it waits on.
  public var currentDue: Date? {
    switch state {
    case .callBack: callBackDue
    case .assign, .fix, .feedback: fixDue
    case .closed, .explained, .voided: nil
    }
  }

  /// Yellow when the step's deadline is near (the day before, or the last 20 % of the fix time), red when passed.
  public func warning(rule: DeadlineRule, policy: EvaluationPolicy, now: Date) -> WarningLevel {
    guard state.isOpen else { return .none }
    let limit = state == .callBack ? policy.callBackWorkdays : policy.fixWorkdays
    return rule.status(acceptedAt: openedAt, limitDays: limit, now: now).warning
  }

  /// Closed with the result told, or explained, by the fix deadline (按期).
  public var closedOnTime: Bool {
    guard let closedAt, state == .closed || state == .explained else { return false }
    return closedAt <= fixDue
  }

  public enum Action: Sendable, Hashable {
    /// 核实回访: what the rater said; `founded` false means the rating is unfounded and `note` explains it.
    case callBack(note: String, reached: Bool, founded: Bool)
    /// 交办: to a department and the person who will fix it.
    case assign(departmentID: String, staffID: String, staffName: String)
    /// 整改: by the person assigned.
    case recordFix(cause: String, measure: String)
    /// 结果反馈: what the rater was told.
    case reportResult(note: String)
    /// 申诉复核 voided the rating.
    case void(reason: String)
  }

  /// Takes a step; an action the state does not allow, or by someone who may not take it, is an error.
  public mutating func apply(_ action: Action, by actor: StaffIdentity, at now: Date) throws(ValidationError) {
    func need(_ text: String, _ field: String, _ zh: String, _ en: String) throws(ValidationError) -> String {
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else { throw ValidationError(field: field, zh: zh, en: en) }
      guard trimmed.count <= 1000 else {
        throw ValidationError(field: field, zh: "请控制在 1000 字以内", en: "Keep it within 1,000 characters")
      }
      return trimmed
    }
    func note(_ text: String) -> Note { Note(text: text, by: actor.id, byName: actor.displayName, at: now) }
    func serviceTeam() throws(ValidationError) {
      guard Authorization.can(actor, .handleRectifications) else {
        throw ValidationError(
          field: "action", zh: "只有客服专员或中心管理员可以办理此步骤",
          en: "Only the service desk or the center administrator may take this step")
      }
    }
    func wrongState() -> ValidationError {
      ValidationError(
        field: "action", zh: "本条整改当前为「\(state.name.zh)」，不能办理此步骤",
        en: "This rectification is '\(state.name.en)'; that step is not possible now")
    }
    switch action {
    case .callBack(let text, let reached, let founded):
      try serviceTeam()
      guard state == .callBack else { throw wrongState() }
      let checked = try need(text, "note", "请记录核实与回访情况", "Record what was verified and said on the call")
      callBack = CallBack(note: note(checked), reached: reached, founded: founded)
      if founded {
        state = .assign
      } else {
        explanation = note(checked)
        state = .explained
        closedAt = now
      }
    case .assign(let departmentID, let staffID, let staffName):
      try serviceTeam()
      guard state == .assign || state == .fix else { throw wrongState() }
      guard !departmentID.isEmpty else {
        throw ValidationError(field: "department", zh: "请选择责任部门", en: "Choose the department responsible")
      }
      guard !staffID.isEmpty else {
        throw ValidationError(field: "staff", zh: "请选择整改责任人", en: "Choose the person responsible")
      }
      assignment = Assignment(
        departmentID: departmentID, staffID: staffID, staffName: staffName, by: note(""))
      state = .fix
    case .recordFix(let cause, let measure):
      guard state == .fix, let assignment else { throw wrongState() }
      guard assignment.staffID == actor.id else {
        throw ValidationError(
          field: "action", zh: "只有整改责任人\(assignment.staffName)可以填写整改情况",
          en: "Only \(assignment.staffName), to whom it was assigned, may record the fix")
      }
      let cause = try need(cause, "cause", "请填写问题原因", "Give the cause")
      let measure = try need(measure, "measure", "请填写整改措施", "Give what was done to fix it")
      fix = Fix(cause: cause, measure: measure, by: actor.id, byName: actor.displayName, at: now)
      state = .feedback
    case .reportResult(let text):
      try serviceTeam()
      guard state == .feedback else { throw wrongState() }
      result = note(try need(text, "note", "请记录向评价人反馈的结果", "Record what the rater was told"))
      state = .closed
      closedAt = now
    case .void(let reason):
      guard state != .voided else { throw wrongState() }
      explanation = note(reason)
      state = .voided
      closedAt = closedAt ?? now
    }
  }
}
