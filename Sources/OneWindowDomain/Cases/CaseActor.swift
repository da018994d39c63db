/// Who takes a step: a staff member acting under their role and scope, or the applicant on their own online case.
public struct CaseActor: Sendable, Hashable {
  public enum Who: Sendable, Hashable {
    case staff(StaffIdentity)
    /// 申请人本人 (portal account): submits, uploads, resubmits and withdraws their own cases only.
    case applicant(Citizen)
  }

  public let who: Who

  public init(_ staff: StaffIdentity) {
    who = .staff(staff)
  }

  public init(applicant citizen: Citizen) {
    who = .applicant(citizen)
  }

  public var staff: StaffIdentity? {
    if case .staff(let staff) = who { return staff }
    return nil
  }

  public var citizen: Citizen? {
    if case .applicant(let citizen) = who { return citizen }
    return nil
  }

  /// The trail's actor id: a staff id, or `citizen:<id>`.
  public var id: String {
    switch who {
    case .staff(let staff): staff.id
    case .applicant(let citizen): "citizen:\(citizen.id)"
    }
  }

  public var name: String {
    switch who {
    case .staff(let staff): staff.displayName
    case .applicant(let citizen): citizen.name
    }
  }
}
