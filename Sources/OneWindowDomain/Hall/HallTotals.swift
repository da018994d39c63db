import Foundation

/// The hall's figures of a period as sums — what the statistics read (平均等候时长, 平均办理时长, 过号率, 预约履约率).
/// Sums add up: the daily rollup's days and today's tickets make one period's totals (`HallFigures` keeps every
/// ticket's times, for one site and day).
public struct HallTotals: Sendable, Hashable {
  public var tickets = 0
  public var served = 0
  public var noShows = 0
  public var transferred = 0
  /// Tickets called, and their waits (taken → called) summed.
  public var waited = 0
  public var waitSeconds: Double = 0
  /// Tickets served with a start and an end, and those services summed.
  public var serviced = 0
  public var serviceSeconds: Double = 0
  /// Bookings not cancelled whose day has come: checked in, or missed.
  public var checkedIn = 0
  public var missed = 0

  public init() {}

  /// The totals of tickets and bookings read whole.
  public init(_ figures: HallFigures) {
    let all = figures.all
    tickets = all.tickets
    served = all.served
    noShows = all.noShows
    transferred = all.transferred
    waited = all.waits.count
    waitSeconds = all.waits.reduce(0, +)
    serviced = all.services.count
    serviceSeconds = all.services.reduce(0, +)
    checkedIn = figures.appointments.checkedIn
    missed = figures.appointments.missed
  }

  public var averageWait: TimeInterval? { waited == 0 ? nil : waitSeconds / Double(waited) }
  public var averageService: TimeInterval? { serviced == 0 ? nil : serviceSeconds / Double(serviced) }
  /// No-shows among the tickets that ended (served, no-show, transferred).
  public var noShowRate: FigureValue { .ratio(noShows, served + noShows + transferred) }
  /// Checked in among the bookings not cancelled whose day has come.
  public var appointmentUseRate: FigureValue { .ratio(checkedIn, checkedIn + missed) }

  public static func + (a: HallTotals, b: HallTotals) -> HallTotals {
    var sum = a
    sum.tickets += b.tickets
    sum.served += b.served
    sum.noShows += b.noShows
    sum.transferred += b.transferred
    sum.waited += b.waited
    sum.waitSeconds += b.waitSeconds
    sum.serviced += b.serviced
    sum.serviceSeconds += b.serviceSeconds
    sum.checkedIn += b.checkedIn
    sum.missed += b.missed
    return sum
  }
}
