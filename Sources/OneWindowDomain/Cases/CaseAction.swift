import Foundation

/// Every step a case can take. `CaseStateMachine` decides which are legal where, and who may take them.
public enum CaseAction: Sendable, Hashable, Codable {
  case submit
  /// 上传材料: scans added to a draft or in answer to a correction notice (the clerk's findings stay).
  case uploadScans([MaterialCheck])
  /// 材料核验: the clerk records what was checked (at intake, or when the applicant comes back).
  case checkMaterials([MaterialCheck])
  /// 一次性告知: all corrections at once; a second notice needs `reasonForAnother`.
  case issueCorrection(items: [CorrectionNotice.Item], reasonForAnother: String?)
  /// 补正后重新提交
  case resubmit
  case accept(AcceptanceForm)
  /// 不予受理
  case refuse(reason: String, legalBasis: String)
  case startReview
  /// 一审一核: one review step with its opinion.
  case review(step: String, opinion: String, approved: Bool)
  /// 并联: ask another department's opinion, due in `dueWorkdays` working days.
  case requestOpinion(departmentID: String, question: String, dueWorkdays: Int)
  case giveOpinion(departmentID: String, answer: String, agrees: Bool)
  case decide(approved: Bool, reason: String)
  /// 出具电子结果: the electronic licence or decision document, for electronic delivery and download.
  case issueResult(Attachment)
  /// 容缺材料补齐
  case supplyMaterials
  /// 事后核查 of a 告知承诺 acceptance: the finding, whether the pledge held, and (when it did not) the legal basis.
  case postCheck(finding: String, pledgeKept: Bool, legalBasis: String)
  case deliver(Delivery)
  /// 撤回
  case withdraw(reason: String)
  /// 特别程序: the clock stops.
  case suspend(kind: ClockPause.Kind, reason: String, plannedWorkdays: Int?)
  case resume
  /// 上报: to the upper-level department, whose limit then applies.
  case escalate(toDepartmentID: String, reason: String, limitDays: Int)
  /// 转办: to another department of the same level.
  case transfer(toDepartmentID: String, reason: String)

  /// The step's name in URLs (`POST /api/v1/cases/{number}/{name}`) and in the trail.
  public var name: CaseStep {
    switch self {
    case .submit: .submit
    case .uploadScans: .uploadScans
    case .checkMaterials: .checkMaterials
    case .issueCorrection: .correction
    case .resubmit: .resubmit
    case .accept: .accept
    case .refuse: .refuse
    case .startReview: .startReview
    case .review: .review
    case .requestOpinion: .requestOpinion
    case .giveOpinion: .giveOpinion
    case .decide: .decide
    case .issueResult: .issueResult
    case .supplyMaterials: .supplyMaterials
    case .postCheck: .postCheck
    case .deliver: .deliver
    case .withdraw: .withdraw
    case .suspend: .suspend
    case .resume: .resume
    case .escalate: .escalate
    case .transfer: .transfer
    }
  }
}

/// The names of the steps, as URLs and the trail spell them.
public enum CaseStep: String, Sendable, Codable, CaseIterable {
  case create
  case submit
  case uploadScans = "upload-scans"
  case checkMaterials = "check-materials"
  case correction
  case resubmit
  case accept
  case refuse
  case startReview = "start-review"
  case review
  case requestOpinion = "request-opinion"
  case giveOpinion = "give-opinion"
  case decide
  case issueResult = "issue-result"
  case supplyMaterials = "supply-materials"
  case postCheck = "post-check"
  case deliver
  case withdraw
  case suspend
  case resume
  case escalate
  case transfer

  public var name: LocalizedText {
    switch self {
    case .create: LocalizedText(zh: "收件登记", en: "Register")
    case .submit: LocalizedText(zh: "提交", en: "Submit")
    case .uploadScans: LocalizedText(zh: "上传材料", en: "Upload scans")
    case .checkMaterials: LocalizedText(zh: "材料核验", en: "Check materials")
    case .correction: LocalizedText(zh: "一次性告知补正", en: "Issue a correction notice")
    case .resubmit: LocalizedText(zh: "补正后提交", en: "Resubmit")
    case .accept: LocalizedText(zh: "受理", en: "Accept")
    case .refuse: LocalizedText(zh: "不予受理", en: "Refuse")
    case .startReview: LocalizedText(zh: "开始审查", en: "Start review")
    case .review: LocalizedText(zh: "审核", en: "Review")
    case .requestOpinion: LocalizedText(zh: "征求并联意见", en: "Request an opinion")
    case .giveOpinion: LocalizedText(zh: "出具并联意见", en: "Give an opinion")
    case .decide: LocalizedText(zh: "作出决定", en: "Decide")
    case .issueResult: LocalizedText(zh: "出具电子结果", en: "Issue the electronic result")
    case .supplyMaterials: LocalizedText(zh: "容缺材料补齐", en: "Supply missing materials")
    case .postCheck: LocalizedText(zh: "告知承诺事后核查", en: "Post-check of the pledge")
    case .deliver: LocalizedText(zh: "出件", en: "Deliver the result")
    case .withdraw: LocalizedText(zh: "撤回", en: "Withdraw")
    case .suspend: LocalizedText(zh: "特别程序挂起", en: "Suspend (special procedure)")
    case .resume: LocalizedText(zh: "恢复办理", en: "Resume")
    case .escalate: LocalizedText(zh: "上报", en: "Escalate")
    case .transfer: LocalizedText(zh: "转办", en: "Transfer")
    }
  }
}
