import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 预约办理 on the portal: book a half-hour of a hall's business group with name and phone number, cancel with the
/// phone number and check-in code. No account needed: the phone number is what the kiosk asks for.
enum AppointmentController {
  /// Bookable days: today and the next 13 days that have slots.
  static let horizon = 14

  /// `GET /appointments?site=&group=&day=`
  @Sendable static func form(req: Request) async throws -> HTML {
    try await page(
      req, site: req.query[String.self, at: "site"] ?? "", group: req.query[String.self, at: "group"] ?? "",
      day: req.query[String.self, at: "day"] ?? "", slot: "", name: "", phone: "", errors: [])
  }

  static func page(
    _ req: Request, site siteID: String, group: String, day: String, slot: String, name: String, phone: String,
    errors: [ValidationError]
  ) async throws -> HTML {
    let sites = try await HallService.hallSites(req)
    let site = sites.first { $0.id == siteID }
    let setup = try await site.asyncMap { try await HallService.setup($0.id, req) }
    let groups = setup?.groups.filter { $0.slotCapacity > 0 } ?? []
    let chosenGroup = groups.first { $0.code == group }
    let rule = try await req.deadlineRule()
    let today = rule.civilDate(of: req.now)
    let days =
      site.map { site in
        (0..<horizon).map { today.adding(days: $0) }.filter {
          !AppointmentSlots.on($0, hours: site.openingHours, calendar: rule.calendar).isEmpty
        }
      } ?? []
    let chosenDay = CivilDate(iso: day).flatMap { days.contains($0) ? $0 : nil }
    var slots: [(slot: AppointmentSlot, left: Int)] = []
    if let site, let chosenGroup, let chosenDay {
      let booked = try await HallRepository(req.database).booked(site: site.id, group: chosenGroup.code, day: chosenDay)
      let minuteNow = rule.minuteOfDay(req.now)
      slots = AppointmentSlots.on(chosenDay, hours: site.openingHours, calendar: rule.calendar)
        .filter { chosenDay > today || $0.start > minuteNow }
        .map { ($0, max(0, chosenGroup.slotCapacity - (booked[$0.label] ?? 0))) }
    }
    return AppointmentPages.form(
      AppointmentPages.Model(
        sites: sites.map { ($0.id, $0.name) }, siteID: site?.id ?? "", groups: groups,
        groupCode: chosenGroup?.code ?? "", days: days, day: chosenDay, slots: slots, slot: slot, name: name,
        phone: phone, errors: errors),
      try await req.pageContext())
  }

  /// `POST /appointments`
  @Sendable static func book(req: Request) async throws -> Response {
    let fields = try req.content.decode([String: String].self)
    let value = { (key: String) in (fields[key] ?? "").trimmingCharacters(in: .whitespaces) }
    let (siteID, group, day, slot, name, phone) = (
      value("site"), value("group"), value("day"), value("slot"), value("name"), value("phone")
    )
    do {
      let site = try await HallService.site(siteID, req)
      var errors: [ValidationError] = []
      let rule = try await req.deadlineRule()
      let setup = try await HallService.setup(site.id, req)
      let chosenGroup = setup.group(group).flatMap { $0.slotCapacity > 0 ? $0 : nil }
      if chosenGroup == nil {
        errors.append(ValidationError(field: "group", zh: "请选择可预约的业务", en: "Choose a bookable service"))
      }
      let today = rule.civilDate(of: req.now)
      let chosenDay = CivilDate(iso: day).flatMap { $0 >= today && $0 < today.adding(days: horizon) ? $0 : nil }
      let offered = chosenDay.map { AppointmentSlots.on($0, hours: site.openingHours, calendar: rule.calendar) } ?? []
      let chosenSlot = AppointmentSlot(label: slot).flatMap { slot in
        offered.contains(slot) && (chosenDay! > today || slot.start > rule.minuteOfDay(req.now)) ? slot : nil
      }
      if chosenDay == nil {
        errors.append(ValidationError(field: "day", zh: "请选择 14 天内的开放日", en: "Choose an open day within 14 days"))
      } else if chosenSlot == nil {
        errors.append(ValidationError(field: "slot", zh: "请选择一个可约时段", en: "Choose a free time"))
      }
      if name.isEmpty || name.count > 30 {
        errors.append(ValidationError(field: "name", zh: "请填写姓名（30 字以内）", en: "Enter your name (up to 30 characters)"))
      }
      if !Citizen.isMobile(phone) {
        errors.append(ValidationError(field: "phone", zh: "请填写 11 位手机号", en: "Enter an 11-digit mobile number"))
      }
      guard errors.isEmpty, let chosenGroup, let chosenDay, let chosenSlot else { throw ValidationErrors(errors) }
      let appointment = try await HallRepository(req.database).book(
        site: site.id, group: chosenGroup, day: chosenDay, slot: chosenSlot, name: name, phone: phone,
        county: site.regionCode.county.value, now: req.now)
      return try await AppointmentPages.booked(
        appointment, siteName: site.name, groupName: chosenGroup.name, try await req.pageContext()
      ).encodeResponse(status: .created, for: req)
    } catch let error as ValidationError {
      return .html(
        try await page(
          req, site: siteID, group: group, day: day, slot: slot, name: name, phone: phone, errors: [error]),
        status: .unprocessableEntity)
    } catch let error as ValidationErrors {
      return .html(
        try await page(
          req, site: siteID, group: group, day: day, slot: slot, name: name, phone: phone, errors: error.errors),
        status: .unprocessableEntity)
    }
  }

