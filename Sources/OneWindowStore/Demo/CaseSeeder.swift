import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// Fills a database with synthetic cases for load tests and benchmarks (`onewindow seed cases`).
/// Every case goes through the real state machine, so its trail verifies; numbers are deterministic
/// and dates lie before `endDate`, so a second run skips what is there and new cases never collide.
/// Each batch is its own transaction: an interrupted run keeps what it finished.
/// Beside each case: the hall ticket its applicant took at the site that day (served, or a no-show now and then),
/// and for a third of the concluded cases the applicant's rating of the case (`SyntheticService`).
public struct CaseSeeder: Sendable {
  let db: any Database
  let rule: DeadlineRule

  public init(_ db: any Database, rule: DeadlineRule) {
    self.db = db
    self.rule = rule
  }

  /// Seeds cases `0..<count`, spread over the `days` days before `endDate`.
  public func seed(
    count: Int, county: Region, items: [ServiceItem], sites: [Site], endDate: CivilDate, days: Int = 730,
    batchSize: Int = 1000, progress: @Sendable (Int) -> Void
  ) async throws {
    let generator = SyntheticCases(
      county: county.code, items: items, sites: sites, endDate: endDate, days: days, rule: rule)
    var start = 0
    while start < count {
      let end = min(count, start + batchSize)
      let batch = (start..<end).map(generator.make)
      try await WriteGate.serialize(db) {
        try await db.transaction { db in try await Self.insert(batch, county: county.code.value, rule: rule, on: db) }
      }
      start = end
      progress(end)
    }
  }

  private static func insert(
    _ batch: [(ServiceCase, [CaseEvent])], county: String, rule: DeadlineRule, on db: any Database
  ) async throws {
    let sql = db as! any SQLDatabase
    var cases = sql.insert(into: "cases").columns(
      "number", "version", "state", "item_code", "item_version", "kind", "department_id", "site_id", "region_code",
      "channel", "applicant_name", "applicant_phone", "idempotency_key", "bundle_id", "created_ms", "accepted_ms",
      "due_ms", "warn_ms", "concluded_ms", "body", "county_code", "trail_seq", "trail_hash")
    for (c, events) in batch {
      let row = CaseRow(c, rule: rule, now: events.last!.at)
      cases = cases.values(
        [
          c.number, c.version, c.state.rawValue, c.item.code, c.item.version, c.item.kind.rawValue, c.departmentID,
          c.siteID, c.regionCode.value, c.channel.rawValue, c.applicant.name, c.applicant.phone, String?.none,
          String?.none, millis(c.createdAt), row.acceptedMillis, row.dueMillis, row.warnMillis, row.concludedMillis,
          row.body, county, events.last!.sequence, events.last!.hash,
        ] as [any Encodable & Sendable])
    }
    try await cases.ignoringConflicts(with: ["number"]).run()
    try await insertService(batch.map(\.0), county: county, rule: rule, on: sql)
    // On a re-run the cases were already there: their events are skipped the same way.
    let events = batch.flatMap(\.1)
    for chunk in stride(from: 0, to: events.count, by: 2000) {
      try await CaseRepository.insertEvents(
        Array(events[chunk..<min(events.count, chunk + 2000)]), county: county, on: sql, skippingExisting: true)
    }
  }
}

