import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// The hall's daily rollup (`hall_days`): a county's tickets and bookings of each finished day summed per site, so the
/// statistics of a year read a row per site and day, not every ticket. Days are folded up to yesterday (today's
/// tickets still move), a month of days per transaction with the county's cursor (`hall_fold`), so a first fold over
/// years of tickets can be stopped and goes on from where it was; a re-fold of a day replaces its rows. A period's
/// totals are the folded days plus the days after the cursor, read from the tickets themselves.
public struct HallRollup: Sendable {
  let db: any Database

  public init(_ db: any Database) { self.db = db }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  /// The last day folded for `county`, or nil before the first fold.
  public func cursor(county: String) async throws -> CivilDate? {
    try await sql.raw("SELECT through_day FROM hall_fold WHERE county_code = \(bind: county)").first()
      .flatMap { CivilDate(iso: try $0.decode(column: "through_day", as: String.self)) }
  }

  /// Folds `county`'s days after its cursor through `through`, at most `limit` days (the worker's share of a minute;
  /// the rest waits for its next run); answers how many days it folded. `progress` hears of each month done.
  @discardableResult
  public func fold(
    county: String, through: CivilDate, now: Date, limit: Int = .max,
    progress: @Sendable (CivilDate) -> Void = { _ in }
  ) async throws -> Int {
    var from: CivilDate
    if let cursor = try await cursor(county: county) {
      from = cursor.adding(days: 1)
    } else {
      // The first fold starts at the county's first ticket or booking.
      let first = try await sql.raw(
        """
        SELECT MIN(day) AS first FROM (
          SELECT MIN(day) AS day FROM tickets WHERE county_code = \(bind: county)
          UNION ALL SELECT MIN(day) AS day FROM appointments WHERE county_code = \(bind: county)) firsts
        """
      ).first().flatMap { try $0.decode(column: "first", as: String?.self) }.flatMap(CivilDate.init(iso:))
      from = min(first ?? through, through)
    }
    var folded = 0
    while from <= through, folded < limit {
      let to = min(from.adding(days: 30), through)
      try await foldDays(county: county, from: from, through: to, now: now)
      folded += to.dayNumber - from.dayNumber + 1
      progress(to)
      from = to.adding(days: 1)
    }
    return folded
  }

