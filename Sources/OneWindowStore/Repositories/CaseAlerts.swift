import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 黄灯预警 and 红灯超期 for the people who hold a case: which cases just turned, and telling them once per level.
/// Only a turn within `recent` counts: a case late for weeks is on every red list already, and a database full of
/// old cases (an import, a load test) must not flood anyone.
extension CaseRepository {
  /// The states whose legal clock runs, so whose light can turn.
  public static let clockStates: [CaseState] = [.accepted, .inReview, .escalated]
  /// Yellow starts well within this ahead of the due date for any legal limit; it bounds the index range read.
  static let yellowReach: TimeInterval = 120 * 86_400

  /// Cases of `departmentIDs` that turned yellow or red in (now − recent, now] and were not told of that level.
  /// Read through the (department, state, due) index, one department at a time.
  public func turnedLights(departmentIDs: [String], now: Date, recent: TimeInterval, limit: Int = 500) async throws
    -> [(serviceCase: ServiceCase, level: Int)]
  {
    let sql = db as! any SQLDatabase
    let nowMillis = millis(now)
    let since = millis(now.addingTimeInterval(-recent))
    var found: [(ServiceCase, Int)] = []
    for department in departmentIDs where found.count < limit {
      for state in Self.clockStates {
        let rows = try await sql.raw(
          """
          SELECT body, due_ms, COALESCE(alerted, 0) AS alerted FROM cases
          WHERE department_id = \(bind: department) AND state = \(bind: state.rawValue)
            AND due_ms > \(bind: since) AND due_ms <= \(bind: millis(now.addingTimeInterval(Self.yellowReach)))
            AND ((due_ms < \(bind: nowMillis) AND COALESCE(alerted, 0) < 2)
              OR (warn_ms <= \(bind: nowMillis) AND warn_ms > \(bind: since) AND COALESCE(alerted, 0) < 1))
          ORDER BY due_ms LIMIT \(bind: limit)
          """
        ).all()
        for row in rows {
          let due = try row.decode(column: "due_ms", as: Int64.self)
          found.append((try CaseRow.decode(try row.decode(column: "body", as: String.self)), due < nowMillis ? 2 : 1))
        }
      }
    }
    return found
  }

  /// Marks `number` told of `level` and queues the warning to `recipients` (phone, in-app account) in the same
  /// transaction; nothing when another worker marked it first. Answers whether it queued.
  @discardableResult
  public func alert(
    _ number: String, level: Int, recipients: [(phone: String, account: String)], facts: [String: String],
    county: String, now: Date
  ) async throws -> Bool {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        let marked = try await sql.raw(
          """
          UPDATE cases SET alerted = \(bind: level)
          WHERE number = \(bind: number) AND COALESCE(alerted, 0) < \(bind: level) RETURNING number
          """
        ).all()
        guard !marked.isEmpty else { return false }
        let kind: NotificationKind = level >= 2 ? .caseRed : .caseYellow
        for recipient in recipients {
          try await sql.insert(into: "outbox")
            .columns("id", "case_number", "kind", "recipient", "payload", "created_ms", "county_code", "account")
            .values(
              [
                TimeOrderedID.make(at: now), number, kind.rawValue, recipient.phone, CaseTrail.canonicalJSON(facts),
                millis(now), county, recipient.account,
              ] as [any Encodable & Sendable]
            ).run()
        }
        return true
      }
    }
  }
}
