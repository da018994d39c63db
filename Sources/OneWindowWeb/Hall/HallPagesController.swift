import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// The hall's public screens: the kiosk (取号、预约签到), the ticket slip, the display (叫号屏) and the evaluation pad
/// at each window (评价器). They run on devices in the hall, without a staff session.
enum HallPagesController {
  /// `GET /hall/sites/{site}/kiosk`
  @Sendable static func kiosk(req: Request) async throws -> HTML {
    let site = try await HallService.site(req.parameters.get("site") ?? "", req)
    return try await kioskPage(site, errors: [], phone: "", req)
  }

  static func kioskPage(_ site: Site, errors: [ValidationError], phone: String, _ req: Request) async throws -> HTML {
    let setup = try await HallService.setup(site.id, req)
    let waiting = try await HallRepository(req.database).waitingCounts(
      site: site.id, day: try await HallService.day(req))
    return KioskPage.render(
      KioskPage.Model(site: site, groups: setup.groups, waiting: waiting, errors: errors, phone: phone),
      try await req.pageContext())
  }

  /// `POST /hall/sites/{site}/tickets`: takes a ticket in the chosen group and shows the slip.
  @Sendable static func take(req: Request) async throws -> Response {
    let site = try await HallService.site(req.parameters.get("site") ?? "", req)
    let fields = try req.content.decode([String: String].self)
    try req.limitByAddress("tickets", \.tickets)
    do {
      let ticket = try await takeTicket(
        site, group: fields["group"], priority: fields["priority"], itemCode: nil, phone: nil, channel: .kiosk, req)
      return req.redirect(to: Links.ticket(ticket.id) + "?kiosk=1")
    } catch let error as ValidationError {
      return .html(try await kioskPage(site, errors: [error], phone: "", req), status: .unprocessableEntity)
    }
  }

  /// Takes a ticket for a group of the site and tells the hall; the kiosk, the portal and the API all come here.
  static func takeTicket(
    _ site: Site, group: String?, priority: String?, itemCode: String?, phone: String?, channel: TicketChannel,
    _ req: Request
  ) async throws -> Ticket {
    let setup = try await HallService.setup(site.id, req)
    guard let group = setup.group(group ?? "") else {
      throw ValidationError(field: "group", zh: "请选择业务分组", en: "Choose a service group")
    }
    let lane = try HallService.priority(priority)
    let ticket = try await HallRepository(req.database).take(
      site: site.id, group: group.code, day: try await HallService.day(req), channel: channel, priority: lane,
      itemCode: itemCode, phone: phone, county: site.regionCode.county.value, now: req.now)
    await HallService.publish("taken", ticket: ticket, site: site, req)
    return ticket
  }

  /// `POST /hall/sites/{site}/check-in`: an appointment (phone number and code) becomes a ticket.
  @Sendable static func checkIn(req: Request) async throws -> Response {
    let site = try await HallService.site(req.parameters.get("site") ?? "", req)
    let fields = try req.content.decode([String: String].self)
    let phone = (fields["phone"] ?? "").trimmingCharacters(in: .whitespaces)
    do {
      let ticket = try await checkInTicket(site, phone: phone, code: fields["code"] ?? "", req)
      return req.redirect(to: Links.ticket(ticket.id) + "?kiosk=1")
    } catch let error as ValidationError {
      return .html(try await kioskPage(site, errors: [error], phone: phone, req), status: .unprocessableEntity)
    }
  }

  static func checkInTicket(_ site: Site, phone: String, code: String, _ req: Request) async throws -> Ticket {
    let code = code.trimmingCharacters(in: .whitespaces)
    guard !phone.isEmpty else { throw ValidationError(field: "phone", zh: "请输入预约手机号", en: "Enter the phone number") }
    guard code.count == 6, code.allSatisfy(\.isNumber) else {
      throw ValidationError(field: "code", zh: "签到码为 6 位数字", en: "The check-in code has 6 digits")
    }
    let repository = HallRepository(req.database)
    let found = try await req.guardedLookup("booking", budget: \.booking, target: phone) {
      () async throws -> Appointment? in
      guard let appointment = try await repository.appointment(phone: phone, code: code), appointment.siteID == site.id
      else { return nil }
      return appointment
    }
    guard let appointment = found else {
      throw ValidationError(field: "code", zh: "没有找到该手机号和签到码的本大厅预约", en: "No booking here with that phone and code")
    }
    let rule = try await req.deadlineRule()
    let lane = try appointment.checkInPriority(minuteOfDay: rule.minuteOfDay(req.now), on: rule.civilDate(of: req.now))
    let ticket = try await repository.checkIn(
      appointment, priority: lane, county: site.regionCode.county.value, now: req.now)
    await HallService.publish("taken", ticket: ticket, site: site, req)
    return ticket
  }

