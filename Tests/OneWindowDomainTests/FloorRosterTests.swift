import Foundation
import OneWindowDomain
import Testing

@Suite("Who really serves at a window (驻厅管理)")
struct FloorRosterTests {
  let day = CivilDate(iso: "2026-11-24")!
  var posts: [DutyAssignment] {
    [
      DutyAssignment(id: "1", windowID: "w1", staffID: "A", post: .a, startsOn: CivilDate(iso: "2026-01-01")!),
      DutyAssignment(id: "2", windowID: "w1", staffID: "B", post: .b, startsOn: CivilDate(iso: "2026-01-01")!),
      // A post that ended yesterday does not count.
      DutyAssignment(
        id: "3", windowID: "w1", staffID: "OLD", post: .a, startsOn: CivilDate(iso: "2025-01-01")!,
        endsOn: CivilDate(iso: "2025-12-31")!),
    ]
  }
  func leave(_ staff: String, standIn: String? = nil) -> StaffLeave {
    StaffLeave(id: staff, staffID: staff, firstDay: day, lastDay: day, standInID: standIn, reason: "病假")
  }
  func serving(leaves: [StaffLeave] = [], signIns: [WindowSignIn] = []) -> String? {
    FloorRoster.serving(window: "w1", on: day, posts: posts, leaves: leaves, signIns: signIns).map {
      "\($0.staffID)/\($0.basis.rawValue)"
    }
  }

  @Test("the A post serves; away, the named stand-in, else the B post; both away, nobody")
  func posts_() {
    #expect(serving() == "A/aPost")
    #expect(serving(leaves: [leave("A", standIn: "C")]) == "C/standIn")
    #expect(serving(leaves: [leave("A")]) == "B/bPost")
    #expect(serving(leaves: [leave("A", standIn: "C"), leave("C")]) == "B/bPost")
    #expect(serving(leaves: [leave("A"), leave("B")]) == nil)
    // a leave that ended yesterday changes nothing
    var past = leave("A", standIn: "C")
    past.firstDay = CivilDate(iso: "2026-11-20")!
    past.lastDay = CivilDate(iso: "2026-11-23")!
    #expect(serving(leaves: [past]) == "A/aPost")
  }

  @Test("whoever signed in last at the window serves, unless they are on leave")
  func signIns() {
    let morning = Date(timeIntervalSince1970: 1_795_000_000)
    let signIns = [
      WindowSignIn(windowID: "w1", staffID: "B", day: day, at: morning),
      WindowSignIn(windowID: "w1", staffID: "D", day: day, at: morning.addingTimeInterval(3600)),
      WindowSignIn(windowID: "w2", staffID: "E", day: day, at: morning.addingTimeInterval(7200)),
    ]
    #expect(serving(signIns: signIns) == "D/signedIn")
    #expect(serving(leaves: [leave("D")], signIns: signIns) == "B/signedIn")
    let yesterday = [WindowSignIn(windowID: "w1", staffID: "D", day: CivilDate(iso: "2026-11-23")!, at: morning)]
    #expect(serving(signIns: yesterday) == "A/aPost")
  }

  @Test("a leave names its fields: who, the days in order, a stand-in other than the person, the reason")
  func leaveProblems() {
    let bad = StaffLeave(
      id: "x", staffID: "A", firstDay: day, lastDay: CivilDate(iso: "2026-11-20")!, standInID: "A", reason: " ")
    #expect(Set(bad.problems().map(\.field)) == ["last_day", "stand_in_id", "reason"])
    #expect(leave("A", standIn: "B").problems().isEmpty)
  }
}
