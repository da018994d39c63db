import Foundation
import OneWindowDomain
import OneWindowStore
import SQLKit
import Vapor

/// `onewindow stats fold|reset`: the statistics rollup from the shell. The worker folds the trail a few seconds a
/// minute; after a bulk load (an import, the load-test seeder) or a `reset`, `fold` reads the whole backlog at once,
/// showing progress. Each batch commits with its cursor, so stopping it (Ctrl-C) loses nothing and the next run goes
/// on where it stopped.
struct StatsCommand: AsyncCommandGroup {
  var help: String { "The statistics rollup: fold the trail into it now, or forget it to count everything again" }

  var commands: [String: any AnyAsyncCommand] { ["fold": StatsFoldCommand(), "reset": StatsResetCommand()] }
}

struct StatsFoldCommand: AsyncCommand {
  struct Signature: CommandSignature {}

  var help: String {
    "Fold every trail event not yet counted, and the finished hall days, into the rollups; shows progress, safe to stop"
  }

  func run(using context: CommandContext, signature: Signature) async throws {
    let app = context.application
    let console = context.console
    let total =
      try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM case_events").first()?
      .decode(column: "n", as: Int.self) ?? 0
    console.print("Folding the trail (\(total) events in all) into the statistics rollup …")
    let fold = StatisticsFold(app.db)
    let started = ContinuousClock.now
    var read = 0
    var shown = 0
    while true {
      let now = app.now()
      let events = try await fold.runBatch(now: now) { county in
        try await app.deadlineRules.rule(county: county, db: app.db, now: now)
      }
      if events == 0 { break }
      read += events
      if read - shown >= 100_000 {
        shown = read
        let seconds = max(0.001, Double((ContinuousClock.now - started).components.seconds))
        console.print("  \(read) events (\(Int(Double(read) / seconds))/s)")
      }
    }
    let elapsed = ContinuousClock.now - started
    let seconds = max(0.001, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    console.print("Done: \(read) events in \(String(format: "%.1f", seconds)) s (\(Int(Double(read) / seconds))/s).")
    let hallStarted = ContinuousClock.now
    for county in try await DirectoryRepository(app.db).counties() {
      let now = app.now()
      let rule = try await app.deadlineRules.rule(county: county.code.value, db: app.db, now: now)
      let days = try await HallRollup(app.db).fold(
        county: county.code.value, through: rule.civilDate(of: now).adding(days: -1), now: now
      ) { month in
        console.print("  hall of \(county.name): folded through \(month.iso)")
      }
      console.print("Hall of \(county.name): \(days) days folded in \(ContinuousClock.now - hallStarted).")
    }
  }
}

struct StatsResetCommand: AsyncCommand {
  struct Signature: CommandSignature {}

  var help: String {
    "Forget the rollup (after correcting the work calendar, say); the next folds count the whole trail"
  }

  func run(using context: CommandContext, signature: Signature) async throws {
    try await StatisticsFold(context.application.db).reset()
    try await HallRollup(context.application.db).reset()
    context.console.print(
      "The statistics rollup is empty; run `onewindow stats fold` (or let the worker) to count again.")
  }
}
