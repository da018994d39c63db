import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowWeb
import Testing
import VaporTesting

/// The hall's storage on both databases: numbering, calling (priority lane, groups, no ticket called twice),
/// transfers, appointments with capacity and check-in.
@Suite("Hall storage")
struct HallStoreTests {
  /// Tuesday 2026-11-24, 10:00 in Asia/Shanghai.
  static let now = Date(timeIntervalSince1970: 1_795_485_600)
  let day = CivilDate(year: 2026, month: 11, day: 24)!
  let site = "site-center"

  @Test("numbers run per group and day: A001, A002, B001; a new day starts again", arguments: TestDatabase.all)
  func numbering(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.now) { app in
      let hall = HallRepository(app.db)
      func take(_ group: String, _ day: CivilDate) async throws -> String {
        try await hall.take(
          site: site, group: group, day: day, channel: .kiosk, priority: nil, county: "360999", now: Self.now
        ).number
      }
      var numbers: [String] = []
      for (group, day) in [("A", day), ("A", day), ("B", day), ("A", day.adding(days: 1))] {
        numbers.append(try await take(group, day))
      }
      #expect(numbers == ["A001", "A002", "B001", "A001"])
    }
  }

  @Test("the priority lane goes first, capped so ordinary tickets are still called", arguments: TestDatabase.all)
  func priorityLane(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.now) { app in
      let hall = HallRepository(app.db)
      for (index, lane) in [nil, PriorityReason.elderly, .pregnant, .disabled].enumerated() {
        _ = try await hall.take(
          site: site, group: "A", day: day, channel: .kiosk, priority: lane, county: "360999",
          now: Self.now + Double(index))
      }
      let policy = QueuePolicy(maxPriorityInARow: 2)
      var order: [String] = []
      for minute in 1...4 {
        let at = Self.now + Double(minute * 60)
        let ticket = try #require(
          try await hall.callNext(
            window: "win-site-center-01", groups: ["A"], staffID: "s", site: site, day: day, policy: policy, now: at))
        order.append(ticket.number)
        _ = try await hall.act(
          .start, ticket: ticket.id, window: "win-site-center-01", policy: policy, county: "360999", now: at)
        _ = try await hall.act(
          .finish(caseNumber: nil), ticket: ticket.id, window: "win-site-center-01", policy: policy, county: "360999",
          now: at)
      }
      // A002 and A003 (priority), then the ordinary A001 after two in a row, then A004.
      #expect(order == ["A002", "A003", "A001", "A004"])
      #expect(
        try await hall.callNext(
          window: "win-site-center-01", groups: ["A"], staffID: "s", site: site, day: day, policy: policy,
          now: Self.now + 600) == nil)
    }
  }

  @Test("a window calls only its groups, and not while it still has a ticket", arguments: TestDatabase.all)
  func groupsAndCurrent(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.now) { app in
      let hall = HallRepository(app.db)
      let b = try await hall.take(
        site: site, group: "B", day: day, channel: .kiosk, priority: nil, county: "360999", now: Self.now)
      _ = try await hall.take(
        site: site, group: "B", day: day, channel: .kiosk, priority: nil, county: "360999", now: Self.now)
      #expect(
        try await hall.callNext(
          window: "win-site-center-01", groups: ["A"], staffID: "s", site: site, day: day, policy: QueuePolicy(),
          now: Self.now) == nil)
      let called = try await hall.callNext(
        window: "win-site-center-07", groups: ["B"], staffID: "s", site: site, day: day, policy: QueuePolicy(),
        now: Self.now)
      #expect(called?.id == b.id)
      await #expect(throws: ValidationError.self) {
        _ = try await hall.callNext(
          window: "win-site-center-07", groups: ["B"], staffID: "s", site: site, day: day, policy: QueuePolicy(),
          now: Self.now)
      }
    }
  }

  @Test("windows calling at the same moment get different tickets", arguments: TestDatabase.all)
  func noTicketCalledTwice(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.now) { app in
      let hall = HallRepository(app.db)
      for index in 0..<30 {
        _ = try await hall.take(
          site: site, group: "A", day: day, channel: .kiosk, priority: index % 4 == 0 ? .elderly : nil,
          county: "360999", now: Self.now + Double(index))
      }
      let windows = (1...6).map { "win-site-center-0\($0)" }
      let called = try await withThrowingTaskGroup(of: [String].self) { group in
        for window in windows {
          group.addTask {
            var mine: [String] = []
            for round in 0..<5 {
              let at = Self.now + Double(100 + round)
              guard
                let ticket = try await hall.callNext(
                  window: window, groups: ["A"], staffID: "s", site: site, day: day, policy: QueuePolicy(), now: at)
              else { break }
              mine.append(ticket.id)
              _ = try await hall.act(
                .start, ticket: ticket.id, window: window, policy: QueuePolicy(), county: "360999", now: at)
              _ = try await hall.act(
                .finish(caseNumber: nil), ticket: ticket.id, window: window, policy: QueuePolicy(), county: "360999",
                now: at)
            }
            return mine
          }
        }
        return try await group.reduce(into: []) { $0 += $1 }
      }
      #expect(called.count == 30)
      #expect(Set(called).count == 30)
      let tickets = try await hall.tickets(site: site, from: day, through: day)
      #expect(tickets.allSatisfy { $0.state == .served && $0.calls == 1 })
    }
  }

  @Test("a transfer keeps the number and waits for the window it was sent to", arguments: TestDatabase.all)
  func transfer(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.now) { app in
      let hall = HallRepository(app.db)
      _ = try await hall.take(
        site: site, group: "A", day: day, channel: .kiosk, priority: nil, county: "360999", now: Self.now)
      let ticket = try #require(
        try await hall.callNext(
          window: "win-site-center-01", groups: ["A"], staffID: "s", site: site, day: day, policy: QueuePolicy(),
          now: Self.now))
      let (ended, continued) = try await hall.act(
        .transfer, ticket: ticket.id, window: "win-site-center-01", policy: QueuePolicy(),
        transferTo: ("C", "win-site-center-08"), county: "360999", now: Self.now + 60)
      #expect(ended.state == .transferred)
      let next = try #require(continued)
      #expect(next.number == "A001" && next.groupCode == "C" && next.state == .waiting)
      // Another window of group C would not get it; the target window does.
      #expect(
        try await hall.callNext(
          window: "win-site-center-09", groups: ["C"], staffID: "s", site: site, day: day, policy: QueuePolicy(),
          now: Self.now + 90) == nil)
      #expect(
        try await hall.callNext(
          window: "win-site-center-08", groups: ["C"], staffID: "s", site: site, day: day, policy: QueuePolicy(),
          now: Self.now + 120)?.id == next.id)
    }
  }

  @Test(
    "appointments: capacity holds under a rush; cancel frees a place; check-in makes one ticket",
    arguments: TestDatabase.all)
  func appointments(_ database: TestDatabase) async throws {
    try await withTestApp(database, now: Self.now) { app in
      let hall = HallRepository(app.db)
      let group = try #require(try await hall.groups(site: site).first { $0.code == "B" })  // 2 per slot
      let slot = AppointmentSlot(start: 14 * 60, end: 14 * 60 + 30)
      let results = await withTaskGroup(of: Appointment?.self) { tasks in
        for index in 0..<6 {
          tasks.addTask {
            try? await hall.book(
              site: site, group: group, day: day, slot: slot, name: "预约人\(index)", phone: "1390000000\(index)",
              county: "360999", now: Self.now)
          }
        }
        return await tasks.reduce(into: []) { $0.append($1) }
      }
      let booked = results.compactMap { $0 }
      #expect(booked.count == 2)
      #expect(try await hall.booked(site: site, group: "B", day: day)[slot.label] == 2)
      await #expect(throws: ValidationError.self) {
        _ = try await hall.book(
          site: site, group: group, day: day, slot: AppointmentSlot(start: 15 * 60, end: 15 * 60 + 30),
          name: "重复", phone: booked[0].phone, county: "360999", now: Self.now)
      }
      // One phone booking two half-hours at the same moment gets one of them.
      let same = await withTaskGroup(of: Appointment?.self) { tasks in
        for start in [15 * 60, 16 * 60] {
          tasks.addTask {
            try? await hall.book(
              site: site, group: group, day: day, slot: AppointmentSlot(start: start, end: start + 30), name: "同号",
              phone: "13911112222", county: "360999", now: Self.now)
          }
        }
        return await tasks.reduce(into: []) { $0.append($1) }
      }
      #expect(same.compactMap { $0 }.count == 1)
      try await hall.cancel(booked[1])
      #expect(try await hall.booked(site: site, group: "B", day: day)[slot.label] == 1)
      let found = try #require(try await hall.appointment(phone: booked[0].phone, code: booked[0].code))
      let ticket = try await hall.checkIn(found, priority: .appointment, county: "360999", now: Self.now)
      #expect(ticket.number == "B001" && ticket.priority == .appointment && ticket.channel == .appointment)
      await #expect(throws: ValidationError.self) {
        _ = try await hall.checkIn(found, priority: .appointment, county: "360999", now: Self.now)
      }
      #expect(try await hall.tickets(site: site, from: day, through: day).count == 1)
    }
  }
}
