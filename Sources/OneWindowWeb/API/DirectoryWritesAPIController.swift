import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// The directory's writes for a county's own tools: the same fields, checks and scope as the pages (`DirectoryEditor`).
enum DirectoryWritesAPIController {
  typealias Kind = DirectoryFormPage.Kind

  /// A JSON body's value: text, a yes/no, or a list (of 首席代表 powers).
  enum FieldValue: Decodable {
    case text(String)
    case flag(Bool)
    case list([String])

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .text("")  // null: nothing given (unknown where a field may be)
      } else if let flag = try? container.decode(Bool.self) {
        self = .flag(flag)
      } else if let list = try? container.decode([String].self) {
        self = .list(list)
      } else {
        self = .text(try container.decode(String.self))
      }
    }
  }

  /// The body as the form's own field names: yes/no as `on`, `powers: [..]` as `power_<name>: on`.
  static func fields(_ req: Request) throws -> [String: String] {
    let body = try req.content.decode([String: FieldValue].self)
    var fields: [String: String] = [:]
    for (key, value) in body {
      switch value {
      case .text(let text): fields[key] = text
      // false is said, not left out: a yes/no that may be unknown (进驻大厅) tells `off` from nothing given.
      case .flag(let flag): fields[key] = flag ? "on" : "off"
      case .list(let items):
        for item in items { fields["\(key.hasSuffix("s") ? String(key.dropLast()) : key)_\(item)"] = "on" }
      }
    }
    return fields
  }

  struct SavedJSON: Content {
    let id: String
    /// For a new account: the one-time link with which its owner sets a password (7 days), shown this once.
    let passwordLink: String?

    enum CodingKeys: String, CodingKey {
      case id
      case passwordLink = "password_link"
    }
  }

  struct RetiredJSON: Content {
    let id: String
    let retired: Bool
  }

  /// `POST /api/v1/{kind}`: 201 with the new record's id.
  static func create(_ kind: Kind, _ req: Request) async throws -> Response {
    let staff = try DirectoryEditor.authorize(kind, req)
    let saved = try await DirectoryEditor.save(kind, id: nil, try fields(req), by: staff, req)
    return try await SavedJSON(
      id: saved.id, passwordLink: saved.passwordToken.map { DirectoryAdminController.passwordURL($0, req) }
    ).encodeResponse(status: .created, for: req)
  }

  /// `PUT /api/v1/{kind}/{id}`: the record's fields replaced (the id and, for a region, the code stay).
  static func update(_ kind: Kind, _ req: Request) async throws -> SavedJSON {
    let staff = try DirectoryEditor.authorize(kind, req)
    let id = req.parameters.get("id") ?? ""
    guard try await exists(kind, id, req) else { throw AppError.notFound() }
    let saved = try await DirectoryEditor.save(kind, id: id, try fields(req), by: staff, req)
    return SavedJSON(id: saved.id, passwordLink: nil)
  }

  /// `POST /api/v1/{kind}/{id}/retire`: 409 `retirement_refused` with the reason while open work names it.
  static func retire(_ kind: Kind, _ req: Request) async throws -> RetiredJSON {
    let staff = try DirectoryEditor.authorize(kind, req)
    let id = req.parameters.get("id") ?? ""
    try await DirectoryEditor.retire(kind, id: id, by: staff, req)
    return RetiredJSON(id: id, retired: true)
  }

  private static func exists(_ kind: Kind, _ id: String, _ req: Request) async throws -> Bool {
    let directory = DirectoryRepository(req.database)
    switch kind {
    case .regions: return try await RegionCode(id).asyncMap { try await directory.region($0) } != nil
    case .sites: return try await directory.site(id) != nil
    case .departments: return try await directory.department(id) != nil
    case .windows: return try await directory.window(id) != nil
    case .staff: return try await StaffRepository(req.database).find(id: id) != nil
    case .duties, .chiefs: return false
    }
  }

  struct DutyJSON: Content {
    let id: String
    let windowId: String
    let staffId: String
    let post: String
    let startsOn: String
    let endsOn: String?

    enum CodingKeys: String, CodingKey {
      case id, post
      case windowId = "window_id"
      case staffId = "staff_id"
      case startsOn = "starts_on"
      case endsOn = "ends_on"
    }
  }

  /// `GET /api/v1/duties?site=&date=`: the posts at a site's windows on a day (today when left out).
  @Sendable static func duties(req: Request) async throws -> ListJSON<DutyJSON> {
    let staff = try req.authorize(.manageSites)
    let siteID = req.query[String.self, at: "site"] ?? ""
    guard let site = try await DirectoryRepository(req.database).site(siteID) else {
      throw ValidationError(field: "site", zh: "请给出服务场所 site", en: "Give a site")
    }
    try DirectoryEditor.check(staff, .duties, region: site.regionCode)
    let day =
      try DirectoryEditor.date(req.query[String.self, at: "date"] ?? "", field: "date", required: false)
      ?? CatalogController.today(req)
    let duties = try await RosterRepository(req.database).assignments(site: site.id).filter { $0.covers(day) }
    return ListJSON(
      items: duties.map {
        DutyJSON(
          id: $0.id, windowId: $0.windowID, staffId: $0.staffID, post: $0.post.rawValue, startsOn: $0.startsOn.iso,
          endsOn: $0.endsOn?.iso)
      }, total: duties.count)
  }

  /// `POST /api/v1/duties/{id}/end` with `{"last_day": "2026-12-31"}`.
  @Sendable static func endDuty(req: Request) async throws -> RetiredJSON {
    let staff = try req.authorize(.manageSites)
    let id = req.parameters.get("id") ?? ""
    let fields = try fields(req)
    let day = try DirectoryEditor.date(fields["last_day"] ?? "", field: "last_day", required: true)!
    try await DirectoryEditor.endDuty(id, lastDay: day, by: staff, req)
    return RetiredJSON(id: id, retired: true)
  }

  struct ChiefJSON: Content {
    let id: String
    let departmentId: String
    let staffId: String
    let authorizedBy: String
    let documentNumber: String
    let powers: [String]
    let validFrom: String
    let validUntil: String?
    let revoked: Bool
    let valid: Bool

    enum CodingKeys: String, CodingKey {
      case id, powers, revoked, valid
      case departmentId = "department_id"
      case staffId = "staff_id"
      case authorizedBy = "authorized_by"
      case documentNumber = "document_number"
      case validFrom = "valid_from"
      case validUntil = "valid_until"
    }
  }

  /// `GET /api/v1/chief-authorizations`: the county's authorisations, newest first, with whether each is valid today.
  @Sendable static func chiefs(req: Request) async throws -> ListJSON<ChiefJSON> {
    let staff = try req.authorize(.manageStaff)
    let today = CatalogController.today(req)
    let all = try await RosterRepository(req.database).authorizations(county: DirectoryEditor.county(staff))
    return ListJSON(
      items: all.map {
        ChiefJSON(
          id: $0.id, departmentId: $0.departmentID, staffId: $0.staffID, authorizedBy: $0.authorizedBy,
          documentNumber: $0.documentNumber, powers: ChiefPower.allCases.filter($0.powers.contains).map(\.rawValue),
          validFrom: $0.validFrom.iso, validUntil: $0.validUntil?.iso, revoked: $0.revokedAt != nil,
          valid: $0.grants(.decide, on: today) || $0.grants(.report, on: today))
      }, total: all.count)
  }

  /// `POST /api/v1/chief-authorizations/{id}/revoke`
  @Sendable static func revoke(req: Request) async throws -> RetiredJSON {
    let staff = try req.authorize(.manageStaff)
    let id = req.parameters.get("id") ?? ""
    try await DirectoryEditor.revoke(id, by: staff, req)
    return RetiredJSON(id: id, retired: true)
  }
}
