import Foundation

/// 诉求: a consultation, complaint, report, suggestion or request, and its closed loop (国办发〔2020〕53号):
/// 受理 → 派单 to a department (which signs for it, or returns it as mis-assigned within its limit, with the reason)
/// → 办理 (one extension at most, approved by the service desk) → 答复 → 回访 and 评价. A complaint rated unsatisfied
/// reopens once. Every step is an `InquiryEvent` of a hash-chained trail; `apply` answers the step to write.
public struct Inquiry: Sendable, Hashable, Codable {
  /// What the inquiry is about, where it applies.
  public struct About: Sendable, Hashable, Codable {
    public var caseNumber: String?
    public var itemCode: String?
    public var itemName: String?
    public var departmentID: String?
    public var siteID: String?
    public var windowID: String?
    public var staffID: String?

    public init(
      caseNumber: String? = nil, itemCode: String? = nil, itemName: String? = nil, departmentID: String? = nil,
      siteID: String? = nil, windowID: String? = nil, staffID: String? = nil
    ) {
      self.caseNumber = caseNumber
      self.itemCode = itemCode
      self.itemName = itemName
      self.departmentID = departmentID
      self.siteID = siteID
      self.windowID = windowID
      self.staffID = staffID
    }
  }

  public struct Inquirer: Sendable, Hashable, Codable {
    public let name: String
    /// Digits only; empty when a report was made without one.
    public let phone: String
    /// The portal account that filed it, if any (it then lists under 我的诉求).
    public let citizenID: String?
    /// A report (举报) may be made without a name: nobody is then told or called back.
    public let anonymous: Bool

    public init(name: String, phone: String, citizenID: String? = nil, anonymous: Bool = false) {
      self.name = name
      self.phone = phone
      self.citizenID = citizenID
      self.anonymous = anonymous
    }

    public var displayName: String { anonymous ? "匿名" : name }
  }

  public enum State: String, Sendable, Codable, CaseIterable {
    /// 待受理派单
    case received
    /// 已派单，待签收
    case assigned
    /// 办理中
    case handling
    /// 已答复，待回访评价
    case answered
    /// 已办结
    case closed

    public var name: LocalizedText {
      switch self {
      case .received: LocalizedText(zh: "待受理派单", en: "To dispatch")
      case .assigned: LocalizedText(zh: "已派单，待签收", en: "Dispatched, to sign for")
      case .handling: LocalizedText(zh: "办理中", en: "Being handled")
      case .answered: LocalizedText(zh: "已答复，待回访评价", en: "Answered, to follow up")
      case .closed: LocalizedText(zh: "已办结", en: "Closed")
      }
    }

    public var isOpen: Bool { self != .closed }
  }

  public struct Note: Sendable, Hashable, Codable {
    public let text: String
    public let by: String
    public let byName: String
    public let at: Date
  }

  /// 延期: asked once by the department, decided by the service desk.
  public struct Extension: Sendable, Hashable, Codable {
    public let workdays: Int
    public let request: Note
    public var approved: Bool?
    public var decision: Note?
  }

  /// 公开答复 of a 群众点菜 request: the center's answer and what was done (e.g. an item moved to town level).
  public struct Publication: Sendable, Hashable, Codable {
    public let answer: String
    public let outcome: String
    public let at: Date
  }

  public let id: String
  public let number: String
  /// The secret in the link the inquirer follows (with the number) to read the reply and rate it.
  public let accessKey: String
  public let kind: InquiryKind
  public let source: InquirySource
  public let about: About
  public let inquirer: Inquirer
  public let title: String
  public let content: String
  public let filedAt: Date
  /// The 12345 platform's work-order id, for orders pushed in.
  public let externalOrderID: String?
  public private(set) var state: State
  /// The department it is dispatched to.
  public private(set) var departmentID: String?
  public private(set) var assignedAt: Date?
  /// When the clock of the step it waits on started (filing, dispatch, signing or reopening).
  public private(set) var stepFrom: Date
  /// When the reply clock started: filing, or the reopening.
  public private(set) var replyFrom: Date
  public private(set) var extensionRequest: Extension?
  public private(set) var returns: Int
  public private(set) var reopened: Bool
  public private(set) var answers: [Note]
  public private(set) var answeredOnTime: Bool?
  public private(set) var rating: InquiryRating?
  public private(set) var ratingComment: String
  public private(set) var callBack: Note?
  public private(set) var declined: Note?
  public private(set) var publication: Publication?
  public private(set) var closedAt: Date?

