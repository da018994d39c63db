import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 驻厅管理 (seeds 001, 002, 004): clerks sign in at their window, leaves name who stands in, and the public 阳光台
/// board shows who really serves at each window today — the same person the rating pad names.
enum FloorController {
  /// `GET /hall/sites/{site}/staff[?day=YYYY-MM-DD]`: the 阳光台 board of a hall, open to anyone — today's, or the
  /// roster of a past day as the posts, leaves and sign-ins of that day tell it.
  @Sendable static func board(req: Request) async throws -> HTML {
    let site = try await HallService.site(req.parameters.get("site") ?? "", req)
    let directory = DirectoryRepository(req.database)
    let windows = try await directory.windows(site: site.id).filter { !$0.isRetired }
      .sorted { ($0.number.count, $0.number) < ($1.number.count, $1.number) }
    let today = CatalogController.today(req)
    let day = req.query[String.self, at: "day"].flatMap(CivilDate.init(iso:)).map { min($0, today) } ?? today
    let serving = try await FloorRosterRepository(req.database).serving(
      windows: windows.map(\.id), on: day, county: site.regionCode.county.value)
    let departments = Dictionary(
      try await directory.departments().map { ($0.id, $0.shortName.isEmpty ? $0.name : $0.shortName) },
      uniquingKeysWith: { a, _ in a })
    let groups = try await HallService.setup(site.id, req).groups
    let profiles = try await AgentProfileRepository(req.database).profiles()
    let staff = StaffRepository(req.database)
    let context = try await req.pageContext()
    var entries: [FloorPages.BoardEntry] = []
    for window in windows {
      let handles =
        groups.filter { $0.windowIDs.contains(window.id) }.map(\.name)
        + (window.departmentID.flatMap { departments[$0] }.map { [$0] } ?? [])
      let person = try await serving[window.id].asyncMap { try await staff.find(id: $0.staffID) } ?? nil
      let home = person?.identity.scope.departmentID.flatMap { departments[$0] }
      entries.append(
        FloorPages.BoardEntry(
          window: window, handles: handles.isEmpty ? context.t(window.kind.name) : handles.joined(separator: "、"),
          staffID: person?.identity.id, name: person?.identity.displayName, title: person?.title ?? "",
          department: home ?? site.name, profile: person.flatMap { profiles[$0.identity.id] },
          basis: person == nil ? nil : serving[window.id]?.basis))
    }
    return FloorPages.board(site: site, day: day, isToday: day == today, entries: entries, context)
  }

  /// `POST /staff/sign-in`: the clerk signs in at a window of their own hall (their post's, or one they stand in at).
  @Sendable static func signIn(req: Request) async throws -> Response {
    let staff = try req.authorize(.intakeCases)
    let fields = try req.content.decode([String: String].self)
    _ = try await signIn(staff, window: fields["window_id"] ?? "", req)
    return req.redirect(to: Links.staffHome + "#sign-in")
  }

  /// The workbench's sign-in part for `staff`, empty for those who do not serve at a window.
  static func signInPart(_ staff: StaffIdentity, _ req: Request) async throws -> HTML {
    guard Authorization.can(staff, .intakeCases), let siteID = staff.scope.siteID else { return .empty }
    let windows = try await DirectoryRepository(req.database).windows(site: siteID).filter { !$0.isRetired }
      .sorted { ($0.number.count, $0.number) < ($1.number.count, $1.number) }
    let day = CatalogController.today(req)
    let own = try await RosterRepository(req.database).duties(of: staff.id, on: day).map(\.window.id)
    let mine = try await FloorRosterRepository(req.database).signIns(on: day, windows: windows.map(\.id))
      .filter { $0.staffID == FloorRosterRepository.canonical(staff.id) }.max { $0.at < $1.at }
    let rule = try await req.deadlineRule()
    return FloorPages.signIn(
      windows: windows, ownWindowIDs: own, signedIn: mine, clock: { CaseClock(rule: rule, now: req.now).time($0) },
      try await req.pageContext())
  }

  /// `GET /admin/leaves`
  @Sendable static func leaves(req: Request) async throws -> HTML {
    let staff = try req.authorize(.manageSites)
    return try await leavesPage(staff, posted: [:], errors: [], notice: nil, req)
  }