extension CaseSeeder {
  /// The batch's tickets and ratings; a re-run skips those already there.
  fileprivate static func insertService(
    _ batch: [ServiceCase], county: String, rule: DeadlineRule, on sql: any SQLDatabase
  ) async throws {
    var tickets = sql.insert(into: "tickets").columns(
      "id", "site_id", "day", "group_code", "number", "channel", "taken_ms", "state", "staff_id", "calls", "called_ms",
      "started_ms", "ended_ms", "case_number", "county_code")
    var ratings = sql.insert(into: "evaluations").columns(
      "id", "once_key", "subject", "channel", "level", "case_number", "staff_id", "department_id", "item_code",
      "site_id", "region_code", "real_name", "voided", "at_ms", "body", "county_code")
    var anyRating = false
    let encoder = JSONEncoder()
    for c in batch {
      let t = SyntheticService.ticket(for: c, day: rule.civilDate(of: c.createdAt))
      tickets = tickets.values(
        [
          t.id, t.siteID, t.day.iso, t.groupCode, t.number, t.channel.rawValue, millis(t.takenAt), t.state.rawValue,
          t.staffID, t.calls, t.calledAt.map(millis), t.startedAt.map(millis), t.endedAt.map(millis), t.caseNumber,
          county,
        ] as [any Encodable & Sendable])
      guard let rating = SyntheticService.rating(for: c) else { continue }
      anyRating = true
      let a = rating.about
      ratings = ratings.values(
        [
          rating.id, rating.onceKey, rating.subject.rawValue, rating.channel.rawValue, rating.level.rawValue,
          a.caseNumber, a.staffID, a.departmentID, a.itemCode, a.siteID, a.regionCode, rating.rater.isRealName,
          rating.voided, millis(rating.at), String(decoding: try encoder.encode(rating), as: UTF8.self), county,
        ] as [any Encodable & Sendable])
    }
    try await tickets.ignoringConflicts(with: ["id"]).run()
    if anyRating { try await ratings.ignoringConflicts(with: ["once_key"]).run() }
  }
}

/// The hall and the ratings around a synthetic case, derived from it alone (so a re-run makes the same rows).
enum SyntheticService {
  /// The ticket its applicant took 45–74 minutes before the case was registered: a wait of 3–42 minutes, 5–24
  /// minutes at the window; one in 25 called and not there (no-show).
  static func ticket(for c: ServiceCase, day: CivilDate) -> Ticket {
    let seed = abs(c.number.hashValueStable)
    let taken = c.createdAt.addingTimeInterval(-Double(45 + seed % 30) * 60)
    var ticket = Ticket(
      id: "seed-\(c.number)", siteID: c.siteID, day: day, groupCode: "A", number: "A" + String(c.number.suffix(5)),
      channel: seed % 4 == 0 ? .appointment : .kiosk,
      priority: nil, takenAt: taken)
    ticket.staffID = c.receivedBy
    ticket.calls = 1
    let called = taken.addingTimeInterval(Double(3 + seed % 40) * 60)
    ticket.calledAt = called
    if seed % 25 == 0 {
      ticket.state = .noShow
      ticket.endedAt = called.addingTimeInterval(180)
    } else {
      ticket.state = .served
      ticket.startedAt = called.addingTimeInterval(30)
      ticket.endedAt = called.addingTimeInterval(Double(5 + seed % 20) * 60)
      ticket.caseNumber = c.number
    }
    return ticket
  }

  /// A third of the concluded cases are rated by their applicant an hour after delivery, 基本满意 or better (a 差评
  /// would open a rectification, which the generator does not make).
  static func rating(for c: ServiceCase) -> Evaluation? {
    guard c.state == .concluded, let delivered = c.concludedAt else { return nil }
    let seed = abs(c.number.hashValueStable)
    guard seed % 3 == 0 else { return nil }
    let level: EvaluationLevel = seed % 10 < 7 ? .verySatisfied : seed % 10 < 9 ? .satisfied : .fairlySatisfied
    return Evaluation(
      id: "seed-\(c.number)", subject: .case, channel: seed % 2 == 0 ? .textMessage : .portal, level: level,
      rater: .init(name: c.applicant.name, phone: c.applicant.phone),
      about: .init(
        caseNumber: c.number, staffID: c.receivedBy, departmentID: c.departmentID, itemCode: c.item.code,
        itemName: c.item.name, siteID: c.siteID, regionCode: c.regionCode.value),
      at: delivered.addingTimeInterval(3600))
  }
}

extension String {
  /// A hash that is the same in every process (Swift's `hashValue` is seeded per run).
  fileprivate var hashValueStable: Int {
    var hash: UInt64 = 14_695_981_039_346_656_037
    for byte in utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 1_099_511_628_211
    }
    return Int(truncatingIfNeeded: hash >> 1)
  }
}

