import Fluent
import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 通知发送: drains the outbox — at least once, in order per recipient, with retries and backoff, and a dead-letter
/// list. `serve` runs one (unless ONEWINDOW_WORKER=0); `onewindow worker` runs it alone. Several may run at once:
/// each takes its messages under a lease. A message is marked sent only after every channel took it (the text
/// through `TextMessageSender`, the in-app copy in `messages`); a worker that dies in between leaves it to be taken
/// again when the lease ends, and then the gateway sees the same idempotency key and the in-app copy is not added
/// twice.
public final class NotificationWorker: Sendable {
  let application: Application
  let policy: DeliveryPolicy
  let batchSize: Int
  let concurrency: Int
  let pollInterval: Duration
  private let stopping = NIOLockedValueBox(false)
  private let wake = NIOLockedValueBox<CheckedContinuation<Void, Never>?>(nil)
  private let countyNames = NIOLockedValueBox<[String: String]>([:])
  private let lastReminderScan = NIOLockedValueBox<Date?>(nil)
  let reminders: AppointmentReminders

  public init(
    application: Application, policy: DeliveryPolicy = .standard, batchSize: Int = 200, concurrency: Int = 32,
    pollInterval: Duration = .seconds(1), reminders: AppointmentReminders = AppointmentReminders()
  ) {
    self.application = application
    self.reminders = reminders
    self.policy = policy
    self.batchSize = batchSize
    self.concurrency = concurrency
    self.pollInterval = pollInterval
  }

  var logger: Logger { application.logger }
  var db: any Database { application.db }

  /// Delivers until `stop()`: a batch after another while there is work, else a look every `pollInterval`.
  public func run() async {
    logger.notice("notification worker started (texts through the \(application.textMessages.channel) channel)")
    var failing = false
    while !stopping.withLockedValue({ $0 }) {
      do {
        try await remindAppointmentsIfDue(now: application.now())
        let taken = try await deliverBatch(now: application.now())
        if failing {
          logger.notice("notification worker: the database answers again")
          failing = false
        }
        if taken > 0 { continue }
      } catch {
        if !failing { logger.error("notification worker: cannot read the outbox: \(String(reflecting: error))") }
        failing = true
      }
      await pause(failing ? .seconds(2) : pollInterval)
    }
    logger.notice("notification worker stopped")
  }

  /// Ends `run()` after the batch in hand.
  public func stop() {
    stopping.withLockedValue { $0 = true }
    wake.withLockedValue { $0.take() }?.resume()
  }

  private func pause(_ duration: Duration) async {
    let sleeper = Task {
      try? await Task.sleep(for: duration)
      self.wake.withLockedValue { $0.take() }?.resume()
    }
    await withCheckedContinuation { continuation in
      let stopped = stopping.withLockedValue { $0 }
      if stopped {
        continuation.resume()
      } else {
        wake.withLockedValue { $0 = continuation }
      }
    }
    sleeper.cancel()
  }

  /// Takes one batch of due messages and delivers them; answers how many it took.
  @discardableResult
  public func deliverBatch(now: Date) async throws -> Int {
    let outbox = OutboxRepository(db)
    let batch = try await outbox.claim(limit: batchSize, now: now, lease: policy.lease)
    guard !batch.isEmpty else { return 0 }
    let accounts = try await outbox.applicantAccounts(for: batch)
    let signatures = try await signatures(for: batch)
    let results = await withTaskGroup(of: (OutboxMessage, (any Error)?).self) { group in
      var results: [(OutboxMessage, (any Error)?)] = []
      var next = 0
      func add() {
        let message = batch[next]
        next += 1
        let account = accounts[message.id]
        let signature = signatures[message.countyCode] ?? ""
        group.addTask {
          do {
            try await self.deliver(message, account: account, signature: signature, now: now)
            return (message, nil)
          } catch {
            return (message, error)
          }
        }
      }
      while next < min(concurrency, batch.count) { add() }
      for await result in group {
        results.append(result)
        if next < batch.count { add() }
      }
      return results
    }
    // Backoff counts from the batch's moment (tests pass their own clock).
    let doneAt = now
    try await outbox.markSent(results.filter { $0.1 == nil }.map { $0.0.id }, now: doneAt)
    for case (let message, let error?) in results {
      let attempts = message.attempts + 1
      let permanent = (error as? TextMessageFailure)?.permanent == true
      let retryAt =
        permanent || policy.givesUp(afterAttempts: attempts)
        ? nil : doneAt.addingTimeInterval(policy.retryDelay(afterAttempts: attempts))
      try await outbox.markFailed(message.id, error: String(describing: error), retryAt: retryAt, now: doneAt)
      let who = Masking.phone(message.recipient)
      if retryAt == nil {
        logger.warning("notification \(message.kind) to \(who) given up after \(attempts) tries: \(error)")
      } else {
        logger.info("notification \(message.kind) to \(who) failed (try \(attempts)), again later: \(error)")
      }
    }
    return batch.count
  }

