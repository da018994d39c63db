import Fluent
import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// What the hall's pages and API share: the site's day, the window a clerk calls from, the board, and the live
/// events every display and pad of the site receives (across processes, through `EventChannel`).
enum HallService {
  static func topic(_ siteID: String) -> String { "hall:" + siteID }

  /// The site's day (Asia/Shanghai unless configured otherwise): ticket numbers restart with it.
  static func day(_ req: Request) async throws -> CivilDate {
    try await req.deadlineRule().civilDate(of: req.now)
  }

  static func site(_ id: String, _ req: Request) async throws -> Site {
    guard let site = try await req.application.lookups.site(id, db: req.database, now: req.now) else {
      throw AppError.notFound(LocalizedText(zh: "没有这个服务场所", en: "No such site"))
    }
    return site
  }

  /// The sites of this request's county whose hall has business groups (the booking, online-ticket and figures pages
  /// offer these).
  static func hallSites(_ req: Request) async throws -> [Site] {
    let withGroups = try await HallRepository(req.database).sitesWithGroups()
    let county = try await req.county()?.code.value ?? ""
    return try await DirectoryRepository(req.database).sites(county: county).filter { withGroups.contains($0.id) }
  }

  static func setup(_ siteID: String, _ req: Request) async throws -> LookupCache.HallSetup {
    try await req.application.lookups.hall(siteID, db: req.database, now: req.now)
  }

  /// The window the signed-in clerk calls from: one they hold the A or B post of (`windowID` picks among several).
  static func duty(_ staff: StaffIdentity, windowID: String?, _ req: Request) async throws -> (
    window: Window, post: DutyPost
  )? {
    let duties = try await req.application.lookups.duties(of: staff, db: req.database, now: req.now)
    if let windowID, !windowID.isEmpty {
      guard let duty = duties.first(where: { $0.window.id == windowID }) else {
        throw AppError.forbidden(
          LocalizedText(zh: "您不在该窗口的 A/B 岗上，不能在此叫号", en: "You hold no A/B post at that window"))
      }
      return duty
    }
    return duties.first { $0.window.siteID == staff.scope.siteID } ?? duties.first
  }

  static func board(_ site: Site, day: CivilDate, _ req: Request) async throws -> HallBoard {
    try await board(
      site, day: day, setup: try await setup(site.id, req), db: req.database, lookups: req.application.lookups,
      now: req.now)
  }

  static func board(
    _ site: Site, day: CivilDate, setup: LookupCache.HallSetup, db: any Database, lookups: LookupCache, now: Date
  ) async throws -> HallBoard {
    let repository = HallRepository(db)
    let waiting = try await repository.waitingCounts(site: site.id, day: day)
    var calls: [HallBoard.Call] = []
    for ticket in try await repository.recentCalls(site: site.id, day: day) {
      guard let window = ticket.windowID.flatMap(setup.window) else { continue }
      var call = HallBoard.Call(ticket: ticket, window: window)
      call.clerk = try await ticket.staffID.asyncMap { try await lookups.staffName($0, db: db, now: now) } ?? nil
      calls.append(call)
    }
    return HallBoard(
      siteID: site.id, siteName: site.name, calls: calls,
      queues: setup.groups.map { HallBoard.Queue(code: $0.code, name: $0.name, waiting: waiting[$0.code] ?? 0) },
      builtAt: Date())
  }

  /// Tells every display and pad of the site, after this request has its answer (see `HallPublisher`).
  static func publish(_ kind: String, ticket: Ticket?, site: Site, _ req: Request) async {
    do {
      req.application.hallPublisher.enqueue(
        HallPublisher.Change(kind: kind, ticket: ticket, site: site, day: try await day(req)))
    } catch {
      req.logger.warning("hall event not queued: \(error)")
    }
  }

  /// How many wait before `ticket` in its group.
  static func ahead(of ticket: Ticket, _ req: Request) async throws -> Int {
    guard ticket.state == .waiting else { return 0 }
    return try await HallRepository(req.database).ahead(of: ticket)
  }

  static func priority(_ raw: String?) throws(ValidationError) -> PriorityReason? {
    guard let raw, !raw.isEmpty else { return nil }
    guard let reason = PriorityReason(rawValue: raw), reason != .appointment else {
      throw ValidationError(field: "priority", zh: "绿色通道类别无效", en: "Unknown priority lane")
    }
    return reason
  }
}

extension Application {
  private struct EventChannelKey: StorageKey {
    typealias Value = EventChannel
  }

  /// Live events between processes; created in `OneWindow.configure`, closed on shutdown.
  public var events: EventChannel {
    guard let channel = storage[EventChannelKey.self] else { fatalError("OneWindow.configure(_:with:) was not called") }
    return channel
  }

  func use(events: EventChannel) {
    storage[EventChannelKey.self] = events
  }

  private struct HallPublisherKey: StorageKey {
    typealias Value = HallPublisher
  }

  var hallPublisher: HallPublisher {
    guard let publisher = storage[HallPublisherKey.self] else {
      fatalError("OneWindow.configure(_:with:) was not called")
    }
    return publisher
  }

  func use(hallPublisher: HallPublisher) {
    storage[HallPublisherKey.self] = hallPublisher
  }
}

/// Sends the hall events still queued, then closes the `LISTEN` connection, when the application stops.
struct EventChannelLifecycle: LifecycleHandler {
  func shutdownAsync(_ application: Application) async {
    await application.hallPublisher.finish()
    await application.events.shutdown()
  }
}