  /// `GET /queue?site=`: 网上取号 on the portal.
  @Sendable static func onlineForm(req: Request) async throws -> HTML {
    try await onlinePage(req, siteID: req.query[String.self, at: "site"] ?? "", group: "", phone: "", errors: [])
  }

  static func onlinePage(_ req: Request, siteID: String, group: String, phone: String, errors: [ValidationError])
    async throws -> HTML
  {
    let sites = try await HallService.hallSites(req)
    let site = sites.first { $0.id == siteID }
    var groups: [BusinessGroup] = []
    var waiting: [String: Int] = [:]
    if let site {
      groups = try await HallService.setup(site.id, req).groups
      waiting = try await HallRepository(req.database).waitingCounts(site: site.id, day: try await HallService.day(req))
    }
    return OnlineTicketPage.render(
      OnlineTicketPage.Model(
        sites: sites.map { ($0.id, $0.name) }, site: site, groups: groups, waiting: waiting, group: group,
        phone: phone, errors: errors),
      try await req.pageContext())
  }

  /// `POST /queue`: today's ticket, while the hall is open; one open ticket per phone number and hall.
  @Sendable static func onlineTake(req: Request) async throws -> Response {
    let fields = try req.content.decode([String: String].self)
    try req.limitByAddress("online-tickets", \.onlineTickets)
    let siteID = fields["site"] ?? ""
    let group = fields["group"] ?? ""
    let phone = (fields["phone"] ?? "").trimmingCharacters(in: .whitespaces)
    do {
      let site = try await HallService.site(siteID, req)
      guard Citizen.isMobile(phone) else {
        throw ValidationError(field: "phone", zh: "请填写 11 位手机号", en: "Enter an 11-digit mobile number")
      }
      let rule = try await req.deadlineRule()
      let today = rule.civilDate(of: req.now)
      guard
        AppointmentSlots.isOpen(
          today, minute: rule.minuteOfDay(req.now), hours: site.openingHours, calendar: rule.calendar)
      else {
        throw ValidationError(
          field: "site", zh: "大厅现在不在办公时间，请在办公时间内取号或预约其他时间",
          en: "The hall is closed now; take a ticket in opening hours or book a visit")
      }
      if let open = try await HallRepository(req.database).open(phone: phone, site: site.id, day: today) {
        throw ValidationError(
          field: "phone", zh: "该手机号今天已有 \(open.number) 号在等候或办理中", en: "This phone already holds \(open.number) today")
      }
      let ticket = try await takeTicket(
        site, group: group, priority: nil, itemCode: nil, phone: phone, channel: .portal, req)
      return req.redirect(to: Links.ticket(ticket.id))
    } catch let error as ValidationError {
      return .html(
        try await onlinePage(req, siteID: siteID, group: group, phone: phone, errors: [error]),
        status: .unprocessableEntity)
    }
  }

  /// `GET /hall/tickets/{id}`: the slip (the id is unguessable, like a printed ticket in hand).
  @Sendable static func ticket(req: Request) async throws -> HTML {
    guard let ticket = try await HallRepository(req.database).ticket(req.parameters.get("id") ?? "") else {
      throw AppError.notFound(LocalizedText(zh: "没有这张号", en: "No such ticket"))
    }
    let site = try await HallService.site(ticket.siteID, req)
    let setup = try await HallService.setup(site.id, req)
    let fromKiosk = req.query[String.self, at: "kiosk"] == "1"
    return TicketSlipPage.render(
      ticket, site: site, group: setup.group(ticket.groupCode), ahead: try await HallService.ahead(of: ticket, req),
      window: ticket.windowID.flatMap(setup.window), kioskURL: fromKiosk ? Links.kiosk(site.id) : nil,
      clock: CaseClock(rule: try await req.deadlineRule(), now: req.now), try await req.pageContext())
  }

