import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 驻厅管理's records: sign-ins at windows and leaves with their stand-ins; with the posts (`RosterRepository`) they
/// tell who really served at each window on any day (`FloorRoster.serving`).
public struct FloorRosterRepository: Sendable {
  let db: any Database
  var sql: any SQLDatabase { db as! any SQLDatabase }

  public init(_ db: any Database) {
    self.db = db
  }

  /// Records `staffID` signing in at `windowID` on `day`; signing in again the same day moves the time to `at`
  /// (they came back to this window).
  public func signIn(window windowID: String, staff staffID: String, day: CivilDate, at: Date, county: String)
    async throws
  {
    let staffID = Self.canonical(staffID)
    try await db.transaction { db in
      let sql = db as! any SQLDatabase
      try await sql.delete(from: "window_sign_ins").where("window_id", .equal, windowID)
        .where("staff_id", .equal, staffID).where("day", .equal, day.iso).run()
      try await sql.insert(into: "window_sign_ins").columns("window_id", "staff_id", "day", "at_ms", "county_code")
        .values(
          SQLBind(windowID), SQLBind(staffID), SQLBind(day.iso), SQLBind(Int64(at.timeIntervalSince1970 * 1000)),
          SQLBind(county)
        ).run()
    }
  }

  /// Every sign-in of `day`, or only those at `windows` when given.
  public func signIns(on day: CivilDate, windows: [String]? = nil) async throws -> [WindowSignIn] {
    var select = sql.select().columns("window_id", "staff_id", "day", "at_ms").from("window_sign_ins")
      .where("day", .equal, day.iso)
    if let windows {
      guard !windows.isEmpty else { return [] }
      select = select.where("window_id", .in, windows)
    }
    return try await select.all().map { row in
      WindowSignIn(
        windowID: try row.decode(column: "window_id", as: String.self),
        staffID: try row.decode(column: "staff_id", as: String.self),
        day: CivilDate(iso: try row.decode(column: "day", as: String.self)) ?? day,
        at: Date(timeIntervalSince1970: Double(try row.decode(column: "at_ms", as: Int64.self)) / 1000))
    }
  }

  /// Staff IDs as the posts hold them (a UUID's upper-case string), whichever way a caller spelled them.
  public static func canonical(_ id: String) -> String { UUID(uuidString: id)?.uuidString ?? id }

  /// Adds a leave after checking it (and that its people belong to `county`); every problem names its field.
  public func add(_ leave: StaffLeave, county: RegionCode, by recorder: String, now: Date) async throws {
    var leave = leave
    leave = StaffLeave(
      id: leave.id, staffID: Self.canonical(leave.staffID), firstDay: leave.firstDay, lastDay: leave.lastDay,
      standInID: leave.standInID.map(Self.canonical), reason: leave.reason)
    var errors = leave.problems()
    let staff = StaffRepository(db)
    for (field, id) in [("staff_id", leave.staffID), ("stand_in_id", leave.standInID)] {
      guard let id, !id.isEmpty else { continue }
      if let record = try await staff.find(id: id), county.contains(record.identity.scope.regionCode) { continue }
      if !errors.contains(where: { $0.field == field }) {
        errors.append(ValidationError(field: field, zh: "本县没有这名工作人员", en: "No such staff member in the county"))
      }
    }
    guard errors.isEmpty else { throw ValidationErrors(errors) }
    try await sql.insert(into: "staff_leaves")
      .columns(
        "id", "staff_id", "first_day", "last_day", "stand_in_id", "reason", "county_code", "recorded_by",
        "recorded_at_ms"
      )
      .values(
        SQLBind(leave.id), SQLBind(leave.staffID), SQLBind(leave.firstDay.iso), SQLBind(leave.lastDay.iso),
        SQLBind(leave.standInID), SQLBind(leave.reason), SQLBind(county.value), SQLBind(recorder),
        SQLBind(Int64(now.timeIntervalSince1970 * 1000))
      ).run()
  }

  /// The leaves of `county` that cover `day` or end after it, earliest first.
  public func leaves(county: String, from day: CivilDate) async throws -> [StaffLeave] {
    try await sql.select().columns("id", "staff_id", "first_day", "last_day", "stand_in_id", "reason")
      .from("staff_leaves").where("county_code", .equal, county).where("last_day", .greaterThanOrEqual, day.iso)
      .orderBy("first_day").all().map { row in
        StaffLeave(
          id: try row.decode(column: "id", as: String.self),
          staffID: try row.decode(column: "staff_id", as: String.self),
          firstDay: CivilDate(iso: try row.decode(column: "first_day", as: String.self)) ?? day,
          lastDay: CivilDate(iso: try row.decode(column: "last_day", as: String.self)) ?? day,
          standInID: try row.decode(column: "stand_in_id", as: String?.self),
          reason: try row.decode(column: "reason", as: String.self))
      }
  }

  /// The windows `staffID` stands in at on `day` without holding their post: signed in there, or named as the
  /// stand-in by the leave of a window's A post.
  public func standingIn(staff staffID: String, on day: CivilDate) async throws -> [String] {
    let staffID = Self.canonical(staffID)
    var windows = try await sql.select().column("window_id").from("window_sign_ins").where("day", .equal, day.iso)
      .where("staff_id", .equal, staffID).all().map { try $0.decode(column: "window_id", as: String.self) }
    let away = try await sql.select().column("staff_id").from("staff_leaves").where("stand_in_id", .equal, staffID)
      .where("first_day", .lessThanOrEqual, day.iso).where("last_day", .greaterThanOrEqual, day.iso).all()
      .map { try $0.decode(column: "staff_id", as: String.self) }
    for person in away {
      for (window, post) in try await RosterRepository(db).duties(of: person, on: day) where post == .a {
        if !windows.contains(window.id) { windows.append(window.id) }
      }
    }
    return windows
  }

  /// Who serves at each of `windows` on `day`, and why (windows nobody serves are left out).
  public func serving(windows: [String], on day: CivilDate, county: String) async throws
    -> [String: (staffID: String, basis: FloorRoster.Basis)]
  {
    guard !windows.isEmpty else { return [:] }
    let wanted = Set(windows)
    let posts = try await DutyAssignmentModel.query(on: db).filter(\.$windowID ~~ windows).all().compactMap(\.domain)
      .filter { wanted.contains($0.windowID) }
    let leaves = try await leaves(county: county, from: day).filter { $0.covers(day) }
    let signIns = try await signIns(on: day, windows: windows)
    var result: [String: (staffID: String, basis: FloorRoster.Basis)] = [:]
    for window in windows {
      if let serving = FloorRoster.serving(window: window, on: day, posts: posts, leaves: leaves, signIns: signIns) {
        result[window] = serving
      }
    }
    return result
  }
}
