import Foundation
import OneWindowDomain

/// The due date explained in words, for the case page and the API.
enum DeadlineText {
  static func explain(_ c: ServiceCase, status: DeadlineStatus?, rule: DeadlineRule, language: Language) -> String {
    guard let start = c.clockStart else {
      return language == .zh ? "尚未受理，时限未开始计算。" : "Not accepted yet; the clock has not started."
    }
    let startDay = rule.civilDate(of: start).iso
    let escalated = c.state == .escalated || !c.handovers.isEmpty && c.clockStart != c.acceptedAt
    guard let status, let due = status.due else {
      if c.state.isTerminal || c.state == .decided {
        return language == .zh ? "已作出决定或已办结，不再计时。" : "Decided or closed; the clock no longer runs."
      }
      return language == .zh
        ? "\(startDay) 起算，现处于特别程序或补正，计时暂停。" : "Counting from \(startDay); paused for a special procedure."
    }
    let dueDay = rule.civilDate(of: due).iso
    if language == .zh {
      let origin = escalated ? "上报上级部门之日" : "受理之日"
      let pause = status.pausedWorkdays > 0 ? "，扣除特别程序/补正 \(status.pausedWorkdays) 个工作日" : ""
      return c.limitDays == 0
        ? "即办件，应于受理当日（\(dueDay)）办结。"
        : "\(origin) \(startDay) 不计入，自次一工作日起算 \(c.limitDays) 个工作日（节假日不计、调休上班日计入）\(pause)，"
          + "应于 \(dueDay) 24 时前办结。"
    }
    let pause = status.pausedWorkdays > 0 ? ", plus \(status.pausedWorkdays) working days paused" : ""
    return c.limitDays == 0
      ? "Immediate item: due the day it was accepted (\(dueDay))."
      : "\(c.limitDays) working days counted from the working day after \(startDay) (holidays excluded, make-up days included)\(pause): due by the end of \(dueDay)."
  }
}
