import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 好差评: ratings (one per thing rated and channel, `once_key`), the 差评整改 ledger (one entry per negative rating)
/// and appeals (one per rating). The pad's ticket ratings and the residents' ratings of agents become ratings, their
/// negatives with a ledger entry each.
struct M037CreateEvaluations: AsyncMigration {
  func prepare(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    try await database.schema("evaluations")
      .field("id", .string, .identifier(auto: false))
      .field("once_key", .string, .required)
      .field("subject", .string, .required)
      .field("channel", .string, .required)
      .field("level", .int, .required)
      .field("case_number", .string)
      .field("ticket_id", .string)
      .field("window_id", .string)
      .field("staff_id", .string)
      .field("department_id", .string)
      .field("item_code", .string)
      .field("site_id", .string)
      .field("region_code", .string, .required)
      .field("real_name", .bool, .required)
      .field("follow_up_of", .string)
      .field("voided", .bool, .required)
      .field("at_ms", .int64, .required)
      .field("body", .string, .required)
      .field("county_code", .string, .required)
      .unique(on: "once_key")
      .create()
    try await sql.raw("CREATE INDEX evaluations_county_at ON evaluations (county_code, at_ms)").run()
    try await sql.raw("CREATE INDEX evaluations_case ON evaluations (case_number)").run()
    try await sql.raw("CREATE INDEX evaluations_staff ON evaluations (staff_id, at_ms)").run()

    try await database.schema("rectifications")
      .field("id", .string, .identifier(auto: false))
      .field("evaluation_id", .string, .required)
      .field("state", .string, .required)
      .field("department_id", .string)
      .field("assignee_id", .string)
      .field("due_ms", .int64)
      .field("opened_ms", .int64, .required)
      .field("closed_ms", .int64)
      .field("body", .string, .required)
      .field("county_code", .string, .required)
      .unique(on: "evaluation_id")
      .create()
    // The service team's list (open, soonest due first) and each assignee's.
    try await sql.raw("CREATE INDEX rectifications_due ON rectifications (county_code, state, due_ms)").run()
    try await sql.raw("CREATE INDEX rectifications_assignee ON rectifications (assignee_id, state)").run()

    try await database.schema("evaluation_appeals")
      .field("id", .string, .identifier(auto: false))
      .field("evaluation_id", .string, .required)
      .field("state", .string, .required)
      .field("filed_by", .string, .required)
      .field("filed_ms", .int64, .required)
      .field("body", .string, .required)
      .field("county_code", .string, .required)
      .unique(on: "evaluation_id")
      .create()
    try await sql.raw("CREATE INDEX evaluation_appeals_state ON evaluation_appeals (county_code, state, filed_ms)")
      .run()

    try await carryOver(sql, database)
  }

  /// The ratings stored before: the residents' ratings of agents (on the status page) and the pad's.
  private func carryOver(_ sql: any SQLDatabase, _ database: any Database) async throws {
    let repository = EvaluationRepository(database, rule: DeadlineRule(), policy: .standard)
    for row in try await sql.raw(
      """
      SELECT r.case_number, r.agent_id, r.score, r.comment, r.at_ms, r.county_code, c.item_code, c.department_id,
        c.site_id, c.region_code
      FROM agent_ratings r LEFT JOIN cases c ON c.number = r.case_number
      """
    ).all() {
      guard let level = EvaluationLevel(rawValue: try row.decode(column: "score", as: Int.self)) else { continue }
      let county = try row.decode(column: "county_code", as: String.self)
      let number = try row.decode(column: "case_number", as: String.self)
      try await repository.record(
        Evaluation(
          id: "migrated-agent-\(number)", subject: .agent, channel: .statusPage, level: level,
          comment: try row.decode(column: "comment", as: String.self), rater: .anonymous,
          about: Evaluation.Target(
            caseNumber: number, staffID: try row.decode(column: "agent_id", as: String.self),
            departmentID: try row.decode(column: "department_id", as: String?.self),
            itemCode: try row.decode(column: "item_code", as: String?.self),
            siteID: try row.decode(column: "site_id", as: String?.self),
            regionCode: try row.decode(column: "region_code", as: String?.self) ?? county),
          at: instant(millis: try row.decode(column: "at_ms", as: Int64.self))), county: county)
    }
    for row in try await sql.raw(
      """
      SELECT id, rating, window_id, staff_id, site_id, item_code, case_number, ended_ms, taken_ms, county_code
      FROM tickets WHERE rating IS NOT NULL
      """
    ).all() {
      guard let level = EvaluationLevel(rawValue: try row.decode(column: "rating", as: Int.self)) else { continue }
      let county = try row.decode(column: "county_code", as: String.self)
      let id = try row.decode(column: "id", as: String.self)
      let at = try row.decode(column: "ended_ms", as: Int64?.self) ?? row.decode(column: "taken_ms", as: Int64.self)
      try await repository.record(
        Evaluation(
          id: "migrated-ticket-\(id)", subject: .service, channel: .pad, level: level, rater: .anonymous,
          about: Evaluation.Target(
            caseNumber: try row.decode(column: "case_number", as: String?.self), ticketID: id,
            windowID: try row.decode(column: "window_id", as: String?.self),
            staffID: try row.decode(column: "staff_id", as: String?.self),
            itemCode: try row.decode(column: "item_code", as: String?.self),
            siteID: try row.decode(column: "site_id", as: String.self), regionCode: county),
          at: instant(millis: at)), county: county)
    }
  }

  func revert(on database: any Database) async throws {
    try await database.schema("evaluation_appeals").delete()
    try await database.schema("rectifications").delete()
    try await database.schema("evaluations").delete()
  }
}
