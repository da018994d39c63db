import Foundation
import OneWindowDomain
import Vapor

/// `onewindow bench statistics`: the dashboards a center's leaders read — the center's for this month, this year and
/// the last twelve months, a department's and a town's for the year, the monthly report — from several concurrent
/// sessions against a running server; prints latency percentiles per page.
struct StatisticsBenchCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "url", help: "Server base URL (default http://127.0.0.1:8080)")
    var url: String?

    @Option(name: "user", help: "Supervisor username (default supervisor)")
    var user: String?

    @Option(name: "password", help: "Password (default demo1234)")
    var password: String?

    @Option(name: "concurrency", help: "Concurrent sessions (default 8)")
    var concurrency: Int?

    @Option(name: "seconds", help: "How long to run (default 20)")
    var seconds: Int?
  }

  var help: String { "Load test: the statistics dashboards and the monthly report; latency percentiles" }

  static func paths(today: CivilDate) -> [String] {
    let year = String(today.components.year)
    let month = StatPeriod.month(containing: today)
    let lastMonth = StatPeriod.month(containing: month.from.adding(days: -1)).code
    let twelve = "\(today.adding(days: -364).iso)..\(today.iso)"
    return [
      "/statistics", "/statistics?period=\(year)&trend=month", "/statistics?period=\(twelve)",
      "/statistics/departments/dept-scjgj?period=\(year)", "/statistics/towns/360999100?period=\(year)",
      "/statistics/report?month=\(lastMonth)",
    ]
  }

  func run(using context: CommandContext, signature: Signature) async throws {
    let options = PageRotation.Options(
      base: signature.url ?? "http://127.0.0.1:8080", user: signature.user ?? "supervisor",
      password: signature.password ?? "demo1234", sessions: signature.concurrency ?? 8, seconds: signature.seconds ?? 20
    )
    let paths = Self.paths(today: DeadlineRule().civilDate(of: Date()))
    let samples = try await PageRotation.run(paths, options)
    PageRotation.report("statistics dashboards", paths, samples, options, console: context.console)
  }
}
