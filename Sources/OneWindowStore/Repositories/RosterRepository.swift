import Fluent
import Foundation
import OneWindowDomain

/// Who holds which post at which window on which day (AB岗, with dates so any past day's roster can be told), and the
/// 首席代表 authorisations that let a reviewer decide.
public struct RosterRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  /// The staff id holding a post at a window on `day`.
  public func onDuty(window: String, post: DutyPost, on day: CivilDate) async throws -> String? {
    try await DutyAssignmentModel.query(on: db).filter(\.$windowID == window).filter(\.$post == post.rawValue).all()
      .compactMap(\.domain).first { $0.covers(day) }?.staffID
  }

  /// The windows a staff member is on duty at on `day`, with the post held there.
  public func duties(of staffID: String, on day: CivilDate) async throws -> [(window: Window, post: DutyPost)] {
    guard let uuid = UUID(uuidString: staffID) else { return [] }
    let rows = try await DutyAssignmentModel.query(on: db).filter(\.$staffID == uuid)
      .join(WindowModel.self, on: \DutyAssignmentModel.$windowID == \WindowModel.$id).all()
    return rows.compactMap { row -> (window: Window, post: DutyPost)? in
      guard let duty = row.domain, duty.covers(day), let window = try? row.joined(WindowModel.self).domain,
        !window.isRetired
      else { return nil }
      return (window, duty.post)
    }.sorted { $0.window.id < $1.window.id }
  }

  /// Every duty at the windows of `site` that covers `day` or later (the roster page's list), or all when nil.
  public func assignments(site: String? = nil, from day: CivilDate? = nil) async throws -> [DutyAssignment] {
    var query = DutyAssignmentModel.query(on: db).join(
      WindowModel.self, on: \DutyAssignmentModel.$windowID == \WindowModel.$id)
    if let site { query = query.filter(WindowModel.self, \.$siteID == site) }
    return try await query.sort(\.$windowID).sort(\.$post).sort(\.$startsOn).all().compactMap(\.domain).filter {
      guard let day else { return true }
      return $0.endsOn.map { $0 >= day } ?? true
    }
  }

  /// One duty by its id.
  public func assignment(_ id: String) async throws -> DutyAssignment? {
    guard let uuid = UUID(uuidString: id) else { return nil }
    return try await DutyAssignmentModel.find(uuid, on: db)?.domain
  }

  /// Puts a staff member on a post from `startsOn` (to `endsOn`, or open): whoever held the post then ends the day
  /// before, and assignments that would start later are replaced. Every problem is named by field.
  @discardableResult
  public func assign(
    window windowID: String, post: DutyPost, staff staffID: String, startsOn: CivilDate, endsOn: CivilDate?,
    county: RegionCode
  ) async throws -> DutyAssignment {
    let duty = DutyAssignment(
      id: UUID().uuidString, windowID: windowID, staffID: staffID, post: post, startsOn: startsOn, endsOn: endsOn)
    var errors = duty.problems()
    let window = try await WindowModel.find(windowID, on: db)
    if window == nil || window?.countyCode != county.value {
      errors.append(ValidationError(field: "window_id", zh: "请选择本县的窗口", en: "Choose a window of the county"))
    } else if window?.retiredAt != nil {
      errors.append(ValidationError(field: "window_id", zh: "该窗口已停用", en: "The window is retired"))
    }
    let staff = try await UUID(uuidString: staffID).asyncMap { try await StaffModel.find($0, on: db) } ?? nil
    if staff == nil || staff?.countyCode != county.value {
      errors.append(ValidationError(field: "staff_id", zh: "请选择本县的工作人员", en: "Choose a staff member of the county"))
    } else if staff?.disabledAt != nil {
      errors.append(ValidationError(field: "staff_id", zh: "该账号已停用", en: "The account is disabled"))
    } else if let staff,
      !Authorization.permissions(of: Role(rawValue: staff.role) ?? .agent).contains(.intakeCases)
        && !Authorization.permissions(of: Role(rawValue: staff.role) ?? .agent).contains(.proxyApply)
    {
      errors.append(
        ValidationError(field: "staff_id", zh: "只有窗口人员或帮办代办员上岗", en: "Only window clerks and proxy agents hold posts"))
    }
    guard errors.isEmpty, let staff, let staffUUID = staff.id else { throw ValidationErrors(errors) }
    try await db.transaction { db in
      for other in try await DutyAssignmentModel.query(on: db).filter(\.$windowID == windowID)
        .filter(\.$post == post.rawValue).all()
      {
        guard let held = other.domain, held.endsOn.map({ $0 >= startsOn }) ?? true else { continue }
        if held.startsOn >= startsOn {
          try await other.delete(on: db)
        } else {
          other.endsOn = startsOn.adding(days: -1).iso
          try await other.save(on: db)
        }
      }
      try await DutyAssignmentModel(duty, staffID: staffUUID, countyCode: county.value).create(on: db)
    }
    return duty
  }

  /// Ends a duty on `lastDay` (a duty that has not started by then is removed).
  public func end(duty id: String, lastDay: CivilDate, county: RegionCode) async throws {
    guard let uuid = UUID(uuidString: id), let model = try await DutyAssignmentModel.find(uuid, on: db),
      model.countyCode == county.value, let duty = model.domain
    else {
      throw ValidationErrors([ValidationError(field: "duty", zh: "没有这个岗位安排", en: "No such duty")])
    }
    if duty.startsOn > lastDay {
      try await model.delete(on: db)
    } else if duty.endsOn.map({ $0 > lastDay }) ?? true {
      model.endsOn = lastDay.iso
      try await model.save(on: db)
    }
  }

  // MARK: 首席代表授权

  /// Records an authorisation after checking it names a department of the county and a reviewer of it.
  @discardableResult
  public func authorize(_ authorization: ChiefAuthorization, county: RegionCode, now: Date) async throws
    -> ChiefAuthorization
  {
    var errors = authorization.problems()
    let department = try await DepartmentModel.find(authorization.departmentID, on: db)
    if department == nil || department?.countyCode != county.value {
      errors.append(ValidationError(field: "department_id", zh: "请选择本县的部门", en: "Choose a department of the county"))
    } else if department?.retiredAt != nil {
      errors.append(ValidationError(field: "department_id", zh: "该部门已停用", en: "The department is retired"))
    }
    let staff =
      try await UUID(uuidString: authorization.staffID).asyncMap { try await StaffModel.find($0, on: db) }
      ?? nil
    if staff == nil || staff?.countyCode != county.value {
      errors.append(ValidationError(field: "staff_id", zh: "请选择本县的工作人员", en: "Choose a staff member of the county"))
    } else if staff?.role != Role.reviewer.rawValue {
      errors.append(
        ValidationError(field: "staff_id", zh: "首席代表须是后台审批人员账号", en: "A chief representative is a reviewer account"))
    } else if let scoped = staff?.departmentID, scoped != authorization.departmentID {
      errors.append(
        ValidationError(field: "staff_id", zh: "该人员属于其他部门", en: "This person belongs to another department"))
    }
    guard errors.isEmpty, let staffUUID = staff?.id else { throw ValidationErrors(errors) }
    let model = ChiefAuthorizationModel(authorization, staffID: staffUUID, countyCode: county.value, now: now)
    try await model.create(on: db)
    return model.domain!
  }

  public func revoke(authorization id: String, county: RegionCode, now: Date) async throws {
    guard let uuid = UUID(uuidString: id), let model = try await ChiefAuthorizationModel.find(uuid, on: db),
      model.countyCode == county.value
    else {
      throw ValidationErrors([ValidationError(field: "authorization", zh: "没有这份授权", en: "No such authorisation")])
    }
    model.revokedAt = model.revokedAt ?? now
    try await model.save(on: db)
  }

  /// The county's authorisations, newest first.
  public func authorizations(county: RegionCode) async throws -> [ChiefAuthorization] {
    try await ChiefAuthorizationModel.query(on: db).filter(\.$countyCode == county.value).sort(
      \.$createdAt, .descending
    )
    .all().compactMap(\.domain)
  }

  /// The authorisations a staff member holds (valid or not: the caller asks `grants(_:on:)`).
  public func authorizations(of staffID: String) async throws -> [ChiefAuthorization] {
    guard let uuid = UUID(uuidString: staffID) else { return [] }
    return try await ChiefAuthorizationModel.query(on: db).filter(\.$staffID == uuid).all().compactMap(\.domain)
  }
}

extension Optional {
  fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
    guard let self else { return nil }
    return try await transform(self)
  }
}
