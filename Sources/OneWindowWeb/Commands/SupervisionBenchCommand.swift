import Foundation
import OneWindowDomain
import Vapor

/// `onewindow bench supervision`: a supervisor's pages — the clock board by department, site and town, the red and
/// yellow cases behind it, the rule hits, the follow-up lists and the tickets — from several concurrent sessions
/// against a running server; prints latency percentiles per page.
struct SupervisionBenchCommand: AsyncCommand {
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

  var help: String { "Load test: the supervision board, its case lists, rule hits and follow-ups; latency percentiles" }

  static let paths = [
    "/supervision", "/supervision?by=site", "/supervision?by=town", "/supervision/cases?light=red",
    "/supervision/cases?light=yellow", "/supervision/hits", "/follow-ups?show=overdue", "/supervision/tickets",
  ]

  func run(using context: CommandContext, signature: Signature) async throws {
    let options = PageRotation.Options(
      base: signature.url ?? "http://127.0.0.1:8080", user: signature.user ?? "supervisor",
      password: signature.password ?? "demo1234", sessions: signature.concurrency ?? 8, seconds: signature.seconds ?? 20
    )
    let paths = Self.paths
    let samples = try await PageRotation.run(paths, options)
    PageRotation.report("supervision pages", paths, samples, options, console: context.console)
  }
}
