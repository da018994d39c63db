import Foundation

/// 人流、排队与办理数据: waiting and service times per group, window and hour, the no-show rate and how
/// appointments were used, over the tickets and bookings of a period.
public struct HallFigures: Sendable {
  public struct Line: Sendable, Hashable {
    public let key: String
    public var tickets = 0
    public var served = 0
    public var noShows = 0
    public var transferred = 0
    var waits: [TimeInterval] = []
    var services: [TimeInterval] = []

    public var averageWait: TimeInterval? { waits.isEmpty ? nil : waits.reduce(0, +) / Double(waits.count) }
    public var longestWait: TimeInterval? { waits.max() }
    public var averageService: TimeInterval? {
      services.isEmpty ? nil : services.reduce(0, +) / Double(services.count)
    }
    /// No-shows among the tickets that ended (served, no-show, transferred).
    public var noShowRate: Double? {
      let ended = served + noShows + transferred
      return ended == 0 ? nil : Double(noShows) / Double(ended)
    }

    mutating func add(_ ticket: Ticket) {
      tickets += 1
      switch ticket.state {
      case .served: served += 1
      case .noShow: noShows += 1
      case .transferred: transferred += 1
      default: break
      }
      if let wait = ticket.waited { waits.append(wait) }
      if let service = ticket.served { services.append(service) }
    }
  }

  public struct AppointmentUse: Sendable, Hashable {
    public var booked = 0
    public var cancelled = 0
    public var checkedIn = 0
    /// Bookings of days already over that nobody checked in for.
    public var missed = 0

    /// Checked in among the bookings not cancelled whose day has come.
    public var useRate: Double? {
      let due = checkedIn + missed
      return due == 0 ? nil : Double(checkedIn) / Double(due)
    }
  }

  public let all: Line
  public let byGroup: [Line]
  public let byWindow: [Line]
  /// By the hour (in the site's time zone) the ticket was taken, "08" … "17".
  public let byHour: [Line]
  public let appointments: AppointmentUse

  public init(tickets: [Ticket], appointments: [Appointment], today: CivilDate, timeZone: TimeZone) {
    var all = Line(key: "")
    var groups: [String: Line] = [:]
    var windows: [String: Line] = [:]
    var hours: [String: Line] = [:]
    for ticket in tickets {
      all.add(ticket)
      groups[ticket.groupCode, default: Line(key: ticket.groupCode)].add(ticket)
      if let window = ticket.windowID { windows[window, default: Line(key: window)].add(ticket) }
      let seconds = Int(ticket.takenAt.timeIntervalSince1970) + timeZone.secondsFromGMT(for: ticket.takenAt)
      let hour = (seconds % 86_400 + 86_400) % 86_400 / 3600
      let key = hour < 10 ? "0\(hour)" : "\(hour)"
      hours[key, default: Line(key: key)].add(ticket)
    }
    var use = AppointmentUse()
    for appointment in appointments {
      use.booked += 1
      switch appointment.state {
      case .cancelled: use.cancelled += 1
      case .checkedIn: use.checkedIn += 1
      case .booked: if appointment.day < today { use.missed += 1 }
      }
    }
    self.all = all
    byGroup = groups.values.sorted { $0.key < $1.key }
    byWindow = windows.values.sorted { $0.key < $1.key }
    byHour = hours.values.sorted { $0.key < $1.key }
    self.appointments = use
  }
}
