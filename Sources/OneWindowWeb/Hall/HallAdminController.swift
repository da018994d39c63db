import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// `/admin/hall`: a site's business groups and calling policy, for the center's administrators (manageSites).
enum HallAdminController {
  /// `GET /admin/hall?site=&group=`
  @Sendable static func show(req: Request) async throws -> HTML {
    let staff = try req.authorize(.manageSites)
    let site = try await chosenSite(staff, req.query[String.self, at: "site"], req)
    let groups = try await HallRepository(req.database).groups(site: site.id)
    let editing = groups.first { $0.code == req.query[String.self, at: "group"] }
    return try await page(
      staff, site, form: editing, editing: editing != nil, saved: req.query[String.self, at: "saved"], req)
  }

  static func page(
    _ staff: StaffIdentity, _ site: Site, form: BusinessGroup?, editing: Bool, groupErrors: [ValidationError] = [],
    policyErrors: [ValidationError] = [], policyInput: [String: String] = [:], saved: String? = nil, _ req: Request
  ) async throws -> HTML {
    let repository = HallRepository(req.database)
    let sites = try await DirectoryRepository(req.database).sites().filter {
      staff.scope.regionCode.contains($0.regionCode) && $0.kind != .villageStation
    }
    return HallAdminPage.render(
      HallAdminPage.Model(
        sites: sites.map { ($0.id, $0.name) }, site: site, groups: try await repository.groups(site: site.id),
        windows: try await DirectoryRepository(req.database).windows(site: site.id),
        policy: try await repository.policy(site: site.id), form: form, editing: editing, groupErrors: groupErrors,
        policyErrors: policyErrors, policyInput: policyInput, saved: saved),
      try await req.pageContext())
  }

  /// `POST /admin/hall/groups`: adds or replaces a group; every problem is told by its field and nothing is saved.
  @Sendable static func saveGroup(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageSites)
    let fields = try req.content.decode([String: String].self)
    let site = try await chosenSite(staff, fields["site"], req)
    let windows = try await DirectoryRepository(req.database).windows(site: site.id)
    let code = (fields["code"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
    let existing = try await HallRepository(req.database).groups(site: site.id)
    let codes = (fields["item_codes"] ?? "").split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == "，" || $0 == " " }
    )
    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    let group = BusinessGroup(
      siteID: site.id, code: code, name: (fields["name"] ?? "").trimmingCharacters(in: .whitespaces),
      itemCodes: Array(Set(codes)).sorted(), windowIDs: windows.map(\.id).filter { fields["window_\($0)"] == "on" },
      slotCapacity: Int((fields["slot_capacity"] ?? "").trimmingCharacters(in: .whitespaces)) ?? -1)
    var errors = group.problems()
    for item in group.itemCodes
    where try await req.application.lookups.item(item, db: req.database, now: req.now) == nil {
      errors.append(ValidationError(field: "item_codes", zh: "没有编码为 \(item) 的事项", en: "No item coded \(item)"))
    }
    let editing = fields["editing"] == "1" && existing.contains { $0.code == code }
    if !editing, existing.contains(where: { $0.code == code }) {
      errors.append(ValidationError(field: "code", zh: "分组 \(code) 已存在，请修改它或换一个字母", en: "Group \(code) exists"))
    }
    guard errors.isEmpty else {
      return .html(
        try await page(staff, site, form: group, editing: editing, groupErrors: errors, req),
        status: .unprocessableEntity)
    }
    try await HallRepository(req.database).save(group, county: site.regionCode.county.value)
    req.application.lookups.invalidate()
    return req.redirect(
      to: Links.adminHall + "?site=\(site.id)&saved=" + (group.code + " " + group.name).addingPercentEncoding(
        withAllowedCharacters: .alphanumerics)!)
  }

  /// `POST /admin/hall/policy`
  @Sendable static func savePolicy(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageSites)
    let fields = try req.content.decode([String: String].self)
    let site = try await chosenSite(staff, fields["site"], req)
    func number(_ key: String) -> Int? { Int((fields[key] ?? "").trimmingCharacters(in: .whitespaces)) }
    let policy = QueuePolicy(
      maxPriorityInARow: number("max_priority_in_a_row") ?? 0,
      maxOrdinaryWait: TimeInterval((number("max_ordinary_wait") ?? 0) * 60),
      noShowAfterCalls: number("no_show_after_calls") ?? 0)
    let errors = policy.problems()
    guard errors.isEmpty else {
      return .html(
        try await page(staff, site, form: nil, editing: false, policyErrors: errors, policyInput: fields, req),
        status: .unprocessableEntity)
    }
    try await HallRepository(req.database).save(policy, site: site.id, county: site.regionCode.county.value)
    req.application.lookups.invalidate()
    return req.redirect(
      to: Links.adminHall + "?site=\(site.id)&saved=" + "叫号规则".addingPercentEncoding(
        withAllowedCharacters: .alphanumerics)!)
  }

  /// The site named (inside the admin's region), else the first site with a hall.
  private static func chosenSite(_ staff: StaffIdentity, _ id: String?, _ req: Request) async throws -> Site {
    let sites = try await DirectoryRepository(req.database).sites().filter {
      staff.scope.regionCode.contains($0.regionCode)
    }
    if let id, !id.isEmpty {
      guard let site = sites.first(where: { $0.id == id }) else {
        throw AppError.notFound(LocalizedText(zh: "您的范围内没有这个服务场所", en: "No such site in your scope"))
      }
      return site
    }
    let withGroups = try await HallRepository(req.database).sitesWithGroups()
    guard let site = sites.first(where: { withGroups.contains($0.id) }) ?? sites.first else {
      throw AppError.notFound(LocalizedText(zh: "您的范围内没有服务场所", en: "No site in your scope"))
    }
    return site
  }
}
