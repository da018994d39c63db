import Foundation

/// 电子监察规则: what supervision looks at on a case's trail. Each rule is named, documented and has its threshold as a
/// setting; a hit carries the trail events that prove it (by sequence number) and is then looked into: explained, or
/// confirmed as a fault. Rules read a case and its trail only (the worker runs them as events are written).
public enum AnomalyRule: String, Sendable, Codable, CaseIterable {
  /// 二次告知: a second correction notice on one case breaks 一次性告知 (DESIGN.md).
  case secondCorrectionNotice = "second_correction_notice"
  /// 受理超时: acceptance (or the correction notice) came more than the limit of working days after the application;
  /// 《行政许可法》第三十二条: not told within five days, the application counts as accepted on receipt.
  case lateAcceptance = "late_acceptance"
  /// 无审查即决定: a case that is not settled at the window was decided with no review step (一审一核).
  case decisionWithoutReview = "decision_without_review"
  /// 先出件后决定: a result was handed over before the decision was recorded.
  case deliveredBeforeDecision = "delivered_before_decision"
  /// 非工作时间收件: a case registered at a window while the accepting site was closed (beyond a grace).
  case registeredOutsideHours = "registered_outside_hours"
  /// 非在岗人员收件: a case registered at a window by someone who that day held no post at the accepting site, did not
  /// sign in at one of its windows and stood in for nobody there.
  case registeredOffDuty = "registered_off_duty"
  /// 物料流转滞留: a case's paper sent to another site and not received within the limit (a scan, not the trail).
  case shipmentStuck = "shipment_stuck"
  /// 差评整改逾期: a 差评整改 step past its deadline (a scan, not the trail).
  case rectificationOverdue = "rectification_overdue"
  /// 补正拒办异常: a clerk who tells applicants to correct, or refuses, far more often than the peers who answer the
  /// same items (a daily scan of the last 30 days, not one case).
  case intakeOutlier = "intake_outlier"

  /// Whether the rule reads a case's trail as it grows (`hit`); the others are scans by the worker.
  public var readsTrail: Bool { ![.shipmentStuck, .rectificationOverdue, .intakeOutlier].contains(self) }

  public var name: LocalizedText {
    switch self {
    case .secondCorrectionNotice: LocalizedText(zh: "多次补正告知（违反一次性告知）", en: "A second correction notice")
    case .lateAcceptance: LocalizedText(zh: "超时受理", en: "Acceptance long after submission")
    case .decisionWithoutReview: LocalizedText(zh: "未经审查作出决定", en: "A decision with no review step")
    case .deliveredBeforeDecision: LocalizedText(zh: "决定前出件", en: "Result delivered before the decision")
    case .registeredOutsideHours: LocalizedText(zh: "非办公时间窗口收件", en: "Registered at a window out of hours")
    case .registeredOffDuty: LocalizedText(zh: "非在岗人员窗口收件", en: "Registered by someone not on duty")
    case .shipmentStuck: LocalizedText(zh: "物料流转滞留", en: "Paper stuck in transit")
    case .rectificationOverdue: LocalizedText(zh: "差评整改逾期", en: "Rectification overdue")
    case .intakeOutlier: LocalizedText(zh: "补正拒办异常偏高", en: "Far more corrections and refusals than peers")
    }
  }

