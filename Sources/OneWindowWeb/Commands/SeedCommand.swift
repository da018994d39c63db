import Foundation
import OneWindowDomain
import OneWindowStore
import SQLKit
import Vapor

/// `onewindow seed cases --count N`: synthetic cases for load tests (needs the demo county loaded).
struct SeedCommand: AsyncCommandGroup {
  var help: String { "Generate synthetic data for load tests and benchmarks" }

  var commands: [String: any AnyAsyncCommand] { ["cases": SeedCasesCommand(), "items": SeedItemsCommand()] }
}

struct SeedCasesCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "count", help: "How many cases (default 1000000)")
    var count: Int?

    @Option(name: "days", help: "Spread over this many days before today (default 730)")
    var days: Int?
  }

  var help: String {
    "Add synthetic cases through the real state machine; shows progress, safe to stop and re-run"
  }

  func run(using context: CommandContext, signature: Signature) async throws {
    let app = context.application
    let count = signature.count ?? 1_000_000
    let days = signature.days ?? 730
    guard count > 0, (1...3650).contains(days) else {
      throw ValidationError(field: "--count", zh: "--count 应为正数,--days 为 1–3650", en: "--count > 0, --days 1–3650")
    }
    let directory = DirectoryRepository(app.db)
    guard let county = try await directory.counties().first else {
      throw ValidationError(
        field: "database", zh: "请先运行 onewindow demo --load-only", en: "Run onewindow demo --load-only first")
    }
    let items = try await CatalogRepository(app.db).items(limit: 10_000)
    let sites = try await directory.sites()
    let rule = DeadlineRule(calendar: try await CalendarRepository(app.db).calendar(county: county.code.value))
    let started = ContinuousClock.now
    let console = context.console
    console.print("Seeding \(count) cases over the \(days) days before today into \(app.configuration.database) …")
    try await CaseSeeder(app.db, rule: rule).seed(
      count: count, county: county, items: items, sites: sites, endDate: rule.civilDate(of: app.now()), days: days
    ) { done in
      if done % 20_000 == 0 || done == count {
        let seconds = max(0.001, Double((ContinuousClock.now - started).components.seconds))
        console.print("  \(done)/\(count) cases (\(Int(Double(done) / seconds))/s)")
      }
    }
    console.print("Done in \(ContinuousClock.now - started).")
    // The seeded trail is back-dated (its events carry their historical time, and so do their ids), behind where the
    // statistics rollup may already have read: forget the rollup so that it counts everything again.
    try await StatisticsFold(app.db).reset()
    try await HallRollup(app.db).reset()
    console.print(
      "The statistics and hall rollups were reset; `onewindow stats fold` (or the worker) counts the trail again.")
  }
}

struct SeedItemsCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "count", help: "How many synthetic items in all (default 100000)")
    var count: Int?
  }

  var help: String {
    "Add synthetic published items (codes 80…) copied from the demo catalog; shows progress, safe to stop and re-run"
  }

  func run(using context: CommandContext, signature: Signature) async throws {
    let app = context.application
    let count = signature.count ?? 100_000
    guard (1...10_000_000).contains(count) else {
      throw ValidationError(field: "--count", zh: "--count 应在 1–10000000 之间", en: "--count must be 1–10,000,000")
    }
    guard let county = try await DirectoryRepository(app.db).counties().first else {
      throw ValidationError(
        field: "database", zh: "请先运行 onewindow demo --load-only", en: "Run onewindow demo --load-only first")
    }
    let catalog = CatalogRepository(app.db)
    let existing = try await catalog.codes()
    let templates = DemoCounty.shared.items
    let have = existing.filter(SyntheticCatalog.isSynthetic).count
    let started = ContinuousClock.now
    context.console.print("Seeding synthetic items \(have)…\(count) into \(app.configuration.database) …")
    // Each batch commits on its own, so an interrupted run keeps what it finished and a re-run goes on from there.
    for start in stride(from: have, to: count, by: 500) {
      let batch = (start..<min(start + 500, count)).map { SyntheticCatalog.item($0, templates: templates) }
        .filter { !existing.contains($0.code) }
      try await app.db.transaction { db in
        try await CatalogRepository(db).insertRows(
          batch, county: county.code.value, editor: "seed", note: "合成数据", now: Date())
      }
      let done = min(start + 500, count)
      if done % 10_000 == 0 || done == count {
        context.console.print("  \(done)/\(count) items")
      }
    }
    // A bulk load leaves the planner's statistics (and PostgreSQL's visibility map, which index-only scans need)
    // behind until autovacuum comes round; refresh them now so the first searches already get the right plans.
    let sql = app.db as! any SQLDatabase
    try await sql.raw(sql.dialect.name == "postgresql" ? "VACUUM ANALYZE" : "ANALYZE").run()
    context.console.print(
      "Done in \(ContinuousClock.now - started); the catalog holds \(try await catalog.count()) items.")
  }
}
