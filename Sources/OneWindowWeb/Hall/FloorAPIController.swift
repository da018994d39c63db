import OneWindowDomain
import OneWindowStore
import Vapor

/// 驻厅管理 for a county's own tools: leaves with their stand-ins, a clerk's sign-in at a window, and who serves at
/// each window of a site on a day — the same rules as the pages (`FloorController`, `FloorRoster.serving`).
enum FloorAPIController {
  struct LeaveJSON: Content {
    let id: String
    let staffId: String
    let firstDay: String
    let lastDay: String
    /// null: no named stand-in, the B post stands in.
    @Nullable var standInId: String?
    let reason: String

    init(_ leave: StaffLeave) {
      id = leave.id
      staffId = leave.staffID
      firstDay = leave.firstDay.iso
      lastDay = leave.lastDay.iso
      standInId = leave.standInID
      reason = leave.reason
    }

    enum CodingKeys: String, CodingKey {
      case id, reason
      case staffId = "staff_id"
      case firstDay = "first_day"
      case lastDay = "last_day"
      case standInId = "stand_in_id"
    }
  }

  /// `GET /api/v1/leaves?from=YYYY-MM-DD`: the county's leaves that end on or after the day (today when left out).
  @Sendable static func leaves(req: Request) async throws -> ListJSON<LeaveJSON> {
    let staff = try req.authorize(.manageSites)
    let from =
      try DirectoryEditor.date(req.query[String.self, at: "from"] ?? "", field: "from", required: false)
      ?? CatalogController.today(req)
    let leaves = try await FloorRosterRepository(req.database).leaves(
      county: staff.scope.regionCode.county.value, from: from)
    return ListJSON(items: leaves.map(LeaveJSON.init), total: leaves.count)
  }

  /// `POST /api/v1/leaves` with staff_id, first_day, last_day, reason and optionally stand_in_id.
  @Sendable static func addLeave(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageSites)
    let leave = try await FloorController.addLeave(try DirectoryWritesAPIController.fields(req), by: staff, req)
    return try await LeaveJSON(leave).encodeResponse(status: .created, for: req)
  }

  struct SignInJSON: Content {
    let windowId: String
    let staffId: String
    let day: String

    enum CodingKeys: String, CodingKey {
      case day
      case windowId = "window_id"
      case staffId = "staff_id"
    }
  }

  /// `POST /api/v1/sign-ins` with window_id: the calling clerk signs in there today.
  @Sendable static func signIn(req: Request) async throws -> Response {
    let staff = try req.authorize(.intakeCases)
    let fields = try DirectoryWritesAPIController.fields(req)
    let window = try await FloorController.signIn(staff, window: fields["window_id"] ?? "", req)
    return try await SignInJSON(windowId: window.id, staffId: staff.id, day: CatalogController.today(req).iso)
      .encodeResponse(status: .created, for: req)
  }

  struct ServingJSON: Content {
    let windowId: String
    let number: String
    let name: String
    /// null, all three, when nobody serves there.
    @Nullable var staffId: String?
    @Nullable var staffName: String?
    @Nullable var basis: String?

    enum CodingKeys: String, CodingKey {
      case number, name, basis
      case windowId = "window_id"
      case staffId = "staff_id"
      case staffName = "staff_name"
    }
  }

  /// `GET /api/v1/sites/{id}/roster?date=`: who serves at each window of the site on the day (today when left out),
  /// and why — signed in, the A post, the named stand-in or the B post; `null` when nobody does. Staff of the site's
  /// county only.
  @Sendable static func roster(req: Request) async throws -> ListJSON<ServingJSON> {
    let staff = try req.requireStaff()
    let directory = DirectoryRepository(req.database)
    guard let site = try await directory.site(req.parameters.get("id") ?? ""),
      site.regionCode.county == staff.scope.regionCode.county
    else { throw AppError.notFound(LocalizedText(zh: "没有这个服务场所", en: "No such site")) }
    let day =
      try DirectoryEditor.date(req.query[String.self, at: "date"] ?? "", field: "date", required: false)
      ?? CatalogController.today(req)
    let windows = try await directory.windows(site: site.id).filter { !$0.isRetired }
      .sorted { ($0.number.count, $0.number) < ($1.number.count, $1.number) }
    let serving = try await FloorRosterRepository(req.database).serving(
      windows: windows.map(\.id), on: day, county: site.regionCode.county.value)
    let names = try await StaffRepository(req.database).displayNames(ids: Set(serving.values.map(\.staffID)))
    let items = windows.map { window in
      let who = serving[window.id]
      return ServingJSON(
        windowId: window.id, number: window.number, name: window.name, staffId: who?.staffID,
        staffName: who.flatMap { names[FloorRosterRepository.canonical($0.staffID)] }, basis: who?.basis.rawValue)
    }
    return ListJSON(items: items, total: items.count)
  }
}
