import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// `/api/v1/bundle-cases`: "一件事一次办" applications — one form, one case per item, one lead department.
enum BundleCaseAPIController {
  struct CreateBody: Decodable {
    let itemCodes: [String]?
    let leadDepartmentId: String?
    let applicant: CaseAPIController.CreateBody.ApplicantBody?
    let channel: String?
    let siteId: String?
  }

  struct BundleJSON: Encodable {
    let bundleId: String
    let leadDepartmentId: String?
    let state: CaseState
    let stateName: String
    let counts: [String: Int]
    let cases: [CaseJSON]
  }

  /// `POST /api/v1/bundle-cases`
  @Sendable static func create(req: Request) async throws -> Response {
    let staff = try req.requireStaff()
    let body = try CaseAPIController.decode(CreateBody.self, req)
    let codes = body.itemCodes ?? []
    guard Set(codes).count == codes.count else {
      throw ValidationError(field: "item_codes", zh: "事项不能重复", en: "An item appears twice")
    }
    let site = try await CaseAPIController.site(for: body.siteId, staff: staff, req)
    var items: [CaseItem] = []
    for (index, code) in codes.enumerated() {
      let entry = try await CaseAPIController.acceptableItem(code, field: "item_codes[\(index)]", req)
      try CaseAPIController.checkLevel(entry.item, at: site, field: "item_codes[\(index)]")
      items.append(CaseItem(entry.item, version: entry.version))
    }
    let applicant = try CaseAPIController.applicant(body.applicant)
    let channel = try CaseAPIController.parse(
      CaseChannel.self, body.channel ?? (staff.role == .agent ? "proxy" : "window"), "channel")
    let rule = try await req.deadlineRule()
    let result = try await req.cases(rule).createBundle(
      items: items, leadDepartmentID: body.leadDepartmentId ?? "", applicant: applicant, channel: channel,
      site: site, idempotencyKey: try CaseAPIController.idempotencyKey(req), by: CaseActor(staff), now: req.now)
    return try APIEncoding.response(
      json(result.bundleID, result.cases, rule: rule, req: req, viewer: try await req.caseActor(staff)),
      status: result.created ? .created : .ok, rule: rule)
  }

  /// `GET /api/v1/bundle-cases/{id}`: the cases and their combined status.
  @Sendable static func show(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewCases)
    let id = req.parameters.get("id") ?? ""
    let rule = try await req.deadlineRule()
    let cases = try await req.cases(rule).bundleCases(id)
      .filter {
        staff.scope.covers($0.scope) || staff.scope.covers(Scope(regionCode: $0.regionCode, siteID: $0.siteID))
      }
    guard !cases.isEmpty else {
      throw AppError.notFound(LocalizedText(zh: "没有一件事申请「\(id)」", en: "No bundle application \(id)"))
    }
    return try APIEncoding.response(
      json(id, cases, rule: rule, req: req, viewer: try await req.caseActor(staff)), rule: rule)
  }

  private static func json(
    _ id: String, _ cases: [ServiceCase], rule: DeadlineRule, req: Request, viewer: CaseActor
  )
    -> BundleJSON
  {
    let status = BundleStatus(cases.map(\.state))
    return BundleJSON(
      bundleId: id, leadDepartmentId: cases.first?.bundleLeadDepartmentID, state: status.state,
      stateName: status.state.name.text(req.language),
      counts: Dictionary(uniqueKeysWithValues: status.counts.map { ($0.key.rawValue, $0.value) }),
      cases: cases.map { CaseJSON($0, rule: rule, now: req.now, language: req.language, viewer: viewer) })
  }
}
