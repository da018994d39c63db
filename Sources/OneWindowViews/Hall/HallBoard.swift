import Foundation
import OneWindowDomain

/// What the hall display shows, as the page renders it and as each live event carries it (JSON): the day's latest
/// calls and where (the newest first), and how many wait in each group. Each event carries the whole board, so a display that missed
/// one is right again with the next.
public struct HallBoard: Sendable, Codable, Hashable {
  public struct Call: Sendable, Codable, Hashable {
    public let ticketID: String
    public let number: String
    public let groupCode: String
    public let windowID: String
    public let windowNumber: String
    public let windowName: String
    public let serving: Bool
    /// Served, transferred or missed since: shown dimmed among the recent calls.
    public let done: Bool
    public let calls: Int
    /// What the display says aloud, e.g. "请 A零零一 号到 3 号窗口办理".
    public let speech: String
    /// Who called the ticket, by name: the person really serving at the window (驻厅管理), shown on the display.
    public var clerk: String?

    public init(ticket: Ticket, window: Window) {
      ticketID = ticket.id
      number = ticket.number
      groupCode = ticket.groupCode
      windowID = window.id
      windowNumber = window.number
      windowName = window.name
      serving = ticket.state == .serving
      done = ![.called, .serving].contains(ticket.state)
      calls = ticket.calls
      speech = HallSpeech.call(number: ticket.number, window: window.number)
    }
  }

  public struct Queue: Sendable, Codable, Hashable {
    public let code: String
    public let name: String
    public let waiting: Int

    public init(code: String, name: String, waiting: Int) {
      self.code = code
      self.name = name
      self.waiting = waiting
    }
  }

  public let siteID: String
  public let siteName: String
  public let calls: [Call]
  public let queues: [Queue]
  /// When the board was read (ms since 1970); a display keeps the newest board it has seen.
  public let builtAt: Int64

  public init(siteID: String, siteName: String, calls: [Call], queues: [Queue], builtAt: Date) {
    self.siteID = siteID
    self.siteName = siteName
    self.calls = calls
    self.queues = queues
    self.builtAt = Int64((builtAt.timeIntervalSince1970 * 1000).rounded())
  }
}

/// One live event of a site's hall: the board after the change, and what happened (a call to announce, a service
/// finished at a window — the evaluation pad's cue).
public struct HallUpdate: Sendable, Codable {
  public let kind: String
  public let windowID: String?
  public let ticketID: String?
  public let announce: HallBoard.Call?
  public let board: HallBoard

  public init(kind: String, windowID: String?, ticketID: String?, announce: HallBoard.Call?, board: HallBoard) {
    self.kind = kind
    self.windowID = windowID
    self.ticketID = ticketID
    self.announce = announce
    self.board = board
  }
}

/// Spoken calls: digits read one by one (A001 → A零零一), the window by its number.
public enum HallSpeech {
  static let digits = Array("零一二三四五六七八九")

  public static func call(number: String, window: String) -> String {
    let spoken = String(number.map { $0.wholeNumberValue.map { digits[$0] } ?? $0 })
    let windowNumber = Int(window).map(String.init) ?? window
    return "请 \(spoken) 号到 \(windowNumber) 号窗口办理"
  }
}
