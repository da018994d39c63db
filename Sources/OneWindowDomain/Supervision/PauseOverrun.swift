import Foundation

extension ServiceCase {
  /// The working day a special procedure was planned to end on (its start plus the planned working days), for a case
  /// paused now with a planned length; nil when it is not paused or no length was given.
  public func plannedResumption(_ rule: DeadlineRule) -> CivilDate? {
    guard state == .suspended, let pause = pauses.last(where: { $0.end == nil }),
      let planned = pause.plannedWorkdays
    else { return nil }
    return rule.calendar.workday(planned, after: rule.civilDate(of: pause.start))
  }

  /// Whether the open pause has run past its planned end on `today` (挂起超期).
  public func isPausedLongerThanPlanned(_ rule: DeadlineRule, today: CivilDate) -> Bool {
    plannedResumption(rule).map { today > $0 } ?? false
  }
}
