import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 叫号 from the window workbench: call next, call again, start, finish (with the case), transfer, no-show. Each
/// step answers with the workbench again (303), or with the workbench and the reason when it is refused (422).
enum HallDeskController {
  /// The calling controls for the workbench, or nil when the clerk holds no post at a window with a queue.
  static func panel(
    _ staff: StaffIdentity, today: [(ServiceCase, DeadlineStatus?)], error: ValidationError?, _ req: Request
  ) async throws -> CallPanel.Model? {
    guard Authorization.can(staff, .callTickets), let duty = try await HallService.duty(staff, windowID: nil, req)
    else { return nil }
    let setup = try await HallService.setup(duty.window.siteID, req)
    let groups = setup.groups(of: duty.window.id)
    guard !groups.isEmpty else { return nil }
    let day = try await HallService.day(req)
    let repository = HallRepository(req.database)
    let current = try await repository.current(window: duty.window.id, day: day)
    let suggested = current?.startedAt.flatMap { started in
      today.map(\.0).filter { $0.receivedBy == staff.id && $0.createdAt >= started }.max {
        $0.createdAt < $1.createdAt
      }?
      .number
    }
    var model = CallPanel.Model(
      window: duty.window, post: duty.post, groups: groups, siteGroups: setup.groups,
      siteWindows: setup.windows.filter { window in setup.groups.contains { $0.windowIDs.contains(window.id) } },
      current: current, waiting: try await repository.waitingCounts(site: duty.window.siteID, day: day),
      policy: setup.policy, suggestedCase: suggested, error: error)
    // Who serves here by the floor roster (sign-ins, posts, leaves): the same person the display and the pad name.
    if let serving = try await FloorRosterRepository(req.database).serving(
      windows: [duty.window.id], on: day, county: staff.scope.regionCode.county.value)[duty.window.id]
    {
      let name =
        serving.staffID.lowercased() == staff.id.lowercased()
        ? staff.displayName
        : try await StaffRepository(req.database).find(id: serving.staffID)?.identity.displayName ?? ""
      model.serving = .init(
        name: name, basis: serving.basis, isViewer: serving.staffID.lowercased() == staff.id.lowercased())
    }
    return model
  }

  /// `POST /hall/desk/call`
  @Sendable static func call(req: Request) async throws -> Response {
    let staff = try req.authorize(.callTickets)
    let fields = try req.content.decode([String: String].self)
    do {
      guard try await callNext(staff, windowID: fields["window_id"], req) != nil else {
        throw ValidationError(field: "ticket", zh: "当前没有等候的号", en: "Nobody is waiting")
      }
      return req.redirect(to: Links.window)
    } catch let error as ValidationError {
      return try await refused(staff, error, req)
    }
  }

  /// Calls the next ticket for the clerk's window and tells the hall; nil when nobody waits.
  static func callNext(_ staff: StaffIdentity, windowID: String?, _ req: Request) async throws -> Ticket? {
    guard let duty = try await HallService.duty(staff, windowID: windowID, req) else {
      throw ValidationError(field: "window_id", zh: "您没有窗口的 A/B 岗，不能叫号", en: "You hold no window post")
    }
    let setup = try await HallService.setup(duty.window.siteID, req)
    let site = try await HallService.site(duty.window.siteID, req)
    let ticket = try await HallRepository(req.database).callNext(
      window: duty.window.id, groups: setup.groups(of: duty.window.id).map(\.code), staffID: staff.id,
      site: duty.window.siteID, day: try await HallService.day(req), policy: setup.policy, now: req.now)
    guard let ticket else { return nil }
    await HallService.publish("called", ticket: ticket, site: site, req)
    return ticket
  }

