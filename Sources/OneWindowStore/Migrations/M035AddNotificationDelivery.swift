import Fluent
import SQLKit

/// The outbox becomes a delivery queue: each row's tries, when it may be tried again, which worker holds it until
/// when (a lease, so a worker that died mid-batch lets go), the last error, and when it was given up on (the
/// dead-letter list); `account` names the in-app recipient when it is not the case's applicant (staff). In-app
/// messages (我的消息) get their table, one per outbox row and account at most (`source_id`), so a resend never
/// shows twice.
struct M035AddNotificationDelivery: AsyncMigration {
  func prepare(on database: any Database) async throws {
    // SQLite adds one column per statement.
    try await database.schema("outbox").field("attempts", .int, .required, .sql(.default(0))).update()
    try await database.schema("outbox").field("next_ms", .int64).update()
    try await database.schema("outbox").field("lease_ms", .int64).update()
    try await database.schema("outbox").field("last_error", .string).update()
    try await database.schema("outbox").field("dead_ms", .int64).update()
    try await database.schema("outbox").field("account", .string).update()
    let sql = database as! any SQLDatabase
    // The queue: what is still to send, oldest first, and the head of each recipient's line.
    try await sql.raw(
      "CREATE INDEX outbox_pending ON outbox (created_ms, id) WHERE sent_ms IS NULL AND dead_ms IS NULL"
    ).run()
    try await sql.raw(
      "CREATE INDEX outbox_pending_recipient ON outbox (recipient, created_ms, id) WHERE sent_ms IS NULL AND dead_ms IS NULL"
    ).run()
    try await sql.raw("CREATE INDEX outbox_dead ON outbox (county_code, dead_ms) WHERE dead_ms IS NOT NULL").run()

    try await database.schema("messages")
      .id()
      .field("source_id", .string, .required)
      .field("account", .string, .required)
      .field("kind", .string, .required)
      .field("case_number", .string)
      .field("facts", .string, .required)
      .field("created_ms", .int64, .required)
      .field("read_ms", .int64)
      .field("county_code", .string, .required)
      .unique(on: "source_id", "account")
      .create()
    try await sql.raw("CREATE INDEX messages_account ON messages (account, created_ms)").run()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("messages").delete()
    let sql = database as! any SQLDatabase
    for index in ["outbox_pending", "outbox_pending_recipient", "outbox_dead"] {
      try await sql.raw("DROP INDEX \(unsafeRaw: index)").run()
    }
    for field in ["attempts", "next_ms", "lease_ms", "last_error", "dead_ms", "account"] {
      try await database.schema("outbox").deleteField(.string(field)).update()
    }
  }
}
