import Foundation

/// 督办: a supervisor's instruction to a department about a case, the department itself, a rule hit or a 差评整改
/// entry, with a reply due in working days. The department replies; the supervisor accepts the reply (closing the
/// ticket) or returns it for a better one with a new date; a ticket not answered in time is escalated to the
/// center's leaders, once. Every step is kept, in order, with who took it.
public struct SupervisionTicket: Sendable, Hashable, Codable {
  /// What the ticket is about.
  public enum Subject: Sendable, Hashable, Codable {
    case serviceCase(String)
    case department
    case ruleHit(String)
    case rectification(String)
    /// 诉求 (by its number) overdue or badly handled.
    case inquiry(String)

    public var kind: String {
      switch self {
      case .serviceCase: "case"
      case .department: "department"
      case .ruleHit: "rule_hit"
      case .rectification: "rectification"
      case .inquiry: "inquiry"
      }
    }

    public var id: String? {
      switch self {
      case .serviceCase(let id), .ruleHit(let id), .rectification(let id), .inquiry(let id): id
      case .department: nil
      }
    }

    /// The subject from its kind and id (as forms and the API send them); nil when they do not fit.
    public init?(kind: String, id: String?) {
      let id = id?.trimmingCharacters(in: .whitespaces) ?? ""
      switch kind {
      case "case" where !id.isEmpty: self = .serviceCase(id)
      case "department": self = .department
      case "rule_hit" where !id.isEmpty: self = .ruleHit(id)
      case "rectification" where !id.isEmpty: self = .rectification(id)
      case "inquiry" where !id.isEmpty: self = .inquiry(id)
      default: return nil
      }
    }

    public var name: LocalizedText {
      switch self {
      case .serviceCase(let n): LocalizedText(zh: "办件 \(n)", en: "Case \(n)")
      case .department: LocalizedText(zh: "部门工作", en: "The department's work")
      case .ruleHit: LocalizedText(zh: "监察规则预警", en: "A rule hit")
      case .rectification: LocalizedText(zh: "差评整改", en: "A rectification")
      case .inquiry(let n): LocalizedText(zh: "诉求 \(n)", en: "Inquiry \(n)")
      }
    }
  }

  public enum State: String, Sendable, Codable, CaseIterable {
    /// 待答复
    case open
    /// 已答复，待审核
    case replied
    /// 已办结
    case closed

    public var name: LocalizedText {
      switch self {
      case .open: LocalizedText(zh: "待答复", en: "Awaiting reply")
      case .replied: LocalizedText(zh: "已答复，待审核", en: "Replied")
      case .closed: LocalizedText(zh: "已办结", en: "Closed")
      }
    }
  }

  /// One step of the ticket's history.
  public struct Step: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
      case open, reply, close, `return`, escalate

