import Fluent

/// One row per server host that `/readyz` writes to, so readiness means "can write", not only "can connect": a full
/// disk or a read-only standby answers a connect and a `SELECT` but refuses every case.
struct M034CreateReadinessProbe: AsyncMigration {
  func prepare(on database: any Database) async throws {
    try await database.schema("readiness_probe")
      .field("host", .string, .identifier(auto: false))
      .field("checked_ms", .int64, .required)
      .create()
  }

  func revert(on database: any Database) async throws {
    try await database.schema("readiness_probe").delete()
  }
}
