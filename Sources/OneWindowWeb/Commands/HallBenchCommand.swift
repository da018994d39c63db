import AsyncHTTPClient
import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// `onewindow bench hall`: a busy hall day against one or more running `serve` processes on the same database.
/// Visitors take tickets (some in the priority lane), clerks at N windows call, serve, transfer and mark no-shows,
/// and a hall display per site and process listens to the live events. Afterwards it checks that no ticket was
/// called twice and that every ticket ended served, transferred or no-show, and prints the call-next and display
/// latencies. Needs the demo county (`demo --load-only`) in the database it is pointed at.
struct HallBenchCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "urls", help: "Comma-separated base URLs of the serve processes (default http://127.0.0.1:8080)")
    var urls: String?

    @Option(name: "tickets", help: "Tickets taken over the day (default 2000)")
    var tickets: Int?

    @Option(name: "windows", help: "Windows calling (default 20)")
    var windows: Int?

    @Option(name: "rate", help: "Tickets taken per second (default 20)")
    var rate: Int?

    @Option(name: "service-ms", help: "Longest simulated service, in ms (default 400)")
    var serviceMs: Int?
  }

  var help: String {
    "Simulate a busy hall day (tickets, calls, transfers, no-shows, displays); check and print figures"
  }

  /// One window in the simulation: its id, site, the groups it calls, and the clerk on its A post.
  struct Desk: Sendable {
    let window: Window
    let groups: [String]
    let username: String
  }

  /// What every task records, under one lock.
  final class Record: Sendable {
    struct State {
      var callMs: [Double] = []
      var emptyCallMs: [Double] = []
      var takeMs: [Double] = []
      var stepMs: [Double] = []
      var called: [String] = []
      /// Ticket id → when the clerk pressed "call next" (wall clock, ms).
      var pressed: [String: Double] = [:]
      /// Per display connection, ticket id → when its announcement arrived.
      var shown: [Int: [String: Double]] = [:]
      var displaysBySite: [String: [Int]] = [:]
      var siteOfTicket: [String: String] = [:]
      var taken = 0
      var outstanding = 0
      var takersDone = false
      var errors: [String] = []
      var outcomes: [String: Int] = [:]
    }
    let state = NIOLockedValueBox(State())
  }

  func run(using context: CommandContext, signature: Signature) async throws {
    let app = context.application
    let urls = (signature.urls ?? "http://127.0.0.1:8080").split(separator: ",").map {
      String($0).trimmingCharacters(in: .whitespaces)
    }
    let ticketCount = signature.tickets ?? 2000
    let windowCount = signature.windows ?? 20
    let rate = max(1, signature.rate ?? 20)
    let serviceMs = max(10, signature.serviceMs ?? 400)
    let console = context.console
    let desks = try await Self.desks(app.db, count: windowCount)
    guard desks.count == windowCount else {
      throw ValidationError(
        field: "--windows", zh: "演示数据中只有 \(desks.count) 个可叫号窗口", en: "Only \(desks.count) windows call tickets")
    }
    // Groups get visitors in proportion to the windows serving them.
    let targets = desks.flatMap { desk in desk.groups.map { (site: desk.window.siteID, group: $0) } }
    let sites = Array(Set(desks.map(\.window.siteID))).sorted()
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    defer { _ = client.shutdown() }
    console.print(
      "hall day against \(urls.count) process(es): \(ticketCount) tickets at \(rate)/s, \(desks.count) windows at "
        + "\(sites.count) site(s), service up to \(serviceMs) ms")
    var tokens: [String: String] = [:]
    for (index, desk) in desks.enumerated() {
      tokens[desk.window.id] = try await Self.token(client, urls[index % urls.count], desk.username)
    }
    let record = Record()
    // Displays: one per site on every process, listening before the day starts.
    var displayTasks: [Task<Void, Never>] = []
    var displayID = 0
    for site in sites {
      for url in urls {
        let id = displayID
        displayID += 1
        record.state.withLockedValue { $0.displaysBySite[site, default: []].append(id) }
        displayTasks.append(Task { await Self.display(client, url + Links.hallEvents(site), id: id, record: record) })
      }
    }
    try await Task.sleep(for: .seconds(1))
    let started = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        try await Self.takeTickets(
          client, urls: urls, targets: targets, count: ticketCount, rate: rate, record: record)
      }
      for (index, desk) in desks.enumerated() {
        let url = urls[index % urls.count]
        let token = tokens[desk.window.id]!
        let transferTargets = desks.filter { $0.window.siteID == desk.window.siteID }.flatMap(\.groups)
          .filter { !desk.groups.contains($0) }
        group.addTask {
          try await Self.clerk(
            client, url: url, token: token, desk: desk, transferTo: transferTargets, serviceMs: serviceMs,
            record: record, seed: UInt64(index + 1))
        }
      }
      try await group.waitForAll()
    }
    let elapsed = ContinuousClock.now - started
    try await Task.sleep(for: .seconds(2))  // the last announcements on their way
    for task in displayTasks { task.cancel() }

    // Checks: from the clerks' side (no ticket handed to two windows) and from the database (every ticket ended).
    let state = record.state.withLockedValue { $0 }
    var failures = state.errors
    let duplicates = state.called.count - Set(state.called).count
    if duplicates > 0 { failures.append("\(duplicates) ticket(s) were called by two windows") }
    let day = try await DeadlineRule().civilDate(of: app.now())
    var stored: [Ticket] = []
    for site in sites { stored += try await HallRepository(app.db).tickets(site: site, from: day, through: day) }
    let original = stored.filter { $0.transferredFrom == nil }
    if original.count != ticketCount {
      failures.append("\(original.count) tickets stored, \(ticketCount) taken")
    }
    let unfinished = stored.filter { !$0.state.isOver }
    if !unfinished.isEmpty {
      failures.append("\(unfinished.count) ticket(s) did not end (e.g. \(unfinished[0].number) \(unfinished[0].state))")
    }
    var numbers = Set<String>()
    for ticket in original where !numbers.insert(ticket.siteID + ticket.number).inserted {
      failures.append("number \(ticket.number) given twice at \(ticket.siteID)")
    }
    // Display latency: from the press of "call next" to each display of the ticket's site showing it.
    var displayMs: [Double] = []
    var missing = 0
    for (ticket, pressedAt) in state.pressed {
      for display in state.displaysBySite[state.siteOfTicket[ticket] ?? ""] ?? [] {
        if let shownAt = state.shown[display]?[ticket] { displayMs.append(shownAt - pressedAt) } else { missing += 1 }
      }
    }
    if missing > 0 { failures.append("\(missing) display update(s) never arrived") }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let byState = Dictionary(grouping: stored, by: \.state).mapValues(\.count)
    console.print(
      "  finished in \(String(format: "%.1f", seconds)) s; tickets stored \(stored.count) (\(stored.count - original.count) transfer continuations)"
    )
    console.print(
      "  outcomes: served \(byState[.served] ?? 0), transferred \(byState[.transferred] ?? 0), no-show \(byState[.noShow] ?? 0)"
    )
    console.print("  take ticket:      \(HTTPBenchCommand.percentiles(state.takeMs))")
    console.print("  call next:        \(HTTPBenchCommand.percentiles(state.callMs)) (\(state.callMs.count) calls)")
    console.print(
      "  call, none left:  \(HTTPBenchCommand.percentiles(state.emptyCallMs)) (\(state.emptyCallMs.count) calls)")
    console.print("  start/finish/…:   \(HTTPBenchCommand.percentiles(state.stepMs))")
    console.print(
      "  display update:   \(HTTPBenchCommand.percentiles(displayMs)) (press → screen, \(displayMs.count) updates on "
        + "\(displayID) displays)")
    if failures.isEmpty {
      console.print(
        "  checks: every ticket called at most once, every ticket ended served, transferred or no-show — OK")
    } else {
      for failure in failures.prefix(20) { console.error("  FAILED: \(failure)") }
      throw ValidationError(field: "hall", zh: "模拟检查未通过", en: "The simulation's checks failed")
    }
  }

  /// The first `count` windows that call tickets, county center first, each with its A-post clerk's username.
  static func desks(_ db: any Database, count: Int) async throws -> [Desk] {
    let directory = DirectoryRepository(db)
    let hall = HallRepository(db)
    let staff = StaffRepository(db)
    var desks: [Desk] = []
    let sites =
      try await directory.sites().filter { $0.kind == .serviceCenter || $0.kind == .subCenter }
      + (try await directory.sites().filter { $0.kind == .townCenter })
    for site in sites where desks.count < count {
      let groups = try await hall.groups(site: site.id)
      for window in try await directory.windows(site: site.id) where desks.count < count {
        let mine = groups.filter { $0.windowIDs.contains(window.id) }.map(\.code)
        guard !mine.isEmpty else { continue }
        // The A post, or the B post where the A post may not call (a chief representative reviews instead).
        for post in DutyPost.allCases {
          guard
            let id = try await RosterRepository(db).onDuty(
              window: window.id, post: post, on: DeadlineRule().civilDate(of: Date())),
            let account = try await staff.find(id: id), Authorization.can(account.identity, .callTickets)
          else { continue }
          desks.append(Desk(window: window, groups: mine, username: account.identity.username))
          break
        }
      }
    }
    return desks
  }

  static func token(_ client: HTTPClient, _ base: String, _ username: String) async throws -> String {
    var request = HTTPClientRequest(url: base + "/api/v1/session")
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    request.body = .bytes(ByteBuffer(string: #"{"username":"\#(username)","password":"\#(DemoCounty.password)"}"#))
    let response = try await client.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 1 << 20)
    guard response.status == .created,
      let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
      let token = json["token"] as? String
    else {
      throw ValidationError(field: "--urls", zh: "\(username) 登录失败", en: "\(username) could not sign in")
    }
    return token
  }

  static func post(_ client: HTTPClient, _ url: String, token: String?, body: String?) async throws -> (
    Int, [String: Any]?
  ) {
    var request = HTTPClientRequest(url: url)
    request.method = .POST
    if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
    if let body {
      request.headers.add(name: "Content-Type", value: "application/json")
      request.body = .bytes(ByteBuffer(string: body))
    }
    let response = try await client.execute(request, timeout: .seconds(30))
    let bytes = try await response.body.collect(upTo: 1 << 20)
    let json = bytes.readableBytes == 0 ? nil : try? JSONSerialization.jsonObject(with: Data(buffer: bytes))
    return (Int(response.status.code), json as? [String: Any])
  }

  static func wallMs() -> Double { Date().timeIntervalSince1970 * 1000 }

  static func takeTickets(
    _ client: HTTPClient, urls: [String], targets: [(site: String, group: String)], count: Int, rate: Int,
    record: Record
  ) async throws {
    var generator = SystemRandomNumberGenerator()
    let interval = Duration.seconds(1) / rate
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<count {
        try await Task.sleep(until: start + interval * index, clock: .continuous)
        let target = targets.randomElement(using: &generator)!
        let lane = Int.random(in: 0..<10, using: &generator) == 0 ? #","priority":"elderly""# : ""
        let url = urls[index % urls.count] + "/api/v1/hall/sites/\(target.site)/tickets"
        group.addTask {
          let begun = ContinuousClock.now
          let (status, json) = try await post(client, url, token: nil, body: #"{"group":"\#(target.group)"\#(lane)}"#)
          let elapsed = HTTPBenchCommand.ms(ContinuousClock.now - begun)
          record.state.withLockedValue { state in
            if status == 201, let id = json?["id"] as? String {
              state.takeMs.append(elapsed)
              state.taken += 1
              state.outstanding += 1
              state.siteOfTicket[id] = target.site
            } else {
              state.errors.append("take ticket answered \(status)")
            }
          }
        }
      }
      try await group.waitForAll()
    }
    record.state.withLockedValue { $0.takersDone = true }
  }

  /// One clerk's day: call, then (by chance) serve, transfer, or call again twice and mark a no-show.
  static func clerk(
    _ client: HTTPClient, url: String, token: String, desk: Desk, transferTo: [String], serviceMs: Int,
    record: Record, seed: UInt64
  ) async throws {
    var generator = SplitMix(seed: seed)  // each clerk's choices repeat from run to run
    let deadline = ContinuousClock.now + .seconds(900)
    while ContinuousClock.now < deadline {
      let pressed = wallMs()
      let begun = ContinuousClock.now
      let (status, json) = try await post(
        client, url + "/api/v1/hall/windows/\(desk.window.id)/call", token: token, body: nil)
      let elapsed = HTTPBenchCommand.ms(ContinuousClock.now - begun)
      if status == 204 {
        let done = record.state.withLockedValue { state -> Bool in
          state.emptyCallMs.append(elapsed)
          return state.takersDone && state.outstanding == 0
        }
        if done { return }
        // Nobody waiting for this window: the clerk looks up and presses again a little later.
        try await Task.sleep(for: .milliseconds(300))
        continue
      }
      guard status == 200, let id = json?["id"] as? String else {
        record.state.withLockedValue {
          $0.errors.append("call at \(desk.window.id) answered \(status): \(json ?? [:])")
        }
        if status == 401 || status == 403 { return }
        try await Task.sleep(for: .milliseconds(200))
        continue
      }
      record.state.withLockedValue { state in
        state.callMs.append(elapsed)
        state.called.append(id)
        state.pressed[id] = pressed
        state.siteOfTicket[id] = desk.window.siteID
      }
      func step(_ action: String, _ body: String? = nil) async throws -> [String: Any]? {
        let begun = ContinuousClock.now
        let (status, json) = try await post(
          client, url + "/api/v1/hall/tickets/\(id)/\(action)", token: token, body: body)
        let elapsed = HTTPBenchCommand.ms(ContinuousClock.now - begun)
        record.state.withLockedValue { state in
          state.stepMs.append(elapsed)
          if status != 200 { state.errors.append("\(action) answered \(status): \(json ?? [:])") }
        }
        return json
      }
      let roll = Int.random(in: 0..<100, using: &generator)
      if roll < 3 {
        for _ in 0..<2 { _ = try await step("recall") }
        _ = try await step("no-show")
        record.state.withLockedValue { $0.outstanding -= 1 }
      } else if roll < 6, let target = transferTo.randomElement(using: &generator) {
        _ = try await step("transfer", #"{"transfer_to":"group:\#(target)"}"#)
      } else {
        _ = try await step("start")
        try await Task.sleep(for: .milliseconds(Int.random(in: serviceMs / 4...serviceMs, using: &generator)))
        _ = try await step("finish")
        record.state.withLockedValue { $0.outstanding -= 1 }
      }
    }
    record.state.withLockedValue { $0.errors.append("\(desk.window.id) still busy after 15 minutes") }
  }

  /// A hall display: reads the event stream and notes when each called ticket's announcement arrives.
  static func display(_ client: HTTPClient, _ url: String, id: Int, record: Record) async {
    do {
      let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(3600))
      var pending = ""
      for try await chunk in response.body {
        pending += String(buffer: chunk)
        while let end = pending.range(of: "\n\n") {
          let event = pending[..<end.lowerBound]
          pending = String(pending[end.upperBound...])
          guard let line = event.split(separator: "\n").first(where: { $0.hasPrefix("data: ") }),
            let update = try? JSONDecoder().decode(HallUpdate.self, from: Data(line.dropFirst(6).utf8)),
            update.kind == "called", let ticket = update.announce?.ticketID
          else { continue }
          let at = wallMs()
          record.state.withLockedValue { state in
            if state.shown[id]?[ticket] == nil { state.shown[id, default: [:]][ticket] = at }
          }
        }
      }
    } catch {
      if !Task.isCancelled { record.state.withLockedValue { $0.errors.append("display \(id) lost: \(error)") } }
    }
  }
}
