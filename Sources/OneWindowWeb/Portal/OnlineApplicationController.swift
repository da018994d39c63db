import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 在线申请 and 我的办件: a citizen applies for an item online (a draft or straight to the window's pre-review),
/// follows their cases, answers a correction notice by uploading again, and downloads the result. A citizen only
/// ever reaches their own cases: any other number is "not found".
enum OnlineApplicationController {
  /// 网上办理深度 3 (online application with pre-review) and 4 (全程网办) take online applications.
  static let minimumDepth = 3

  @Sendable static func myCases(req: Request) async throws -> HTML {
    let context = try await req.pageContext()
    let notice = req.query[Int.self, at: "deleted"].map { _ in context.t("草稿已删除。", "The draft was deleted.") }
    return try await myCasesPage(notice: notice, req)
  }

  /// 我的办件 with `notice` above the list.
  static func myCasesPage(notice: String?, _ req: Request) async throws -> HTML {
    let citizen = try await PortalAccountController.requireCitizen(req)
    let rule = try await req.deadlineRule()
    let cases = try await req.cases(rule).cases(ofCitizen: citizen.id)
    let (appointments, tickets) = try await HallRepository(req.database).visits(
      phone: citizen.phone, from: rule.civilDate(of: req.now))
    var names: [String: (site: String, groups: [String: String])] = [:]
    for siteID in Set(appointments.map(\.siteID) + tickets.map(\.siteID)) {
      let site = try await req.application.lookups.site(siteID, db: req.database, now: req.now)
      let groups = try await HallService.setup(siteID, req).groups
      names[siteID] = (
        site?.name ?? siteID, Dictionary(groups.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
      )
    }
    func label(_ siteID: String, _ group: String) -> (String, String) {
      (names[siteID]?.site ?? siteID, "\(group) \(names[siteID]?.groups[group] ?? "")")
    }
    let unread = try await MessageRepository(req.database).unread(of: InAppMessage.account(citizen: citizen.id))
    let context = try await req.pageContext()
    return MyCasesPage.render(
      MyCasesPage.Model(
        citizen: citizen, cases: cases.map { ($0, $0.deadline(rule, now: req.now)) },
        clock: CaseClock(rule: rule, now: req.now), notice: notice,
        appointments: appointments.map {
          let (site, group) = label($0.siteID, $0.groupCode)
          return ($0, site, group)
        },
        tickets: tickets.map {
          let (site, group) = label($0.siteID, $0.groupCode)
          return ($0, site, group)
        }, unreadMessages: unread),
      context)
  }

  /// `GET /my/apply?item=CODE` or `?bundle=ID` ("一件事": one form for all its items)
  @Sendable static func applyForm(req: Request) async throws -> HTML {
    let citizen = try await PortalAccountController.requireCitizen(req)
    if let bundleID = req.query[String.self, at: "bundle"] {
      let subject = try await BundleApplication.resolve(bundleID, req)
      return OnlineApplicationPages.apply(
        subject.page(citizen: citizen, chosenSite: nil, errors: [], intakeKey: UUID().uuidString),
        try await req.pageContext())
    }
    let (entry, sites) = try await applicable(req.query[String.self, at: "item"] ?? "", req)
    return OnlineApplicationPages.apply(
      .init(
        title: entry.item.name, guide: Links.item(entry.item.code), subject: ("item_code", entry.item.code),
        lines: entry.item.materials.map(CaseMaterial.init), applicant: citizen.applicant,
        sites: sites.map { ($0.site.id, $0.site.name) }, chosenSite: sites[0].site.id, errors: [],
        intakeKey: UUID().uuidString),
      try await req.pageContext())
  }

  /// `POST /my/apply`: saves a draft or sends the application; nothing is kept when a field or a file is wrong.
  @Sendable static func apply(req: Request) async throws -> Response {
    let citizen = try await PortalAccountController.requireCitizen(req)
    let posted = try FormBody.read(req)
    if let bundleID = posted.fields["bundle_id"] {
      return try await BundleApplication.resolve(bundleID, req).submit(posted, citizen: citizen, req)
    }
    let (entry, sites) = try await applicable(posted.fields["item_code"] ?? "", req)
    let item = entry.item
    var checklist = item.materials.map(CaseMaterial.init)
    let post = ApplicationPost(posted, choices: sites, siteID: \.site.id, lines: checklist)
    let (key, sending, scans) = (post.key, post.sending, post.scans)
    let rule = try await req.deadlineRule()
    // The application as filed (sent, or kept as a draft), with the scans that passed.
    func file(at chosen: (site: Site, route: IntakeRoute), submit: Bool) async throws -> ServiceCase {
      try await Scans.attach(scans, to: &checklist, req)
      return try await req.cases(rule).create(
        NewCase(
          item: CaseItem(item, version: entry.version), applicant: citizen.applicant, channel: .online,
          site: chosen.site, idempotencyKey: "citizen:\(citizen.id):apply:\(key)", submit: submit,
          intake: CaseIntake(
            materials: checklist, route: chosen.route, resultDelivery: .pickup(siteID: chosen.site.id)),
          citizenID: citizen.id),
        by: CaseActor(applicant: citizen), now: req.now
      ).serviceCase
    }
    if !post.errors.isEmpty, let chosen = post.chosen, !scans.isEmpty {
      // The files that passed are kept, as a draft: the applicant is asked again only for what was refused.
      let draft = try await file(at: chosen, submit: false)
      let context = try await req.pageContext()
      let notice = context.t(
        "通过检查的文件已保存为草稿（\(draft.number)）；请重新选择下面标出的文件，再提交。",
        "The files that passed are saved as a draft (\(draft.number)); choose the marked ones again, then send.")
      return try await page(draft, errors: post.errors, notice: notice, req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
    guard post.errors.isEmpty, let chosen = post.chosen else {
      return .html(
        OnlineApplicationPages.apply(
          .init(
            title: item.name, guide: Links.item(item.code), subject: ("item_code", item.code),
            lines: item.materials.map(CaseMaterial.init), applicant: citizen.applicant,
            sites: sites.map { ($0.site.id, $0.site.name) }, chosenSite: posted.fields["site_id"] ?? sites[0].site.id,
            errors: post.errors, intakeKey: key),
          try await req.pageContext()),
        status: .unprocessableEntity)
    }
    let serviceCase = try await file(at: chosen, submit: sending)
    return req.redirect(to: Links.myCase(serviceCase.number) + (sending ? "?sent=1" : "?saved=1"))
  }

  /// `GET /my/cases/{number}`
  @Sendable static func myCase(req: Request) async throws -> Response {
    let citizen = try await PortalAccountController.requireCitizen(req)
    let c = try await ownCase(citizen, req)
    let context = try await req.pageContext()
    let notice: String? =
      req.query[String.self, at: "sent"] != nil
      ? context.t("已提交，窗口预审后会以短信通知您。", "Sent; the window will review it and text you.")
      : req.query[String.self, at: "saved"] != nil
        ? context.t("已保存。", "Saved.")
        : req.query[String.self, at: "rated"] != nil ? context.t("感谢您的评价！", "Thank you for your rating!") : nil
    return try await page(c, errors: [], notice: notice, req).encodeResponse(for: req)
  }

  /// `POST /my/cases/{number}`: uploads, and sends (a draft) or sends again (after a correction notice).
  @Sendable static func update(req: Request) async throws -> Response {
    let citizen = try await PortalAccountController.requireCitizen(req)
    let c = try await ownCase(citizen, req)
    let posted = try FormBody.read(req)
    let (scans, scanErrors) = posted.checkedFiles(.scans)
    let sending = posted.fields["intent"] == "submit"
    let checklist = c.intake?.materials ?? []
    var errors = scanErrors
    let uploaded = Set(scans.compactMap { index(of: $0.0.field) })
    if sending && c.state == .draft {
      errors += missingUploads(checklist, uploaded: uploaded)
    }
    if sending && c.state == .correcting, let notice = c.notices.last {
      errors += uncorrected(notice, checklist, uploaded: uploaded)
    }
    if !sending && scans.isEmpty && errors.isEmpty {
      errors.append(ValidationError(field: "materials", zh: "请选择要上传的文件", en: "Choose the files to upload"))
    }
    guard errors.isEmpty else {
      return try await page(c, errors: ValidationError.firstPerField(errors), notice: nil, req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
    let added = try await Scans.store(scans, req)
    var actions: [CaseAction] = []
    if !added.isEmpty {
      actions.append(
        .uploadScans(
          checklist.enumerated().map { index, line in
            MaterialCheck(name: line.name, status: line.status, attachments: added[index] ?? [])
          }))
    }
    if sending { actions.append(c.state == .draft ? .submit : .resubmit) }
    let rule = try await req.deadlineRule()
    do {
      let updated = try await req.cases(rule).apply(
        actions, to: c.number, expectedVersion: Int(posted.fields["version"] ?? ""), by: CaseActor(applicant: citizen),
        now: req.now, visible: { $0.citizenID == citizen.id })
      return req.redirect(to: Links.myCase(updated.number) + (sending ? "?sent=1" : "?saved=1"))
    } catch let error as CaseError {
      let failure: ValidationError =
        if case .invalid(let field) = error { field } else {
          ValidationError(field: "materials", message: error.message)
        }
      let current = try await req.cases(rule).find(c.number) ?? c
      return try await page(current, errors: [failure], notice: nil, req)
        .encodeResponse(status: error.isConflict ? .conflict : .unprocessableEntity, for: req)
    }
  }

  /// `POST /my/cases/{number}/delete`: the citizen deletes their unsent draft (with the other drafts of the same
  /// 一件事 application). Anything else, or another citizen's case, is "not found".
  @Sendable static func deleteDraft(req: Request) async throws -> Response {
    let citizen = try await PortalAccountController.requireCitizen(req)
    let number = req.parameters.get("number") ?? ""
    let deleted = try await req.cases(try await req.deadlineRule()).deleteDraft(number, citizenID: citizen.id)
    guard !deleted.isEmpty else {
      throw AppError.notFound(LocalizedText(zh: "没有这份草稿", en: "No such draft"))
    }
    return req.redirect(to: Links.myCases + Links.query([("deleted", String(deleted.count))]))
  }

  /// `GET /my/cases/{number}/files/{key}`: the citizen's own uploads and their electronic result.
  @Sendable static func file(req: Request) async throws -> Response {
    let citizen = try await PortalAccountController.requireCitizen(req)
    let c = try await ownCase(citizen, req)
    let key = req.parameters.get("file") ?? ""
    guard let attachment = c.files.first(where: { $0.fileID == key }),
      let bytes = try await req.application.fileStore.get(key)
    else { throw AppError.notFound(LocalizedText(zh: "本件没有这个文件", en: "The case has no such file")) }
    return FileResponse.make(attachment, bytes)
  }

  // MARK: helpers

  /// The case if it is this citizen's; "not found" otherwise, whether or not it exists.
  static func ownCase(_ citizen: Citizen, _ req: Request) async throws -> ServiceCase {
    let number = req.parameters.get("number") ?? ""
    let rule = try await req.deadlineRule()
    guard let c = try await req.cases(rule).find(number), c.citizenID == citizen.id else {
      throw AppError.notFound(LocalizedText(zh: "没有办件「\(number)」", en: "No case \(number)"))
    }
    return c
  }

  static func page(
    _ c: ServiceCase, errors: [ValidationError], notice: String?, failed: EvaluationController.Failed? = nil,
    _ req: Request
  ) async throws -> HTML {
    let rule = try await req.deadlineRule()
    let status = c.deadline(rule, now: req.now)
    var model = OnlineApplicationPages.CaseModel(
      serviceCase: c, clock: CaseClock(rule: rule, now: req.now), deadline: status,
      deadlineText: DeadlineText.explain(c, status: status, rule: rule, language: req.language),
      names: try await StaffDesk.directoryNames(req), errors: errors, notice: notice)
    if c.state != .draft {
      (model.rateForms, model.track, model.rateProblems) = try await EvaluationController.raterView(
        c, channel: .portal, action: Links.myCaseRate(c.number), hidden: [], failed: failed, req)
    }
    return OnlineApplicationPages.myCase(model, try await req.pageContext())
  }

  /// The item (current version) and the sites that may handle it, the county center first; an item that takes no
  /// online applications is an error.
  /// The item a personal account may apply for, with the sites that take it. `online: false` for an item of a
  /// 一件事, which the bundle's online application files even when the item alone takes no online application.
  static func applicable(_ code: String, online: Bool = true, _ req: Request) async throws
    -> (CatalogEntry, [(site: Site, route: IntakeRoute)])
  {
    let entry = try await CaseAPIController.acceptableItem(code, field: "item_code", req)
    guard !online || entry.item.onlineDepth >= minimumDepth else {
      throw ValidationError(
        field: "item_code",
        zh: "「\(entry.item.name)」暂不支持网上申请（网上办理深度 \(entry.item.onlineDepth) 级），请到窗口办理",
        en: "\(entry.item.name) cannot be applied for online yet; please come to a window")
    }
    guard entry.item.servesPersons else {
      let objects = ServiceObject.allCases.filter(entry.item.serviceObjects.contains).map(\.name)
      throw ValidationError(
        field: "item_code",
        zh: "「\(entry.item.name)」的服务对象为\(objects.map(\.zh).joined(separator: "、"))，个人账号不能申请；"
          + "请由单位经办人携统一社会信用代码证照到窗口办理",
        en: "\(entry.item.name) serves \(objects.map(\.en).joined(separator: ", ")) only, not a personal account; "
          + "the organisation's representative applies at a window")
    }
    var sites: [(Site, IntakeRoute)] = []
    for site in try await DirectoryRepository(req.database).sites()
    where site.kind == .serviceCenter || site.kind == .townCenter {
      guard site.regionCode.level == .county || entry.item.levels.contains(site.regionCode.level) else { continue }
      if let routing = try? await IntakeRouting.resolve(itemCode: code, site: site, field: "site_id", req) {
        sites.append((site, routing.route))
      }
    }
    sites.sort {
      ($0.0.regionCode.level == .county ? 0 : 1, $0.0.id) < ($1.0.regionCode.level == .county ? 0 : 1, $1.0.id)
    }
    guard !sites.isEmpty else {
      throw ValidationError(field: "item_code", zh: "没有可以办理该事项的场所", en: "No site handles this item")
    }
    return (entry, sites.map { (site: $0.0, route: $0.1) })
  }

  /// Required materials the applicant must upload before sending: those without a file yet (fetched ones excepted).
  static func missingUploads(_ checklist: [CaseMaterial], uploaded: Set<Int>) -> [ValidationError] {
    checklist.enumerated().compactMap { index, line in
      guard line.required, line.status != .received, line.attachments.isEmpty, !uploaded.contains(index) else {
        return nil
      }
      return ValidationError(
        field: "material_\(index)_file", zh: "请上传「\(line.name)」", en: "Upload '\(line.name)'")
    }
  }

  /// The materials the correction notice listed that get no new file now and got none since the notice.
  static func uncorrected(_ notice: CorrectionNotice, _ checklist: [CaseMaterial], uploaded: Set<Int>)
    -> [ValidationError]
  {
    notice.unanswered(in: checklist).compactMap { name in
      guard let index = checklist.firstIndex(where: { $0.name == name }), !uploaded.contains(index) else { return nil }
      return ValidationError(
        field: "material_\(index)_file", zh: "请上传补正后的「\(name)」（一次性告知所列）",
        en: "Upload the corrected '\(name)' (listed on the notice)")
    }
  }

  /// `material_3_file` → 3.
  static func index(of field: String) -> Int? {
    let parts = field.split(separator: "_")
    guard parts.count == 3, parts[0] == "material", parts[2] == "file" else { return nil }
    return Int(parts[1])
  }
}
