import Foundation

/// 考核 (seeds 001, 002, 004: "窗口工作绩效考核"): for a period, each clerk, window, department, town or agent gets a
/// score out of 100 from criteria the center weights. Each criterion is a share between 0 and 1 read from the same
/// figures the statistics show (`CaseTally`, `SatisfactionFigures`), the supervision records (rule hits, spot checks)
/// and the roster (sign-ins). A criterion with nothing to count is unknown and left out, and the score is the weighted
/// mean over the criteria that are known — so a clerk who decides nothing is not marked down for late decisions, and
/// the table says on how many criteria each score rests.
public struct Assessment: Sendable {
  /// What is assessed.
  public enum Subject: String, Sendable, Codable, CaseIterable {
    case staff, window, department, town, agent

    public var name: LocalizedText {
      switch self {
      case .staff: LocalizedText(zh: "工作人员", en: "Staff member")
      case .window: LocalizedText(zh: "窗口", en: "Window")
      case .department: LocalizedText(zh: "部门", en: "Department")
      case .town: LocalizedText(zh: "镇街", en: "Town")
      case .agent: LocalizedText(zh: "代办员", en: "Proxy agent")
      }
    }
  }

  public enum Criterion: String, Sendable, Codable, CaseIterable {
    case onTime = "on_time"
    case early
    case firstTime = "first_time"
    case notRefused = "not_refused"
    case goodRatings = "good_ratings"
    case rectifiedOnTime = "rectified_on_time"
    case noRuleHits = "no_rule_hits"
    case spotChecks = "spot_checks"
    case attendance

    public var name: LocalizedText {
      switch self {
      case .onTime: LocalizedText(zh: "按期办结率", en: "Decided on time")
      case .early: LocalizedText(zh: "提前办结率", en: "Decided early")
      case .firstTime: LocalizedText(zh: "一次办结（无补正）", en: "No correction needed")
      case .notRefused: LocalizedText(zh: "受理率（未不予受理）", en: "Not refused")
      case .goodRatings: LocalizedText(zh: "好评率", en: "Good ratings")
      case .rectifiedOnTime: LocalizedText(zh: "差评整改按期率", en: "Rectified on time")
      case .noRuleHits: LocalizedText(zh: "无监察预警", en: "Without rule hits")
      case .spotChecks: LocalizedText(zh: "抽查合规率", en: "Spot checks compliant")
      case .attendance: LocalizedText(zh: "出勤率（签到）", en: "Attendance (sign-ins)")
      }
    }

    /// What the share counts.
    public var definition: LocalizedText {
      switch self {
      case .onTime: LocalizedText(zh: "办结件中未超期的 ÷ 办结件", en: "Concluded cases not decided late ÷ concluded")
      case .early: LocalizedText(zh: "提前办结的 ÷ 办结件", en: "Decided before the due date ÷ concluded")
      case .firstTime:
        LocalizedText(zh: "1 − 补正通知数 ÷ 办结件（不低于0）", en: "1 − correction notices ÷ concluded (at least 0)")
      case .notRefused:
        LocalizedText(zh: "受理件 ÷（受理件 + 不予受理件）", en: "Accepted ÷ (accepted + refused)")
      case .goodRatings: LocalizedText(zh: "非常满意和满意 ÷ 评价数", en: "非常满意 and 满意 ÷ ratings")
      case .rectifiedOnTime: LocalizedText(zh: "按期整改的差评 ÷ 已整改的差评", en: "Rectified on time ÷ rectified")
      case .noRuleHits:
        LocalizedText(
          zh: "1 − 确认或待查的监察预警数 ÷ 经手办件数（不低于0）", en: "1 − open or confirmed rule hits ÷ cases handled (at least 0)")
      case .spotChecks: LocalizedText(zh: "抽查合规的 ÷ 已抽查的", en: "Checked compliant ÷ checked")
      case .attendance:
        LocalizedText(
          zh: "签到天数 ÷ 在岗（A岗）工作日数，请假日不计；本期全县无签到记录时视为未知",
          en: "Days signed in ÷ working days on an A post, leave left out; unknown when the county recorded no sign-in")
      }
    }

    /// The default weights (out of 100): punctuality and satisfaction first, as the seeds' assessments weigh them.
    public var defaultWeight: Int {
      switch self {
      case .onTime: 25
      case .early: 10
      case .firstTime: 10
      case .notRefused: 5
      case .goodRatings: 20
      case .rectifiedOnTime: 10
      case .noRuleHits: 10
      case .spotChecks: 5
      case .attendance: 5
      }
    }
  }

  /// What one subject is assessed on.
  public struct Record: Sendable {
    public let key: String
    public let name: String
    public var cases: CaseTally
    public var ratings: SatisfactionFigures?
    public var ruleHits = 0
    /// Spot-check findings: (compliant, checked).
    public var spotChecks: (compliant: Int, checked: Int)?
    /// Attendance: (days signed in, days on duty); nil when unknown.
    public var attendance: (present: Int, due: Int)?

    public init(key: String, name: String, cases: CaseTally) {
      self.key = key
      self.name = name
      self.cases = cases
    }

