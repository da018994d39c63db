/// Who takes a step: a staff member acting under their role and scope.
public struct CaseActor: Sendable, Hashable {
  public let staff: StaffIdentity

  public init(_ staff: StaffIdentity) {
    self.staff = staff
  }

  public var id: String { staff.id }
  public var name: String { staff.displayName }
}