  public var answer: Note? { answers.last }

  /// Checks and opens an inquiry; the first event of its trail is `InquiryStep.file`.
  public init(
    id: String, number: String, accessKey: String, kind: InquiryKind, source: InquirySource, about: About,
    inquirer: Inquirer, title: String, content: String, filedAt: Date, externalOrderID: String? = nil
  ) throws(ValidationErrors) {
    var problems: [ValidationError] = []
    let content = content.trimmingCharacters(in: .whitespacesAndNewlines)
    var title = title.trimmingCharacters(in: .whitespacesAndNewlines)
    if content.isEmpty {
      problems.append(ValidationError(field: "content", zh: "请填写诉求内容", en: "Say what it is about"))
    } else if content.count > 4000 {
      problems.append(ValidationError(field: "content", zh: "诉求内容请控制在 4000 字以内", en: "Keep it within 4,000 characters"))
    }
    if title.count > 100 {
      problems.append(ValidationError(field: "title", zh: "标题请控制在 100 字以内", en: "Keep the title within 100 characters"))
    }
    if title.isEmpty { title = String(content.prefix(30)) }
    if inquirer.anonymous && kind != .report {
      problems.append(
        ValidationError(field: "anonymous", zh: "只有举报可以匿名", en: "Only a report may be made without a name"))
    }
    if !inquirer.anonymous {
      if inquirer.name.trimmingCharacters(in: .whitespaces).isEmpty {
        problems.append(ValidationError(field: "name", zh: "请填写姓名", en: "Give your name"))
      } else if inquirer.name.count > 50 {
        problems.append(ValidationError(field: "name", zh: "姓名请控制在 50 字以内", en: "Keep the name within 50 characters"))
      }
      if !Self.isPhone(inquirer.phone) {
        problems.append(
          ValidationError(
            field: "phone", zh: "请填写 11 位手机号码或带区号的电话，用于答复和回访", en: "Give a phone number to be answered on"))
      }
    }
    guard problems.isEmpty else { throw ValidationErrors(problems) }
    self.id = id
    self.number = number
    self.accessKey = accessKey
    self.kind = kind
    self.source = source
    self.about = about
    self.inquirer = inquirer
    self.title = title
    self.content = content
    self.filedAt = filedAt
    self.externalOrderID = externalOrderID
    self.state = .received
    self.stepFrom = filedAt
    self.replyFrom = filedAt
    self.returns = 0
    self.reopened = false
    self.answers = []
    self.ratingComment = ""
  }

  /// 7–12 digits: a mobile number or a landline with its area code.
  public static func isPhone(_ phone: String) -> Bool {
    (7...12).contains(phone.count) && phone.allSatisfy { $0.isASCII && $0.isNumber }
  }

  // MARK: The clock

  /// The start and length of the step it waits on; nil once answered.
  public func clock(_ policy: InquiryPolicy) -> (from: Date, workdays: Int)? {
    switch state {
    case .received, .assigned: (stepFrom, policy.signWorkdays)
    case .handling: (replyFrom, replyWorkdays(policy))
    case .answered, .closed: nil
    }
  }

  /// The reply limit: the kind's, plus the extension when approved.
  public func replyWorkdays(_ policy: InquiryPolicy) -> Int {
    policy.replyDays(kind) + (extensionRequest?.approved == true ? extensionRequest?.workdays ?? 0 : 0)
  }

