import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// `onewindow seed cases --count N`: synthetic cases for load tests (needs the demo county loaded).
struct SeedCommand: AsyncCommandGroup {
  var help: String { "Generate synthetic data for load tests and benchmarks" }

  var commands: [String: any AnyAsyncCommand] { ["cases": SeedCasesCommand()] }
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
  }
}
