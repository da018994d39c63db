import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// What the assessment (考核) reads besides the statistics rollup: the rule hits of a period with the case each is
/// about (to tell whose work it was), spot-check findings, sign-ins and A posts for attendance, and the weights the
/// center set.
public struct AssessmentRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) { self.db = db }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  /// A rule hit found in the period and not explained away, with whose work the case was.
  public struct Hit: Sendable, Hashable {
    public let departmentID: String
    public let siteID: String
    public let windowID: String?
    /// The clerk or agent who took the case in (首问负责).
    public let receivedBy: String
    public let agentID: String?
  }

  public func hits(county: String, from: Date, to: Date) async throws -> [Hit] {
    try await sql.raw(
      """
      SELECT r.department_id, r.site_id, c.body FROM rule_hits r JOIN cases c ON c.number = r.case_number
      WHERE r.county_code = \(bind: county) AND r.found_ms >= \(bind: millis(from)) AND r.found_ms < \(bind: millis(to))
        AND r.state <> 'explained'
      """
    ).all().map { row in
      let serviceCase = try CaseRow.decode(try row.decode(column: "body", as: String.self))
      return Hit(
        departmentID: try row.decode(column: "department_id", as: String.self),
        siteID: try row.decode(column: "site_id", as: String.self), windowID: serviceCase.intake?.windowID,
        receivedBy: serviceCase.receivedBy, agentID: serviceCase.proxy?.agentID)
    }
  }

  /// Spot-check findings recorded in [from, to): per target ("department:ID" or "agent:ID"), compliant and checked.
  public func spotChecks(county: String, from: Date, to: Date) async throws -> [String: (compliant: Int, checked: Int)]
  {
    var result: [String: (compliant: Int, checked: Int)] = [:]
    for check in try await SpotCheckRepository(db).list(county: county, limit: 10_000) {
      for item in check.items {
        guard let finding = item.finding, finding.at >= from, finding.at < to else { continue }
        let key = "\(check.target.kind):\(check.target.id)"
        var entry = result[key] ?? (0, 0)
        entry.checked += 1
        if finding.result == .compliant { entry.compliant += 1 }
        result[key] = entry
      }
    }
    return result
  }

  /// Days signed in during the period: per staff member and per window (distinct days).
  public func signInDays(county: String, period: StatPeriod) async throws -> (
    staff: [String: Int], windows: [String: Int], any: Bool
  ) {
    var staffDays: [String: Set<String>] = [:]
    var windowDays: [String: Set<String>] = [:]
    let rows = try await sql.raw(
      """
      SELECT staff_id, window_id, day FROM window_sign_ins WHERE county_code = \(bind: county)
        AND day >= \(bind: period.from.iso) AND day <= \(bind: period.through.iso)
      """
    ).all()
    for row in rows {
      let day = try row.decode(column: "day", as: String.self)
      staffDays[FloorRosterRepository.canonical(try row.decode(column: "staff_id", as: String.self)), default: []]
        .insert(day)
      windowDays[try row.decode(column: "window_id", as: String.self), default: []].insert(day)
    }
    return (staffDays.mapValues(\.count), windowDays.mapValues(\.count), !rows.isEmpty)
  }

  /// The center's weights, or nil when it has set none.
  public func weights(county: String) async throws -> [Assessment.Criterion: Int]? {
    guard
      let body = try await sql.raw("SELECT body FROM assessment_weights WHERE county_code = \(bind: county)").first()?
        .decode(column: "body", as: String.self)
    else { return nil }
    let stored = try JSONDecoder().decode([String: Int].self, from: Data(body.utf8))
    return Dictionary(
      uniqueKeysWithValues: Assessment.Criterion.allCases.map { ($0, stored[$0.rawValue] ?? 0) })
  }

  public func saveWeights(_ weights: [Assessment.Criterion: Int], county: String, by staffID: String, now: Date)
    async throws
  {
    let body = try SortedJSONEncoder.stored.encodeToString(
      Dictionary(uniqueKeysWithValues: weights.map { ($0.key.rawValue, $0.value) }))
    try await WriteGate.serialize(db) {
      try await sql.raw(
        """
        INSERT INTO assessment_weights (county_code, body, updated_by, updated_ms)
        VALUES (\(bind: county), \(bind: body), \(bind: staffID), \(bind: millis(now)))
        ON CONFLICT (county_code) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by,
          updated_ms = excluded.updated_ms
        """
      ).run()
    }
  }
}
