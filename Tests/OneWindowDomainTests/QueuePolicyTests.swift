import Foundation
import OneWindowDomain
import Testing

@Suite("The hall's calling policy: the priority lane first, the ordinary queue never starved")
struct QueuePolicyTests {
  static let opening = Date(timeIntervalSince1970: 1_795_000_000)

  static func ticket(_ id: String, _ group: String = "A", minute: Double, _ priority: PriorityReason? = nil)
    -> WaitingTicket
  {
    WaitingTicket(id: id, groupCode: group, takenAt: opening.addingTimeInterval(minute * 60), priority: priority)
  }

  @Test("numbers are the group letter and three digits")
  func numbers() {
    #expect(TicketNumber.make(group: "A", sequence: 1) == "A001")
    #expect(TicketNumber.make(group: "B", sequence: 14) == "B014")
    #expect(TicketNumber.make(group: "C", sequence: 1200) == "C1200")
  }

  @Test("a priority ticket is called before ordinary ones taken earlier, only for the window's groups")
  func priorityFirst() {
    let policy = QueuePolicy()
    let waiting = [
      Self.ticket("a1", minute: 0), Self.ticket("a2", minute: 1), Self.ticket("p1", minute: 2, .elderly),
      Self.ticket("b1", "B", minute: 0, .pregnant),
    ]
    let now = Self.opening.addingTimeInterval(5 * 60)
    #expect(policy.next(among: waiting, groups: ["A"], priorityStreak: 0, now: now)?.id == "p1")
    #expect(policy.next(among: waiting, groups: ["B"], priorityStreak: 0, now: now)?.id == "b1")
    #expect(policy.next(among: waiting, groups: ["C"], priorityStreak: 0, now: now) == nil)
  }

  @Test("after the set number of priority calls in a row, or a long ordinary wait, the ordinary queue goes")
  func noStarving() {
    let policy = QueuePolicy(maxPriorityInARow: 2, maxOrdinaryWait: 30 * 60)
    let waiting = [Self.ticket("a1", minute: 0), Self.ticket("p1", minute: 1, .disabled)]
    let soon = Self.opening.addingTimeInterval(10 * 60)
    #expect(policy.next(among: waiting, groups: ["A"], priorityStreak: 1, now: soon)?.id == "p1")
    #expect(policy.next(among: waiting, groups: ["A"], priorityStreak: 2, now: soon)?.id == "a1")
    let late = Self.opening.addingTimeInterval(31 * 60)
    #expect(policy.next(among: waiting, groups: ["A"], priorityStreak: 0, now: late)?.id == "a1")
  }

  @Test("a policy out of range names its field")
  func problems() {
    let fields = QueuePolicy(maxPriorityInARow: 0, maxOrdinaryWait: 60).problems().map(\.field)
    #expect(fields == ["max_priority_in_a_row", "max_ordinary_wait"])
    #expect(QueuePolicy().problems().isEmpty)
  }
}