/// The i-th synthetic case: its date, site, item, applicant and how far it got.
struct SyntheticCases: Sendable {
  let county: RegionCode
  let items: [ServiceItem]
  let sites: [Site]
  let endDate: CivilDate
  let days: Int
  let rule: DeadlineRule

  private static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
  private static let given = ["秀英", "建华", "桂兰", "志强", "海燕", "国平", "丽娟", "文军", "春梅", "小龙"]

  func make(_ index: Int) -> (ServiceCase, [CaseEvent]) {
    let dayOffset = index % days
    let sequence = index / days + 1
    let date = endDate.adding(days: -1 - dayOffset)
    let minutes = 9 * 60 + (index &* 37) % 480
    let at = rule.startOfDay(date).addingTimeInterval(Double(minutes * 60))
    let item = items[(index &* 7919) % items.count]
    let localSites = sites.filter { item.levels.contains($0.regionCode.level) && $0.kind != .villageStation }
    let site = localSites.isEmpty ? sites[0] : localSites[(index / 3) % localSites.count]
    let number = CaseNumber.make(county: county, date: date, sequence: sequence)
    let name = "\(Self.surnames[index % Self.surnames.count])\(Self.given[(index / 20) % Self.given.count])"
    let phone = "139" + String(10_000_000 + (index &* 104_729) % 89_999_999)
    let applicant = Applicant(
      kind: .person, name: name, idType: Applicant.residentID, idNumber: "11010519491231002X", phone: phone)
    let clerk = CaseActor(
      StaffIdentity(
        id: "seed-clerk", username: "seed", displayName: "演示受理员", role: .clerk,
        scope: Scope(regionCode: site.regionCode, siteID: site.id)))
    let reviewer = CaseActor(
      StaffIdentity(
        id: "seed-reviewer", username: "seed", displayName: "演示审批员", role: .reviewer,
        scope: Scope(regionCode: county, departmentID: item.departmentID)),
      chiefPowers: ChiefPowers([item.departmentID: Set(ChiefPower.allCases)]))
    var c = ServiceCase(
      number: number, item: CaseItem(item), applicant: applicant, channel: .window, siteID: site.id,
      regionCode: site.regionCode, receivedBy: clerk.id, createdAt: at)
    var events = [
      CaseEvent.next(
        after: nil, caseNumber: number, step: .create, from: nil, to: .draft, actorID: clerk.id,
        actorName: clerk.name, at: at, payload: CaseTrail.payload(of: c))
    ]
    // Older cases got further: concluded after a month, in review after a few days.
    var plan: [(CaseAction, CaseActor, Double)] = [(.submit, clerk, 0), (.accept(.standard), clerk, 600)]
    if item.caseKind == .immediate {
      plan += [(.decide(approved: true, reason: ""), clerk, 900)]
      if dayOffset > 0 { plan += [(.deliver(.pickup(receiver: name, idChecked: true)), clerk, 1200)] }
    } else if item.caseKind == .promised, dayOffset >= 2 {
      plan += [(.startReview, reviewer, 86_400)]
      if dayOffset >= 20 || index % 3 == 0 {
        plan += [(.decide(approved: index % 17 != 0, reason: "不符合条件"), reviewer, 2 * 86_400)]
        if dayOffset >= 20 { plan += [(.deliver(.pickup(receiver: name, idChecked: true)), clerk, 3 * 86_400)] }
      }
    }
    for (action, actor, delay) in plan {
      let when = at.addingTimeInterval(delay)
      guard let next = try? CaseStateMachine.apply(action, to: c, by: actor, at: when, rule: rule) else { break }
      events.append(
        CaseEvent.next(
          after: events.last, caseNumber: number, step: action.name, from: c.state, to: next.state,
          actorID: actor.id, actorName: actor.name, at: when, payload: CaseTrail.payload(of: action)))
      c = next
    }
    return (c, events)
  }
}