  public func due(rule: DeadlineRule, policy: InquiryPolicy) -> Date? {
    clock(policy).flatMap { rule.due(acceptedAt: $0.from, limitDays: $0.workdays) }
  }

  /// The reply's deadline, whatever step it waits on now (shown to the inquirer).
  public func replyDue(rule: DeadlineRule, policy: InquiryPolicy) -> Date? {
    rule.due(acceptedAt: replyFrom, limitDays: replyWorkdays(policy))
  }

  /// Yellow and red like a case's light, for the step it waits on.
  public func warning(rule: DeadlineRule, policy: InquiryPolicy, now: Date) -> WarningLevel {
    guard let clock = clock(policy) else { return .none }
    return rule.status(acceptedAt: clock.from, limitDays: clock.workdays, now: now).warning
  }

  /// The last moment the department it is dispatched to may return it as mis-assigned.
  public func returnDue(rule: DeadlineRule, policy: InquiryPolicy) -> Date? {
    assignedAt.flatMap { rule.due(acceptedAt: $0, limitDays: policy.returnWorkdays) }
  }

  // MARK: Steps

  /// A step of the loop, by the staff member `actor` (the inquirer's own rating is `rate`).
  public enum Action: Sendable, Hashable {
    /// 受理并派单 (again after a return): to a department, with what it should do.
    case assign(departmentID: String, note: String)
    /// 签收 by the department.
    case sign
    /// 退回: not the department's, with the reason.
    case giveBack(reason: String)
    /// 申请延期 by the department.
    case requestExtension(workdays: Int, reason: String)
    /// 延期审批 by the service desk.
    case decideExtension(approve: Bool, note: String)
    /// 答复: by the department it is with, or by the service desk directly (问一次、一口清).
    case answer(String)
    /// 回访: what the inquirer said on the call, with the rating they gave (nil: not reached, closed without one).
    case callBack(note: String, rating: InquiryRating?)
    /// 不予受理: not an inquiry the center handles (the reason is told).
    case decline(reason: String)
    /// 公开答复 of a request: the answer and what was done.
    case publish(answer: String, outcome: String)
    /// 督办 by a supervisor (the ticket itself is in 督办).
    case supervise(instruction: String)
  }

