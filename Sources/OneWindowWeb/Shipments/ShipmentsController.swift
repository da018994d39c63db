import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 物料流转 pages, for the staff of a site (window clerks and village agents): pack, send, confirm receipt, hand over
/// to the department, return. The county center also sees packages on the way longer than `stuckAfter`.
enum ShipmentsController {
  /// How long a package may be on the way before the center chases it.
  static let stuckAfter: TimeInterval = 48 * 3600

  /// `GET /shipments`
  @Sendable static func list(req: Request) async throws -> HTML {
    let (staff, site) = try await desk(req)
    return try await page(staff, site, errors: [], failedShipment: nil, req)
  }

  /// `POST /shipments`: packs a new shipment with the ticked cases.
  @Sendable static func pack(req: Request) async throws -> Response {
    let (staff, site) = try await desk(req)
    let fields = try req.content.decode([String: String].self)
    let allowed = Set(try await candidates(staff, site, req).map(\.0))
    let numbers = fields.keys.filter { $0.hasPrefix("case_") }.map { String($0.dropFirst(5)) }.filter(allowed.contains)
      .sorted()
    let destinations = Set(try await destinations(site, req).map(\.0))
    let to = fields["to_site_id"] ?? ""
    do {
      let shipment = try Shipment(
        id: UUID().uuidString, from: site.id, to: destinations.contains(to) ? to : "", caseNumbers: numbers,
        by: staff.id, byName: staff.displayName, at: req.now)
      try await ShipmentRepository(req.database).create(shipment, county: site.regionCode.county.value, now: req.now)
      return req.redirect(to: Links.shipments)
    } catch let error as ValidationErrors {
      return .html(
        try await page(staff, site, errors: error.errors, failedShipment: nil, req), status: .unprocessableEntity)
    }
  }

  /// `POST /shipments/{id}/{send|receive|hand-over|return}`
  @Sendable static func step(req: Request) async throws -> Response {
    let (staff, site) = try await desk(req)
    let id = req.parameters.get("id") ?? ""
    let fields = try req.content.decode([String: String].self)
    let action: Shipment.Action
    switch req.parameters.get("action") {
    case "send":
      action = .send(
        carrier: fields["carrier"] ?? "", trackingNumber: fields["tracking_number"] ?? "",
        byHand: fields["by_hand"] == "on")
    case "receive": action = .receive
    case "hand-over": action = .handOver(note: fields["note"] ?? "")
    case "return": action = .giveBack(reason: fields["reason"] ?? "")
    default: throw AppError.notFound(LocalizedText(zh: "没有这个操作", en: "No such step"))
    }
    do {
      _ = try await ShipmentRepository(req.database).apply(
        action, to: id, atSite: site.id, by: staff.id, byName: staff.displayName, now: req.now)
      return req.redirect(to: Links.shipments + "#shipment-\(id)")
    } catch let error as ValidationError {
      return .html(
        try await page(staff, site, errors: [error], failedShipment: id, req), status: .unprocessableEntity)
    }
  }

  // MARK: helpers

  /// Clerks and agents work shipments at their own site.
  private static func desk(_ req: Request) async throws -> (StaffIdentity, Site) {
    let staff = try req.requireStaff()
    guard Authorization.can(staff, .intakeCases) || Authorization.can(staff, .proxyApply) else {
      throw AppError.forbidden(LocalizedText(zh: "只有窗口和帮办代办人员处理物料流转", en: "For window and proxy staff"))
    }
    return (staff, try await StaffDesk.site(staff, req))
  }

  private static func page(
    _ staff: StaffIdentity, _ site: Site, errors: [ValidationError], failedShipment: String?, _ req: Request
  ) async throws -> HTML {
    let rule = try await req.deadlineRule()
    let repository = ShipmentRepository(req.database)
    let center = site.kind == .serviceCenter && site.regionCode.level == .county
    return ShipmentsPage.render(
      ShipmentsPage.Model(
        site: site, destinations: try await destinations(site, req), candidates: try await candidates(staff, site, req),
        shipments: try await repository.list(site: site.id),
        stuck: center ? try await repository.stuck(sentBefore: req.now.addingTimeInterval(-stuckAfter)) : [],
        stuckHours: Int(stuckAfter / 3600), clock: CaseClock(rule: rule, now: req.now),
        names: try await StaffDesk.directoryNames(req), errors: errors, failedShipment: failedShipment),
      try await req.pageContext())
  }

  /// Where a package from `site` may go: the service centers above it (its town's, the county's) and back down to
  /// the stations and towns of its area.
  private static func destinations(_ site: Site, _ req: Request) async throws -> [(String, String)] {
    try await DirectoryRepository(req.database).sites().filter { other in
      other.id != site.id && other.kind != .bankPoint
        && (site.regionCode.value.hasPrefix(other.regionCode.value)
          || other.regionCode.value.hasPrefix(site.regionCode.value))
    }.map { ($0.id, $0.name) }
  }

  /// Cases whose paper may be packed here: an agent's own proxy cases; a site's open cases.
  private static func candidates(_ staff: StaffIdentity, _ site: Site, _ req: Request) async throws
    -> [(String, String, String)]
  {
    let rule = try await req.deadlineRule()
    let repository = req.cases(rule)
    let cases: [ServiceCase]
    if staff.role == .agent {
      cases = try await repository.cases(ofAgent: staff.id).filter { !$0.state.isTerminal }
    } else {
      var filter = CaseFilter(scope: staff.scope)
      filter.siteID = site.id
      filter.states = CaseState.allCases.filter { !$0.isTerminal && $0 != .draft }
      filter.limit = 200
      cases = try await repository.list(filter, now: req.now).cases
    }
    return cases.map { ($0.number, $0.item.name, $0.applicant.name) }
  }
}
