/// 岗位: a staff member's A or B post at a window from one day to another, so the roster of any past day can be told
/// (AB岗: the B post stands in when the A post is away).
public struct DutyAssignment: Sendable, Hashable, Codable, Identifiable {
  public let id: String
  public let windowID: String
  public let staffID: String
  public let post: DutyPost
  /// The first day on the post.
  public var startsOn: CivilDate
  /// The last day on the post; nil while it runs.
  public var endsOn: CivilDate?

  public init(
    id: String, windowID: String, staffID: String, post: DutyPost, startsOn: CivilDate, endsOn: CivilDate? = nil
  ) {
    self.id = id
    self.windowID = windowID
    self.staffID = staffID
    self.post = post
    self.startsOn = startsOn
    self.endsOn = endsOn
  }

  public func covers(_ day: CivilDate) -> Bool {
    startsOn <= day && endsOn.map { day <= $0 } ?? true
  }

  /// Problems with the dates themselves.
  public func problems() -> [ValidationError] {
    if let endsOn, endsOn < startsOn {
      return [ValidationError(field: "ends_on", zh: "结束日期不能早于开始日期", en: "The end cannot be before the start")]
    }
    return []
  }
}
