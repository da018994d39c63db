import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 统计: the case rollup and the targets. `StatisticsFold` keeps `stat_case_days` and `stat_item_months` up to date from
/// the trail; this reads them back as tallies for any period, filtered to a scope and grouped as asked.
public struct StatisticsRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) { self.db = db }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  /// Which rollup rows count: a department, a set of sites (a town's), a staff member, a window.
  public struct Filter: Sendable, Hashable {
    public var departmentIDs: Set<String>?
    public var siteIDs: Set<String>?
    public var staffID: String?
    public var windowID: String?

    public init(
      departmentIDs: Set<String>? = nil, siteIDs: Set<String>? = nil, staffID: String? = nil, windowID: String? = nil
    ) {
      self.departmentIDs = departmentIDs
      self.siteIDs = siteIDs
      self.staffID = staffID
      self.windowID = windowID
    }
  }

  /// The rollup's keys a tally can be grouped by (`all`: one total under the key "").
  public enum Key: String, Sendable, CaseIterable {
    case all, day, month, department = "department_id", site = "site_id", window = "window_id", staff = "staff_id"
  }

  private func conditions(county: String, column: String, from: String, through: String, filter: Filter)
    -> SQLQueryString
  {
    var conditions: [SQLQueryString] = [
      "county_code = \(bind: county)", "\(unsafeRaw: column) >= \(bind: from)",
      "\(unsafeRaw: column) <= \(bind: through)",
    ]
    if let ids = filter.departmentIDs {
      conditions.append(ids.isEmpty ? "1 = 0" : "department_id IN (\(binds: ids.sorted()))")
    }
    if let ids = filter.siteIDs { conditions.append(ids.isEmpty ? "1 = 0" : "site_id IN (\(binds: ids.sorted()))") }
    if let staff = filter.staffID { conditions.append("staff_id = \(bind: staff)") }
    if let window = filter.windowID { conditions.append("window_id = \(bind: window)") }
    return conditions.allOf
  }

  /// Where a period's rows are: its whole months in `stat_case_months`, the days before the first and after the last
  /// whole month in `stat_case_days`. A year is twelve months' rows; only its ragged ends are read by the day.
  struct Parts {
    var months: (from: String, through: String)?
    var days: [(from: CivilDate, through: CivilDate)] = []

    init(_ period: StatPeriod) {
      let whole = period.buckets(.month).filter { bucket in
        let month = StatPeriod.month(containing: bucket.from)
        return month.from == bucket.from && month.through == bucket.through
      }
      guard let first = whole.first, let last = whole.last else {
        days = [(period.from, period.through)]
        return
      }
      months = (first.code, last.code)
      if period.from < first.from { days.append((period.from, first.from.adding(days: -1))) }
      if last.through < period.through { days.append((last.through.adding(days: 1), period.through)) }
    }
  }

  /// The tallies of `county` over `period`, per `key`.
  public func tallies(county: String, period: StatPeriod, filter: Filter = Filter(), by key: Key = .all)
    async throws -> [String: CaseTally]
  {
    var result: [String: CaseTally] = [:]
    func add(_ part: [String: CaseTally]) { result.merge(part) { $0 + $1 } }
    if key == .day {
      add(try await sum("stat_case_days", "day", period.from.iso, period.through.iso, county, filter, key))
      return result
    }
    let parts = Parts(period)
    if let months = parts.months {
      add(try await sum("stat_case_months", "month", months.from, months.through, county, filter, key))
    }
    for days in parts.days {
      add(try await sum("stat_case_days", "day", days.from.iso, days.through.iso, county, filter, key))
    }
    return result.filter { !$0.value.isEmpty }
  }

  private func sum(
    _ table: String, _ column: String, _ from: String, _ through: String, _ county: String, _ filter: Filter,
    _ key: Key
  ) async throws -> [String: CaseTally] {
    // PostgreSQL sums BIGINTs as NUMERIC; the cast keeps them integers on both databases.
    let sums = CaseTally.columns.map { "CAST(SUM(\($0)) AS BIGINT) AS \($0)" }.joined(separator: ", ")
    let group: String =
      switch key {
      case .all: ""
      case .day: "day"
      case .month: column == "month" ? "month" : "SUBSTR(day, 1, 7)"
      default: key.rawValue
      }
    let rows = try await sql.raw(
      """
      SELECT \(unsafeRaw: group.isEmpty ? "''" : group) AS k, \(unsafeRaw: sums) FROM \(unsafeRaw: table)
      WHERE \(conditions(county: county, column: column, from: from, through: through, filter: filter))\(unsafeRaw: group.isEmpty ? "" : " GROUP BY " + group)
      """
    ).all()
    var result: [String: CaseTally] = [:]
    for row in rows {
      let values = try CaseTally.columns.map { column in
        try row.decodeNil(column: column) ? 0 : try row.decode(column: column, as: Int.self)
      }
      let tally = CaseTally(values: values)
      guard !tally.isEmpty else { continue }
      result[try row.decode(column: "k", as: String.self)] = tally
    }
    return result
  }

  /// Agents (staff ids) who filed proxy cases in the period, with how many.
  public func proxyFilers(county: String, period: StatPeriod, filter: Filter = Filter()) async throws -> [String: Int] {
    try await tallies(county: county, period: period, filter: filter, by: .staff).filter {
      !$0.key.isEmpty && $0.value.filedByProxy > 0
    }.mapValues(\.filedByProxy)
  }

  /// One line of the "top items" tables.
  public struct ItemLine: Sendable, Hashable {
    public let itemCode: String
    public let filed: Int
    public let concluded: Int
    public let late: Int
  }

  public enum ItemOrder: String, Sendable, CaseIterable {
    case filed, late
  }

  /// The items with the most cases filed (or decided late) in the months the period touches.
  public func topItems(
    county: String, period: StatPeriod, departmentIDs: Set<String>? = nil, by order: ItemOrder, limit: Int = 10
  ) async throws -> [ItemLine] {
    var conditions: [SQLQueryString] = [
      "county_code = \(bind: county)", "month >= \(bind: String(period.from.iso.prefix(7)))",
      "month <= \(bind: String(period.through.iso.prefix(7)))",
    ]
    if let ids = departmentIDs {
      conditions.append(ids.isEmpty ? "1 = 0" : "department_id IN (\(binds: ids.sorted()))")
    }
    let rows = try await sql.raw(
      """
      SELECT item_code, CAST(SUM(filed) AS BIGINT) AS filed, CAST(SUM(concluded) AS BIGINT) AS concluded,
        CAST(SUM(late) AS BIGINT) AS late FROM stat_item_months
      WHERE \(conditions.allOf) GROUP BY item_code HAVING SUM(\(unsafeRaw: order.rawValue)) > 0
      ORDER BY SUM(\(unsafeRaw: order.rawValue)) DESC, item_code LIMIT \(bind: limit)
      """
    ).all()
    return try rows.map { row in
      ItemLine(
        itemCode: try row.decode(column: "item_code", as: String.self),
        filed: try row.decode(column: "filed", as: Int.self),
        concluded: try row.decode(column: "concluded", as: Int.self),
        late: try row.decode(column: "late", as: Int.self))
    }
  }

  /// When the rollup last read the trail (nil: never).
  public func foldedAt() async throws -> Date? {
    try await sql.raw("SELECT updated_ms FROM supervision_cursors WHERE name = \(bind: StatisticsFold.cursorName)")
      .first().map { Date(timeIntervalSince1970: Double(try $0.decode(column: "updated_ms", as: Int64.self)) / 1000) }
  }

  // MARK: Targets

  /// The targets the center entered.
  public func targets(county: String) async throws -> [StatTarget] {
    try await sql.raw(
      "SELECT figure, value, due_date, note FROM stat_targets WHERE county_code = \(bind: county) ORDER BY figure, due_date"
    ).all().compactMap { row in
      guard let figure = StatFigure(rawValue: try row.decode(column: "figure", as: String.self)),
        let due = CivilDate(iso: try row.decode(column: "due_date", as: String.self))
      else { return nil }
      return StatTarget(
        figure: figure, value: try row.decode(column: "value", as: Double.self), due: due,
        source: try row.decode(column: "note", as: String.self), isCenters: true)
    }
  }

  /// Enters (or changes) the center's target for a figure and date.
  public func saveTarget(_ target: StatTarget, county: String, by staffID: String, now: Date) async throws {
    try await WriteGate.serialize(db) {
      try await sql.raw(
        """
        INSERT INTO stat_targets (id, county_code, figure, value, due_date, note, updated_by, updated_ms)
        VALUES (\(bind: "\(county):\(target.figure.rawValue):\(target.due.iso)"), \(bind: county),
          \(bind: target.figure.rawValue), \(bind: target.value), \(bind: target.due.iso), \(bind: target.source),
          \(bind: staffID), \(bind: millis(now)))
        ON CONFLICT (county_code, figure, due_date) DO UPDATE SET value = excluded.value, note = excluded.note,
          updated_by = excluded.updated_by, updated_ms = excluded.updated_ms
        """
      ).run()
    }
  }

  /// Removes the center's target for a figure and date (the seed's default applies again when none is left).
  public func deleteTarget(_ figure: StatFigure, due: CivilDate, county: String) async throws {
    try await WriteGate.serialize(db) {
      try await sql.raw(
        """
        DELETE FROM stat_targets WHERE county_code = \(bind: county) AND figure = \(bind: figure.rawValue)
          AND due_date = \(bind: due.iso)
        """
      ).run()
    }
  }
}