  /// `POST /admin/leaves`: records a leave and its stand-in; every problem is named by field, and nothing is saved.
  @Sendable static func addLeave(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageSites)
    let fields = try req.content.decode([String: String].self)
    do {
      try await addLeave(fields, by: staff, req)
    } catch let error as ValidationErrors {
      return .html(
        try await leavesPage(staff, posted: fields, errors: error.errors, notice: nil, req),
        status: .unprocessableEntity)
    }
    return req.redirect(to: Links.adminLeaves + "?saved=1")
  }

  /// Records the leave `fields` describe (staff_id, first_day, last_day, stand_in_id, reason) in `staff`'s county, for
  /// the page and the API alike; every problem is named by field and nothing is saved.
  @discardableResult
  static func addLeave(_ fields: [String: String], by staff: StaffIdentity, _ req: Request) async throws -> StaffLeave {
    var errors: [ValidationError] = []
    func day(_ field: String) -> CivilDate? {
      guard let value = CivilDate(iso: fields[field] ?? "") else {
        errors.append(ValidationError(field: field, zh: "请选择日期", en: "Choose a date"))
        return nil
      }
      return value
    }
    let first = day("first_day")
    let last = day("last_day")
    let standIn = (fields["stand_in_id"] ?? "").isEmpty ? nil : fields["stand_in_id"]
    // A date that could not be read is named above; the leave's other rules are checked with a stand-in date.
    let unread = CivilDate(dayNumber: 0)
    let leave = StaffLeave(
      id: UUID().uuidString, staffID: fields["staff_id"] ?? "", firstDay: first ?? last ?? unread,
      lastDay: last ?? first ?? unread, standInID: standIn,
      reason: (fields["reason"] ?? "").trimmingCharacters(in: .whitespaces))
    if !errors.isEmpty { throw ValidationErrors(errors + leave.problems().filter { !$0.field.hasSuffix("_day") }) }
    try await FloorRosterRepository(req.database).add(
      leave, county: staff.scope.regionCode.county, by: staff.username, now: req.now)
    req.application.lookups.invalidate()
    return leave
  }

  /// Signs `staff` in at `windowID` today: a window of their own hall (the workbench, the pad and the API alike).
  static func signIn(_ staff: StaffIdentity, window windowID: String, _ req: Request) async throws -> Window {
    guard let window = try await DirectoryRepository(req.database).window(windowID), !window.isRetired,
      window.siteID == staff.scope.siteID
    else {
      throw ValidationErrors([
        ValidationError(field: "window_id", zh: "请选择本场所的窗口", en: "Choose a window of your own hall")
      ])
    }
    try await FloorRosterRepository(req.database).signIn(
      window: window.id, staff: staff.id, day: CatalogController.today(req), at: req.now,
      county: staff.scope.regionCode.county.value)
    req.application.lookups.invalidate()
    return window
  }

  private static func leavesPage(
    _ staff: StaffIdentity, posted: [String: String], errors: [ValidationError], notice: String?, _ req: Request
  ) async throws -> HTML {
    let county = staff.scope.regionCode.county
    let day = CatalogController.today(req)
    let leaves = try await FloorRosterRepository(req.database).leaves(county: county.value, from: day)
    // The people who hold a window post now or later, by name (those a leave concerns).
    let holders = Set(try await RosterRepository(req.database).assignments(from: day).map(\.staffID))
      .union(leaves.flatMap { [$0.staffID] + ($0.standInID.map { [$0] } ?? []) })
    // One read of the county's accounts, not one per person.
    let people = try await StaffRepository(req.database).list(in: Scope(regionCode: county), limit: 100_000)
      .filter { holders.contains(FloorRosterRepository.canonical($0.identity.id)) }
      .map { (id: $0.identity.id, name: $0.identity.displayName) }.sorted { $0.name < $1.name }
    let names = Dictionary(
      people.map { (FloorRosterRepository.canonical($0.id), $0.name) }, uniquingKeysWith: { a, _ in a })
    let context = try await req.pageContext()
    return FloorPages.leaves(
      rows: leaves.map {
        FloorPages.LeaveRow(leave: $0, name: names[$0.staffID] ?? "—", standIn: $0.standInID.map { names[$0] ?? "—" })
      }, people: people, posted: posted, errors: errors,
      notice: notice ?? (req.query[String.self, at: "saved"] != nil ? context.t("已登记。", "Recorded.") : nil), context)
  }
}
