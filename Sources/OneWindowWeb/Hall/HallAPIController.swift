import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// The hall under `/api/v1/hall`: take a ticket (kiosk devices, the portal app), call and work tickets at a window
/// (staff tokens), the day's tickets of a site, and the display board.
enum HallAPIController {
  struct TicketJSON: Content {
    let id: String
    let number: String
    let siteID: String
    let day: String
    let group: String
    let state: String
    let channel: String
    let priority: String?
    let itemCode: String?
    let takenAt: Date
    let calledAt: Date?
    let startedAt: Date?
    let endedAt: Date?
    let windowID: String?
    let targetWindowID: String?
    let calls: Int
    let caseNumber: String?
    let transferredFrom: String?

    init(_ ticket: Ticket) {
      id = ticket.id
      number = ticket.number
      siteID = ticket.siteID
      day = ticket.day.iso
      group = ticket.groupCode
      state = ticket.state.rawValue
      channel = ticket.channel.rawValue
      priority = ticket.priority?.rawValue
      itemCode = ticket.itemCode
      takenAt = ticket.takenAt
      calledAt = ticket.calledAt
      startedAt = ticket.startedAt
      endedAt = ticket.endedAt
      windowID = ticket.windowID
      targetWindowID = ticket.targetWindowID
      calls = ticket.calls
      caseNumber = ticket.caseNumber
      transferredFrom = ticket.transferredFrom
    }

    enum CodingKeys: String, CodingKey {
      case id, number, day, group, state, channel, priority, calls
      case siteID = "site_id"
      case itemCode = "item_code"
      case takenAt = "taken_at"
      case calledAt = "called_at"
      case startedAt = "started_at"
      case endedAt = "ended_at"
      case windowID = "window_id"
      case targetWindowID = "target_window_id"
      case caseNumber = "case_number"
      case transferredFrom = "transferred_from"
    }
  }

  struct StepJSON: Content {
    let ticket: TicketJSON
    let continued: TicketJSON?
  }

  struct TakeBody: Content {
    let group: String?
    let priority: String?
    let itemCode: String?
    let phone: String?

    enum CodingKeys: String, CodingKey {
      case group, priority, phone
      case itemCode = "item_code"
    }
  }

  /// `POST /api/v1/hall/sites/{site}/tickets`
  @Sendable static func take(req: Request) async throws -> Response {
    let site = try await HallService.site(req.parameters.get("site") ?? "", req)
    let body = try req.content.decode(TakeBody.self)
    let channel: TicketChannel = req.staff == nil ? .portal : .clerk
    if req.staff == nil { try req.limitByAddress("tickets", \.tickets) }
    let ticket = try await HallPagesController.takeTicket(
      site, group: body.group, priority: body.priority, itemCode: body.itemCode, phone: body.phone, channel: channel,
      req)
    return try await TicketJSON(ticket).encodeResponse(status: .created, for: req)
  }

  /// `POST /api/v1/hall/windows/{window}/call`: 200 with the ticket called, 204 when nobody waits.
  @Sendable static func call(req: Request) async throws -> Response {
    let staff = try req.authorize(.callTickets)
    guard let ticket = try await HallDeskController.callNext(staff, windowID: req.parameters.get("window"), req) else {
      return Response(status: .noContent)
    }
    return try await TicketJSON(ticket).encodeResponse(for: req)
  }

  /// `POST /api/v1/hall/tickets/{id}/{recall|start|finish|no-show|transfer}`
  @Sendable static func step(req: Request) async throws -> StepJSON {
    let staff = try req.authorize(.callTickets)
    let id = req.parameters.get("id") ?? ""
    var fields = (try? req.content.decode([String: String].self)) ?? [:]
    if fields["window_id"] == nil, let ticket = try await HallRepository(req.database).ticket(id) {
      fields["window_id"] = ticket.windowID
    }
    let result = try await HallDeskController.act(
      staff, ticketID: id, action: req.parameters.get("action") ?? "", fields: fields, req)
    return StepJSON(ticket: TicketJSON(result.ticket), continued: result.continued.map(TicketJSON.init))
  }

  /// `GET /api/v1/hall/sites/{site}/tickets?day=YYYY-MM-DD`: every ticket of the day, in order of taking.
  @Sendable static func tickets(req: Request) async throws -> [TicketJSON] {
    let staff = try req.authorize(.callTickets)
    let site = try await HallService.site(req.parameters.get("site") ?? "", req)
    guard staff.scope.covers(Scope(regionCode: site.regionCode, siteID: site.id)) else {
      throw AppError.forbidden(LocalizedText(zh: "该场所不在您的范围内", en: "That site is outside your scope"))
    }
    let day: CivilDate
    if let raw = req.query[String.self, at: "day"] {
      guard let parsed = CivilDate(iso: raw) else {
        throw ValidationError(field: "day", zh: "日期格式应为 YYYY-MM-DD", en: "The day is YYYY-MM-DD")
      }
      day = parsed
    } else {
      day = try await HallService.day(req)
    }
    return try await HallRepository(req.database).tickets(site: site.id, from: day, through: day).map(TicketJSON.init)
  }

  /// `GET /api/v1/hall/sites/{site}/board`: what the display shows now.
  @Sendable static func board(req: Request) async throws -> HallBoard {
    let site = try await HallService.site(req.parameters.get("site") ?? "", req)
    return try await HallService.board(site, day: try await HallService.day(req), req)
  }
}

extension HallBoard: Content {}
