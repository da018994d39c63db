import Vapor

/// The `onewindow` subcommands besides Vapor's `serve`.
public enum OneWindowCommands {
  static func register(_ app: Application) {
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(InitCommand(), as: "init")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(TokenCommand(), as: "token")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(CalendarCommand(), as: "calendar")
    app.asyncCommands.use(CatalogCommand(), as: "catalog")
    app.asyncCommands.use(DirectoryCommand(), as: "directory")
    app.asyncCommands.use(FloorCommand(), as: "floor")
    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(WorkerCommand(), as: "worker")
    app.asyncCommands.use(StatsCommand(), as: "stats")
    app.asyncCommands.use(VersionCommand(), as: "version")
    // Vapor's own `routes` command stays; `serve` is the default.
  }

  /// Commands that need a migrated database before they run.
  public static let needingDatabase: Set<String> = [
    "serve", "demo", "init", "user", "token", "audit", "calendar", "seed", "directory", "worker", "stats", "floor",
  ]
}
