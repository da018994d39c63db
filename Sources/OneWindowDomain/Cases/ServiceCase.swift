import Foundation

/// 办件: one application for one item, from submission to conclusion.
public struct ServiceCase: Sendable, Hashable, Codable {
  /// 办件编号 (see `CaseNumber`).
  public let number: String
  /// Bumped by every transition; a transition on a stale version is a conflict.
  public var version: Int
  public var state: CaseState
  /// The item as it was when the case was created: the case keeps that version.
  public let item: CaseItem
  public let applicant: Applicant
  public let channel: CaseChannel
  /// The accepting site and its region (首问负责: the first clerk is `receivedBy`).
  public let siteID: String
  public let regionCode: RegionCode
  public let receivedBy: String
  /// The handling department (changes on escalation and transfer).
  public var departmentID: String
  public let createdAt: Date
  public var submittedAt: Date?
  public var acceptedAt: Date?
  /// When the running clock started: acceptance, or escalation (the upper level's clock).
  public var clockStart: Date?
  /// The limit the clock counts against: the item's promised limit, or the upper level's after escalation.
  public var limitDays: Int
  /// The window's checklist, route and result delivery (nil for cases registered through the API without one).
  public var intake: CaseIntake?
  public var acceptance: AcceptanceForm?
  public var deficiency: Deficiency?
  public var postCheckDue: CivilDate?
  /// The 告知承诺 post-check, once it is done.
  public var postCheck: PostCheck?
  public var notices: [CorrectionNotice] = []
  public var pauses: [ClockPause] = []
  /// The state to return to when a suspension ends.
  public var suspendedFrom: CaseState?
  public var reviews: [ReviewStep] = []
  public var opinions: [OpinionRequest] = []
  public var handovers: [Handover] = []
  public var decision: Decision?
  /// The electronic result (电子证照 or decision document), downloadable by the applicant.
  public var resultFile: Attachment?
  public var refusal: Refusal?
  public var delivery: Delivery?
  public var withdrawalReason: String?
  public var concludedAt: Date?
  public var flags: [SupervisionFlag] = []
  /// The "一件事" application this case belongs to, if any, and that application's lead department.
  public let bundleID: String?
  public var bundleLeadDepartmentID: String?
  /// The portal account that filed the case online (申请人本人), if any.
  public let citizenID: String?
  /// The proxy agent who filed it from a village station (帮办代办), if any.
  public var proxy: ProxyRecord?

  public init(
    number: String, item: CaseItem, applicant: Applicant, channel: CaseChannel, siteID: String,
    regionCode: RegionCode, receivedBy: String, createdAt: Date, bundleID: String? = nil,
    departmentID: String? = nil, intake: CaseIntake? = nil, citizenID: String? = nil
  ) {
    self.citizenID = citizenID
    self.number = number
    self.version = 1
    self.state = .draft
    self.item = item
    self.applicant = applicant
    self.channel = channel
    self.siteID = siteID
    self.regionCode = regionCode
    self.receivedBy = receivedBy
    self.departmentID = departmentID ?? item.departmentID
    self.createdAt = createdAt
    self.limitDays = item.promisedLimitDays
    self.bundleID = bundleID
    self.intake = intake
  }

  /// Every file the case holds: the scans of its materials and the electronic result.
  public var files: [Attachment] {
    (intake?.materials.flatMap(\.attachments) ?? []) + (resultFile.map { [$0] } ?? [])
  }

  /// Where the result will be handed over: as recorded at intake, else the accepting site.
  public var resultDelivery: ResultDelivery { intake?.resultDelivery ?? .pickup(siteID: siteID) }

  /// The scope the case lives in, for `Authorization`.
  public var scope: Scope {
    Scope(regionCode: regionCode, siteID: siteID, departmentID: departmentID)
  }

  /// The clock's state: paused while a pause is open.
  public var isClockStopped: Bool { pauses.contains { $0.end == nil } }

  /// True while materials accepted as missing (容缺) have not come in.
  public var awaitsDeficientMaterials: Bool { deficiency != nil && deficiency?.suppliedAt == nil }

  /// True while an acceptance on pledge (告知承诺) waits for its post-check.
  public var awaitsPostCheck: Bool { postCheckDue != nil && postCheck == nil }

  public func deadline(_ rule: DeadlineRule, now: Date) -> DeadlineStatus? {
    guard let clockStart, !state.isTerminal, state != .decided else { return nil }
    return rule.status(acceptedAt: clockStart, limitDays: limitDays, pauses: clockPauses, now: now)
  }

  /// The pauses of the running clock (an escalation starts a new clock).
  public var clockPauses: [ClockPause] {
    guard let clockStart else { return [] }
    return pauses.filter { $0.start >= clockStart }
  }
}

/// The item a case was created under: its code, version and the elements the case engine reads.
public struct CaseItem: Sendable, Hashable, Codable {
  public let code: String
  public let version: Int
  public let name: String
  public let kind: CaseKind
  public let departmentID: String
  public let promisedLimitDays: Int
  public let legalLimitDays: Int
  /// 事项类型, which decides the words of the decision (准予许可 for a licence, 准予办理 otherwise). Absent on cases
  /// registered before it was kept.
  public let type: ItemType?

  public init(
    code: String, version: Int, name: String, kind: CaseKind, departmentID: String, promisedLimitDays: Int,
    legalLimitDays: Int, type: ItemType? = nil
  ) {
    self.code = code
    self.version = version
    self.name = name
    self.kind = kind
    self.departmentID = departmentID
    self.promisedLimitDays = promisedLimitDays
    self.legalLimitDays = legalLimitDays
    self.type = type
  }

  public init(_ item: ServiceItem, version: Int = 1) {
    self.init(
      code: item.code, version: version, name: item.name, kind: item.caseKind, departmentID: item.departmentID,
      promisedLimitDays: item.caseKind == .immediate ? 0 : item.promisedLimitDays,
      legalLimitDays: item.legalLimitDays, type: item.type)
  }

  /// The decision in the words its notice uses: 准予许可/不予许可 for an administrative licence, 准予办理/不予办理 for
  /// any other item (and for a case that does not record its item's type).
  public func decisionName(approved: Bool) -> LocalizedText {
    switch (type == .license, approved) {
    case (true, true): LocalizedText(zh: "准予许可", en: "Granted")
    case (true, false): LocalizedText(zh: "不予许可", en: "Not granted")
    case (false, true): LocalizedText(zh: "准予办理", en: "Approved")
    case (false, false): LocalizedText(zh: "不予办理", en: "Not approved")
    }
  }
}