  private func deliver(_ message: OutboxMessage, account: String?, signature: String, now: Date) async throws {
    guard let kind = NotificationKind(rawValue: message.kind) else {
      throw TextMessageFailure("unknown notification kind \(message.kind)", permanent: true)
    }
    guard account != nil || !message.recipient.isEmpty else {
      throw TextMessageFailure("no mobile number and no account to tell", permanent: true)
    }
    if let account { try await MessageRepository(db).deliver(message, to: account, now: now) }
    guard !message.recipient.isEmpty else { return }
    let link = application.configuration.publicURL.map { base in
      // An inquiry's notice carries its own page (the inquirer's with the access key).
      message.facts["link"].map { base + $0 }
        ?? (kind.isForStaff
          ? base + Links.staffMessages
          : message.caseNumber.isEmpty
            ? base + Links.status
              // A rating made from the invitation's link counts as a text-message rating (短信评价).
            : base + Links.status + "?number=" + message.caseNumber + (kind == .pleaseRate ? "&via=sms" : ""))
    }
    let text = NotificationText(kind, message.facts).textMessage(signature: signature, link: link)
    try await application.textMessages.send(
      TextMessage(
        phone: message.recipient, text: text, id: message.id.uuidString, kind: message.kind, facts: message.facts,
        signature: signature),
      logger: logger)
  }

  /// Queues 预约提醒 for the next day's bookings, once a minute at most.
  private func remindAppointmentsIfDue(now: Date) async throws {
    let due = lastReminderScan.withLockedValue { last in
      guard last.map({ now.timeIntervalSince($0) >= 60 || now < $0 }) ?? true else { return false }
      last = now
      return true
    }
    if due {
      try await remindAppointments(now: now)
      try await alertRectifications(now: now)
      try await alertCases(now: now)
      try await remindFollowUps(now: now)
      try await runAnomalyRules(now: now)
      try await escalateTickets(now: now)
      try await foldStatistics(now: now)
      try await alertInquiries(now: now)
    }
    try await reportToHotline(now: now)
  }

  /// Queues the reminders of every booking due one at `now` (see `AppointmentReminders`); answers how many.
  @discardableResult
  public func remindAppointments(now: Date) async throws -> Int {
    var queued = 0
    for county in try await DirectoryRepository(db).counties() {
      let rule = try await application.deadlineRules.rule(county: county.code.value, db: db, now: now)
      guard let day = reminders.dayToRemind(at: now, rule: rule) else { continue }
      let hall = HallRepository(db)
      while true {
        let bookings = try await hall.unreminded(day: day, limit: 200)
        guard !bookings.isEmpty else { break }
        var names: [String: (site: String, groups: [String: String])] = [:]
        for siteID in Set(bookings.map(\.siteID)) {
          let site = try await application.lookups.site(siteID, db: db, now: now)
          let groups = try await hall.groups(site: siteID)
          names[siteID] = (
            site?.name ?? siteID, Dictionary(groups.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
          )
        }
        let reminders = bookings.map { booking in
          let name = names[booking.siteID]
          return (
            booking,
            AppointmentReminders.facts(
              booking, site: name?.site ?? booking.siteID, group: name?.groups[booking.groupCode] ?? "")
          )
        }
        let count = try await hall.queueReminders(reminders, now: now)
        queued += count
        if count == 0 { break }
      }
    }
    if queued > 0 { logger.info("预约提醒: \(queued) reminders queued") }
    return queued
  }

  /// The signature (短信签名) of each county in the batch: the setting, else「<county> 政务服务」.
  private func signatures(for batch: [OutboxMessage]) async throws -> [String: String] {
    if let configured = application.configuration.textSignature {
      return Dictionary(uniqueKeysWithValues: Set(batch.map(\.countyCode)).map { ($0, configured) })
    }
    var names = countyNames.withLockedValue { $0 }
    if Set(batch.map(\.countyCode)).contains(where: { names[$0] == nil }) {
      for county in try await DirectoryRepository(db).counties() {
        names[county.code.value] = county.name + "政务服务"
      }
      countyNames.withLockedValue { [names] in $0 = names }
    }
    return names
  }
}

extension Application {
  private struct NotificationWorkerKey: StorageKey {
    typealias Value = (worker: NotificationWorker, task: Task<Void, Never>)
  }

  /// The worker this process runs, if it runs one, and the task it runs in.
  var runningWorker: (worker: NotificationWorker, task: Task<Void, Never>)? {
    get { storage[NotificationWorkerKey.self] }
    set { storage[NotificationWorkerKey.self] = newValue }
  }
}

extension OneWindow {
  /// Starts the notification worker in the background (`serve` does, unless ONEWINDOW_WORKER=0).
  public static func startWorker(_ app: Application) {
    let worker = NotificationWorker(application: app)
    app.runningWorker = (worker, Task { await worker.run() })
  }

  /// Stops the worker after the batch in hand and waits for it.
  public static func stopWorker(_ app: Application) async {
    guard let running = app.runningWorker else { return }
    running.worker.stop()
    await running.task.value
    app.runningWorker = nil
  }
}