  /// What the rule finds and why it matters, with its setting.
  public func definition(_ settings: AnomalySettings) -> LocalizedText {
    switch self {
    case .secondCorrectionNotice:
      LocalizedText(
        zh: "同一办件发出两次及以上补正告知。一次性告知要求一次列明全部补正内容。",
        en: "Two or more correction notices on one case; a notice must list everything at once.")
    case .lateAcceptance:
      LocalizedText(
        zh: "提交（或补正后提交）后超过 \(settings.lateAcceptanceWorkdays) 个工作日才受理或告知补正。《行政许可法》第三十二条：逾期不告知的，自收到申请材料之日起即为受理。",
        en: "Accepted or told to correct more than \(settings.lateAcceptanceWorkdays) working days after submission; "
          + "by Article 32 of the Administrative Licensing Law the application then counts as accepted on receipt.")
    case .decisionWithoutReview:
      LocalizedText(
        zh: "承诺件在作出决定前没有任何审核（一审一核）记录；上级部门对上报件的决定不计。",
        en: "A promised case decided with no review step before it (an upper level's decision on an escalated case "
          + "is not counted).")
    case .deliveredBeforeDecision:
      LocalizedText(
        zh: "出件记录早于决定记录，或没有决定记录即出件。", en: "A delivery recorded before, or without, the decision.")
    case .registeredOutsideHours:
      LocalizedText(
        zh: "窗口收件登记时间在受理场所办公时间（含延时、周六服务）之外超过 \(settings.outsideHoursGraceMinutes) 分钟。",
        en: "A window registration more than \(settings.outsideHoursGraceMinutes) minutes outside the accepting site's "
          + "opening hours (extended and Saturday hours included).")
    case .registeredOffDuty:
      LocalizedText(
        zh: "窗口收件登记人当天在受理场所既无 A/B 岗，也未在该场所窗口签到上岗或替岗。场所当天未排岗的不作判断（不知道不等于违规）。",
        en: "The person who registered a window case held no A/B post at the accepting site that day, did not sign in "
          + "at one of its windows and stood in for nobody there. A site with no posts that day is not judged.")
    case .shipmentStuck:
      LocalizedText(
        zh: "办件纸质材料寄出（或专人送出）超过 \(settings.shipmentStuckHours) 小时仍未签收。",
        en: "A case's paper sent more than \(settings.shipmentStuckHours) hours ago and not yet received.")
    case .rectificationOverdue:
      LocalizedText(
        zh: "差评整改的当前步骤（核实回访、交办整改、反馈结果）超过其时限仍未完成。",
        en: "A rectification whose current step (call back, fix, telling the result) is past its deadline.")
    case .intakeOutlier:
      LocalizedText(
        zh: "近 30 天某受理人员对办件作出的受理、补正告知、不予受理中，补正与不予受理的件数达到按同事项其他人员比例推算件数的 "
          + "\(settings.outlierFactor.formatted()) 倍以上且多出 \(settings.outlierMinExcess) 件以上（本人答复不少于 \(settings.outlierMinCases) 件）。每人每月至多一条。",
        en: "Over 30 days, a clerk's corrections and refusals are at least \(settings.outlierFactor.formatted())× and "
          + "\(settings.outlierMinExcess) more than the peers' rates on the same items predict (at least "
          + "\(settings.outlierMinCases) answers). At most one hit per clerk and month.")
    }
  }

  /// The rule's hits on one case: for each, the trail events (sequence numbers) that prove it and a short note.
  public func hit(
    _ serviceCase: ServiceCase, trail: [CaseEvent], settings: AnomalySettings, rule: DeadlineRule,
    siteHours: [String: OpeningHours] = [:], duties: SiteDuties? = nil
  ) -> (evidence: [Int], note: String)? {
    let events = trail.sorted { $0.sequence < $1.sequence }
    switch self {
    case .secondCorrectionNotice:
      let notices = events.filter { $0.step == .correction }
      guard notices.count >= 2 else { return nil }
      let reason = serviceCase.notices.last?.reasonForAnother ?? ""
      return (notices.map(\.sequence), reason.isEmpty ? "第 \(notices.count) 次告知" : "再次告知理由：\(reason)")
    case .lateAcceptance:
      for answer in events where answer.step == .accept || answer.step == .correction {
        guard
          let sent = events.last(where: {
            $0.sequence < answer.sequence && ($0.step == .submit || $0.step == .resubmit)
          })
        else { continue }
        let days = rule.calendar.workdays(
          after: rule.civilDate(of: sent.at), through: rule.civilDate(of: answer.at))
        if days > settings.lateAcceptanceWorkdays {
          return ([sent.sequence, answer.sequence], "提交后第 \(days) 个工作日才\(answer.step == .accept ? "受理" : "告知补正")")
        }
      }
      return nil
    case .decisionWithoutReview:
      guard serviceCase.item.kind != .immediate,
        let decision = events.first(where: { $0.step == .decide && $0.fromState != .escalated }),
        !events.contains(where: { $0.step == .review && $0.sequence < decision.sequence })
      else { return nil }
      return ([decision.sequence], "决定人：\(decision.actorName)")
    case .deliveredBeforeDecision:
      guard let delivery = events.first(where: { $0.step == .deliver }) else { return nil }
      if let decision = events.first(where: { $0.step == .decide }), decision.sequence < delivery.sequence {
        return nil
      }
      return ([delivery.sequence], "出件人：\(delivery.actorName)")
    case .registeredOutsideHours:
      guard serviceCase.channel == .window, let hours = siteHours[serviceCase.siteID],
        let created = events.first(where: { $0.step == .create })
      else { return nil }
      let day = rule.civilDate(of: created.at)
      let minute = rule.minuteOfDay(created.at)
      let grace = settings.outsideHoursGraceMinutes
      let open = [minute - grace, minute, minute + grace].contains {
        AppointmentSlots.isOpen(day, minute: $0, hours: hours, calendar: rule.calendar)
      }
      guard !open else { return nil }
      let clock = String(format: "%02d:%02d", minute / 60, minute % 60)
      return ([created.sequence], "\(day.iso) \(clock) 收件，登记人：\(created.actorName)")
    case .shipmentStuck, .rectificationOverdue, .intakeOutlier:
      return nil
    case .registeredOffDuty:
      guard serviceCase.channel == .window, let duties,
        let created = events.first(where: { $0.step == .create })
      else { return nil }
      let day = rule.civilDate(of: created.at)
      guard duties.isStaffed(serviceCase.siteID, on: day),
        !duties.isOnDuty(created.actorID, at: serviceCase.siteID, on: day)
      else { return nil }
      return ([created.sequence], "\(day.iso) 收件登记人 \(created.actorName) 当天未在该场所排岗、签到或替岗")
    }
  }
}

