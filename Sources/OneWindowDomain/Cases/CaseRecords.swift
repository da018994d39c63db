import Foundation

/// What a case records beside its state: notices, review steps, opinions, the decision and the delivery.

/// 一次性告知书: everything missing or wrong, told at once.
public struct CorrectionNotice: Sendable, Hashable, Codable {
  public struct Item: Sendable, Hashable, Codable {
    /// The material concerned.
    public let material: String
    /// What is missing or wrong with it.
    public let problem: String

    public init(material: String, problem: String) {
      self.material = material
      self.problem = problem
    }
  }

  public let items: [Item]
  public let issuedAt: Date
  public let issuedBy: String
  /// Required for a second notice on the same case; such a notice is flagged to supervision.
  public let reasonForAnother: String?
  /// How many scans each listed material had when the notice was issued, so that a resubmission can tell a
  /// corrected material from one sent again unchanged. Absent on notices stored before it was kept.
  public let scansAtIssue: [String: Int]?

  public init(
    items: [Item], issuedAt: Date, issuedBy: String, reasonForAnother: String?, scansAtIssue: [String: Int]? = nil
  ) {
    self.items = items
    self.issuedAt = issuedAt
    self.issuedBy = issuedBy
    self.reasonForAnother = reasonForAnother
    self.scansAtIssue = scansAtIssue
  }

  /// The listed materials of `checklist` that have no scan added since the notice: what the applicant still owes
  /// before sending the application again. Materials the checklist does not name cannot be uploaded and are left
  /// to the clerk.
  public func unanswered(in checklist: [CaseMaterial]) -> [String] {
    var seen: Set<String> = []
    return items.compactMap { item in
      guard seen.insert(item.material).inserted,
        let line = checklist.first(where: { $0.name == item.material })
      else { return nil }
      return line.attachments.count > (scansAtIssue?[item.material] ?? 0) ? nil : item.material
    }
  }
}

/// How a case was accepted.
public enum AcceptanceForm: Sendable, Hashable, Codable {
  /// 受理
  case standard
  /// 容缺受理: accepted with materials still missing, due by a date; no result is delivered until they are in.
  case withDeficiency(materials: [String], dueDate: CivilDate)
  /// 告知承诺: accepted on the applicant's pledge; a post-check (事后核查) is due by a date.
  case onPledge(postCheckDue: CivilDate)
}

/// Materials accepted as missing (容缺) and whether they have come in.
public struct Deficiency: Sendable, Hashable, Codable {
  public let materials: [String]
  public let dueDate: CivilDate
  public var suppliedAt: Date?

  public init(materials: [String], dueDate: CivilDate, suppliedAt: Date? = nil) {
    self.materials = materials
    self.dueDate = dueDate
    self.suppliedAt = suppliedAt
  }
}

/// One review step (一审一核): who, what, and the result.
public struct ReviewStep: Sendable, Hashable, Codable {
  public let step: String
  public let opinion: String
  public let approved: Bool
  public let by: String
  public let at: Date

  public var stage: ReviewStage? { ReviewStage(name: step) }
}

/// 一审一核 (seed 002): a case that the window cannot settle at once is examined (一审) and then approved (一核),
/// and the two opinions must come from two different people.
public enum ReviewStage: String, Sendable, CaseIterable {
  /// 审查（一审）
  case examine = "审查"
  /// 核准（一核）
  case approve = "核准"

  /// The stage by its name in the trail ("审查"), or by its English name in the API ("examine").
  public init?(name: String) {
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    if let stage = ReviewStage(rawValue: trimmed) {
      self = stage
    } else if let stage = ReviewStage.allCases.first(where: { "\($0)" == trimmed.lowercased() }) {
      self = stage
    } else {
      return nil
    }
  }

  public var name: LocalizedText {
    switch self {
    case .examine: LocalizedText(zh: "审查（一审）", en: "Examination")
    case .approve: LocalizedText(zh: "核准（一核）", en: "Approval")
    }
  }

