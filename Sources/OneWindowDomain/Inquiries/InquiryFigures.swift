/// The counts of a county's inquiries over a period.
public struct InquiryFigures: Sendable, Hashable {
  public var filed: [InquiryKind: Int] = [:]
  public var answered = 0
  public var answeredOnTime = 0
  public var rated = 0
  public var satisfied = 0
  public var reopened = 0
  public var requestsPublished = 0
  public var requestsDone = 0

  public init() {}

  public var total: Int { filed.values.reduce(0, +) }

  /// 按期答复率: answered in time ÷ answered; nil when none was answered.
  public var onTimeRate: Double? { answered == 0 ? nil : Double(answeredOnTime) / Double(answered) }
  /// 满意率: satisfied or fairly satisfied ÷ rated; nil when none was rated.
  public var satisfactionRate: Double? { rated == 0 ? nil : Double(satisfied) / Double(rated) }
}
