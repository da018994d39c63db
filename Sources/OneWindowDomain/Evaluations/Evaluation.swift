import Foundation

/// 好差评: one rating, bound to what it was about (the case, the ticket, the window, the clerk, the department, the
/// item and the site), so every figure can be told per clerk, window, department, site and item.
public struct Evaluation: Sendable, Hashable, Codable {
  public let id: String
  public let subject: EvaluationSubject
  public let channel: EvaluationChannel
  public let level: EvaluationLevel
  /// Indicator scores 1–5 the rater gave (整体满意度 is `level`).
  public let scores: [String: Int]
  public let tags: [String]
  public let comment: String
  public let rater: Rater
  public let about: Target
  public let at: Date
  /// The first rating this one follows up (再评价 after a rectification's result was told), or nil.
  public let followUpOf: String?
  /// True once an appeal (申诉复核) voided it: it stays on record and leaves the figures.
  public var voided: Bool

  public init(
    id: String, subject: EvaluationSubject, channel: EvaluationChannel, level: EvaluationLevel,
    scores: [String: Int] = [:], tags: [String] = [], comment: String = "", rater: Rater, about: Target, at: Date,
    followUpOf: String? = nil, voided: Bool = false
  ) {
    self.id = id
    self.subject = subject
    self.channel = channel
    self.level = level
    self.scores = scores
    self.tags = tags
    self.comment = comment
    self.rater = rater
    self.about = about
    self.at = at
    self.followUpOf = followUpOf
    self.voided = voided
  }

  /// Who rated: real-name (实名) with a name and a phone to call back, or anonymous (匿名).
  public struct Rater: Sendable, Hashable, Codable {
    public let name: String
    public let phone: String
    /// The portal account, when rated signed in.
    public let citizenID: String?

    public init(name: String, phone: String, citizenID: String? = nil) {
      self.name = name
      self.phone = phone
      self.citizenID = citizenID
    }

    public static let anonymous = Rater(name: "", phone: "")
    public var isRealName: Bool { !phone.isEmpty }
  }

  /// What the rating is about; each part is there when known.
  public struct Target: Sendable, Hashable, Codable {
    public var caseNumber: String?
    public var ticketID: String?
    public var windowID: String?
    /// The clerk who served, or the agent rated.
    public var staffID: String?
    public var departmentID: String?
    public var itemCode: String?
    public var itemName: String?
    public var siteID: String?
    public var regionCode: String

    public init(
      caseNumber: String? = nil, ticketID: String? = nil, windowID: String? = nil, staffID: String? = nil,
      departmentID: String? = nil, itemCode: String? = nil, itemName: String? = nil, siteID: String? = nil,
      regionCode: String
    ) {
      self.caseNumber = caseNumber
      self.ticketID = ticketID
      self.windowID = windowID
      self.staffID = staffID
      self.departmentID = departmentID
      self.itemCode = itemCode
      self.itemName = itemName
      self.siteID = siteID
      self.regionCode = regionCode
    }
  }

  /// The key that makes a rating once per thing and channel: a case once per channel group and subject, a window
  /// service once, and each of these followed up once.
  public var onceKey: String {
    let base: String
    switch subject {
    case .service: base = "service:\(about.ticketID ?? id)"
    case .case: base = "case:\(about.caseNumber ?? id):\(channel.group.rawValue)"
    case .agent: base = "agent:\(about.caseNumber ?? id)"
    }
    return followUpOf == nil ? base : base + ":again"
  }
}

/// What a rater posts: checked before anything is stored, every problem named by its field.
public struct EvaluationForm: Sendable, Hashable {
  public var level: String?
  public var scores: [String: String]
  public var tags: [String]
  public var comment: String
  public var anonymous: Bool

  public init(
    level: String?, scores: [String: String] = [:], tags: [String] = [], comment: String = "",
    anonymous: Bool = false
  ) {
    self.level = level
    self.scores = scores
    self.tags = tags
    self.comment = comment
    self.anonymous = anonymous
  }

  public static let commentLimit = 500

  /// The checked parts, or every problem at once. A negative rating asks for a reason (a tag or a comment), so the
  /// rectification has something to verify.
  public func check(channel: EvaluationChannel) throws(ValidationErrors) -> (
    level: EvaluationLevel, scores: [String: Int], tags: [String], comment: String
  ) {
    var errors: [ValidationError] = []
    var level: EvaluationLevel?
    do { level = try EvaluationLevel.parse(self.level) } catch { errors.append(error) }
    var scores: [String: Int] = [:]
    for indicator in channel.indicators {
      guard let raw = self.scores[indicator.rawValue]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
        continue
      }
      guard let score = Int(raw), (1...5).contains(score) else {
        errors.append(
          ValidationError(
            field: "score_\(indicator.rawValue)", zh: "「\(indicator.name.zh)」请在 1–5 分之间选择",
            en: "Score '\(indicator.name.en)' from 1 to 5"))
        continue
      }
      scores[indicator.rawValue] = score
    }
    let known = Set(EvaluationTag.all.map(\.zh))
    let tags = Array(Set(self.tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }))
      .sorted()
    if let unknown = tags.first(where: { !known.contains($0) }) {
      errors.append(ValidationError(field: "tags", zh: "没有「\(unknown)」这个标签", en: "No tag '\(unknown)'"))
    }
    let comment = self.comment.trimmingCharacters(in: .whitespacesAndNewlines)
    if comment.count > Self.commentLimit {
      errors.append(
        ValidationError(
          field: "comment", zh: "评价内容请控制在 \(Self.commentLimit) 字以内",
          en: "Keep the comment within \(Self.commentLimit) characters"))
    }
    if let level, level.isNegative, comment.isEmpty, tags.isEmpty {
      errors.append(
        ValidationError(
          field: "comment", zh: "请说明不满意的原因（选择标签或填写内容），以便核实整改",
          en: "Say what went wrong (a tag or a comment) so it can be put right"))
    }
    guard errors.isEmpty, let level else { throw ValidationErrors(errors) }
    return (level, scores, tags, comment)
  }
}
