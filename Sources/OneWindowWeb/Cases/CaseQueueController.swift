import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// The queues staff work from: the back-office inbox (后台审批) and result delivery (统一出件).
enum CaseQueueController {
  static let pageSize = 50

  /// `GET /office?warning=&page=`: the department's open cases, soonest due first, and its opinion requests.
  @Sendable static func office(req: Request) async throws -> HTML {
    let staff = try req.authorize(.reviewCases)
    let rule = try await req.deadlineRule()
    let repository = req.cases(rule)
    var filter = CaseFilter(scope: staff.scope)
    filter.states = [.accepted, .inReview, .suspended, .escalated]
    filter.warning = req.query[String.self, at: "warning"].flatMap(WarningLevel.init(rawValue:))
    let page = min(max(req.query[Int.self, at: "page"] ?? 1, 1), 10_000)
    filter.limit = pageSize
    filter.offset = (page - 1) * pageSize
    let (cases, total) = try await repository.list(filter, now: req.now)
    let opinions = try await staff.scope.departmentID.asyncMap { try await repository.opinionQueue(departmentID: $0) }
    let department = try await staff.scope.departmentID.asyncMap {
      try await DirectoryRepository(req.database).department($0)
    }
    let names = try await StaffDesk.directoryNames(req)
    return InboxPage.render(
      InboxPage.Model(
        departmentName: department??.name ?? names.site(staff.scope.siteID ?? ""),
        cases: cases.map { ($0, $0.deadline(rule, now: req.now)) }, total: total,
        opinionRequests: (opinions ?? []).map { ($0, $0.deadline(rule, now: req.now)) }, warning: filter.warning,
        clock: CaseClock(rule: rule, now: req.now), names: names, page: page, pageSize: pageSize),
      try await req.pageContext())
  }

  /// `GET /delivery`: decided cases whose result this site hands out.
  @Sendable static func delivery(req: Request) async throws -> HTML {
    let staff = try req.authorize(.deliverResults)
    let rule = try await req.deadlineRule()
    var filter = CaseFilter(scope: staff.scope)
    filter.states = [.decided]
    filter.siteID = staff.scope.siteID
    filter.limit = 200
    let (cases, total) = try await req.cases(rule).list(filter, now: req.now)
    let names = try await StaffDesk.directoryNames(req)
    return DeliveryPage.render(
      DeliveryPage.Model(
        siteName: names.site(staff.scope.siteID ?? ""), cases: cases.map { ($0, nil) }, total: total,
        clock: CaseClock(rule: rule, now: req.now), names: names),
      try await req.pageContext())
  }
}