  /// Takes `action`; answers the step for the trail. Nothing changes when it throws.
  public mutating func apply(
    _ action: Action, by actor: StaffIdentity, at now: Date, rule: DeadlineRule, policy: InquiryPolicy
  ) throws(ValidationError) -> InquiryStep {
    let desk = Authorization.can(actor, .handleInquiries)
    func note(_ text: String) -> Note { Note(text: text, by: actor.id, byName: actor.displayName, at: now) }
    func department() throws(ValidationError) -> String {
      guard let departmentID, Authorization.speaksFor(actor, department: departmentID) else {
        throw ValidationError(
          field: "step", zh: "只有承办部门的工作人员可以办理此步骤", en: "Only the department it is dispatched to takes this step")
      }
      return departmentID
    }
    func deskOnly() throws(ValidationError) {
      guard desk else {
        throw ValidationError(
          field: "step", zh: "只有客服专员可以办理此步骤", en: "Only the service desk takes this step")
      }
    }
    func need(_ state: State...) throws(ValidationError) {
      guard state.contains(self.state) else {
        throw ValidationError(
          field: "step", zh: "本诉求当前为「\(self.state.name.zh)」，不能办理此步骤",
          en: "This inquiry is '\(self.state.name.en)'; that step is not possible now")
      }
    }
    switch action {
    case .assign(let departmentID, let text):
      try deskOnly()
      try need(.received)
      guard !departmentID.isEmpty else {
        throw ValidationError(field: "department_id", zh: "请选择承办部门", en: "Choose the department")
      }
      let text = try Self.text(text, field: "note", required: false)
      self.departmentID = departmentID
      assignedAt = now
      stepFrom = now
      state = .assigned
      return InquiryStep(.assign, ["department_id": departmentID, "note": text])
    case .sign:
      _ = try department()
      try need(.assigned)
      stepFrom = now
      state = .handling
      return InquiryStep(.sign, [:])
    case .giveBack(let reason):
      let from = try department()
      try need(.assigned, .handling)
      let reason = try Self.text(reason, field: "reason", zh: "退回理由", en: "why it is not the department's")
      if let last = returnDue(rule: rule, policy: policy), now > last {
        throw ValidationError(
          field: "reason",
          zh: "已超过退回时限（派单后 \(policy.returnWorkdays) 个工作日），请办理或商客服改派",
          en: "Past the return limit (\(policy.returnWorkdays) working days after dispatch): handle it")
      }
      departmentID = nil
      assignedAt = nil
      returns += 1
      stepFrom = now
      state = .received
      return InquiryStep(.giveBack, ["department_id": from, "reason": reason])
    case .requestExtension(let workdays, let reason):
      _ = try department()
      try need(.handling)
      guard extensionRequest == nil else {
        throw ValidationError(field: "workdays", zh: "每件诉求只能延期一次", en: "An inquiry is extended once at most")
      }
      guard (1...policy.maxExtensionWorkdays).contains(workdays) else {
        throw ValidationError(
          field: "workdays", zh: "延期应为 1–\(policy.maxExtensionWorkdays) 个工作日",
          en: "An extension is 1–\(policy.maxExtensionWorkdays) working days")
      }
      let reason = try Self.text(reason, field: "reason", zh: "延期理由", en: "why more time is needed")
      extensionRequest = Extension(workdays: workdays, request: note(reason))
      return InquiryStep(.requestExtension, ["workdays": String(workdays), "reason": reason])
    case .decideExtension(let approve, let text):
      try deskOnly()
      guard var request = extensionRequest, request.approved == nil else {
        throw ValidationError(field: "step", zh: "没有待审批的延期申请", en: "No extension waits for a decision")
      }
      let text = try Self.text(text, field: "note", required: !approve, zh: "不同意的理由", en: "why it is refused")
      request.approved = approve
      request.decision = note(text)
      extensionRequest = request
      return InquiryStep(.decideExtension, ["approved": approve ? "yes" : "no", "note": text])
    case .answer(let text):
      if state == .received {
        try deskOnly()
      } else {
        _ = try department()
        try need(.handling)
      }
      let text = try Self.text(text, field: "answer", zh: "答复内容", en: "the answer")
      answers.append(note(text))
      if let due = replyDue(rule: rule, policy: policy) { answeredOnTime = now <= due }
      stepFrom = now
      state = .answered
      return InquiryStep(.answer, ["answer": text, "department_id": departmentID ?? ""])
    case .callBack(let text, let rating):
      try deskOnly()
      try need(.answered)
      let text = try Self.text(text, field: "note", zh: "回访情况", en: "what was said on the call")
      callBack = note(text)
      guard let rating else {
        closedAt = now
        state = .closed
        return InquiryStep(.callBack, ["note": text, "rating": ""])
      }
      let reopens = record(rating, comment: text, at: now)
      return InquiryStep(.callBack, ["note": text, "rating": rating.rawValue, "reopened": reopens ? "yes" : "no"])
    case .decline(let reason):
      try deskOnly()
      try need(.received)
      let reason = try Self.text(reason, field: "reason", zh: "不予受理的理由", en: "why it is not taken")
      declined = note(reason)
      closedAt = now
      state = .closed
      return InquiryStep(.decline, ["reason": reason])
    case .publish(let text, let outcome):
      try deskOnly()
      guard kind == .request else {
        throw ValidationError(field: "step", zh: "只有群众点菜可以公开答复", en: "Only a service request is published")
      }
      guard state == .answered || state == .closed else {
        throw ValidationError(field: "public_answer", zh: "答复后才能公开", en: "Publish it once answered")
      }
      let text = try Self.text(text, field: "public_answer", zh: "公开的答复", en: "the public answer")
      let outcome = try Self.text(outcome, field: "outcome", required: false)
      publication = Publication(answer: text, outcome: outcome, at: now)
      return InquiryStep(.publish, ["answer": text, "outcome": outcome])
    case .supervise(let instruction):
      guard Authorization.can(actor, .superviseCases) else {
        throw ValidationError(field: "instruction", zh: "只有电子监察人员可以督办", en: "Only supervisors open a ticket")
      }
      return InquiryStep(.supervise, ["instruction": instruction])
    }
  }

