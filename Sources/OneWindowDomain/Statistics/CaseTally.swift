/// The case counts the statistics read, for one group of cases (a day's cases of one department at one window, a
/// month of a town, the county): what was filed, accepted and concluded, and how. Tallies add up (`+`), so the
/// rollup keeps them per day and any period or grouping is a sum. Every count is of events in the period: a case filed
/// in October and concluded in November counts as filed in October and concluded in November.
public struct CaseTally: Sendable, Hashable, Codable {
  /// Cases filed (left the draft): at a window, online, by an agent, …
  public var filed = 0
  /// Of them, filed through the portal or the mobile app (网上申报).
  public var filedOnline = 0
  /// Of them, filed by a proxy agent (帮办代办).
  public var filedByProxy = 0
  /// Of them, filed at a window, a kiosk or a bank point.
  public var filedOnSite = 0
  /// Cases accepted (受理).
  public var accepted = 0
  /// Of them, accepted at a general window (无差别综合 or 分领域综合: 综合一窗受理).
  public var acceptedAtGeneralWindow = 0
  /// Of them, accepted at a known window (the denominator of 综合一窗受理率).
  public var acceptedAtWindow = 0
  /// Cases that came to an end (办结, 不予受理 or 撤回).
  public var ended = 0
  /// Of the ended, those concluded with a decision (出证办结 or 不予许可).
  public var concluded = 0
  public var approved = 0
  public var refused = 0
  public var withdrawn = 0
  /// Concluded cases decided on the day they were accepted (即办).
  public var decidedSameDay = 0
  /// Concluded cases decided before their due date (提前办结).
  public var decidedEarly = 0
  /// Concluded cases decided after their due date (超期).
  public var decidedLate = 0
  /// Concluded cases whose applicant never had to come to a site (全程网办 by case).
  public var noVisit = 0
  /// Concluded cases whose result was mailed or delivered electronically (网上办结).
  public var deliveredRemotely = 0
  /// Applicant visits to a site over the concluded cases (跑动次数).
  public var visits = 0
  /// Correction notices over the concluded cases.
  public var corrections = 0
  /// Working days from acceptance to decision, clock pauses left out, over the concluded cases: their sum and how
  /// many there are in each bucket of `WorkingDayBuckets`.
  public var workingDays = 0
  public var workingDayBuckets: [Int] = Array(repeating: 0, count: WorkingDayBuckets.bounds.count)

  public init() {}

  public static func + (a: CaseTally, b: CaseTally) -> CaseTally {
    var sum = a
    sum.add(b)
    return sum
  }

  public mutating func add(_ other: CaseTally) {
    for path in Self.counts { self[keyPath: path] += other[keyPath: path] }
    for index in workingDayBuckets.indices where index < other.workingDayBuckets.count {
      workingDayBuckets[index] += other.workingDayBuckets[index]
    }
  }

  /// Every plain count, in the order the rollup table stores them.
  public static var counts: [WritableKeyPath<CaseTally, Int>] {
    [
      \.filed, \.filedOnline, \.filedByProxy, \.filedOnSite, \.accepted, \.acceptedAtGeneralWindow,
      \.acceptedAtWindow, \.ended, \.concluded, \.approved, \.refused, \.withdrawn, \.decidedSameDay, \.decidedEarly,
      \.decidedLate, \.noVisit, \.deliveredRemotely, \.visits, \.corrections, \.workingDays,
    ]
  }

  /// The rollup table's column of each count in `counts`, then the buckets `wd0` … `wd13`.
  public static let columns: [String] =
    [
      "filed", "filed_online", "filed_proxy", "filed_on_site", "accepted", "accepted_general", "accepted_window",
      "ended", "concluded", "approved", "refused", "withdrawn", "same_day", "early", "late", "no_visit",
      "delivered_remotely", "visits", "corrections", "working_days",
    ] + WorkingDayBuckets.bounds.indices.map { "wd\($0)" }

  /// The counts in the order of `columns`.
  public var values: [Int] { Self.counts.map { self[keyPath: $0] } + workingDayBuckets }

  public init(values: [Int]) {
    for (path, value) in zip(Self.counts, values) { self[keyPath: path] = value }
    let buckets = values.dropFirst(Self.counts.count)
    for (index, value) in buckets.enumerated() where index < workingDayBuckets.count {
      workingDayBuckets[index] = value
    }
  }

  public var isEmpty: Bool { values.allSatisfy { $0 == 0 } }

  /// Average working days from acceptance to decision over the concluded cases.
  public var averageWorkingDays: Double? {
    concluded > 0 ? Double(workingDays) / Double(concluded) : nil
  }

  /// The 90th percentile of working days, as the upper bound of the bucket it falls in (nil: no concluded case, or
  /// beyond the last bound).
  public var p90WorkingDays: Int? { WorkingDayBuckets.percentile(0.9, of: workingDayBuckets) }
}

/// The buckets the handling time is counted in: a case of 0 working days, 1, 2, …, then wider bounds. A percentile
/// is told as the upper bound of its bucket, which is exact up to 5 days and within the bucket above that.
public enum WorkingDayBuckets {
  /// Inclusive upper bounds; the last bucket holds everything above 60.
  public static let bounds: [Int] = [0, 1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 45, 60, Int.max]

  public static func index(of days: Int) -> Int {
    bounds.firstIndex { days <= $0 } ?? bounds.count - 1
  }

  public static func percentile(_ share: Double, of buckets: [Int]) -> Int? {
    let total = buckets.reduce(0, +)
    guard total > 0 else { return nil }
    let needed = Int((share * Double(total)).rounded(.up))
    var seen = 0
    for (index, count) in buckets.enumerated() {
      seen += count
      if seen >= needed { return bounds[index] == Int.max ? nil : bounds[index] }
    }
    return nil
  }
}
