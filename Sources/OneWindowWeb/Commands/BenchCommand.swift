import AsyncHTTPClient
import Foundation
import OneWindowDomain
import Vapor

/// `onewindow bench deadline|http`: benchmarks that print figures (run them on a release build).
struct BenchCommand: AsyncCommandGroup {
  var help: String {
    "Benchmarks: deadline arithmetic, HTTP create+accept load, catalog search, inbox and case pages, a hall day, case JSON, notifications"
  }

  var commands: [String: any AnyAsyncCommand] {
    [
      "deadline": DeadlineBenchCommand(), "http": HTTPBenchCommand(), "catalog": CatalogSearchBenchCommand(),
      "pages": PagesBenchCommand(), "supervision": SupervisionBenchCommand(),
      "statistics": StatisticsBenchCommand(), "hall": HallBenchCommand(),
      "json": JSONBenchCommand(),
      "notifications": NotificationBenchCommand(),
    ]
  }
}

/// The seconds the fastest of `rounds` runs of `body` took: the slower ones were slowed by something else.
func fastestRun(rounds: Int = 3, _ body: () throws -> Void) rethrows -> Double {
  var best = Double.infinity
  for _ in 0..<rounds {
    let started = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - started
    best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }
  return best
}

/// Due-date computations per second, with and without pauses.
struct DeadlineBenchCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "count", help: "Computations per round (default 1000000)")
    var count: Int?
  }

  var help: String { "Measure due-date computations per second" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let count = signature.count ?? 1_000_000
    let rule = DeadlineRule()
    let base = rule.startOfDay(CivilDate(iso: "2025-01-01")!)
    let starts = (0..<4096).map { base.addingTimeInterval(Double($0) * 15_377.0) }  // spread over 2025–2026
    let pause = [
      ClockPause(
        kind: .specialProcedure, reason: "", start: base.addingTimeInterval(86_400 * 40),
        end: base.addingTimeInterval(86_400 * 47))
    ]
    for (label, pauses) in [("no pause", [ClockPause]()), ("one pause", pause)] {
      var checksum = 0.0
      let best = fastestRun {
        for index in 0..<count {
          let due = rule.due(acceptedAt: starts[index & 4095], limitDays: index % 61, pauses: pauses)
          checksum += due?.timeIntervalSince1970 ?? 0
        }
      }
      let rate = Double(count) / best
      context.console.print(
        "deadline (\(label)): \(count) due dates in \(String(format: "%.3f", best)) s = \(String(format: "%.2f", rate / 1e6)) M/s  [checksum \(Int(checksum) % 997)]"
      )
    }
  }
}

