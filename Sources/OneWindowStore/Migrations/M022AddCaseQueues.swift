import Fluent
import SQLKit

/// What the screens look cases up by besides the case row's own columns: the applicant's ID number (a known
/// applicant is filled in from their last case) and the open parallel-opinion requests per asked department
/// (the asked department's inbox).
struct M022AddCaseQueues: AsyncMigration {
  func prepare(on database: any Database) async throws {
    let sql = database as! any SQLDatabase
    try await database.schema("cases").field("applicant_id_number", .string).update()
    try await sql.raw("CREATE INDEX cases_applicant_id ON cases (applicant_id_number, created_ms)").run()
    try await database.schema("case_opinion_requests")
      .field("case_number", .string, .required)
      .field("department_id", .string, .required)
      .field("due_date", .string, .required)
      .field("requested_ms", .int64, .required)
      .field("answered_ms", .int64)
      .field("county_code", .string, .required)
      .create()
    try await sql.raw(
      "CREATE INDEX case_opinion_requests_open ON case_opinion_requests (department_id, answered_ms, due_date)"
    ).run()
    try await sql.raw("CREATE INDEX case_opinion_requests_case ON case_opinion_requests (case_number)").run()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("case_opinion_requests").delete()
    try await (database as! any SQLDatabase).raw("DROP INDEX cases_applicant_id").run()
    try await database.schema("cases").deleteField("applicant_id_number").update()
  }
}