  /// Records the rating; answers whether the inquiry reopened.
  private mutating func record(_ rating: InquiryRating, comment: String, at now: Date) -> Bool {
    self.rating = rating
    ratingComment = comment
    if rating == .unsatisfied && kind == .complaint && !reopened && departmentID != nil {
      reopened = true
      answeredOnTime = nil
      replyFrom = max(now, answers.last?.at ?? now)
      stepFrom = replyFrom
      state = .handling
      return true
    }
    closedAt = now
    state = .closed
    return false
  }

  /// The inquirer's rating of the reply (from the link they were sent, or their portal account). A complaint rated
  /// unsatisfied goes back to the department it was with, once; any other rating closes it.
  public mutating func rate(_ rating: InquiryRating, comment: String, at now: Date) throws(ValidationError)
    -> InquiryStep
  {
    guard state == .answered else {
      throw ValidationError(field: "rating", zh: "答复后才能评价，且只能评价一次", en: "Rate it once it is answered, once")
    }
    let comment = try Self.text(comment, field: "comment", required: rating == .unsatisfied, zh: "不满意的原因", en: "why")
    let reopens = record(rating, comment: comment, at: now)
    return InquiryStep(.rate, ["rating": rating.rawValue, "comment": comment, "reopened": reopens ? "yes" : "no"])
  }

  private static func text(
    _ text: String, field: String, required: Bool = true, zh: String = "", en: String = ""
  ) throws(ValidationError) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if required && trimmed.isEmpty { throw ValidationError(field: field, zh: "请填写\(zh)", en: "Enter \(en)") }
    guard trimmed.count <= 4000 else {
      throw ValidationError(field: field, zh: "请控制在 4000 字以内", en: "Keep it within 4,000 characters")
    }
    return trimmed
  }
}

/// One step of an inquiry's loop, as its trail records it.
public struct InquiryStep: Sendable, Hashable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case file, assign, sign, giveBack = "return", requestExtension = "request_extension"
    case decideExtension = "decide_extension", answer, callBack = "call_back", rate, decline, publish, supervise

    public var name: LocalizedText {
      switch self {
      case .file: LocalizedText(zh: "登记受理", en: "Filed")
      case .assign: LocalizedText(zh: "派单", en: "Dispatched")
      case .sign: LocalizedText(zh: "签收", en: "Signed for")
      case .giveBack: LocalizedText(zh: "退回（非本部门职责）", en: "Returned as mis-assigned")
      case .requestExtension: LocalizedText(zh: "申请延期", en: "Extension asked")
      case .decideExtension: LocalizedText(zh: "延期审批", en: "Extension decided")
      case .answer: LocalizedText(zh: "答复", en: "Answered")
      case .callBack: LocalizedText(zh: "回访", en: "Called back")
      case .rate: LocalizedText(zh: "评价", en: "Rated")
      case .decline: LocalizedText(zh: "不予受理", en: "Declined")
      case .publish: LocalizedText(zh: "公开答复", en: "Published")
      case .supervise: LocalizedText(zh: "督办", en: "Supervision ticket")
      }
    }
  }

  public let kind: Kind
  public let facts: [String: String]

  public init(_ kind: Kind, _ facts: [String: String]) {
    self.kind = kind
    self.facts = facts
  }
}