    /// Cases this subject handled in the period: filed, accepted or concluded by it (the larger of these).
    public var handled: Int { max(cases.filed, cases.accepted, cases.ended) }

    /// The share a criterion reads, or nil when there is nothing to count.
    public func share(_ criterion: Criterion) -> Double? {
      let c = cases
      func ratio(_ n: Int, _ d: Int) -> Double? { d > 0 ? Double(n) / Double(d) : nil }
      switch criterion {
      case .onTime: return ratio(c.concluded - c.decidedLate, c.concluded)
      case .early: return ratio(c.decidedEarly, c.concluded)
      case .firstTime: return c.concluded > 0 ? max(0, 1 - Double(c.corrections) / Double(c.concluded)) : nil
      case .notRefused: return ratio(c.accepted, c.accepted + c.refused)
      case .goodRatings: return ratings?.goodRate
      case .rectifiedOnTime: return ratings?.onTimeRate
      case .noRuleHits: return handled > 0 ? max(0, 1 - Double(ruleHits) / Double(handled)) : nil
      case .spotChecks: return spotChecks.flatMap { ratio($0.compliant, $0.checked) }
      case .attendance: return attendance.flatMap { ratio($0.present, $0.due) }
      }
    }
  }

  /// One line of the ranked table.
  public struct Line: Sendable {
    public let record: Record
    /// 0–100, nil when no criterion is known.
    public let score: Double?
    public let shares: [Criterion: Double]
    /// nil: not ranked — no score, or a score resting on less than `minimumBasis` of the weights.
    public let rank: Int?
    /// The share of the weights whose criteria are known.
    public let basis: Double
  }

  /// A score is ranked only when the criteria it rests on carry at least half the weights: a clerk with two good
  /// figures out of nine is not put above one measured on all nine.
  public static let minimumBasis = 0.5

  public let lines: [Line]

  /// Scores `records` with `weights` (criteria left out weigh 0) and ranks them, best first; records with no known
  /// criterion come last, unranked. Ties share a rank.
  public init(records: [Record], weights: [Criterion: Int]) {
    let total = Criterion.allCases.reduce(0) { $0 + max(0, weights[$1] ?? 0) }
    let scored = records.map { record -> (record: Record, score: Double?, shares: [Criterion: Double], basis: Double) in
      var shares: [Criterion: Double] = [:]
      var sum = 0.0
      var weight = 0
      for criterion in Criterion.allCases {
        guard let share = record.share(criterion) else { continue }
        shares[criterion] = share
        let w = max(0, weights[criterion] ?? 0)
        sum += Double(w) * share
        weight += w
      }
      let basis = total > 0 ? Double(weight) / Double(total) : 0
      return (record, weight > 0 ? 100 * sum / Double(weight) : nil, shares, basis)
    }
    func ranked(_ entry: (record: Record, score: Double?, shares: [Criterion: Double], basis: Double)) -> Double? {
      entry.basis + 1e-9 >= Self.minimumBasis ? entry.score : nil
    }
    let ordered = scored.sorted { a, b in
      switch (ranked(a), ranked(b)) {
      case (let x?, let y?) where abs(x - y) > 1e-9: return x > y
      case (nil, _?): return false
      case (_?, nil): return true
      default:
        switch (a.score, b.score) {
        case (let x?, let y?) where abs(x - y) > 1e-9: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        return a.record.handled != b.record.handled
          ? a.record.handled > b.record.handled : a.record.name < b.record.name
      }
    }
    var lines: [Line] = []
    var rank = 0
    var previous: Double?
    for (index, entry) in ordered.enumerated() {
      let score = ranked(entry)
      if let score {
        // Scores equal to one decimal place share a rank.
        if previous.map({ abs($0 - score) >= 0.05 }) ?? true { rank = index + 1 }
        previous = score
      }
      lines.append(
        Line(
          record: entry.record, score: entry.score, shares: entry.shares, rank: score == nil ? nil : rank,
          basis: entry.basis))
    }
    self.lines = lines
  }

  /// Checks the weights the center enters: whole numbers from 0 to 100, at least one above 0.
  public static func validate(weights: [String: String]) -> Result<[Criterion: Int], ValidationError> {
    var parsed: [Criterion: Int] = [:]
    for criterion in Criterion.allCases {
      let raw = (weights[criterion.rawValue] ?? "").trimmingCharacters(in: .whitespaces)
      guard let value = Int(raw), (0...100).contains(value) else {
        return .failure(
          ValidationError(
            field: criterion.rawValue, zh: "“\(criterion.name.zh)”的权重应为0到100的整数",
            en: "The weight of \(criterion.name.en) must be a whole number from 0 to 100"))
      }
      parsed[criterion] = value
    }
    guard parsed.values.contains(where: { $0 > 0 }) else {
      return .failure(
        ValidationError(field: Criterion.onTime.rawValue, zh: "至少一项权重应大于0", en: "At least one weight must be above 0"))
    }
    return .success(parsed)
  }

  public static var defaultWeights: [Criterion: Int] {
    Dictionary(uniqueKeysWithValues: Criterion.allCases.map { ($0, $0.defaultWeight) })
  }
}