/// The rules' thresholds: the center's settings, with defaults from the law.
public struct AnomalySettings: Sendable, Hashable, Codable {
  /// Working days from submission within which the window accepts or tells what to correct (行政许可法 第三十二条).
  public var lateAcceptanceWorkdays: Int
  /// Minutes before opening or after closing a window registration is still in hours (the last applicant served).
  public var outsideHoursGraceMinutes: Int
  /// Hours a case's paper may be on its way before it counts as stuck (the shipments page's 48 hours).
  public var shipmentStuckHours: Int
  /// 补正拒办异常: at least this many answers, this many times and this many cases above what peers' rates predict.
  public var outlierMinCases: Int
  public var outlierFactor: Double
  public var outlierMinExcess: Int

  public init(
    lateAcceptanceWorkdays: Int = 5, outsideHoursGraceMinutes: Int = 30, shipmentStuckHours: Int = 48,
    outlierMinCases: Int = 20, outlierFactor: Double = 2, outlierMinExcess: Int = 5
  ) {
    self.lateAcceptanceWorkdays = lateAcceptanceWorkdays
    self.outsideHoursGraceMinutes = outsideHoursGraceMinutes
    self.shipmentStuckHours = shipmentStuckHours
    self.outlierMinCases = outlierMinCases
    self.outlierFactor = outlierFactor
    self.outlierMinExcess = outlierMinExcess
  }
}

/// 补正拒办异常 over a period: each clerk's intake answers per item (answered: accepts, corrections and refusals;
/// turnedBack: corrections and refusals), compared with what the other clerks' rates on the same items predict.
public enum IntakeOutliers {
  public struct Count: Sendable, Hashable {
    public var answered: Int
    public var turnedBack: Int

    public init(answered: Int, turnedBack: Int) {
      self.answered = answered
      self.turnedBack = turnedBack
    }
  }

  public struct Finding: Sendable, Hashable {
    public let staffID: String
    /// Answers on items other clerks answered too (the only ones compared).
    public let answered: Int
    public let turnedBack: Int
    /// What the peers' rates on the same items predict.
    public let expected: Double
  }

  /// The clerks far above their peers (`counts`: clerk → item → count), the most excessive first.
  public static func find(_ counts: [String: [String: Count]], settings: AnomalySettings) -> [Finding] {
    var totals: [String: Count] = [:]
    for items in counts.values {
      for (item, count) in items {
        totals[item, default: Count(answered: 0, turnedBack: 0)].answered += count.answered
        totals[item, default: Count(answered: 0, turnedBack: 0)].turnedBack += count.turnedBack
      }
    }
    var findings: [Finding] = []
    for (staff, items) in counts {
      var answered = 0
      var turnedBack = 0
      var expected = 0.0
      for (item, own) in items {
        guard let all = totals[item], all.answered > own.answered else { continue }
        let peerRate = Double(all.turnedBack - own.turnedBack) / Double(all.answered - own.answered)
        answered += own.answered
        turnedBack += own.turnedBack
        expected += Double(own.answered) * peerRate
      }
      guard answered >= settings.outlierMinCases, Double(turnedBack) >= settings.outlierFactor * expected,
        Double(turnedBack) - expected >= Double(settings.outlierMinExcess)
      else { continue }
      findings.append(Finding(staffID: staff, answered: answered, turnedBack: turnedBack, expected: expected))
    }
    return findings.sorted { Double($0.turnedBack) - $0.expected > Double($1.turnedBack) - $1.expected }
  }
}

