import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 帮办代办: the village agent's desk — powers of attorney with their signed scans, applications filed for residents
/// under them (sent to the site that accepts the item: 收件转办), and the work log of every case the agent filed.
enum AgentController {
  /// `GET /agent`
  @Sendable static func desk(req: Request) async throws -> HTML {
    let agent = try req.authorize(.proxyApply)
    let context = try await req.pageContext()
    let notice = req.query[String.self, at: "sent"].map {
      context.t("已代为提交办件 \($0)，纸质材料请随物料流转送达受理场所。", "Case \($0) sent; send the paper on to the accepting site.")
    }
    return try await page(agent, form: .init(), errors: [], notice: notice, req)
  }

  /// `POST /agent/powers`: a new power of attorney; nothing is kept when a field or the scan is wrong.
  @Sendable static func addPower(req: Request) async throws -> Response {
    let agent = try req.authorize(.proxyApply)
    let station = try await StaffDesk.site(agent, req)
    let posted = try FormBody.read(req)
    var form = AgentDeskPage.Form()
    form.name = (posted.fields["applicant.name"] ?? "").trimmingCharacters(in: .whitespaces)
    form.idNumber = (posted.fields["applicant.id_number"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
    form.phone = (posted.fields["applicant.phone"] ?? "").trimmingCharacters(in: .whitespaces)
    let offered = Set(try await proxyItems(station, req).map(\.0))
    form.itemCodes = Set(posted.fields.keys.filter { $0.hasPrefix("item_") }.map { String($0.dropFirst(5)) })
      .intersection(offered)
    let applicant = Applicant(
      kind: .person, name: form.name, idType: Applicant.residentID, idNumber: form.idNumber, phone: form.phone)
    let (scans, scanErrors) = posted.checkedFiles(.scans)
    let scan = scans.first { $0.0.field == "signed_scan" }
    let errors =
      scanErrors
      + PowerOfAttorney.problems(
        applicant: applicant, itemCodes: Array(form.itemCodes), hasScan: scan != nil || !scanErrors.isEmpty)
    guard errors.isEmpty, let (file, kind) = scan else {
      return .html(
        try await page(agent, form: form, errors: ValidationError.firstPerField(errors), notice: nil, req),
        status: .unprocessableEntity)
    }
    let key = try await req.application.fileStore.put(file.bytes)
    let rule = try await req.deadlineRule()
    let power = PowerOfAttorney(
      id: UUID().uuidString, applicant: applicant, agentID: agent.id, agentName: agent.displayName,
      stationSiteID: station.id, itemCodes: form.itemCodes.sorted(),
      signedScan: Attachment(fileID: key, name: file.fileName, kind: kind, size: file.bytes.count),
      signedOn: rule.civilDate(of: req.now))
    try await PowerOfAttorneyRepository(req.database).save(
      power, county: station.regionCode.county.value, now: req.now)
    return req.redirect(to: Links.agentDesk)
  }

  /// `POST /agent/profile`: the agent's public profile (phone, hours, photo).
  @Sendable static func saveProfile(req: Request) async throws -> Response {
    let agent = try req.authorize(.proxyApply)
    let station = try await StaffDesk.site(agent, req)
    let errors = try await StaffController.saveProfile(agent, county: station.regionCode.county.value, req)
    guard errors.isEmpty else {
      return .html(
        try await page(agent, form: .init(), errors: [], notice: nil, profileErrors: errors, req),
        status: .unprocessableEntity)
    }
    return req.redirect(to: Links.agentDesk + "#profile")
  }

  /// `GET /agents`: the public board of village agents.
  @Sendable static func board(req: Request) async throws -> HTML {
    let sites = Dictionary(
      try await DirectoryRepository(req.database).sites().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let profiles = AgentProfileRepository(req.database)
    let (known, ratings) = (try await profiles.profiles(), try await profiles.averages())
    // The agents of the county the visitor picked (a deployment may serve several).
    guard let county = try await req.county() else { throw AppError.notFound() }
    let agents = try await StaffRepository(req.database).list(in: Scope(regionCode: county.code), limit: 5000).filter {
      $0.identity.role == .agent && !$0.isDisabled
    }
    let entries = agents.compactMap { record -> AgentBoardPage.Entry? in
      guard let site = record.identity.scope.siteID.flatMap({ sites[$0] }) else { return nil }
      let id = record.identity.id
      return AgentBoardPage.Entry(
        station: site, name: record.identity.displayName, staffID: id, profile: known[id],
        rating: ratings[id].map { ($0.average, $0.count) })
    }.sorted { $0.station.id < $1.station.id }
    let halls = try await HallService.hallSites(req)
    return AgentBoardPage.render(entries, halls: halls, try await req.pageContext())
  }

  /// `GET /agents/{id}/photo`
  @Sendable static func photo(req: Request) async throws -> Response {
    let id = req.parameters.get("id") ?? ""
    guard let photo = try await AgentProfileRepository(req.database).profile(of: id)?.photo,
      let bytes = try await req.application.fileStore.get(photo.fileID)
    else { throw AppError.notFound(LocalizedText(zh: "没有照片", en: "No photo")) }
    return FileResponse.make(photo, bytes)
  }

  /// `GET /agent/powers/{id}/apply?item=CODE`
  @Sendable static func applyForm(req: Request) async throws -> HTML {
    let agent = try req.authorize(.proxyApply)
    let (power, entry, site, _) = try await subject(agent, req.query[String.self, at: "item"] ?? "", req)
    return OnlineApplicationPages.apply(
      model(power, entry, site, errors: [], key: UUID().uuidString), try await req.pageContext())
  }

  /// `POST /agent/powers/{id}/apply`: files the case for the resident and sends it to the accepting site.
  @Sendable static func apply(req: Request) async throws -> Response {
    let agent = try req.authorize(.proxyApply)
    let posted = try FormBody.read(req)
    let (power, entry, site, route) = try await subject(agent, posted.fields["item_code"] ?? "", req)
    let key = (posted.fields["intake_key"]).flatMap { $0.isEmpty ? nil : $0 } ?? UUID().uuidString
    let (scans, scanErrors) = posted.checkedFiles(.scans)
    var checklist = entry.item.materials.map(CaseMaterial.init)
    let uploaded = Set(scans.compactMap { OnlineApplicationController.index(of: $0.0.field) })
    let errors = scanErrors + OnlineApplicationController.missingUploads(checklist, uploaded: uploaded)
    guard errors.isEmpty else {
      return .html(
        OnlineApplicationPages.apply(
          model(power, entry, site, errors: ValidationError.firstPerField(errors), key: key),
          try await req.pageContext()),
        status: .unprocessableEntity)
    }
    try await Scans.attach(scans, to: &checklist, req)
    let station = try await StaffDesk.site(agent, req)
    let rule = try await req.deadlineRule()
    let (serviceCase, _) = try await req.cases(rule).create(
      NewCase(
        item: CaseItem(entry.item, version: entry.version), applicant: power.applicant, channel: .proxy, site: site,
        idempotencyKey: "\(agent.id):proxy:\(key)",
        intake: CaseIntake(materials: checklist, route: route, resultDelivery: .pickup(siteID: site.id)),
        proxy: ProxyRecord(
          agentID: agent.id, stationSiteID: station.id, stationRegion: station.regionCode, powerOfAttorneyID: power.id)),
      by: CaseActor(agent), now: req.now)
    return req.redirect(to: Links.agentDesk + "?sent=\(serviceCase.number)")
  }

  // MARK: helpers

  private static func page(
    _ agent: StaffIdentity, form: AgentDeskPage.Form, errors: [ValidationError], notice: String?,
    profileErrors: [ValidationError] = [], _ req: Request
  ) async throws -> HTML {
    let station = try await StaffDesk.site(agent, req)
    let rule = try await req.deadlineRule()
    let repository = req.cases(rule)
    let cases = try await repository.cases(ofAgent: agent.id)
    var model = AgentDeskPage.Model(
      station: station, proxyItems: try await proxyItems(station, req),
      powers: try await PowerOfAttorneyRepository(req.database).list(agentID: agent.id),
      cases: cases.map { ($0, $0.deadline(rule, now: req.now)) }, clock: CaseClock(rule: rule, now: req.now),
      names: try await StaffDesk.directoryNames(req), form: form, errors: errors, notice: notice)
    let profiles = AgentProfileRepository(req.database)
    model.profile = try await profiles.profile(of: agent.id)
    model.rating = try await profiles.averages()[agent.id]
    model.trail = try await repository.events(byActor: agent.id)
    model.profileErrors = profileErrors
    return AgentDeskPage.render(model, try await req.pageContext())
  }

  /// The station's 帮办代办 list (code, name), in list order.
  private static func proxyItems(_ station: Site, _ req: Request) async throws -> [(String, String)] {
    let codes = try await ProxyListRepository(req.database).itemCodes(of: station.regionCode)
    let items = try await CatalogRepository(req.database).find(codes: codes)
    return codes.compactMap { code in items[code].map { (code, $0.name) } }
  }

  /// The agent's power of attorney, the item (named in it) and the site that accepts it: the town center when the
  /// town exercises the item, else the county center.
  private static func subject(_ agent: StaffIdentity, _ code: String, _ req: Request) async throws
    -> (PowerOfAttorney, CatalogEntry, Site, IntakeRoute)
  {
    guard let power = try await PowerOfAttorneyRepository(req.database).find(req.parameters.get("id") ?? ""),
      power.agentID == agent.id
    else { throw AppError.notFound(LocalizedText(zh: "没有这份委托单", en: "No such power of attorney")) }
    guard power.itemCodes.contains(code) else {
      throw ValidationError(field: "item_code", zh: "委托单没有委托这个事项", en: "The authorization does not name this item")
    }
    let station = try await StaffDesk.site(agent, req)
    let entry = try await CaseAPIController.acceptableItem(code, field: "item_code", req)
    let sites = try await DirectoryRepository(req.database).sites()
    let town = sites.first { $0.kind == .townCenter && station.regionCode.value.hasPrefix($0.regionCode.value) }
    let county = sites.first { $0.kind == .serviceCenter && $0.regionCode.level == .county }
    guard let site = (entry.item.levels.contains(.town) ? town : nil) ?? county else {
      throw ValidationError(field: "item_code", zh: "找不到受理场所", en: "No accepting site")
    }
    let routing = try await IntakeRouting.resolve(itemCode: code, site: site, field: "item_code", req)
    return (power, entry, site, routing.route)
  }

  private static func model(
    _ power: PowerOfAttorney, _ entry: CatalogEntry, _ site: Site, errors: [ValidationError], key: String
  ) -> OnlineApplicationPages.ApplyModel {
    OnlineApplicationPages.ApplyModel(
      title: entry.item.name, guide: Links.item(entry.item.code), subject: ("item_code", entry.item.code),
      lines: entry.item.materials.map(CaseMaterial.init), applicant: power.applicant,
      action: "/agent/powers/\(Links.percentEncodePath(power.id))/apply", sites: [(site.id, site.name)],
      chosenSite: site.id, errors: errors, intakeKey: key)
  }
}