  /// `GET /appointments/cancel`
  @Sendable static func cancelForm(req: Request) async throws -> HTML {
    AppointmentPages.cancel(phone: "", errors: [], done: nil, try await req.pageContext())
  }

  /// `POST /appointments/cancel`
  @Sendable static func cancel(req: Request) async throws -> Response {
    let fields = try req.content.decode([String: String].self)
    let phone = (fields["phone"] ?? "").trimmingCharacters(in: .whitespaces)
    let code = (fields["code"] ?? "").trimmingCharacters(in: .whitespaces)
    let repository = HallRepository(req.database)
    do {
      let found = try await req.guardedLookup("booking", budget: \.booking, target: phone) {
        try await repository.appointment(phone: phone, code: code)
      }
      guard let appointment = found else {
        throw ValidationError(field: "code", zh: "没有找到该手机号和签到码的预约", en: "No booking with that phone and code")
      }
      try await repository.cancel(appointment)
      return try await AppointmentPages.cancel(phone: "", errors: [], done: appointment, try await req.pageContext())
        .encodeResponse(for: req)
    } catch let error as ValidationError {
      return .html(
        AppointmentPages.cancel(phone: phone, errors: [error], done: nil, try await req.pageContext()),
        status: .unprocessableEntity)
    }
  }
}

/// `GET /hall/figures?site=&from=&through=`: the queue figures of a hall and period.
enum HallFiguresController {
  @Sendable static func show(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewStatistics)
    let sites = try await HallService.hallSites(req).filter {
      staff.scope.regionCode.contains($0.regionCode) && (staff.scope.siteID == nil || staff.scope.siteID == $0.id)
    }
    let rule = try await req.deadlineRule()
    let today = rule.civilDate(of: req.now)
    var errors: [ValidationError] = []
    func date(_ key: String, default value: CivilDate) -> CivilDate {
      guard let raw = req.query[String.self, at: key], !raw.isEmpty else { return value }
      guard let parsed = CivilDate(iso: raw) else {
        errors.append(ValidationError(field: key, zh: "日期格式应为 YYYY-MM-DD", en: "Dates are YYYY-MM-DD"))
        return value
      }
      return parsed
    }
    var from = date("from", default: today.adding(days: -6))
    var through = date("through", default: today)
    if from > through || through.dayNumber - from.dayNumber > 366 {
      errors.append(
        ValidationError(field: "from", zh: "起止日期应在一年之内且起不晚于止", en: "A period of up to a year, from before through"))
      (from, through) = (today.adding(days: -6), today)
    }
    let site = sites.first { $0.id == req.query[String.self, at: "site"] } ?? sites.first
    guard let site else {
      throw AppError.notFound(LocalizedText(zh: "您的范围内没有设叫号的大厅", en: "No hall with queues in your scope"))
    }
    let repository = HallRepository(req.database)
    let figures = HallFigures(
      tickets: try await repository.tickets(site: site.id, from: from, through: through),
      appointments: try await repository.appointments(site: site.id, from: from, through: through), today: today,
      timeZone: rule.timeZone)
    let setup = try await HallService.setup(site.id, req)
    let html = HallFiguresPage.render(
      HallFiguresPage.Model(
        sites: sites.map { ($0.id, $0.name) }, siteID: site.id, from: from, through: through, figures: figures,
        groupNames: Dictionary(setup.groups.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
        windowNames: Dictionary(
          setup.windows.map { ($0.id, "\($0.number) \($0.name)") }, uniquingKeysWith: { a, _ in a }),
        errors: errors),
      try await req.pageContext())
    return .html(html, status: errors.isEmpty ? .ok : .unprocessableEntity)
  }
}