  private func foldDays(county: String, from: CivilDate, through: CivilDate, now: Date) async throws {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        let range: SQLQueryString =
          "county_code = \(bind: county) AND day >= \(bind: from.iso) AND day <= \(bind: through.iso)"
        try await sql.raw("DELETE FROM hall_days WHERE \(range)").run()
        try await sql.raw(
          """
          INSERT INTO hall_days (site_id, day, county_code, tickets, served, no_shows, transferred, waited, wait_ms,
            serviced, service_ms, booked, checked_in, missed)
          SELECT site_id, day, county_code, \(Self.ticketSums), 0, 0, 0
          FROM tickets WHERE \(range) GROUP BY site_id, day, county_code
          """
        ).run()
        // A booking of a finished day still booked was missed.
        try await sql.raw(
          """
          INSERT INTO hall_days (site_id, day, county_code, tickets, served, no_shows, transferred, waited, wait_ms,
            serviced, service_ms, booked, checked_in, missed)
          SELECT site_id, day, county_code, 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*),
            SUM(CASE WHEN state = 'checked_in' THEN 1 ELSE 0 END), SUM(CASE WHEN state = 'booked' THEN 1 ELSE 0 END)
          FROM appointments WHERE \(range) GROUP BY site_id, day, county_code
          ON CONFLICT (site_id, day) DO UPDATE SET booked = excluded.booked, checked_in = excluded.checked_in,
            missed = excluded.missed
          """
        ).run()
        try await sql.raw(
          """
          INSERT INTO hall_fold (county_code, through_day, updated_ms)
          VALUES (\(bind: county), \(bind: through.iso), \(bind: millis(now)))
          ON CONFLICT (county_code) DO UPDATE SET through_day = excluded.through_day, updated_ms = excluded.updated_ms
          """
        ).run()
      }
    }
  }

  /// What a site's tickets of a day add: counts by how they ended, the waits of those called, the services of those
  /// served (one expression for the fold and the live read, so both count alike).
  private static let ticketSums: SQLQueryString = """
    COUNT(*) AS tickets, SUM(CASE WHEN state = 'served' THEN 1 ELSE 0 END) AS served,
      SUM(CASE WHEN state = 'no_show' THEN 1 ELSE 0 END) AS no_shows,
      SUM(CASE WHEN state = 'transferred' THEN 1 ELSE 0 END) AS transferred,
      SUM(CASE WHEN called_ms IS NOT NULL THEN 1 ELSE 0 END) AS waited,
      COALESCE(SUM(called_ms - taken_ms), 0) AS wait_ms,
      SUM(CASE WHEN state = 'served' AND started_ms IS NOT NULL AND ended_ms IS NOT NULL THEN 1 ELSE 0 END) AS serviced,
      COALESCE(SUM(CASE WHEN state = 'served' AND started_ms IS NOT NULL THEN ended_ms - started_ms END), 0)
        AS service_ms
    """

  /// `county`'s hall from `from` through `through` (the sites given, or all): the folded days from the rollup, the
  /// days after the cursor from the tickets and bookings themselves (a booking is missed once its day is before
  /// `today`).
  public func totals(county: String, sites: [String]?, from: CivilDate, through: CivilDate, today: CivilDate)
    async throws -> HallTotals
  {
    guard from <= through else { return HallTotals() }
    let siteFilter: SQLQueryString = sites.map { $0.isEmpty ? " AND 1 = 0" : " AND site_id IN (\(binds: $0))" } ?? ""
    var totals = HallTotals()
    var liveFrom = from
    if let cursor = try await cursor(county: county), cursor >= from {
      let foldedThrough = min(cursor, through)
      let row = try await sql.raw(
        """
        SELECT CAST(SUM(tickets) AS BIGINT) AS tickets, CAST(SUM(served) AS BIGINT) AS served,
          CAST(SUM(no_shows) AS BIGINT) AS no_shows, CAST(SUM(transferred) AS BIGINT) AS transferred,
          CAST(SUM(waited) AS BIGINT) AS waited, CAST(SUM(wait_ms) AS BIGINT) AS wait_ms,
          CAST(SUM(serviced) AS BIGINT) AS serviced, CAST(SUM(service_ms) AS BIGINT) AS service_ms,
          CAST(SUM(checked_in) AS BIGINT) AS checked_in, CAST(SUM(missed) AS BIGINT) AS missed
        FROM hall_days WHERE county_code = \(bind: county) AND day >= \(bind: from.iso)
          AND day <= \(bind: foldedThrough.iso)\(siteFilter)
        """
      ).first()
      if let row { totals = totals + (try Self.totals(row)) }
      liveFrom = foldedThrough.adding(days: 1)
    }
    guard liveFrom <= through else { return totals }
    let range: SQLQueryString =
      "county_code = \(bind: county) AND day >= \(bind: liveFrom.iso) AND day <= \(bind: through.iso)\(siteFilter)"
    if let row = try await sql.raw(
      """
      SELECT CAST(tickets AS BIGINT) AS tickets, CAST(served AS BIGINT) AS served,
        CAST(no_shows AS BIGINT) AS no_shows, CAST(transferred AS BIGINT) AS transferred,
        CAST(waited AS BIGINT) AS waited, CAST(wait_ms AS BIGINT) AS wait_ms, CAST(serviced AS BIGINT) AS serviced,
        CAST(service_ms AS BIGINT) AS service_ms, 0 AS checked_in, 0 AS missed
      FROM (SELECT \(Self.ticketSums) FROM tickets WHERE \(range)) live
      """
    ).first() {
      totals = totals + (try Self.totals(row))
    }
    if let row = try await sql.raw(
      """
      SELECT CAST(SUM(CASE WHEN state = 'checked_in' THEN 1 ELSE 0 END) AS BIGINT) AS checked_in,
        CAST(SUM(CASE WHEN state = 'booked' AND day < \(bind: today.iso) THEN 1 ELSE 0 END) AS BIGINT) AS missed
      FROM appointments WHERE \(range)
      """
    ).first() {
      totals.checkedIn += try row.decode(column: "checked_in", as: Int?.self) ?? 0
      totals.missed += try row.decode(column: "missed", as: Int?.self) ?? 0
    }
    return totals
  }

  /// Forgets the rollup: the next fold counts every day again (after back-dated tickets were loaded, say).
  public func reset() async throws {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM hall_days").run()
        try await sql.raw("DELETE FROM hall_fold").run()
      }
    }
  }

  private static func totals(_ row: any SQLRow) throws -> HallTotals {
    func value(_ column: String) throws -> Int { try row.decode(column: column, as: Int?.self) ?? 0 }
    var totals = HallTotals()
    totals.tickets = try value("tickets")
    totals.served = try value("served")
    totals.noShows = try value("no_shows")
    totals.transferred = try value("transferred")
    totals.waited = try value("waited")
    totals.waitSeconds = Double(try value("wait_ms")) / 1000
    totals.serviced = try value("serviced")
    totals.serviceSeconds = Double(try value("service_ms")) / 1000
    totals.checkedIn = try value("checked_in")
    totals.missed = try value("missed")
    return totals
  }
}