  /// `GET /hall/tickets/{id}/position`: where a ticket stands now (the online ticket page asks on every hall event).
  /// The id is a random UUID: whoever holds the slip's link may ask, nobody can guess another's.
  @Sendable static func position(req: Request) async throws -> Response {
    try req.limitByAddress("ticket_position", \.ticketPosition)
    guard let ticket = try await HallRepository(req.database).ticket(req.parameters.get("id") ?? "") else {
      throw AppError.notFound(LocalizedText(zh: "没有这张号", en: "No such ticket"))
    }
    let setup = try await HallService.setup(ticket.siteID, req)
    let context = try await req.pageContext()
    let window = ticket.windowID.flatMap(setup.window)
    let ahead = try await HallService.ahead(of: ticket, req)
    let position = TicketSlipPage.Position(
      state: ticket.state.rawValue, ahead: ahead,
      text: TicketSlipPage.positionText(ticket, ahead: ahead, window: window, context))
    var headers = HTTPHeaders()
    headers.contentType = .json
    headers.replaceOrAdd(name: .cacheControl, value: "no-store")
    return Response(status: .ok, headers: headers, body: .init(data: try JSONEncoder().encode(position)))
  }

  /// `GET /hall/sites/{site}/display`
  @Sendable static func display(req: Request) async throws -> HTML {
    let site = try await HallService.site(req.parameters.get("site") ?? "", req)
    let board = try await HallService.board(site, day: try await HallService.day(req), req)
    return HallDisplayPage.render(
      board, eventsURL: Links.hallEvents(site.id), timeZone: try await req.deadlineRule().timeZone.identifier,
      try await req.pageContext())
  }

  /// `GET /hall/windows/{window}/pad`: the window and the clerk on duty; the rating prompt right after a service.
  @Sendable static func pad(req: Request) async throws -> HTML {
    try await padPage(req, thanked: req.query[String.self, at: "thanks"] == "1")
  }

  static let ratingWindow: TimeInterval = 120

  static func padPage(
    _ req: Request, thanked: Bool, signInError: ValidationError? = nil, signedIn: Bool = false
  ) async throws -> HTML {
    let window = try await padWindow(req)
    let day = try await HallService.day(req)
    let repository = HallRepository(req.database)
    let current = try await repository.current(window: window.id, day: day)
    let last = try await repository.lastServed(window: window.id, day: day)
    // The clerk serving: whoever is calling here now; else who the floor roster says is here (signed in, the A
    // post, or the stand-in while the A post is away); else whoever called here last today.
    // The window's own county: a pad is nobody's session, and a deployment may serve several counties.
    let county = try await HallService.site(window.siteID, req).regionCode.county.value
    let serving = try await FloorRosterRepository(req.database).serving(
      windows: [window.id], on: CatalogController.today(req), county: county)[window.id]
    let staffID = current?.staffID ?? serving?.staffID ?? last?.staffID
    let staffRepository = StaffRepository(req.database)
    let clerk = try await staffID.asyncMap { try await staffRepository.find(id: $0) } ?? nil
    let profile =
      try await clerk.asyncMap { try await AgentProfileRepository(req.database).profile(of: $0.identity.id) } ?? nil
    let toRate =
      current == nil
      ? last.flatMap { ticket in
        ticket.rating == nil && (ticket.endedAt.map { req.now.timeIntervalSince($0) < ratingWindow } ?? false)
          ? ticket : nil
      } : nil
    var model = EvaluationPadPage.Model(
      window: window, clerkName: clerk?.identity.displayName, clerkTitle: clerk?.title,
      photoURL: profile?.photo != nil ? clerk.map { Links.agentPhoto($0.identity.id) } : nil, toRate: toRate,
      thanked: thanked, eventsURL: Links.hallEvents(window.siteID))
    model.signInError = signInError
    model.signedIn = signedIn || req.query[String.self, at: "signed"] == "1"
    return EvaluationPadPage.render(model, try await req.pageContext())
  }

