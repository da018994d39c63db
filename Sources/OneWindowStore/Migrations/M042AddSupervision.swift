import Fluent
import SQLKit

/// 电子监察: follow-up tasks keep how they were settled and which reminder the applicant had, and are found by case
/// (the step that settles one) and by county, kind and due date (the follow-up lists); the board counts open cases
/// by department, site and town from an index that holds only open cases.
struct M042AddSupervision: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("case_tasks").field("outcome", .string).update()
    try await database.schema("case_tasks").field("reminded", .int).update()
    let sql = database as! any SQLDatabase
    try await sql.raw("CREATE INDEX case_tasks_case ON case_tasks (case_number, kind)").run()
    try await sql.raw("CREATE INDEX case_tasks_due ON case_tasks (county_code, kind, done_ms, due_date)").run()
    try await sql.raw(
      """
      CREATE INDEX cases_open_board ON cases (county_code, department_id, site_id, region_code, state, due_ms, warn_ms)
      WHERE state IN ('accepted', 'in_review', 'escalated', 'suspended')
      """
    ).run()
  }

  func revert(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    try await sql.raw("DROP INDEX cases_open_board").run()
    try await sql.raw("DROP INDEX case_tasks_due").run()
    try await sql.raw("DROP INDEX case_tasks_case").run()
    try await database.schema("case_tasks").deleteField("reminded").update()
    try await database.schema("case_tasks").deleteField("outcome").update()
  }
}
