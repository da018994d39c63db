import Fluent
import SQLKit

/// What administering the directory needs: the first run's record, each county's time zone, department short names
/// and hall stationing, retirement instead of deletion, the names records were made under, duties with dates
/// (replacing `window_duties`, whose rows become duties that started long ago) 首席代表 authorisations, and the
/// one-time links with which a new account's owner sets their own password.
struct M031CreateDirectoryAdministration: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("installation")
      .field("id", .string, .identifier(auto: false))
      .field("county_code", .string, .required)
      .field("set_up_at", .datetime, .required)
      .create()
    try await database.schema("regions").field("time_zone", .string).update()
    try await database.schema("departments").field("short_name", .string, .required, .sql(.default(""))).update()
    try await database.schema("departments").field("in_hall", .bool, .required, .sql(.default(true))).update()
    try await database.schema("departments").field("retired_at", .datetime).update()
    try await database.schema("sites").field("retired_at", .datetime).update()
    try await database.schema("windows").field("retired_at", .datetime).update()

    try await database.schema("directory_names")
      .id()
      .field("kind", .string, .required)
      .field("record_id", .string, .required)
      .field("name", .string, .required)
      .field("until", .datetime, .required)
      .field("county_code", .string, .required)
      .create()

    try await database.schema("duty_assignments")
      .id()
      .field("window_id", .string, .required, .references("windows", "id"))
      .field("staff_id", .uuid, .required, .references("staff", "id"))
      .field("post", .string, .required)
      .field("starts_on", .string, .required)
      .field("ends_on", .string)
      .field("county_code", .string, .required)
      .create()
    guard let sql = database as? any SQLDatabase else { return }
    try await sql.raw(
      """
      INSERT INTO duty_assignments (id, window_id, staff_id, post, starts_on, ends_on, county_code)
      SELECT id, window_id, staff_id, post, '2000-01-01', NULL, county_code FROM window_duties
      """
    ).run()
    try await database.schema("window_duties").delete()
    try await sql.create(index: "duty_assignments_window").on("duty_assignments").column("window_id").run()
    try await sql.create(index: "duty_assignments_staff").on("duty_assignments").column("staff_id").run()

    try await database.schema("chief_authorizations")
      .id()
      .field("department_id", .string, .required, .references("departments", "id"))
      .field("staff_id", .uuid, .required, .references("staff", "id"))
      .field("authorized_by", .string, .required)
      .field("document_number", .string, .required)
      .field("powers", .string, .required)
      .field("valid_from", .string, .required)
      .field("valid_until", .string)
      .field("revoked_at", .datetime)
      .field("created_at", .datetime, .required)
      .field("county_code", .string, .required)
      .create()
    try await sql.create(index: "chief_authorizations_staff").on("chief_authorizations").column("staff_id").run()

    try await database.schema("staff_password_links")
      .field("token_hash", .string, .identifier(auto: false))
      .field("staff_id", .uuid, .required, .references("staff", "id"))
      .field("expires_at", .datetime, .required)
      .field("county_code", .string, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("staff_password_links").delete()
    try await database.schema("chief_authorizations").delete()
    try await database.schema("duty_assignments").delete()
    try await database.schema("directory_names").delete()
    try await database.schema("installation").delete()
  }
}