  /// The stage a case's reviews call for next: approval once an examination agreed, otherwise examination.
  public static func next(after reviews: [ReviewStep]) -> ReviewStage {
    guard let last = reviews.last(where: { $0.stage != nil }) else { return .examine }
    return last.approved ? .approve : .examine
  }

  /// Whether `staffID` may give this stage's opinion on a case with these reviews: whoever gave the other
  /// stage's opinion may not (一审一核 by different people).
  public func refusal(for staffID: String, after reviews: [ReviewStep]) -> LocalizedText? {
    let other: ReviewStage = self == .examine ? .approve : .examine
    guard reviews.contains(where: { $0.stage == other && $0.by == staffID }) else { return nil }
    return LocalizedText(
      zh: "一审一核须由不同人员办理：您已提交本件的\(other.name.zh)意见，\(name.zh)意见须由另一位工作人员提交",
      en: "The examination and the approval must be given by different people: you gave this case's "
        + "\(other.name.en.lowercased()), someone else gives its \(name.en.lowercased())")
  }
}

/// 并联审批: an opinion the lead department asks of another department, with its own deadline.
public struct OpinionRequest: Sendable, Hashable, Codable {
  public let departmentID: String
  public let question: String
  public let dueDate: CivilDate
  public let requestedAt: Date
  public var answer: String?
  public var agrees: Bool?
  public var answeredBy: String?
  public var answeredAt: Date?

  public var isOpen: Bool { answeredAt == nil }

  public init(departmentID: String, question: String, dueDate: CivilDate, requestedAt: Date) {
    self.departmentID = departmentID
    self.question = question
    self.dueDate = dueDate
    self.requestedAt = requestedAt
  }
}

/// The decision: approve (出证) or deny (不予许可), with the reason a denial needs.
public struct Decision: Sendable, Hashable, Codable {
  public let approved: Bool
  public let reason: String
  public let by: String
  public let at: Date

  public init(approved: Bool, reason: String, by: String, at: Date) {
    self.approved = approved
    self.reason = reason
    self.by = by
    self.at = at
  }
}

/// 不予受理: the reason and its legal basis.
public struct Refusal: Sendable, Hashable, Codable {
  public let reason: String
  public let legalBasis: String
}

/// 上报/转办: the department the case went to.
public struct Handover: Sendable, Hashable, Codable {
  public let fromDepartmentID: String
  public let toDepartmentID: String
  public let reason: String
  public let at: Date
}

/// 统一出件: how the result reached the applicant.
public enum Delivery: Sendable, Hashable, Codable {
  /// Picked up at the window; the clerk checked the receiver's ID.
  case pickup(receiver: String, idChecked: Bool)
  /// Mailed: carrier and tracking number.
  case mail(carrier: String, trackingNumber: String)
  /// Downloaded by the applicant (electronic licence).
  case electronic
}

/// Something supervision should look at (e.g. a second correction notice).
public struct SupervisionFlag: Sendable, Hashable, Codable {
  public let code: String
  public let note: String
  public let at: Date
}

/// 事后核查 of an acceptance on pledge (告知承诺): what the reviewer found and whether the pledge held. A false pledge
/// starts the revocation of an approval already given, on the legal basis recorded here, and bars approving a case
/// not yet decided.
public struct PostCheck: Sendable, Hashable, Codable {
  public let finding: String
  public let pledgeKept: Bool
  /// The legal basis of the consequences of a false pledge (empty when the pledge held).
  public let legalBasis: String
  public let by: String
  public let at: Date
  /// Whether this check started revoking an approval given on the pledge (撤销程序).
  public let revocationStarted: Bool

  public init(finding: String, pledgeKept: Bool, legalBasis: String, by: String, at: Date, revocationStarted: Bool) {
    self.finding = finding
    self.pledgeKept = pledgeKept
    self.legalBasis = legalBasis
    self.by = by
    self.at = at
    self.revocationStarted = revocationStarted
  }
}