  /// `POST /hall/desk/take`: 代取号 — a clerk takes a ticket for a visitor (the guide desk, someone who cannot use the
  /// kiosk), in any group of the site, in the priority lane when the clerk sees the need.
  @Sendable static func take(req: Request) async throws -> Response {
    let staff = try req.authorize(.callTickets)
    let fields = try req.content.decode([String: String].self)
    do {
      guard let duty = try await HallService.duty(staff, windowID: fields["window_id"], req) else {
        throw ValidationError(field: "window_id", zh: "您没有窗口的 A/B 岗", en: "You hold no window post")
      }
      let site = try await HallService.site(duty.window.siteID, req)
      let ticket = try await HallPagesController.takeTicket(
        site, group: fields["group"], priority: fields["priority"], itemCode: nil, phone: nil, channel: .clerk, req)
      return req.redirect(to: Links.ticket(ticket.id))
    } catch let error as ValidationError {
      return try await refused(staff, error, req)
    }
  }

  /// `POST /hall/desk/tickets/{id}/{recall|start|finish|no-show|transfer}`
  @Sendable static func act(req: Request) async throws -> Response {
    let staff = try req.authorize(.callTickets)
    let fields = try req.content.decode([String: String].self)
    do {
      _ = try await act(
        staff, ticketID: req.parameters.get("id") ?? "", action: req.parameters.get("action") ?? "", fields: fields, req
      )
      return req.redirect(to: Links.window)
    } catch let error as ValidationError {
      return try await refused(staff, error, req)
    }
  }

  /// One step on a ticket at the clerk's window, with the transfer target (`group:B`, `window:ID`) or the case number
  /// from `fields`; tells the hall.
  static func act(
    _ staff: StaffIdentity, ticketID: String, action name: String, fields: [String: String], _ req: Request
  ) async throws -> (ticket: Ticket, continued: Ticket?) {
    guard let duty = try await HallService.duty(staff, windowID: fields["window_id"], req) else {
      throw ValidationError(field: "window_id", zh: "您没有窗口的 A/B 岗", en: "You hold no window post")
    }
    let setup = try await HallService.setup(duty.window.siteID, req)
    let site = try await HallService.site(duty.window.siteID, req)
    var transferTo: (group: String, window: String?)?
    let action: TicketAction
    switch name {
    case "recall": action = .recall
    case "start": action = .start
    case "no-show": action = .noShow
    case "finish":
      let number = (fields["case_number"] ?? "").trimmingCharacters(in: .whitespaces)
      if !number.isEmpty, try await req.cases(try await req.deadlineRule()).find(number) == nil {
        throw ValidationError(field: "case_number", zh: "没有编号为 \(number) 的办件", en: "No case numbered \(number)")
      }
      action = .finish(caseNumber: number.isEmpty ? nil : number)
    case "transfer":
      let target = fields["transfer_to"] ?? ""
      if target.hasPrefix("group:"), let group = setup.group(String(target.dropFirst(6))) {
        transferTo = (group.code, nil)
      } else if target.hasPrefix("window:"), let window = setup.window(String(target.dropFirst(7))),
        let group = setup.groups(of: window.id).first
      {
        transferTo = (group.code, window.id)
      } else {
        throw ValidationError(field: "transfer_to", zh: "请选择转到的业务分组或窗口", en: "Choose where to transfer")
      }
      action = .transfer
    default: throw AppError.notFound(LocalizedText(zh: "没有这个操作", en: "No such step"))
    }
    let result = try await HallRepository(req.database).act(
      action, ticket: ticketID, window: duty.window.id, policy: setup.policy, transferTo: transferTo,
      county: site.regionCode.county.value,
      now: req.now)
    let kind =
      switch action {
      case .recall: "recalled"
      case .start: "started"
      case .finish: "finished"
      case .noShow: "no-show"
      case .transfer: "transferred"
      }
    await HallService.publish(
      kind, ticket: result.ticket, site: site, req)
    return result
  }

  private static func refused(_ staff: StaffIdentity, _ error: ValidationError, _ req: Request) async throws -> Response
  {
    .html(
      try await WindowController.workbench(req, staff: staff, query: "", lookupError: nil, hallError: error),
      status: .unprocessableEntity)
  }
}
