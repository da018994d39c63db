import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// Where a signed-in staff member works, and the directory names their pages show: shared by the window, proxy,
/// shipment and case pages.
enum StaffDesk {
  /// The clerk's own site: window intake happens at a site.
  static func site(_ staff: StaffIdentity, _ req: Request) async throws -> Site {
    guard let id = staff.scope.siteID,
      let site = try await req.application.lookups.site(id, db: req.database, now: req.now)
    else {
      throw AppError.forbidden(
        LocalizedText(zh: "您的账号没有绑定服务场所，不能在窗口收件", en: "Your account has no site; window intake needs one"))
    }
    return site
  }

  /// Whose records of the county `staff` reads, for work put to departments (督办 tickets, inquiries): all of them
  /// (`.some(nil)`) for a holder of one of `overseers`, a department's own for its reviewers, none (`nil`) for others.
  static func departmentSeen(by staff: StaffIdentity, overseers: [Permission]) -> String?? {
    if overseers.contains(where: { Authorization.can(staff, $0) }) { return .some(nil) }
    if let department = staff.scope.departmentID, Authorization.can(staff, .reviewCases) { return .some(department) }
    return nil
  }

  /// The active reviewers of a county's department: the people told of work put to it.
  static func reviewers(of department: String, county: RegionCode, _ req: Request) async throws -> [StaffRecord] {
    try await StaffRepository(req.database).list(in: Scope(regionCode: county, departmentID: department)).filter {
      $0.reviews(department)
    }
  }

  /// Department and site names by id (read through the look-up cache: they change a few times a year).
  static func directoryNames(_ req: Request) async throws -> DirectoryNames {
    try await req.application.lookups.directoryNames(db: req.database, now: req.now)
  }

  /// "城关镇便民服务中心 3号 综合窗口" by window id, for the county's figures and rankings (one query).
  static func windowNames(county: String, _ req: Request) async throws -> [String: String] {
    let names = try await directoryNames(req)
    var result: [String: String] = [:]
    for window in try await DirectoryRepository(req.database).windows(county: county) {
      result[window.id] = "\(names.site(window.siteID)) \(window.number)号 \(window.name)"
    }
    return result
  }
}

extension StaffRecord {
  /// An active account that reviews (decides, post-checks) the cases of `department`: who is told of work due there.
  func reviews(_ department: String) -> Bool {
    !isDisabled && identity.scope.departmentID == department && Authorization.can(identity, .reviewCases)
  }

  /// Where a staff notice reaches this person: the mobile number for the text, the account for 我的消息.
  var noticeRecipient: (phone: String, account: String) { (phone, InAppMessage.account(staff: identity.id)) }
}
