import OneWindowDomain
import OneWindowStore
import Vapor

extension Request {
  private struct SessionKey: StorageKey {
    typealias Value = StaffSession
  }

  private struct APIStaffKey: StorageKey {
    typealias Value = StaffIdentity
  }

  private struct CSRFKey: StorageKey {
    typealias Value = String
  }

  /// The signed-in staff session of a page request, if any.
  var staffSession: StaffSession? {
    get { storage[SessionKey.self] }
    set { storage[SessionKey.self] = newValue }
  }

  /// The staff member a bearer token stands for, on API requests.
  var apiStaff: StaffIdentity? {
    get { storage[APIStaffKey.self] }
    set { storage[APIStaffKey.self] = newValue }
  }

  /// The token forms on this page must carry: the session's, or the anonymous visitor's cookie.
  var csrfToken: String {
    get { storage[CSRFKey.self] ?? "" }
    set { storage[CSRFKey.self] = newValue }
  }

  /// Whoever is acting: the page session's staff member or the API token's.
  var staff: StaffIdentity? { staffSession?.staff ?? apiStaff }

  /// The acting staff member, or 401.
  func requireStaff() throws -> StaffIdentity {
    guard let staff else { throw AppError.unauthenticated }
    return staff
  }

  /// The one gate every route goes through: the acting staff member if `Authorization` allows the
  /// permission (on a resource in `target`, when given), else 401 or 403 with the reason.
  @discardableResult
  func authorize(_ permission: Permission, in target: Scope? = nil) throws -> StaffIdentity {
    let staff = try requireStaff()
    switch Authorization.decide(staff, permission, in: target) {
    case .allowed: return staff
    case .denied(let reason): throw AppError.forbidden(reason)
    }
  }
}