  /// `POST /hall/windows/{window}/pad/sign-in` (`username`, `password`): a clerk's 签到 at this window on its pad — the
  /// same password check and throttle as the sign-in page, the same rule as the workbench's 签到 (a window clerk, at a
  /// window of their own hall). Opens no session on the shared screen.
  @Sendable static func padSignIn(req: Request) async throws -> Response {
    let window = try await padWindow(req)
    let fields = try req.content.decode([String: String].self)
    do {
      let record = try await StaffLogin.authenticate(
        username: fields["username"] ?? "", password: fields["password"] ?? "", on: req)
      let staff = record.identity
      guard Authorization.can(staff, .intakeCases), staff.scope.siteID == window.siteID, !window.isRetired else {
        throw ValidationError(
          field: "username", zh: "您不是本场所的窗口人员，不能在此签到", en: "You are not a window clerk of this hall")
      }
      _ = try await FloorController.signIn(staff, window: window.id, req)
      req.logger.info("pad sign-in: \(staff.username) at window \(window.id)")
      return req.redirect(to: Links.pad(window.id) + "?signed=1")
    } catch let error as ValidationError {
      return try await padPage(req, thanked: false, signInError: error)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
  }

  /// `POST /hall/windows/{window}/pad/rate`: the 评价器's rating of the service just given, recorded as an anonymous
  /// on-site rating of the ticket, its window and its clerk (a negative one opens its 差评整改 entry).
  @Sendable static func rate(req: Request) async throws -> Response {
    let window = try await padWindow(req)
    let fields = try req.content.decode([String: String].self)
    let hall = HallRepository(req.database)
    do {
      let level = try EvaluationLevel.parse(fields["score"], field: "score")
      // Only right after the service, as the pad asks (a little slack for a slow press).
      let cutoff = req.now.addingTimeInterval(-(ratingWindow + 60))
      guard let ticket = try await hall.ticket(fields["ticket_id"] ?? ""), ticket.windowID == window.id,
        ticket.state == .served, ticket.rating == nil, let ended = ticket.endedAt, ended >= cutoff,
        let site = try await DirectoryRepository(req.database).site(window.siteID)
      else {
        throw ValidationError(
          field: "score", zh: "本次服务已评价、不属于本窗口或评价时间已过", en: "Already rated, not served here, or too late")
      }
      let departmentID =
        try await ticket.caseNumber.asyncMap {
          try await req.cases(try await req.deadlineRule()).find($0)?.departmentID
        } ?? window.departmentID
      let evaluation = Evaluation(
        id: TimeOrderedID.make(at: req.now).uuidString.lowercased(), subject: .service, channel: .pad, level: level,
        rater: .anonymous,
        about: Evaluation.Target(
          caseNumber: ticket.caseNumber, ticketID: ticket.id, windowID: window.id, staffID: ticket.staffID,
          departmentID: departmentID, itemCode: ticket.itemCode, siteID: site.id, regionCode: site.regionCode.value),
        at: req.now)
      // The rating first: its once-per-ticket key makes a retry after a crash safe; the ticket's mark only stops
      // the pad asking again.
      try await EvaluationController.repository(req).record(evaluation, county: site.regionCode.county.value)
      try? await hall.rate(ticket: ticket.id, window: window.id, score: level.rawValue, endedAfter: cutoff)
      return req.redirect(to: Links.pad(window.id) + "?thanks=1")
    } catch let error as ValidationError {
      req.logger.info("pad rating refused: \(error.field)")
      return req.redirect(to: Links.pad(window.id))
    }
  }

  private static func padWindow(_ req: Request) async throws -> Window {
    try await findWindow(req.parameters.get("window") ?? "", req)
  }

  private static func findWindow(_ id: String, _ req: Request) async throws -> Window {
    guard let window = try await DirectoryRepository(req.database).window(id) else {
      throw AppError.notFound(LocalizedText(zh: "没有这个窗口", en: "No such window"))
    }
    return window
  }
}
