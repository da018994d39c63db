import AsyncHTTPClient
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
    let base = signature.url ?? "http://127.0.0.1:8080"
    let client = HTTPClient(
      eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
    defer { _ = client.shutdown() }
    let cookie = try await PagesBenchCommand.signIn(
      client, base, signature.user ?? "supervisor", signature.password ?? "demo1234")
    let paths = Self.paths(today: DeadlineRule().civilDate(of: Date()))
    let seconds = signature.seconds ?? 20
    let until = ContinuousClock.now + .seconds(seconds)
    let workers = signature.concurrency ?? 8
    let samples = try await withThrowingTaskGroup(of: [String: [Double]].self) { group in
      for worker in 0..<workers {
        group.addTask {
          var samples: [String: [Double]] = [:]
          var n = worker
          while ContinuousClock.now < until {
            let path = paths[n % paths.count]
            n += 1
            let started = ContinuousClock.now
            let (status, _) = try await PagesBenchCommand.get(client, base + path, cookie)
            let elapsed = HTTPBenchCommand.ms(ContinuousClock.now - started)
            samples[status == 200 ? path : "errors", default: []].append(elapsed)
          }
          return samples
        }
      }
      var all: [String: [Double]] = [:]
      for try await part in group { all.merge(part) { $0 + $1 } }
      return all
    }
    let console = context.console
    let total = samples.values.reduce(0) { $0 + $1.count }
    console.print("statistics dashboards against \(base), \(workers) sessions, \(seconds) s")
    console.print(
      "  requests: \(total) (\(String(format: "%.0f", Double(total) / Double(seconds)))/s), errors: \(samples["errors"]?.count ?? 0)"
    )
    for path in paths {
      console.print(
        "  \(path.padding(toLength: 60, withPad: " ", startingAt: 0)) \(HTTPBenchCommand.percentiles(samples[path] ?? []))"
      )
    }
  }
}
