import AsyncHTTPClient
import Foundation
import NIOHTTP1
import OneWindowDomain
import Vapor

/// `onewindow bench pages`: a reviewer's day on the real pages — the back-office inbox (its tabs and pages) and
/// case pages — from several concurrent sessions against a running server; prints latency percentiles per page.
struct PagesBenchCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "url", help: "Server base URL (default http://127.0.0.1:8080)")
    var url: String?

    @Option(name: "user", help: "Reviewer username (default reviewer)")
    var user: String?

    @Option(name: "password", help: "Password (default demo1234)")
    var password: String?

    @Option(name: "concurrency", help: "Concurrent sessions (default 8)")
    var concurrency: Int?

    @Option(name: "seconds", help: "How long to run (default 20)")
    var seconds: Int?
  }

  var help: String { "Load test: the back-office inbox and case pages; prints latency percentiles" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let base = signature.url ?? "http://127.0.0.1:8080"
    // Not following redirects: the sign-in's 303 carries the session cookie.
    let client = HTTPClient(
      eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
    defer { _ = client.shutdown() }
    let cookie = try await Self.signIn(
      client, base, signature.user ?? "reviewer", signature.password ?? "demo1234")
    // The cases to open: those the inbox lists on its first pages, as a reviewer would click them.
    var numbers: [String] = []
    for page in 1...20 {
      let (_, body) = try await Self.get(client, "\(base)/office?page=\(page)", cookie)
      numbers += Self.caseNumbers(in: body)
    }
    guard !numbers.isEmpty else {
      throw ValidationError(field: "--user", zh: "收件箱为空，无可打开的办件", en: "The inbox is empty: nothing to open")
    }
    let seconds = signature.seconds ?? 20
    let until = ContinuousClock.now + .seconds(seconds)
    let workers = signature.concurrency ?? 8
    let candidates = numbers
    let result = try await withThrowingTaskGroup(of: Samples.self) { group in
      for worker in 0..<workers {
        group.addTask {
          var samples = Samples()
          var generator = SystemRandomNumberGenerator()
          var n = worker
          while ContinuousClock.now < until {
            n += 1
            let inbox = n % 2 == 0
            let path =
              inbox
              ? "/office" + ["", "?warning=yellow", "?warning=red", "?page=2", "?page=5"][n / 2 % 5]
              : "/cases/\(candidates.randomElement(using: &generator)!)"
            let started = ContinuousClock.now
            let (status, _) = try await Self.get(client, base + path, cookie)
            let elapsed = HTTPBenchCommand.ms(ContinuousClock.now - started)
            if status != 200 { samples.errors += 1 }
            if inbox { samples.inbox.append(elapsed) } else { samples.casePage.append(elapsed) }
          }
          return samples
        }
      }
      var all = Samples()
      for try await samples in group {
        all.inbox += samples.inbox
        all.casePage += samples.casePage
        all.errors += samples.errors
      }
      return all
    }
    let console = context.console
    let total = result.inbox.count + result.casePage.count
    console.print(
      "inbox + case pages against \(base), \(workers) sessions, \(seconds) s, \(candidates.count) cases to open")
    console.print(
      "  requests:   \(total) (\(String(format: "%.0f", Double(total) / Double(seconds)))/s), errors: \(result.errors)")
    console.print("  inbox:      \(HTTPBenchCommand.percentiles(result.inbox))")
    console.print("  case page:  \(HTTPBenchCommand.percentiles(result.casePage))")
  }

  struct Samples {
    var inbox: [Double] = []
    var casePage: [Double] = []
    var errors = 0
  }

  static func caseNumbers(in html: String) -> [String] {
    html.components(separatedBy: "href=\"/cases/").dropFirst().compactMap { rest in
      let number = rest.prefix { $0 != "\"" && $0 != "/" && $0 != "?" }
      return number.count >= 20 ? String(number) : nil
    }
  }

  /// Signs in through the login page as a browser does; returns the cookies to send.
  static func signIn(_ client: HTTPClient, _ base: String, _ user: String, _ password: String) async throws -> String {
    let login = try await client.execute(HTTPClientRequest(url: "\(base)/login"), timeout: .seconds(10))
    let page = String(buffer: try await login.body.collect(upTo: 1 << 20))
    let anonymous = cookies(login.headers)
    guard let tokenStart = page.range(of: #"name="_csrf" value=""#) else {
      throw ValidationError(field: "--url", zh: "登录页没有表单令牌", en: "The login page has no form token")
    }
    let token = page[tokenStart.upperBound...].prefix { $0 != "\"" }
    var request = HTTPClientRequest(url: "\(base)/login")
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
    request.headers.add(name: "Cookie", value: anonymous)
    request.body = .bytes(ByteBuffer(string: "username=\(user)&password=\(password)&_csrf=\(token)"))
    let response = try await client.execute(request, timeout: .seconds(10))
    let session = cookies(response.headers)
    guard response.status == .seeOther, session.contains("ow_session=") else {
      throw ValidationError(
        field: "--user", zh: "登录失败（HTTP \(response.status.code)）", en: "Sign-in failed (HTTP \(response.status.code))")
    }
    return session
  }

  private static func cookies(_ headers: HTTPHeaders) -> String {
    headers["Set-Cookie"].map { $0.prefix { $0 != ";" } }.joined(separator: "; ")
  }

  static func get(_ client: HTTPClient, _ url: String, _ cookie: String) async throws -> (Int, String) {
    var request = HTTPClientRequest(url: url)
    request.headers.add(name: "Cookie", value: cookie)
    let response = try await client.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 1 << 23)
    return (Int(response.status.code), String(buffer: body))
  }
}