      public var name: LocalizedText {
        switch self {
        case .open: LocalizedText(zh: "发起督办", en: "Opened")
        case .reply: LocalizedText(zh: "部门答复", en: "Department replied")
        case .close: LocalizedText(zh: "审核通过，办结", en: "Accepted and closed")
        case .return: LocalizedText(zh: "退回重新答复", en: "Returned for another reply")
        case .escalate: LocalizedText(zh: "逾期未答复，提请中心领导督办", en: "Overdue: escalated to the center's leaders")
        }
      }
    }

    public let kind: Kind
    public let note: String
    public let by: String
    public let byName: String
    public let at: Date
  }

  public let id: String
  public let subject: Subject
  public let departmentID: String
  public let instruction: String
  public private(set) var dueDate: CivilDate
  public private(set) var state: State
  public private(set) var escalated: Bool
  public private(set) var steps: [Step]

  public var openedAt: Date { steps.first?.at ?? .distantPast }
  public var openedBy: String { steps.first?.by ?? "" }
  public var lastReply: Step? { steps.last { $0.kind == .reply } }

  /// Opened by `actor` (who must hold 电子监察), with the reply due `workdays` working days after today.
  public static func open(
    id: String, subject: Subject, departmentID: String, instruction: String, workdays: Int, by actor: StaffIdentity,
    at now: Date, rule: DeadlineRule
  ) throws(ValidationError) -> SupervisionTicket {
    guard Authorization.can(actor, .superviseCases) else { throw Self.notSupervisor }
    guard !departmentID.isEmpty else {
      throw ValidationError(field: "department_id", zh: "请选择督办的部门", en: "Choose the department")
    }
    let text = instruction.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else {
      throw ValidationError(field: "instruction", zh: "请填写督办事项和要求", en: "Enter what is to be done")
    }
    guard (1...30).contains(workdays) else {
      throw ValidationError(field: "workdays", zh: "答复时限应为 1–30 个工作日", en: "The reply is due in 1–30 working days")
    }
    return SupervisionTicket(
      id: id, subject: subject, departmentID: departmentID, instruction: text,
      dueDate: rule.calendar.workday(workdays, after: rule.civilDate(of: now)), state: .open, escalated: false,
      steps: [Step(kind: .open, note: text, by: actor.id, byName: actor.displayName, at: now)])
  }

  /// The department's reply: by someone of that department who handles its cases, or the center's administrator.
  public mutating func reply(_ text: String, by actor: StaffIdentity, at now: Date) throws(ValidationError) {
    guard state == .open else {
      throw ValidationError(field: "reply", zh: "本督办件当前不需要答复", en: "This ticket is not waiting for a reply")
    }
    guard Self.mayReply(actor, for: departmentID) else {
      throw ValidationError(
        field: "reply", zh: "只有被督办部门的工作人员或中心管理员可以答复", en: "Only the department or the center's administrator replies")
    }
    let note = try Self.required(text, "reply", "答复内容", "the reply")
    steps.append(Step(kind: .reply, note: note, by: actor.id, byName: actor.displayName, at: now))
    state = .replied
  }

  /// The supervisor accepts the reply and closes the ticket.
  public mutating func close(_ text: String, by actor: StaffIdentity, at now: Date) throws(ValidationError) {
    guard Authorization.can(actor, .superviseCases) else { throw Self.notSupervisor }
    guard state == .replied else {
      throw ValidationError(field: "note", zh: "部门答复后才能审核办结", en: "Close it after the department replied")
    }
    steps.append(Step(kind: .close, note: text, by: actor.id, byName: actor.displayName, at: now))
    state = .closed
  }

  /// The supervisor returns the reply as not enough, with the reason and a new date.
  public mutating func giveBack(
    _ text: String, workdays: Int, by actor: StaffIdentity, at now: Date, rule: DeadlineRule
  ) throws(ValidationError) {
    guard Authorization.can(actor, .superviseCases) else { throw Self.notSupervisor }
    guard state == .replied else {
      throw ValidationError(field: "note", zh: "部门答复后才能退回", en: "Return it after the department replied")
    }
    let note = try Self.required(text, "note", "退回理由", "why it is returned")
    guard (1...30).contains(workdays) else {
      throw ValidationError(field: "workdays", zh: "答复时限应为 1–30 个工作日", en: "The reply is due in 1–30 working days")
    }
    steps.append(Step(kind: .return, note: note, by: actor.id, byName: actor.displayName, at: now))
    dueDate = rule.calendar.workday(workdays, after: rule.civilDate(of: now))
    state = .open
    escalated = false
  }

  /// Whether the reply is late on `today` (the due date itself is in time).
  public func isOverdue(today: CivilDate) -> Bool { state == .open && today > dueDate }

  /// Marks an overdue ticket escalated (by the worker, named `actorName`); false when it is not due for it.
  public mutating func escalate(at now: Date, today: CivilDate) -> Bool {
    guard isOverdue(today: today), !escalated else { return false }
    escalated = true
    steps.append(
      Step(kind: .escalate, note: "应于 \(dueDate.iso) 前答复", by: "system", byName: "电子监察系统", at: now))
    return true
  }

  public static func mayReply(_ actor: StaffIdentity, for departmentID: String) -> Bool {
    Authorization.speaksFor(actor, department: departmentID)
  }

  static let notSupervisor = ValidationError(
    field: "instruction", zh: "只有电子监察人员可以督办", en: "Only supervisors open, close or return a ticket")

  private static func required(_ text: String, _ field: String, _ zh: String, _ en: String) throws(ValidationError)
    -> String
  {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw ValidationError(field: field, zh: "请填写\(zh)", en: "Enter \(en)") }
    return trimmed
  }
}