/// Who was on duty where, on the days the rules look at: a post (A or B) at one of the site's windows, a sign-in at
/// one, or standing in for someone with a post there. Built by the rule runner from the roster.
public struct SiteDuties: Sendable, Hashable {
  private var staffed: Set<String> = []
  private var onDuty: Set<String> = []

  public init() {}

  /// Records that `staffID` served at `siteID` on `day`; `posted`: by a post of the roster (the site is then one that
  /// keeps a roster that day).
  public mutating func add(_ staffID: String, at siteID: String, on day: CivilDate, posted: Bool) {
    // Ids compared without regard to case: a UUID is written upper- or lowercase by different stores.
    onDuty.insert("\(staffID.uppercased())|\(siteID)|\(day.iso)")
    if posted { staffed.insert("\(siteID)|\(day.iso)") }
  }

  public func isStaffed(_ siteID: String, on day: CivilDate) -> Bool { staffed.contains("\(siteID)|\(day.iso)") }

  public func isOnDuty(_ staffID: String, at siteID: String, on day: CivilDate) -> Bool {
    onDuty.contains("\(staffID.uppercased())|\(siteID)|\(day.iso)")
  }
}

/// One hit of a rule on a case, and what supervision made of it.
public struct RuleHit: Sendable, Hashable, Codable {
  public enum State: String, Sendable, Codable, CaseIterable {
    /// 待核查
    case open
    /// 已说明（不属违规）
    case explained
    /// 确认违规
    case confirmed

    public var name: LocalizedText {
      switch self {
      case .open: LocalizedText(zh: "待核查", en: "Open")
      case .explained: LocalizedText(zh: "已说明", en: "Explained")
      case .confirmed: LocalizedText(zh: "确认违规", en: "Confirmed")
      }
    }
  }

  /// What a hit that is not (only) about a case's trail is about: the package, the rectification.
  public enum Subject: Sendable, Hashable, Codable {
    case shipment(String)
    case rectification(String)
    /// A clerk (by id), for a rule over their answers rather than one case.
    case staff(String)
  }

  public let id: String
  public let rule: AnomalyRule
  /// The case; for a hit with no case (a rectification of a window's rating), the subject's key.
  public let caseNumber: String
  public let subject: Subject?
  public let departmentID: String
  public let siteID: String
  /// The trail events that prove it, by sequence number (none for a scan's hit).
  public let evidence: [Int]
  public let note: String
  public let foundAt: Date
  public private(set) var state: State
  public private(set) var finding: String?
  public private(set) var findingBy: String?
  public private(set) var findingAt: Date?

  public init(
    id: String, rule: AnomalyRule, caseNumber: String, departmentID: String, siteID: String, evidence: [Int],
    note: String, foundAt: Date, subject: Subject? = nil
  ) {
    self.id = id
    self.rule = rule
    self.caseNumber = caseNumber
    self.subject = subject
    self.departmentID = departmentID
    self.siteID = siteID
    self.evidence = evidence
    self.note = note
    self.foundAt = foundAt
    self.state = .open
  }

  /// A supervisor records what the look into it found: explained, or confirmed as a fault.
  public mutating func settle(_ state: State, finding text: String, by actor: StaffIdentity, at now: Date)
    throws(ValidationError)
  {
    guard Authorization.can(actor, .superviseCases) else {
      throw ValidationError(field: "state", zh: "只有电子监察人员可以核查预警", en: "Only supervisors settle a hit")
    }
    guard state != .open else {
      throw ValidationError(field: "state", zh: "请选择「已说明」或「确认违规」", en: "Choose explained or confirmed")
    }
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else {
      throw ValidationError(field: "finding", zh: "请填写核查情况", en: "Enter what the look into it found")
    }
    self.state = state
    finding = trimmed
    findingBy = actor.displayName
    findingAt = now
  }
}
