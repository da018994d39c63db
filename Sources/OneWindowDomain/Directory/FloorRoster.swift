import Foundation

/// 签到: a staff member's arrival at a window on a day (at the workbench or on the window's pad).
public struct WindowSignIn: Sendable, Hashable, Codable {
  public let windowID: String
  public let staffID: String
  public let day: CivilDate
  public let at: Date

  public init(windowID: String, staffID: String, day: CivilDate, at: Date) {
    self.windowID = windowID
    self.staffID = staffID
    self.day = day
    self.at = at
  }
}

/// 请假: a staff member away from the first to the last day, and who stands in (替岗) at their windows — by default
/// the B post, but a leave may name anyone.
public struct StaffLeave: Sendable, Hashable, Codable, Identifiable {
  public let id: String
  public let staffID: String
  public var firstDay: CivilDate
  public var lastDay: CivilDate
  /// The named stand-in; nil: the window's B post stands in.
  public var standInID: String?
  public var reason: String

  public init(
    id: String, staffID: String, firstDay: CivilDate, lastDay: CivilDate, standInID: String?, reason: String
  ) {
    self.id = id
    self.staffID = staffID
    self.firstDay = firstDay
    self.lastDay = lastDay
    self.standInID = standInID
    self.reason = reason
  }

  public func covers(_ day: CivilDate) -> Bool { firstDay <= day && day <= lastDay }

  /// Problems with the leave itself; every one names its field.
  public func problems() -> [ValidationError] {
    var errors: [ValidationError] = []
    if staffID.isEmpty {
      errors.append(ValidationError(field: "staff_id", zh: "请选择请假人员", en: "Choose who is away"))
    }
    if lastDay < firstDay {
      errors.append(
        ValidationError(field: "last_day", zh: "结束日期不能早于开始日期", en: "The last day cannot be before the first"))
    }
    if let standInID, standInID == staffID {
      errors.append(
        ValidationError(field: "stand_in_id", zh: "替岗人员不能是请假人本人", en: "The stand-in cannot be the person away"))
    }
    if reason.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(ValidationError(field: "reason", zh: "请填写请假事由", en: "Give the reason"))
    }
    return errors
  }
}

/// Who is really serving at a window on a day (驻厅管理): the posts, the leaves and the sign-ins decide it, so the
/// display, the pad, the call panel and the public board name the same person.
public enum FloorRoster {
  /// Why that person is at the window.
  public enum Basis: String, Sendable, Hashable {
    /// Signed in at the window today.
    case signedIn
    /// Holds the A post and is not away (not yet signed in).
    case aPost
    /// Named as the stand-in of the A post's leave.
    case standIn
    /// Holds the B post and stands in while the A post is away.
    case bPost

    public var name: LocalizedText {
      switch self {
      case .signedIn: LocalizedText(zh: "已签到", en: "Signed in")
      case .aPost: LocalizedText(zh: "A岗", en: "A post")
      case .standIn: LocalizedText(zh: "替岗", en: "Standing in")
      case .bPost: LocalizedText(zh: "B岗替岗", en: "B post standing in")
      }
    }
  }

  /// The person serving at `windowID` on `day`, and why; nil when nobody is there (both posts away, or none set).
  /// The latest sign-in of someone not away wins; else the A post; else the stand-in the A post's leave names; else
  /// the B post.
  public static func serving(
    window windowID: String, on day: CivilDate, posts: [DutyAssignment], leaves: [StaffLeave],
    signIns: [WindowSignIn]
  ) -> (staffID: String, basis: Basis)? {
    func away(_ staffID: String) -> StaffLeave? { leaves.first { $0.staffID == staffID && $0.covers(day) } }
    if let signIn = signIns.filter({ $0.windowID == windowID && $0.day == day && away($0.staffID) == nil })
      .max(by: { $0.at < $1.at })
    {
      return (signIn.staffID, .signedIn)
    }
    let today = posts.filter { $0.windowID == windowID && $0.covers(day) }
    let a = today.first { $0.post == .a }?.staffID
    let b = today.first { $0.post == .b }?.staffID
    if let a, away(a) == nil { return (a, .aPost) }
    if let a, let standIn = away(a)?.standInID, away(standIn) == nil { return (standIn, .standIn) }
    if let b, away(b) == nil { return (b, .bPost) }
    return nil
  }
}
