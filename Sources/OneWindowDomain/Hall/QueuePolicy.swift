import Foundation

/// Why a ticket goes in the priority lane (绿色通道).
public enum PriorityReason: String, Sendable, Codable, CaseIterable {
  case elderly
  case disabled
  case pregnant
  /// An appointment holder checked in within their slot.
  case appointment

  public var name: LocalizedText {
    switch self {
    case .elderly: LocalizedText(zh: "老年人", en: "Elderly")
    case .disabled: LocalizedText(zh: "残疾人", en: "Disabled")
    case .pregnant: LocalizedText(zh: "孕妇", en: "Pregnant")
    case .appointment: LocalizedText(zh: "预约", en: "Appointment")
    }
  }
}

/// A waiting ticket as the calling policy sees it.
public struct WaitingTicket: Sendable, Hashable {
  public let id: String
  public let groupCode: String
  /// Order of taking within the day (earlier first).
  public let takenAt: Date
  public let priority: PriorityReason?

  public init(id: String, groupCode: String, takenAt: Date, priority: PriorityReason?) {
    self.id = id
    self.groupCode = groupCode
    self.takenAt = takenAt
    self.priority = priority
  }
}

/// 叫号规则 the admin sets: the priority lane goes first, but after `maxPriorityInARow` priority calls in a row an
/// ordinary ticket that has waited is called, so the ordinary queue never starves; an ordinary ticket waiting longer
/// than `maxOrdinaryWait` is called before any priority ticket.
public struct QueuePolicy: Sendable, Hashable, Codable {
  public var maxPriorityInARow: Int
  public var maxOrdinaryWait: TimeInterval
  /// 过号: a called ticket may be marked a no-show after this many calls.
  public var noShowAfterCalls: Int

  public init(maxPriorityInARow: Int = 3, maxOrdinaryWait: TimeInterval = 45 * 60, noShowAfterCalls: Int = 3) {
    self.maxPriorityInARow = maxPriorityInARow
    self.maxOrdinaryWait = maxOrdinaryWait
    self.noShowAfterCalls = noShowAfterCalls
  }

  public func problems() -> [ValidationError] {
    var errors: [ValidationError] = []
    if !(1...20).contains(maxPriorityInARow) {
      errors.append(
        ValidationError(
          field: "max_priority_in_a_row", zh: "连续优先叫号次数应为 1–20", en: "Priority calls in a row: 1–20"))
    }
    if !(5 * 60...4 * 3600).contains(maxOrdinaryWait) {
      errors.append(
        ValidationError(
          field: "max_ordinary_wait", zh: "普通号最长等待时间应为 5–240 分钟", en: "Longest ordinary wait: 5–240 minutes"))
    }
    if !(1...10).contains(noShowAfterCalls) {
      errors.append(
        ValidationError(field: "no_show_after_calls", zh: "过号前呼叫次数应为 1–10", en: "Calls before a no-show: 1–10"))
    }
    return errors
  }

  /// The ticket to call next among `waiting` for a window serving `groups`, given how many priority tickets it called
  /// in a row just before (`priorityStreak`). Nil when nobody waits for those groups.
  public func next(
    among waiting: [WaitingTicket], groups: Set<String>, priorityStreak: Int, now: Date
  ) -> WaitingTicket? {
    let mine = waiting.filter { groups.contains($0.groupCode) }.sorted { ($0.takenAt, $0.id) < ($1.takenAt, $1.id) }
    let ordinary = mine.first { $0.priority == nil }
    let priority = mine.first { $0.priority != nil }
    guard let priority else { return ordinary }
    guard let ordinary else { return priority }
    if now.timeIntervalSince(ordinary.takenAt) > maxOrdinaryWait { return ordinary }
    return priorityStreak >= maxPriorityInARow ? ordinary : priority
  }
}

/// 票号: the group's letter and the day's sequence, e.g. A001, B014 (three digits, four past 999).
public enum TicketNumber {
  public static func make(group: String, sequence: Int) -> String {
    let digits = String(sequence)
    return group + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
  }
}
