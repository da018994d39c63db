import OneWindowDomain
import OneWindowStore
import Vapor

/// `onewindow demo`: loads the demo county 云溪县, prints the demo logins, then serves.
struct DemoCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Flag(name: "load-only", help: "Load the demo data and exit without serving")
    var loadOnly: Bool

    @Option(name: "hostname", short: "H", help: "Address to listen on (default 127.0.0.1)")
    var hostname: String?

    @Option(name: "port", short: "p", help: "Port to listen on (default 8080)")
    var port: Int?
  }

  var help: String {
    "Load the demo county (idempotent), print the demo logins, then serve (--load-only: just load)"
  }

  func run(using context: CommandContext, signature: Signature) async throws {
    let app = context.application
    let console = context.console
    console.print("Loading the demo county 云溪县 into \(app.configuration.database) …")
    let hash = try await app.password.async.hash(DemoCounty.password)
    let summary = try await DemoLoader(app.db).load(DemoCounty.shared, passwordHash: hash) {
      console.print("  \($0)")
    }
    console.print(
      summary.total == 0 ? "Demo data already loaded; nothing changed." : "Loaded: \(summary).")
    let county = try await DirectoryRepository(app.db).counties().first
    let rule = DeadlineRule(
      calendar: try await CalendarRepository(app.db).calendar(county: county?.code.value ?? CalendarRepository.national)
    )
    let cases = try await DemoCases(app.db, rule: rule).load(now: app.now())
    if cases > 0 { console.print("Demo cases on the desks: \(cases).") }
    let inquiries = try await DemoInquiries(app.db, rule: rule).load(now: app.now())
    if inquiries > 0 { console.print("Demo inquiries on the service desk: \(inquiries), with common questions.") }
    console.print("")
    console.print("Demo logins (password \(DemoCounty.password) for every account):")
    for staff in DemoCounty.shared.featuredLogins {
      let padded = staff.username.padding(toLength: 11, withPad: " ", startingAt: 0)
      console.print("  \(padded) \(staff.role.name.zh) · \(staff.displayName) · \(staff.title)")
    }
    guard !signature.loadOnly else { return }
    // The dashboards show the demo's cases from the first page: fold their trail before serving, while nothing else writes (so
    // nothing needs to settle). Not
    // with --load-only: a load test seeds back-dated cases after it, and folds them all with `onewindow stats fold`.
    let foldAt = app.now().addingTimeInterval(1)
    while try await StatisticsFold(app.db).runBatch(now: foldAt, rule: { _ in rule }, settle: 0) > 0 {}

    let hostname = signature.hostname ?? app.http.server.configuration.hostname
    let port = signature.port ?? app.http.server.configuration.port
    console.print("")
    console.print("Open http://\(hostname):\(port)/ in a browser (Ctrl-C stops the server).")
    var serveContext = context
    serveContext.input = CommandInput(arguments: [
      "onewindow", "--hostname", hostname, "--port", String(port),
    ])
    try await app.servers.asyncCommand.run(using: &serveContext)
  }
}
