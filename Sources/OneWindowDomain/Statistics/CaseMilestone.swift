import Foundation

/// The moments of a case the statistics count, each read off one trail event: it was filed (left the draft), accepted,
/// or came to an end. Counting events rather than cases is what lets the rollup add each event once, in the order the
/// trail was written, and never revisit a case.
public enum CaseMilestone: String, Sendable, Hashable, CaseIterable {
  case filed
  case accepted
  case ended

  /// The milestones one event marks (an application refused at once is filed and ended by one event).
  public static func of(step: CaseStep, from: CaseState?, to: CaseState) -> [CaseMilestone] {
    var marks: [CaseMilestone] = []
    let wasDraft = from == nil || from == .draft
    if wasDraft, to != .draft, to != .withdrawn { marks.append(.filed) }
    if step == .accept { marks.append(.accepted) }
    if to.isTerminal, !(from?.isTerminal ?? false), !(wasDraft && to == .withdrawn) { marks.append(.ended) }
    return marks
  }
}

extension CaseTally {
  /// What `milestone` of `serviceCase` adds. `windowKind` is the kind of the window the case was taken in at, when
  /// known; `rule` is the county's clock.
  public static func contribution(
    of milestone: CaseMilestone, _ serviceCase: ServiceCase, windowKind: WindowKind?, rule: DeadlineRule
  ) -> CaseTally {
    var tally = CaseTally()
    switch milestone {
    case .filed:
      tally.filed = 1
      switch serviceCase.channel {
      case .online, .mobile: tally.filedOnline = 1
      case .proxy: tally.filedByProxy = 1
      case .window, .kiosk, .bank: tally.filedOnSite = 1
      }
    case .accepted:
      tally.accepted = 1
      if let windowKind {
        tally.acceptedAtWindow = 1
        if windowKind == .general || windowKind == .domain { tally.acceptedAtGeneralWindow = 1 }
      }
    case .ended:
      tally.ended = 1
      switch serviceCase.state {
      case .refused: tally.refused = 1
      case .withdrawn: tally.withdrawn = 1
      default: tally.addConclusion(of: serviceCase, rule: rule)
      }
    }
    return tally
  }

  private mutating func addConclusion(of serviceCase: ServiceCase, rule: DeadlineRule) {
    concluded = 1
    if serviceCase.decision?.approved == true { approved = 1 }
    let visitCount = CaseVisits.count(serviceCase)
    visits = visitCount
    if visitCount == 0 { noVisit = 1 }
    if !CaseVisits.pickedUp(serviceCase) { deliveredRemotely = 1 }
    corrections = serviceCase.notices.count
    guard let accepted = serviceCase.acceptedAt else { return }
    let decidedAt = serviceCase.decision?.at ?? serviceCase.concludedAt ?? accepted
    let acceptedDay = rule.civilDate(of: accepted)
    let decidedDay = rule.civilDate(of: decidedAt)
    let paused = serviceCase.pauses.filter { $0.start >= accepted }.reduce(0) { $0 + rule.pausedWorkdays($1) }
    let days = max(0, rule.calendar.workdays(after: acceptedDay, through: decidedDay) - paused)
    workingDays = days
    workingDayBuckets[WorkingDayBuckets.index(of: days)] = 1
    if decidedDay == acceptedDay { decidedSameDay = 1 }
    // An escalation starts a new clock (`clockStart`); the due date is the running clock's.
    let dueDay = rule.dueDate(
      acceptedAt: serviceCase.clockStart ?? accepted, limitDays: serviceCase.limitDays,
      pauses: serviceCase.clockPauses)
    if decidedDay < dueDay { decidedEarly = 1 }
    if decidedAt > rule.endOfDay(dueDay) { decidedLate = 1 }
  }
}

/// 跑动次数: how many times the applicant had to come to a site for a case, as far as the case records it. Filing at a
/// window, kiosk or bank point is one visit and each correction notice on such a case one more (the applicant brings
/// the materials back); picking the result up at a window is one. Online applications and a proxy agent's (the
/// agent, not the resident, carries the papers: seed 003) add no visit of their own.
public enum CaseVisits {
  public static func count(_ serviceCase: ServiceCase) -> Int {
    var visits = 0
    switch serviceCase.channel {
    case .window, .kiosk, .bank: visits += 1 + serviceCase.notices.count
    case .online, .mobile, .proxy: break
    }
    if serviceCase.state == .concluded, pickedUp(serviceCase) { visits += 1 }
    return visits
  }

  /// Whether the result was (or is to be) handed over at a window: how it was delivered, else how it was planned.
  static func pickedUp(_ serviceCase: ServiceCase) -> Bool {
    switch serviceCase.delivery {
    case .pickup?: return true
    case .mail?, .electronic?: return false
    case nil:
      if case .pickup = serviceCase.resultDelivery { return true }
      return false
    }
  }
}
