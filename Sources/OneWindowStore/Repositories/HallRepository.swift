import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// The service hall's storage: groups and policy per site, tickets, appointments. Calling is one transaction that
/// picks by `QueuePolicy` and claims the ticket with a conditional update; on PostgreSQL the candidates are read
/// `FOR UPDATE SKIP LOCKED`, so two windows calling at once (in one process or several) get two different tickets.
public struct HallRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  private var sql: any SQLDatabase { db as! any SQLDatabase }
  private var isPostgres: Bool { sql.dialect.name != "sqlite" }

  // MARK: groups and policy

  public func groups(site: String) async throws -> [BusinessGroup] {
    try await sql.raw("SELECT body FROM hall_groups WHERE site_id = \(bind: site) ORDER BY code").all().map {
      try Self.decodeJSON(BusinessGroup.self, try $0.decode(column: "body", as: String.self))
    }
  }

  /// Sites with at least one business group, for the booking page.
  public func sitesWithGroups() async throws -> Set<String> {
    Set(
      try await sql.raw("SELECT DISTINCT site_id FROM hall_groups").all().map {
        try $0.decode(column: "site_id", as: String.self)
      })
  }

  public func save(_ group: BusinessGroup, county: String) async throws {
    let problems = group.problems()
    guard problems.isEmpty else { throw ValidationErrors(problems) }
    try await db.transaction { db in
      let sql = db as! any SQLDatabase
      try await sql.raw("DELETE FROM hall_groups WHERE site_id = \(bind: group.siteID) AND code = \(bind: group.code)")
        .run()
      try await sql.insert(into: "hall_groups").columns("site_id", "code", "body", "county_code")
        .values(group.siteID, group.code, try Self.encodeJSON(group), county).run()
    }
  }

  public func policy(site: String) async throws -> QueuePolicy {
    guard let row = try await sql.raw("SELECT body FROM hall_policies WHERE site_id = \(bind: site)").first() else {
      return QueuePolicy()
    }
    return try Self.decodeJSON(QueuePolicy.self, try row.decode(column: "body", as: String.self))
  }

  public func save(_ policy: QueuePolicy, site: String, county: String) async throws {
    let problems = policy.problems()
    guard problems.isEmpty else { throw ValidationErrors(problems) }
    try await db.transaction { db in
      let sql = db as! any SQLDatabase
      try await sql.raw("DELETE FROM hall_policies WHERE site_id = \(bind: site)").run()
      try await sql.insert(into: "hall_policies").columns("site_id", "body", "county_code")
        .values(site, try Self.encodeJSON(policy), county).run()
    }
  }

  // MARK: tickets

  /// 取号: the group's next number of the day and a waiting ticket.
  public func take(
    site: String, group: String, day: CivilDate, channel: TicketChannel, priority: PriorityReason?,
    itemCode: String? = nil, phone: String? = nil, appointmentID: String? = nil, county: String, now: Date
  ) async throws -> Ticket {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        try await Self(db).insertTicket(
          site: site, group: group, day: day, channel: channel, priority: priority, itemCode: itemCode, phone: phone,
          appointmentID: appointmentID, county: county, now: now)
      }
    }
  }

  private func insertTicket(
    site: String, group: String, day: CivilDate, channel: TicketChannel, priority: PriorityReason?,
    itemCode: String?, phone: String?, appointmentID: String?, county: String, now: Date
  ) async throws -> Ticket {
    let row = try await sql.raw(
      """
      INSERT INTO ticket_counters (site_id, day, group_code, last) VALUES (\(bind: site), \(bind: day.iso), \(bind: group), 1)
      ON CONFLICT (site_id, day, group_code) DO UPDATE SET last = ticket_counters.last + 1
      RETURNING last
      """
    ).first()
    let sequence = try row?.decode(column: "last", as: Int.self) ?? 1
    let ticket = Ticket(
      id: UUID().uuidString.lowercased(), siteID: site, day: day, groupCode: group,
      number: TicketNumber.make(group: group, sequence: sequence), channel: channel, priority: priority,
      itemCode: itemCode, phone: phone, appointmentID: appointmentID, takenAt: now)
    try await insert(ticket, county: county)
    return ticket
  }

  private func insert(_ ticket: Ticket, county: String) async throws {
    try await sql.insert(into: "tickets")
      .columns(
        "id", "site_id", "day", "group_code", "number", "channel", "priority", "item_code", "phone", "appointment_id",
        "taken_ms", "target_window_id", "transferred_from", "state", "calls", "county_code"
      )
      .values(
        [
          ticket.id, ticket.siteID, ticket.day.iso, ticket.groupCode, ticket.number, ticket.channel.rawValue,
          ticket.priority?.rawValue, ticket.itemCode, ticket.phone, ticket.appointmentID, millis(ticket.takenAt),
          ticket.targetWindowID, ticket.transferredFrom, ticket.state.rawValue, ticket.calls, county,
        ] as [any Encodable & Sendable]
      ).run()
  }

  public func ticket(_ id: String) async throws -> Ticket? {
    try await sql.raw("SELECT * FROM tickets WHERE id = \(bind: id)").first().map(Self.decodeTicket)
  }

  /// The ticket a window is calling or serving now.
  public func current(window: String, day: CivilDate) async throws -> Ticket? {
    try await sql.raw(
      """
      SELECT * FROM tickets WHERE window_id = \(bind: window) AND day = \(bind: day.iso)
        AND state IN ('called', 'serving') ORDER BY called_ms DESC LIMIT 1
      """
    ).first().map(Self.decodeTicket)
  }

  /// The last ticket a window finished today (the evaluation pad asks about it).
  public func lastServed(window: String, day: CivilDate) async throws -> Ticket? {
    try await sql.raw(
      """
      SELECT * FROM tickets WHERE window_id = \(bind: window) AND day = \(bind: day.iso) AND state = 'served'
      ORDER BY ended_ms DESC LIMIT 1
      """
    ).first().map(Self.decodeTicket)
  }

  /// 叫号: claims the next ticket for a window serving `groups`, or nil when nobody waits. Refused while the window
  /// still has a called or serving ticket.
  public func callNext(
    window: String, groups: [String], staffID: String, site: String, day: CivilDate, policy: QueuePolicy, now: Date
  ) async throws -> Ticket? {
    guard !groups.isEmpty else {
      throw ValidationError(field: "window", zh: "本窗口没有分配业务分组", en: "This window serves no business group")
    }
    return try await WriteGate.serialize(db) {
      try await db.transaction { db in
        try await Self(db).claimNext(
          window: window, groups: groups, staffID: staffID, site: site, day: day, policy: policy, now: now)
      }
    }
  }

  private func claimNext(
    window: String, groups: [String], staffID: String, site: String, day: CivilDate, policy: QueuePolicy, now: Date
  ) async throws -> Ticket? {
    // The window's latest calls: the first is its current ticket if still called or serving (a window cannot call
    // while it has one), and the run of priority tickets among them is the streak the policy caps. On PostgreSQL the
    // same read locks the window's row, so a double click calls once.
    let limit = max(1, policy.maxPriorityInARow)
    let recentSQL: SQLQueryString =
      isPostgres
      ? """
      SELECT r.number, r.state, r.priority FROM windows w LEFT JOIN LATERAL (
        SELECT number, state, priority, called_ms FROM tickets WHERE window_id = w.id AND day = \(bind: day.iso)
        ORDER BY called_ms DESC LIMIT \(bind: limit)) r ON true
      WHERE w.id = \(bind: window) ORDER BY r.called_ms DESC FOR UPDATE OF w
      """
      : """
      SELECT number, state, priority FROM tickets WHERE window_id = \(bind: window) AND day = \(bind: day.iso)
      ORDER BY called_ms DESC LIMIT \(bind: limit)
      """
    let recent = try await sql.raw(recentSQL).all().compactMap {
      row -> (number: String, state: String, priority: String?)? in
      guard let number = try row.decode(column: "number", as: String?.self) else { return nil }
      return (
        number, try row.decode(column: "state", as: String.self), try row.decode(column: "priority", as: String?.self)
      )
    }
    if let current = recent.first,
      current.state == TicketState.called.rawValue || current.state == TicketState.serving.rawValue
    {
      throw ValidationError(
        field: "ticket", zh: "请先办结或过号 \(current.number)", en: "Finish or no-show \(current.number) first")
    }
    let streak = recent.prefix { $0.priority != nil }.count
    // The head of each lane (ordinary, priority) in one read. On PostgreSQL each head is locked and locked rows
    // are skipped, so two windows calling at once take different tickets; SQLite runs one writer at a time.
    func head(priority: Bool) -> SQLQueryString {
      var query = SQLQueryString(
        """
        SELECT * FROM tickets WHERE site_id = \(bind: site) AND day = \(bind: day.iso) AND state = 'waiting'
          AND group_code IN (\(binds: groups)) AND (target_window_id IS NULL OR target_window_id = \(bind: window))
        """)
      query.appendLiteral(priority ? " AND priority IS NOT NULL" : " AND priority IS NULL")
      query.appendLiteral(" ORDER BY taken_ms, number, id LIMIT 1" + (isPostgres ? " FOR UPDATE SKIP LOCKED" : ""))
      return query
    }
    var both = SQLQueryString("SELECT * FROM (")
    both.appendInterpolation(head(priority: false))
    both.appendLiteral(isPostgres ? ") AS ordinary UNION ALL SELECT * FROM (" : ") UNION ALL SELECT * FROM (")
    both.appendInterpolation(head(priority: true))
    both.appendLiteral(isPostgres ? ") AS priority" : ")")
    let candidates = try await sql.raw(both).all().map(Self.decodeTicket)
    let waiting = candidates.map {
      WaitingTicket(id: $0.id, groupCode: $0.groupCode, takenAt: $0.takenAt, priority: $0.priority)
    }
    guard let chosen = policy.next(among: waiting, groups: Set(groups), priorityStreak: streak, now: now),
      var ticket = candidates.first(where: { $0.id == chosen.id })
    else { return nil }
    let claimed = try await sql.raw(
      """
      UPDATE tickets SET state = 'called', window_id = \(bind: window), staff_id = \(bind: staffID), calls = 1,
        called_ms = \(bind: millis(now)), target_window_id = NULL
      WHERE id = \(bind: ticket.id) AND state = 'waiting' RETURNING id
      """
    ).all()
    // Only reachable if the locks above were bypassed; the conditional update still keeps one call per ticket.
    guard !claimed.isEmpty else {
      throw ValidationError(field: "ticket", zh: "该号刚被其他窗口叫走，请再叫一次", en: "Another window took it; call again")
    }
    ticket.state = .called
    ticket.windowID = window
    ticket.staffID = staffID
    ticket.calls = 1
    ticket.calledAt = now
    ticket.targetWindowID = nil
    return ticket
  }

  /// A clerk's step on the ticket at their window. A transfer also queues the continuing ticket in `toGroup` (or
  /// for one window), in the same transaction; it is returned second.
  public func act(
    _ action: TicketAction, ticket id: String, window: String, policy: QueuePolicy,
    transferTo: (
      group: String, window: String?
    )? = nil, county: String, now: Date
  ) async throws -> (ticket: Ticket, continued: Ticket?) {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        try await Self(db).change(
          action, ticket: id, window: window, policy: policy, transferTo: transferTo, county: county, now: now)
      }
    }
  }

  private func change(
    _ action: TicketAction, ticket id: String, window: String, policy: QueuePolicy,
    transferTo: (group: String, window: String?)?, county: String, now: Date
  ) async throws -> (ticket: Ticket, continued: Ticket?) {
    guard var ticket = try await self.ticket(id) else {
      throw ValidationError(field: "ticket", zh: "没有这张号", en: "No such ticket")
    }
    let before = ticket
    try ticket.apply(action, at: window, policy: policy, now: now)
    let changed = try await sql.raw(
      """
      UPDATE tickets SET state = \(bind: ticket.state.rawValue), calls = \(bind: ticket.calls),
        called_ms = \(bind: ticket.calledAt.map(millis)), started_ms = \(bind: ticket.startedAt.map(millis)),
        ended_ms = \(bind: ticket.endedAt.map(millis)), case_number = \(bind: ticket.caseNumber)
      WHERE id = \(bind: id) AND state = \(bind: before.state.rawValue) AND calls = \(bind: before.calls)
      RETURNING id
      """
    ).all()
    guard !changed.isEmpty else {
      throw ValidationError(field: "ticket", zh: "这张号已被他人处理，请刷新", en: "Someone changed it first; reload")
    }
    var continued: Ticket?
    if action == .transfer, let transferTo {
      let next = ticket.continued(id: UUID().uuidString.lowercased(), in: transferTo.group, window: transferTo.window)
      try await insert(next, county: county)
      continued = next
    }
    return (ticket, continued)
  }

  /// 评价器: one rating for a ticket served at `window` and finished after `endedAfter` (right after the service).
  public func rate(ticket id: String, window: String, score: Int, endedAfter: Date) async throws {
    let rows = try await sql.raw(
      """
      UPDATE tickets SET rating = \(bind: score)
      WHERE id = \(bind: id) AND window_id = \(bind: window) AND state = 'served' AND rating IS NULL
        AND ended_ms >= \(bind: millis(endedAfter))
      RETURNING id
      """
    ).all()
    guard !rows.isEmpty else {
      throw ValidationError(
        field: "score", zh: "本次服务已评价、不属于本窗口或评价时间已过", en: "Already rated, not served here, or too late")
    }
  }

  /// Waiting tickets per group of a site's day.
  public func waitingCounts(site: String, day: CivilDate) async throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for row in try await sql.raw(
      """
      SELECT group_code, COUNT(*) AS n FROM tickets WHERE site_id = \(bind: site) AND day = \(bind: day.iso)
        AND state = 'waiting' GROUP BY group_code
      """
    ).all() {
      counts[try row.decode(column: "group_code", as: String.self)] = try row.decode(column: "n", as: Int.self)
    }
    return counts
  }

  /// A phone number's ticket still waiting or being served at a site today (one at a time online).
  public func open(phone: String, site: String, day: CivilDate) async throws -> Ticket? {
    try await sql.raw(
      """
      SELECT * FROM tickets WHERE phone = \(bind: phone) AND site_id = \(bind: site) AND day = \(bind: day.iso)
        AND state IN ('waiting', 'called', 'serving') LIMIT 1
      """
    ).first().map(Self.decodeTicket)
  }

  /// Waiting tickets of the same group taken before `ticket` (the slip's "前面还有 N 人"; the priority lane may
  /// still pass them).
  public func ahead(of ticket: Ticket) async throws -> Int {
    let row = try await sql.raw(
      """
      SELECT COUNT(*) AS n FROM tickets WHERE site_id = \(bind: ticket.siteID) AND day = \(bind: ticket.day.iso)
        AND state = 'waiting' AND group_code = \(bind: ticket.groupCode)
        AND (taken_ms < \(bind: millis(ticket.takenAt)) OR (taken_ms = \(bind: millis(ticket.takenAt)) AND number < \(bind: ticket.number)))
      """
    ).first()
    return try row?.decode(column: "n", as: Int.self) ?? 0
  }

  /// The day's latest calls at a site, newest first, whatever became of them since (the display's 最近呼叫).
  public func recentCalls(site: String, day: CivilDate, limit: Int = 12) async throws -> [Ticket] {
    try await sql.raw(
      """
      SELECT * FROM tickets WHERE site_id = \(bind: site) AND day = \(bind: day.iso) AND called_ms IS NOT NULL
      ORDER BY called_ms DESC, number DESC LIMIT \(bind: limit)
      """
    ).all().map(Self.decodeTicket)
  }

  /// Every ticket of a site (or all sites) over days, in order of taking.
  public func tickets(site: String?, from: CivilDate, through: CivilDate) async throws -> [Ticket] {
    var query = SQLQueryString("SELECT * FROM tickets WHERE day >= \(bind: from.iso) AND day <= \(bind: through.iso)")
    if let site { query.appendInterpolation(unsafeRaw: " AND site_id = "); query.appendInterpolation(bind: site) }
    query.appendLiteral(" ORDER BY taken_ms, number, id")
    return try await sql.raw(query).all().map(Self.decodeTicket)
  }

  // MARK: appointments

  /// Booked counts per slot label of a group's day.
  public func booked(site: String, group: String, day: CivilDate) async throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for row in try await sql.raw(
      """
      SELECT slot, booked FROM appointment_slots
      WHERE site_id = \(bind: site) AND group_code = \(bind: group) AND day = \(bind: day.iso)
      """
    ).all() {
      counts[try row.decode(column: "slot", as: String.self)] = try row.decode(column: "booked", as: Int.self)
    }
    return counts
  }

  /// 预约: takes one place of the slot if any is left; one live booking per phone number, site and day.
  public func book(
    site: String, group: BusinessGroup, day: CivilDate, slot: AppointmentSlot, name: String, phone: String,
    county: String, now: Date
  ) async throws -> Appointment {
    let taken = ValidationError(
      field: "phone", zh: "该手机号当天在本场所已有预约，请先取消", en: "This phone already has a booking here that day")
    do {
      return try await insertBooking(
        site: site, group: group, day: day, slot: slot, name: name, phone: phone, county: county, now: now,
        taken: taken)
    } catch let error as ValidationError {
      throw error
    } catch {
      // Two bookings from one phone at once: the unique index (M028) stops the second.
      let live = try await sql.raw(
        """
        SELECT id FROM appointments WHERE phone = \(bind: phone) AND site_id = \(bind: site)
          AND day = \(bind: day.iso) AND state = 'booked'
        """
      ).first()
      if live != nil { throw taken }
      throw error
    }
  }

  private func insertBooking(
    site: String, group: BusinessGroup, day: CivilDate, slot: AppointmentSlot, name: String, phone: String,
    county: String, now: Date, taken: ValidationError
  ) async throws -> Appointment {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        let existing = try await sql.raw(
          """
          SELECT id FROM appointments WHERE phone = \(bind: phone) AND site_id = \(bind: site)
            AND day = \(bind: day.iso) AND state = 'booked'
          """
        ).first()
        guard existing == nil else { throw taken }
        try await sql.raw(
          """
          INSERT INTO appointment_slots (site_id, group_code, day, slot, booked)
          VALUES (\(bind: site), \(bind: group.code), \(bind: day.iso), \(bind: slot.label), 0)
          ON CONFLICT (site_id, group_code, day, slot) DO NOTHING
          """
        ).run()
        let taken = try await sql.raw(
          """
          UPDATE appointment_slots SET booked = booked + 1
          WHERE site_id = \(bind: site) AND group_code = \(bind: group.code) AND day = \(bind: day.iso)
            AND slot = \(bind: slot.label) AND booked < \(bind: group.slotCapacity)
          RETURNING booked
          """
        ).all()
        guard !taken.isEmpty else {
          throw ValidationError(field: "slot", zh: "该时段已约满，请换一个时段", en: "That slot is full; choose another")
        }
        let appointment = Appointment(
          id: UUID().uuidString.lowercased(), siteID: site, groupCode: group.code, day: day, slot: slot, name: name,
          phone: phone, code: String(format: "%06d", Int.random(in: 0..<1_000_000)), bookedAt: now)
        try await sql.insert(into: "appointments")
          .columns(
            "id", "site_id", "group_code", "day", "slot", "name", "phone", "code", "state", "booked_ms", "county_code"
          )
          .values(
            appointment.id, site, group.code, day.iso, slot.label, name, phone, appointment.code,
            appointment.state.rawValue, millis(now), county
          ).run()
        return appointment
      }
    }
  }

  /// The booking a phone number and check-in code name.
  public func appointment(phone: String, code: String) async throws -> Appointment? {
    try await sql.raw(
      "SELECT * FROM appointments WHERE phone = \(bind: phone) AND code = \(bind: code) ORDER BY booked_ms DESC LIMIT 1"
    ).first().map(Self.decodeAppointment)
  }

  public func appointments(site: String?, from: CivilDate, through: CivilDate) async throws -> [Appointment] {
    var query = SQLQueryString(
      "SELECT * FROM appointments WHERE day >= \(bind: from.iso) AND day <= \(bind: through.iso)")
    if let site { query.appendInterpolation(unsafeRaw: " AND site_id = "); query.appendInterpolation(bind: site) }
    query.appendLiteral(" ORDER BY day, slot")
    return try await sql.raw(query).all().map(Self.decodeAppointment)
  }

  /// Bookings of `day` still booked and not yet reminded (预约提醒), at most `limit`.
  public func unreminded(day: CivilDate, limit: Int) async throws -> [Appointment] {
    try await sql.raw(
      """
      SELECT * FROM appointments WHERE day = \(bind: day.iso) AND state = 'booked' AND reminded_ms IS NULL
      ORDER BY slot, id LIMIT \(bind: limit)
      """
    ).all().map(Self.decodeAppointment)
  }

  /// Queues the reminder of each booking in `reminders` (its id and the text's facts) and marks it reminded, in one
  /// transaction: a booking another worker reminded meanwhile, or cancelled, is skipped. Answers how many were queued.
  public func queueReminders(_ reminders: [(appointment: Appointment, facts: [String: String])], now: Date)
    async throws -> Int
  {
    let at = Int64((now.timeIntervalSince1970 * 1000).rounded())
    return try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        var queued = 0
        for (appointment, facts) in reminders {
          let claimed = try await sql.raw(
            """
            UPDATE appointments SET reminded_ms = \(bind: at)
            WHERE id = \(bind: appointment.id) AND reminded_ms IS NULL AND state = 'booked' RETURNING id
            """
          ).all()
          guard !claimed.isEmpty else { continue }
          try await sql.raw(
            """
            INSERT INTO outbox (id, case_number, kind, recipient, payload, created_ms, county_code)
            SELECT \(bind: TimeOrderedID.make(at: now)), '', \(bind: NotificationKind.appointmentReminder.rawValue),
              phone, \(bind: CaseTrail.canonicalJSON(facts)), \(bind: at), county_code
            FROM appointments WHERE id = \(bind: appointment.id)
            """
          ).run()
          queued += 1
        }
        return queued
      }
    }
  }

  /// A phone number's bookings from `from` on, and its tickets of that day (the portal's 我的预约与取号).
  public func visits(phone: String, from: CivilDate) async throws -> (appointments: [Appointment], tickets: [Ticket]) {
    let appointments = try await sql.raw(
      "SELECT * FROM appointments WHERE phone = \(bind: phone) AND day >= \(bind: from.iso) ORDER BY day, slot"
    ).all().map(Self.decodeAppointment)
    let tickets = try await sql.raw(
      "SELECT * FROM tickets WHERE phone = \(bind: phone) AND day = \(bind: from.iso) ORDER BY taken_ms"
    ).all().map(Self.decodeTicket)
    return (appointments, tickets)
  }

  /// Cancels a booking and gives its place back to the slot.
  public func cancel(_ appointment: Appointment) async throws {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
          "UPDATE appointments SET state = 'cancelled' WHERE id = \(bind: appointment.id) AND state = 'booked' RETURNING id"
        ).all()
        guard !rows.isEmpty else {
          throw ValidationError(field: "code", zh: "该预约已取消或已签到", en: "Already cancelled or checked in")
        }
        try await sql.raw(
          """
          UPDATE appointment_slots SET booked = booked - 1
          WHERE site_id = \(bind: appointment.siteID) AND group_code = \(bind: appointment.groupCode)
            AND day = \(bind: appointment.day.iso) AND slot = \(bind: appointment.slot.label) AND booked > 0
          """
        ).run()
      }
    }
  }

  /// 签到: the booking becomes a ticket (priority lane when in its slot), once.
  public func checkIn(_ appointment: Appointment, priority: PriorityReason?, county: String, now: Date) async throws
    -> Ticket
  {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let repository = Self(db)
        let ticket = try await repository.insertTicket(
          site: appointment.siteID, group: appointment.groupCode, day: appointment.day, channel: .appointment,
          priority: priority, itemCode: nil, phone: appointment.phone, appointmentID: appointment.id, county: county,
          now: now)
        let rows = try await repository.sql.raw(
          """
          UPDATE appointments SET state = 'checked_in', ticket_id = \(bind: ticket.id)
          WHERE id = \(bind: appointment.id) AND state = 'booked' RETURNING id
          """
        ).all()
        guard !rows.isEmpty else {
          throw ValidationError(field: "code", zh: "该预约已签到或已取消", en: "Already checked in or cancelled")
        }
        return ticket
      }
    }
  }

  // MARK: rows

  private static func decodeTicket(_ row: any SQLRow) throws -> Ticket {
    func date(_ column: String) throws -> Date? {
      try row.decode(column: column, as: Int64?.self).map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }
    var ticket = Ticket(
      id: try row.decode(column: "id", as: String.self), siteID: try row.decode(column: "site_id", as: String.self),
      day: CivilDate(iso: try row.decode(column: "day", as: String.self)) ?? CivilDate(dayNumber: 0),
      groupCode: try row.decode(column: "group_code", as: String.self),
      number: try row.decode(column: "number", as: String.self),
      channel: TicketChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .kiosk,
      priority: try row.decode(column: "priority", as: String?.self).flatMap(PriorityReason.init),
      itemCode: try row.decode(column: "item_code", as: String?.self),
      phone: try row.decode(column: "phone", as: String?.self),
      appointmentID: try row.decode(column: "appointment_id", as: String?.self),
      takenAt: try date("taken_ms") ?? Date(timeIntervalSince1970: 0),
      targetWindowID: try row.decode(column: "target_window_id", as: String?.self),
      transferredFrom: try row.decode(column: "transferred_from", as: String?.self))
    ticket.state = TicketState(rawValue: try row.decode(column: "state", as: String.self)) ?? .waiting
    ticket.windowID = try row.decode(column: "window_id", as: String?.self)
    ticket.staffID = try row.decode(column: "staff_id", as: String?.self)
    ticket.calls = try row.decode(column: "calls", as: Int.self)
    ticket.calledAt = try date("called_ms")
    ticket.startedAt = try date("started_ms")
    ticket.endedAt = try date("ended_ms")
    ticket.caseNumber = try row.decode(column: "case_number", as: String?.self)
    ticket.rating = try row.decode(column: "rating", as: Int?.self)
    return ticket
  }

  private static func decodeAppointment(_ row: any SQLRow) throws -> Appointment {
    Appointment(
      id: try row.decode(column: "id", as: String.self), siteID: try row.decode(column: "site_id", as: String.self),
      groupCode: try row.decode(column: "group_code", as: String.self),
      day: CivilDate(iso: try row.decode(column: "day", as: String.self)) ?? CivilDate(dayNumber: 0),
      slot: AppointmentSlot(label: try row.decode(column: "slot", as: String.self))
        ?? AppointmentSlot(start: 0, end: 0),
      name: try row.decode(column: "name", as: String.self), phone: try row.decode(column: "phone", as: String.self),
      code: try row.decode(column: "code", as: String.self),
      state: AppointmentState(rawValue: try row.decode(column: "state", as: String.self)) ?? .booked,
      ticketID: try row.decode(column: "ticket_id", as: String?.self),
      bookedAt: Date(timeIntervalSince1970: Double(try row.decode(column: "booked_ms", as: Int64.self)) / 1000))
  }

  private static func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
  }

  private static func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
  }
}
