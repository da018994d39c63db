/// Who takes a step: a staff member acting under their role and scope, or the applicant on their own online case.
public struct CaseActor: Sendable, Hashable {
  public enum Who: Sendable, Hashable {
    case staff(StaffIdentity)
    /// 申请人本人 (portal account): submits, uploads, resubmits and withdraws their own cases only.
    case applicant(Citizen)
  }

  public let who: Who
  /// The 首席代表 powers the staff member holds today, by department: a reviewer decides (or reports upward) only with
  /// a valid authorisation of the case's department.
  public let chiefPowers: ChiefPowers

  public init(_ staff: StaffIdentity, chiefPowers: ChiefPowers = .none) {
    who = .staff(staff)
    self.chiefPowers = chiefPowers
  }

  public init(applicant citizen: Citizen) {
    who = .applicant(citizen)
    chiefPowers = .none
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

/// The powers of a staff member's valid 首席代表 authorisations on one day, by department.
public struct ChiefPowers: Sendable, Hashable {
  public let byDepartment: [String: Set<ChiefPower>]

  public init(_ byDepartment: [String: Set<ChiefPower>]) {
    self.byDepartment = byDepartment
  }

  public static let none = ChiefPowers([:])

  /// The powers `authorizations` grant on `day`.
  public init(_ authorizations: [ChiefAuthorization], on day: CivilDate) {
    var powers: [String: Set<ChiefPower>] = [:]
    for authorization in authorizations {
      for power in ChiefPower.allCases where authorization.grants(power, on: day) {
        powers[authorization.departmentID, default: []].insert(power)
      }
    }
    self.init(powers)
  }

  public func holds(_ power: ChiefPower, for departmentID: String) -> Bool {
    byDepartment[departmentID]?.contains(power) ?? false
  }
}