/// Drives `POST /api/v1/cases` then `POST …/accept` from many concurrent workers against a running server.
struct HTTPBenchCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "url", help: "Server base URL (default http://127.0.0.1:8080)")
    var url: String?

    @Option(name: "user", help: "Clerk username (default clerk)")
    var user: String?

    @Option(name: "password", help: "Password (default demo1234)")
    var password: String?

    @Option(name: "item", help: "Item code of a promised item (default 360105002000, 食品经营许可)")
    var item: String?

    @Option(name: "concurrency", help: "Concurrent workers (default 32)")
    var concurrency: Int?

    @Option(name: "seconds", help: "How long to run (default 20)")
    var seconds: Int?
  }

  var help: String { "Load test: create + accept promised cases; prints cases/s and latency percentiles" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let base = signature.url ?? "http://127.0.0.1:8080"
    let client = HTTPClient.shared
    let token = try await Self.signIn(client, base, signature.user ?? "clerk", signature.password ?? "demo1234")
    let item = signature.item ?? "360105002000"
    let seconds = signature.seconds ?? 20
    let deadline = ContinuousClock.now + .seconds(seconds)
    let workers = signature.concurrency ?? 32
    let results = try await withThrowingTaskGroup(of: WorkerResult.self) { group in
      for worker in 0..<workers {
        group.addTask {
          try await Self.work(client, base, token, item, worker: worker, until: deadline)
        }
      }
      var all = WorkerResult()
      for try await result in group { all.merge(result) }
      return all
    }
    let console = context.console
    console.print("create+accept of promised cases against \(base), \(workers) workers, \(seconds) s")
    console.print(
      "  accepted cases:   \(results.pairs.count) (\(String(format: "%.0f", Double(results.pairs.count) / Double(seconds)))/s)"
    )
    console.print(
      "  requests:         \(results.requests.count) (\(String(format: "%.0f", Double(results.requests.count) / Double(seconds)))/s), errors: \(results.errors)"
    )
    console.print("  request latency:  \(Self.percentiles(results.requests))")
    console.print("  create latency:   \(Self.percentiles(results.creates))")
    console.print("  accept latency:   \(Self.percentiles(results.accepts))")
  }

  struct WorkerResult {
    var requests: [Double] = []
    var creates: [Double] = []
    var accepts: [Double] = []
    var pairs: [Double] = []
    var errors = 0

    mutating func merge(_ other: WorkerResult) {
      requests += other.requests
      creates += other.creates
      accepts += other.accepts
      pairs += other.pairs
      errors += other.errors
    }
  }

  static func work(
    _ client: HTTPClient, _ base: String, _ token: String, _ item: String, worker: Int, until: ContinuousClock.Instant
  )
    async throws -> WorkerResult
  {
    var result = WorkerResult()
    var n = 0
    while ContinuousClock.now < until {
      n += 1
      let phone = "139" + String(10_000_000 + (worker * 1_000_003 + n) % 89_999_999)
      let body =
        #"{"item_code":"\#(item)","applicant":{"name":"压测申请人","id_number":"11010519491231002X","phone":"\#(phone)"}}"#
      let t0 = ContinuousClock.now
      let (status, json) = try await post(
        client, "\(base)/api/v1/cases", token, body, key: "bench-\(worker)-\(n)-\(UUID().uuidString.prefix(8))")
      let t1 = ContinuousClock.now
      result.requests.append(ms(t1 - t0))
      result.creates.append(ms(t1 - t0))
      guard status == 201, let number = json["number"] as? String, let version = json["version"] as? Int else {
        result.errors += 1
        continue
      }
      let (acceptStatus, _) = try await post(
        client, "\(base)/api/v1/cases/\(number)/accept", token, #"{"version":\#(version)}"#)
      let t2 = ContinuousClock.now
      result.requests.append(ms(t2 - t1))
      result.accepts.append(ms(t2 - t1))
      if acceptStatus == 200 { result.pairs.append(ms(t2 - t0)) } else { result.errors += 1 }
    }
    return result
  }

  static func signIn(_ client: HTTPClient, _ base: String, _ user: String, _ password: String) async throws -> String {
    let (status, json) = try await post(
      client, "\(base)/api/v1/session", nil, #"{"username":"\#(user)","password":"\#(password)"}"#)
    guard status == 201, let token = json["token"] as? String else {
      throw ValidationError(field: "--user", zh: "登录失败（HTTP \(status)）", en: "Sign-in failed (HTTP \(status))")
    }
    return token
  }

  static func post(_ client: HTTPClient, _ url: String, _ token: String?, _ body: String, key: String? = nil)
    async throws
    -> (Int, [String: Any])
  {
    var request = HTTPClientRequest(url: url)
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
    if let key { request.headers.add(name: "Idempotency-Key", value: key) }
    request.body = .bytes(ByteBuffer(string: body))
    let response = try await client.execute(request, timeout: .seconds(30))
    let data = try await response.body.collect(upTo: 1 << 22)
    let json = (try? JSONSerialization.jsonObject(with: Data(data.readableBytesView))) as? [String: Any] ?? [:]
    return (Int(response.status.code), json)
  }

  static func ms(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
  }

  static func percentiles(_ values: [Double]) -> String {
    guard !values.isEmpty else { return "no samples" }
    let sorted = values.sorted()
    func p(_ q: Double) -> String {
      String(format: "%.1f", sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))])
    }
    return "p50 \(p(0.50)) ms, p90 \(p(0.90)) ms, p99 \(p(0.99)) ms, max \(String(format: "%.1f", sorted.last!)) ms"
  }
}
