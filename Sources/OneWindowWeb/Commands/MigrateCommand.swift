import Fluent
import OneWindowStore
import Vapor

/// `onewindow migrate`: brings the schema up to date, without asking (safe to run on every deploy).
struct MigrateCommand: AsyncCommand {
  struct Signature: CommandSignature {}

  var help: String { "Apply pending database migrations (数据库迁移) and exit" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let app = context.application
    try await app.migrator.setupIfNeeded().get()
    let pending = try await app.migrator.previewPrepareBatch().get()
    defer { context.console.print("") }
    try await Store.tune(app.db)
    guard !pending.isEmpty else {
      context.console.print("Database \(app.configuration.database) is up to date.")
      return
    }
    try await app.migrator.prepareBatch().get()
    for (migration, _) in pending { context.console.print("+ \(migration.name)") }
    context.console.print("Applied \(pending.count) migrations to \(app.configuration.database).")
  }
}
