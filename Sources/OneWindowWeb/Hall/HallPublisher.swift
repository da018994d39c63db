import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// Sends the hall's live events after the clerk or visitor has their answer: a change is queued, and one worker per
/// process builds the board once for all the changes of a site queued meanwhile and publishes them in order. The
/// answer to "call next" does not wait for the displays, and the displays never see events out of order.
final class HallPublisher: Sendable {
  struct Change: Sendable {
    let kind: String
    let ticket: Ticket?
    let site: Site
    let day: CivilDate
  }

  /// How long the worker waits after the first change of a batch; well inside the display's 200 ms budget.
  static let gather: Duration = .milliseconds(10)
  private let pending = NIOLockedValueBox<[Change]>([])
  private let wake: AsyncStream<Void>.Continuation
  private let worker: Task<Void, Never>

  init(application: Application) {
    let (signals, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    let gather = Self.gather
    self.wake = wake
    let pending = pending
    worker = Task {
      for await _ in signals {
        // A moment to gather the changes arriving together (a busy hall): one board read serves them all.
        try? await Task.sleep(for: gather)
        let batch = pending.withLockedValue { queued in
          defer { queued = [] }
          return queued
        }
        await Self.send(batch, application)
      }
      // Finished: send what was queued before the stream ended.
      await Self.send(pending.withLockedValue { $0 }, application)
    }
  }

  func enqueue(_ change: Change) {
    pending.withLockedValue { $0.append(change) }
    wake.yield()
  }

  /// Sends what is queued and stops (application shutdown).
  func finish() async {
    wake.finish()
    await worker.value
  }

  private static func send(_ batch: [Change], _ app: Application) async {
    var order: [String] = []
    var bySite: [String: [Change]] = [:]
    for change in batch {
      if bySite[change.site.id] == nil { order.append(change.site.id) }
      bySite[change.site.id, default: []].append(change)
    }
    for siteID in order {
      guard let changes = bySite[siteID], let first = changes.first else { continue }
      do {
        let setup = try await app.lookups.hall(siteID, db: app.db, now: app.now())
        let board = try await HallService.board(
          first.site, day: first.day, setup: setup, db: app.db, lookups: app.lookups, now: app.now())
        // Every change a screen acts on (a call to announce, a service the pad asks about) goes out; of the rest only
        // the last, since each carries the same board.
        let kept = changes.enumerated().filter { index, change in
          index == changes.count - 1 || ["called", "recalled", "finished"].contains(change.kind)
        }.map(\.element)
        for change in kept {
          var announce: HallBoard.Call?
          if change.kind == "called" || change.kind == "recalled", let ticket = change.ticket,
            let window = ticket.windowID.flatMap(setup.window)
          {
            announce = HallBoard.Call(ticket: ticket, window: window)
          }
          let update = HallUpdate(
            kind: change.kind, windowID: change.ticket?.windowID, ticketID: change.ticket?.id, announce: announce,
            board: board)
          let payload = String(decoding: try JSONEncoder().encode(update), as: UTF8.self)
          try await app.events.publish(HallService.topic(siteID), payload, on: app.db)
        }
      } catch {
        // The changes are committed; the next event (or a page load) brings the screens right.
        app.logger.warning("hall events for \(siteID) not sent: \(error)")
      }
    }
  }
}
