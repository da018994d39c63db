import Fluent
import OneWindowDomain
import SQLKit

/// 统计: the case rollup (one row per county, day or month, department, site, window and staff member, holding a
/// `CaseTally`),
/// the monthly counts per item behind the "top items" tables, the targets the center sets, and the weights of its
/// assessment (考核).
struct M045CreateStatistics: AsyncMigration {
  func prepare(on database: any Database) async throws {
    // The same tallies per day and per month: a dashboard of a year sums twelve months' rows, not 365 days'.
    for (table, column) in [("stat_case_days", "day"), ("stat_case_months", "month")] {
      var rollup = database.schema(table)
        .field("county_code", .string, .required)
        .field(.string(column), .string, .required)
        .field("department_id", .string, .required)
        .field("site_id", .string, .required)
        .field("window_id", .string, .required)
        .field("staff_id", .string, .required)
      for tally in CaseTally.columns { rollup = rollup.field(.string(tally), .int64, .required, .sql(.default(0))) }
      try await rollup.unique(on: "county_code", .string(column), "department_id", "site_id", "window_id", "staff_id")
        .create()
    }
    try await database.schema("stat_item_months")
      .field("county_code", .string, .required)
      .field("month", .string, .required)
      .field("item_code", .string, .required)
      .field("department_id", .string, .required)
      .field("filed", .int64, .required, .sql(.default(0)))
      .field("concluded", .int64, .required, .sql(.default(0)))
      .field("late", .int64, .required, .sql(.default(0)))
      .unique(on: "county_code", "month", "item_code", "department_id")
      .create()
    try await database.schema("stat_targets")
      .field("id", .string, .identifier(auto: false))
      .field("county_code", .string, .required)
      .field("figure", .string, .required)
      .field("value", .double, .required)
      .field("due_date", .string, .required)
      .field("note", .string, .required)
      .field("updated_by", .string, .required)
      .field("updated_ms", .int64, .required)
      .unique(on: "county_code", "figure", "due_date")
      .create()
    try await database.schema("assessment_weights")
      .field("county_code", .string, .identifier(auto: false))
      .field("body", .string, .required)
      .field("updated_by", .string, .required)
      .field("updated_ms", .int64, .required)
      .create()
    let sql = database as! any SQLDatabase
    try await sql.raw("CREATE INDEX stat_case_days_department ON stat_case_days (county_code, department_id, day)")
      .run()
    // The satisfaction figures count concluded cases left unrated (they count at the county's default level) per
    // department, site or item over a period: read from this index alone (the number for the check against the
    // ratings) instead of every case's row.
    try await sql.raw(
      """
      CREATE INDEX cases_concluded ON cases (county_code, concluded_ms, department_id, site_id, item_code, number)
      WHERE state = 'concluded'
      """
    ).run()
  }

  func revert(on database: any Database) async throws {
    try await (database as! any SQLDatabase).raw("DROP INDEX cases_concluded").run()
    try await database.schema("assessment_weights").delete()
    try await database.schema("stat_targets").delete()
    try await database.schema("stat_item_months").delete()
    try await database.schema("stat_case_months").delete()
    try await database.schema("stat_case_days").delete()
  }
}
