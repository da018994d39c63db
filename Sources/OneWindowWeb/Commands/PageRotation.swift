import AsyncHTTPClient
import Foundation
import Vapor

/// The load of the reading benchmarks (`bench supervision`, `bench statistics`): several signed-in sessions open a
/// list of pages in turn for a while; each page's latencies are kept apart, and failures counted as "errors".
enum PageRotation {
  struct Options {
    let base: String
    let user: String
    let password: String
    let sessions: Int
    let seconds: Int
  }

  /// Signs in once and opens `paths` in turn from `options.sessions` concurrent tasks; answers the samples per path.
  static func run(_ paths: [String], _ options: Options) async throws -> [String: [Double]] {
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
    defer { _ = client.shutdown() }
    let cookie = try await PagesBenchCommand.signIn(client, options.base, options.user, options.password)
    let until = ContinuousClock.now + .seconds(options.seconds)
    return try await withThrowingTaskGroup(of: [String: [Double]].self) { group in
      for session in 0..<options.sessions {
        group.addTask {
          var samples: [String: [Double]] = [:]
          var n = session
          while ContinuousClock.now < until {
            let path = paths[n % paths.count]
            n += 1
            let started = ContinuousClock.now
            let (status, _) = try await PagesBenchCommand.get(client, options.base + path, cookie)
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
  }

  /// Prints the request rate, the errors and each page's percentiles.
  static func report(
    _ title: String, _ paths: [String], _ samples: [String: [Double]], _ options: Options, console: any Console
  ) {
    let total = samples.values.reduce(0) { $0 + $1.count }
    let width = max(34, (paths.map(\.count).max() ?? 0) + 2)
    console.print("\(title) against \(options.base), \(options.sessions) sessions, \(options.seconds) s")
    console.print(
      "  requests: \(total) (\(String(format: "%.0f", Double(total) / Double(options.seconds)))/s), errors: \(samples["errors"]?.count ?? 0)"
    )
    for path in paths {
      console.print(
        "  \(path.padding(toLength: width, withPad: " ", startingAt: 0)) \(HTTPBenchCommand.percentiles(samples[path] ?? []))"
      )
    }
  }
}
