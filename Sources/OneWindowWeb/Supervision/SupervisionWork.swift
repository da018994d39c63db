import Foundation
import OneWindowDomain
import OneWindowStore

/// The worker's share of 电子监察: the anomaly rules over the trail written since the last run and the scan of open
/// work (paper stuck in transit, rectifications overdue), and the escalation of
/// 督办 tickets whose reply is late (the center's administrators are told, once per ticket).
extension NotificationWorker {
  /// Runs the rules until the trail is read up to (now − settle), or for `budget` at most: a backlog (a long stop, a
  /// first run over months of trail) is read a few seconds a minute, never at the cost of the counter's requests.
  /// Answers the new hits.
  @discardableResult
  public func runAnomalyRules(now: Date, budget: Duration = .seconds(5)) async throws -> Int {
    let runner = RuleRunner(db, settings: application.configuration.anomalySettings)
    var found = 0
    let until = ContinuousClock.now + budget
    while ContinuousClock.now < until {
      let (events, hits) = try await runner.runBatch(now: now) { county in
        try await self.application.deadlineRules.rule(county: county, db: self.db, now: now)
      }
      found += hits
      if events == 0 { break }
    }
    found += try await RuleScanner(db, settings: application.configuration.anomalySettings).scan(now: now)
    if found > 0 { logger.info("电子监察: \(found) new rule hits") }
    return found
  }

  /// Escalates the tickets whose reply is late; answers how many.
  @discardableResult
  public func escalateTickets(now: Date) async throws -> Int {
    let tickets = SupervisionTicketRepository(db)
    var escalated = 0
    var leaders: [String: [(phone: String, account: String)]] = [:]
    var today: [String: CivilDate] = [:]
    for county in try await DirectoryRepository(db).counties() {
      let rule = try await application.deadlineRules.rule(county: county.code.value, db: db, now: now)
      today[county.code.value] = rule.civilDate(of: now)
      leaders[county.code.value] = try await StaffRepository(db).list(in: Scope(regionCode: county.code)).filter {
        !$0.isDisabled && Authorization.can($0.identity, .manageStaff)
      }.map(\.noticeRecipient)
    }
    guard let earliest = today.values.min() else { return 0 }
    for (ticket, version, county) in try await tickets.dueForEscalation(today: earliest) {
      var ticket = ticket
      guard let day = today[county], ticket.escalate(at: now, today: day) else { continue }
      do {
        try await tickets.save(
          ticket, over: version, notify: leaders[county] ?? [], kind: .supervisionTicket,
          facts: ["subject": ticket.subject.name.zh, "due": ticket.dueDate.iso, "step": "escalate"], county: county,
          now: now)
        escalated += 1
      } catch let error as ValidationError where error.field == "version" {
        continue  // another worker, or the department's reply, came first
      }
    }
    return escalated
  }
}
