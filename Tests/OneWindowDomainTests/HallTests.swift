import Foundation
import Testing

@testable import OneWindowDomain

@Suite struct HallTests {
  let day = CivilDate(year: 2026, month: 11, day: 24)!
  let now = Date(timeIntervalSince1970: 1_790_000_000)

  func ticket(_ number: String = "A001") -> Ticket {
    Ticket(
      id: "t1", siteID: "site", day: day, groupCode: "A", number: number, channel: .kiosk, priority: nil,
      takenAt: now)
  }

  func called(_ ticket: Ticket, at window: String = "w1") -> Ticket {
    var ticket = ticket
    ticket.state = .called
    ticket.windowID = window
    ticket.calls = 1
    ticket.calledAt = now
    return ticket
  }

  @Test func aCalledTicketIsStartedAndFinishedWithItsCase() throws {
    var t = called(ticket())
    try t.apply(.start, at: "w1", policy: QueuePolicy(), now: now.addingTimeInterval(30))
    try t.apply(.finish(caseNumber: "360999-20261124-000001"), at: "w1", policy: QueuePolicy(), now: now + 330)
    #expect(t.state == .served)
    #expect(t.caseNumber == "360999-20261124-000001")
    #expect(t.served == 300)
    #expect(t.state.isOver)
  }

  @Test func anotherWindowCannotTouchTheTicket() {
    var t = called(ticket())
    #expect(throws: ValidationError.self) { try t.apply(.start, at: "w2", policy: QueuePolicy(), now: now) }
    #expect(t.state == .called)
  }

  @Test func noShowOnlyAfterTheConfiguredCalls() throws {
    var t = called(ticket())
    let policy = QueuePolicy(noShowAfterCalls: 2)
    #expect(throws: ValidationError.self) { try t.apply(.noShow, at: "w1", policy: policy, now: now) }
    try t.apply(.recall, at: "w1", policy: policy, now: now)
    #expect(t.calls == 2)
    try t.apply(.noShow, at: "w1", policy: policy, now: now)
    #expect(t.state == .noShow)
  }

  @Test func illegalStepsNameTheStateAndChangeNothing() {
    var t = called(ticket())
    do {
      try t.apply(.finish(caseNumber: nil), at: "w1", policy: QueuePolicy(), now: now)
      Issue.record("finish before start must fail")
    } catch {
      #expect(error.field == "ticket")
      #expect(error.message.zh.contains("已呼叫"))
    }
    #expect(t == called(ticket()))
  }

  @Test func aTransferKeepsTheNumberAndThePlaceInLine() throws {
    var t = called(ticket("A007"))
    try t.apply(.transfer, at: "w1", policy: QueuePolicy(), now: now + 60)
    let next = t.continued(id: "t2", in: "B", window: "w5")
    #expect(t.state == .transferred)
    #expect(next.number == "A007" && next.groupCode == "B" && next.takenAt == t.takenAt)
    #expect(next.state == .waiting && next.targetWindowID == "w5" && next.transferredFrom == "t1")
  }

  @Test func slotsFollowTheOpeningHoursAndTheCalendar() {
    let hours = OpeningHours(
      weekdays: "08:30–12:00, 14:00–17:30", extended: "12:00–14:00 延时服务", saturday: "09:00–12:00")
    let tuesday = AppointmentSlots.on(day, hours: hours, calendar: .china)
    #expect(tuesday.first?.label == "08:30-09:00")
    #expect(tuesday.last?.label == "17:00-17:30")
    #expect(tuesday.count == 18)  // 08:30–17:30 without a gap, thanks to 延时服务
    let saturday = AppointmentSlots.on(CivilDate(year: 2026, month: 11, day: 28)!, hours: hours, calendar: .china)
    #expect(
      saturday.map(\.label) == [
        "09:00-09:30", "09:30-10:00", "10:00-10:30", "10:30-11:00", "11:00-11:30", "11:30-12:00",
      ])
    #expect(AppointmentSlots.on(CivilDate(year: 2026, month: 11, day: 29)!, hours: hours, calendar: .china).isEmpty)
    // National Day 2026: a Thursday off; Saturday 10-10 is a make-up workday with weekday hours.
    #expect(AppointmentSlots.on(CivilDate(year: 2026, month: 10, day: 1)!, hours: hours, calendar: .china).isEmpty)
    #expect(AppointmentSlots.on(CivilDate(year: 2026, month: 10, day: 10)!, hours: hours, calendar: .china).count == 18)
    #expect(AppointmentSlots.isOpen(day, minute: 12 * 60 + 30, hours: hours, calendar: .china))  // 延时服务
    #expect(!AppointmentSlots.isOpen(day, minute: 17 * 60 + 30, hours: hours, calendar: .china))
    #expect(!AppointmentSlots.isOpen(day, minute: 8 * 60, hours: hours, calendar: .china))
    // A Saturday inside the holiday is closed, Saturday hours or not.
    #expect(AppointmentSlots.on(CivilDate(year: 2026, month: 10, day: 3)!, hours: hours, calendar: .china).isEmpty)
  }

  @Test func checkInIsPriorityWithinTheSlotOrdinaryAfterAndRefusedTooEarly() throws {
    let booking = Appointment(
      id: "a1", siteID: "site", groupCode: "A", day: day, slot: AppointmentSlot(start: 600, end: 630), name: "张三",
      phone: "13900000000", code: "123456", bookedAt: now)
    #expect(throws: ValidationError.self) { try booking.checkInPriority(minuteOfDay: 560, on: day) }
    #expect(try booking.checkInPriority(minuteOfDay: 575, on: day) == .appointment)
    #expect(try booking.checkInPriority(minuteOfDay: 700, on: day) == nil)
    #expect(throws: ValidationError.self) { try booking.checkInPriority(minuteOfDay: 600, on: day.adding(days: 1)) }
    var cancelled = booking
    cancelled.state = .cancelled
    #expect(throws: ValidationError.self) { try cancelled.checkInPriority(minuteOfDay: 600, on: day) }
  }

  @Test func figuresCountWaitsServicesNoShowsAndAppointmentUse() throws {
    var a = called(ticket("A001"))
    a.calledAt = now + 600
    try a.apply(.start, at: "w1", policy: QueuePolicy(), now: now + 600)
    try a.apply(.finish(caseNumber: nil), at: "w1", policy: QueuePolicy(), now: now + 900)
    var b = called(ticket("A002"), at: "w2")
    b.calledAt = now + 1200
    b.calls = 3
    try b.apply(.noShow, at: "w2", policy: QueuePolicy(), now: now + 1300)
    let booking = Appointment(
      id: "a1", siteID: "site", groupCode: "A", day: day.adding(days: -1), slot: AppointmentSlot(start: 600, end: 630),
      name: "张三", phone: "13900000000", code: "123456", bookedAt: now)
    let figures = HallFigures(tickets: [a, b], appointments: [booking], today: day, timeZone: .gmt)
    #expect(figures.all.tickets == 2)
    #expect(figures.all.averageWait == 900)
    #expect(figures.all.averageService == 300)
    #expect(figures.all.noShowRate == 0.5)
    #expect(figures.byWindow.map(\.key) == ["w1", "w2"])
    #expect(figures.appointments.missed == 1 && figures.appointments.useRate == 0)
  }

  @Test func groupsAreCheckedByField() {
    let group = BusinessGroup(siteID: "s", code: "ab", name: " ", windowIDs: [], slotCapacity: 99)
    #expect(Set(group.problems().map(\.field)) == ["code", "name", "window_ids", "slot_capacity"])
  }
}
