import Foundation

/// 取号: one person's place in a hall queue, from taking it to its end (served, transferred or no-show).
public struct Ticket: Sendable, Hashable, Codable, Identifiable {
  public let id: String
  public let siteID: String
  /// The site's day the ticket was taken on; numbers restart each day.
  public let day: CivilDate
  public var groupCode: String
  /// As printed and called: the group letter and the day's sequence, e.g. A001. A transferred ticket keeps it.
  public let number: String
  public let channel: TicketChannel
  public let priority: PriorityReason?
  public let itemCode: String?
  /// Masked on every screen; kept for the appointment it came from and for SMS later.
  public let phone: String?
  public let appointmentID: String?
  /// Queue order: the first taking, kept across a transfer so nobody goes to the back of the line.
  public let takenAt: Date
  /// Set by a transfer to one window: only that window may call the ticket.
  public var targetWindowID: String?
  /// The ticket this one continues after a transfer.
  public let transferredFrom: String?
  public var state: TicketState
  public var windowID: String?
  public var staffID: String?
  public var calls: Int
  public var calledAt: Date?
  public var startedAt: Date?
  public var endedAt: Date?
  /// The case the service produced (办结关联办件).
  public var caseNumber: String?
  /// 评价器: 1–5, once, after the service.
  public var rating: Int?

  public init(
    id: String, siteID: String, day: CivilDate, groupCode: String, number: String, channel: TicketChannel,
    priority: PriorityReason?, itemCode: String? = nil, phone: String? = nil, appointmentID: String? = nil,
    takenAt: Date, targetWindowID: String? = nil, transferredFrom: String? = nil
  ) {
    self.id = id
    self.siteID = siteID
    self.day = day
    self.groupCode = groupCode
    self.number = number
    self.channel = channel
    self.priority = priority
    self.itemCode = itemCode
    self.phone = phone
    self.appointmentID = appointmentID
    self.takenAt = takenAt
    self.targetWindowID = targetWindowID
    self.transferredFrom = transferredFrom
    state = .waiting
    calls = 0
  }

  /// What a clerk at `windowID` does with the ticket now; the state and counters move, or nothing changes and the
  /// error names the state. Calling is `QueuePolicy`'s choice and the store's atomic update, not this.
  public mutating func apply(_ action: TicketAction, at windowID: String, policy: QueuePolicy, now: Date)
    throws(ValidationError)
  {
    guard self.windowID == windowID else {
      throw ValidationError(field: "ticket", zh: "这张号不在本窗口", en: "This ticket is not at your window")
    }
    switch (action, state) {
    case (.recall, .called):
      calls += 1
      calledAt = now
    case (.start, .called):
      state = .serving
      startedAt = now
    case (.finish(let caseNumber), .serving):
      state = .served
      endedAt = now
      self.caseNumber = caseNumber
    case (.noShow, .called):
      guard calls >= policy.noShowAfterCalls else {
        throw ValidationError(
          field: "ticket", zh: "已呼叫 \(calls) 次，满 \(policy.noShowAfterCalls) 次才能过号",
          en: "Called \(calls) times; no-show needs \(policy.noShowAfterCalls)")
      }
      state = .noShow
      endedAt = now
    case (.transfer, .called), (.transfer, .serving):
      state = .transferred
      endedAt = now
    default:
      throw ValidationError(
        field: "ticket", zh: "\(number) 当前\(state.name.zh)，不能\(action.name.zh)",
        en: "\(number) is \(state.name.en.lowercased()); cannot \(action.name.en.lowercased())")
    }
  }

  /// The ticket that continues a transfer in `group` (or at one window): same number and place in line.
  public func continued(id: String, in group: String, window: String?) -> Ticket {
    Ticket(
      id: id, siteID: siteID, day: day, groupCode: group, number: number, channel: channel, priority: priority,
      itemCode: itemCode, phone: phone, appointmentID: appointmentID, takenAt: takenAt, targetWindowID: window,
      transferredFrom: self.id)
  }

  public var waited: TimeInterval? { calledAt.map { $0.timeIntervalSince(takenAt) } }
  public var served: TimeInterval? {
    guard let startedAt, let endedAt, state == .served else { return nil }
    return endedAt.timeIntervalSince(startedAt)
  }
}

public enum TicketState: String, Sendable, Codable, CaseIterable {
  case waiting
  case called
  case serving
  case served
  case transferred
  case noShow = "no_show"

  public var isOver: Bool { self == .served || self == .transferred || self == .noShow }

  public var name: LocalizedText {
    switch self {
    case .waiting: LocalizedText(zh: "等候中", en: "Waiting")
    case .called: LocalizedText(zh: "已呼叫", en: "Called")
    case .serving: LocalizedText(zh: "办理中", en: "Being served")
    case .served: LocalizedText(zh: "已办结", en: "Served")
    case .transferred: LocalizedText(zh: "已转移", en: "Transferred")
    case .noShow: LocalizedText(zh: "已过号", en: "No-show")
    }
  }
}

/// Where a ticket was taken.
public enum TicketChannel: String, Sendable, Codable, CaseIterable {
  case kiosk
  case portal
  case clerk
  case appointment

  public var name: LocalizedText {
    switch self {
    case .kiosk: LocalizedText(zh: "取号机", en: "Kiosk")
    case .portal: LocalizedText(zh: "网上取号", en: "Online")
    case .clerk: LocalizedText(zh: "窗口代取", en: "By a clerk")
    case .appointment: LocalizedText(zh: "预约签到", en: "Appointment check-in")
    }
  }
}

/// A clerk's step on the ticket at their window.
public enum TicketAction: Sendable, Hashable {
  case recall
  case start
  case finish(caseNumber: String?)
  case noShow
  case transfer

  public var name: LocalizedText {
    switch self {
    case .recall: LocalizedText(zh: "重呼", en: "Call again")
    case .start: LocalizedText(zh: "开始办理", en: "Start")
    case .finish: LocalizedText(zh: "办结", en: "Finish")
    case .noShow: LocalizedText(zh: "过号", en: "Mark no-show")
    case .transfer: LocalizedText(zh: "转移", en: "Transfer")
    }
  }
}
