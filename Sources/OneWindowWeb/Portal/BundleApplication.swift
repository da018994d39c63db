import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// "一件事" applied for online: one form with the bundle's combined material list; each upload goes to every item
/// that asks for that paper, and one linked case per item is filed at a site that can handle them all. An item that
/// alone takes no online application is filed with the rest (一次申请); its on-site part follows the pre-review.
struct BundleApplication {
  let bundle: ServiceBundle
  let entries: [CatalogEntry]
  /// Sites that handle every item, with the route of each item there; the county center first.
  let sites: [(site: Site, routes: [IntakeRoute])]
  let combined: [CombinedMaterial]

  static func resolve(_ id: String, _ req: Request) async throws -> BundleApplication {
    guard let bundle = try await BundleRepository(req.database).find(id) else {
      throw AppError.notFound(LocalizedText(zh: "没有这件“一件事”", en: "No such bundle"))
    }
    var entries: [CatalogEntry] = []
    var perItem: [[(site: Site, route: IntakeRoute)]] = []
    for code in bundle.itemCodes {
      let (entry, sites) = try await OnlineApplicationController.applicable(code, online: false, req)
      entries.append(entry)
      perItem.append(sites)
    }
    guard entries.contains(where: { $0.item.onlineDepth >= OnlineApplicationController.minimumDepth }) else {
      throw ValidationError(
        field: "bundle_id", zh: "「\(bundle.name)」的事项都需到现场办理，请到窗口申请（可先预约）",
        en: "Every item of \(bundle.name) needs a visit: apply at a window (book first)")
    }
    let sites = perItem[0].compactMap { first -> (site: Site, routes: [IntakeRoute])? in
      let routes = perItem.compactMap { options in options.first { $0.site.id == first.site.id }?.route }
      return routes.count == perItem.count ? (first.site, routes) : nil
    }
    guard !sites.isEmpty else {
      throw ValidationError(field: "bundle_id", zh: "没有能同时办理这些事项的场所", en: "No site handles all these items")
    }
    return BundleApplication(
      bundle: bundle, entries: entries, sites: sites,
      combined: ServiceBundle.combinedMaterials(of: entries.map(\.item)))
  }

  func page(citizen: Citizen, chosenSite: String?, errors: [ValidationError], intakeKey: String)
    -> OnlineApplicationPages.ApplyModel
  {
    OnlineApplicationPages.ApplyModel(
      title: bundle.name, guide: Links.bundle(bundle.id), subject: ("bundle_id", bundle.id),
      lines: combined.map { CaseMaterial($0.material) }, itemNames: entries.map(\.item.name),
      inPersonNames: entries.map(\.item).filter { $0.onlineDepth < OnlineApplicationController.minimumDepth }.map(
        \.name),
      applicant: citizen.applicant,
      sites: sites.map { ($0.site.id, $0.site.name) }, chosenSite: chosenSite ?? sites[0].site.id, errors: errors,
      intakeKey: intakeKey)
  }

  func submit(_ posted: FormBody, citizen: Citizen, _ req: Request) async throws -> Response {
    let post = ApplicationPost(
      posted, choices: sites, siteID: \.site.id, lines: combined.map { CaseMaterial($0.material) })
    let (key, sending, scans) = (post.key, post.sending, post.scans)
    if !post.errors.isEmpty, let chosen = post.chosen, !scans.isEmpty {
      // The files that passed are kept with the drafts; the list names each file still to upload.
      let numbers = try await file(scans, at: chosen, key: key, sending: false, citizen: citizen, req)
      let context = try await req.pageContext()
      let refused = post.errors.map { context.t($0.message) }.joined(separator: context.t("；", "; "))
      let notice = context.t(
        "通过检查的文件已随草稿保存（\(numbers.joined(separator: "、"))）。未通过的文件：\(refused)。请打开草稿重新上传这些文件后提交。",
        "The files that passed are kept with the drafts (\(numbers.joined(separator: ", "))). Refused: \(refused). Open the drafts, upload those files again and send."
      )
      return try await OnlineApplicationController.myCasesPage(notice: notice, req)
        .encodeResponse(status: .unprocessableEntity, for: req)
    }
    guard post.errors.isEmpty, let chosen = post.chosen else {
      return .html(
        OnlineApplicationPages.apply(
          page(citizen: citizen, chosenSite: posted.fields["site_id"], errors: post.errors, intakeKey: key),
          try await req.pageContext()),
        status: .unprocessableEntity)
    }
    _ = try await file(scans, at: chosen, key: key, sending: sending, citizen: citizen, req)
    return req.redirect(to: Links.myCases + (sending ? "?sent=1" : "?saved=1"))
  }

  /// Files the bundle as one linked case per item (sent, or kept as drafts) with the scans that passed; answers the
  /// case numbers.
  private func file(
    _ scans: [(FormBody.FilePart, FileKind)], at chosen: (site: Site, routes: [IntakeRoute]), key: String,
    sending: Bool,
    citizen: Citizen, _ req: Request
  ) async throws -> [String] {
    let stored = try await Scans.store(scans, req)
    // Each item's own checklist, with the scans of the papers it shares with the bundle's list.
    var byPaper: [String: [Attachment]] = [:]
    for (index, attachments) in stored where combined.indices.contains(index) {
      byPaper[combined[index].material.normalizedName, default: []] += attachments
    }
    let intakes = zip(entries, chosen.routes).map { entry, route in
      CaseIntake(
        materials: entry.item.materials.map { material in
          var line = CaseMaterial(material)
          line.attachments = byPaper[material.normalizedName] ?? []
          return line
        }, route: route, resultDelivery: .pickup(siteID: chosen.site.id))
    }
    let rule = try await req.deadlineRule()
    return try await req.cases(rule).createBundle(
      items: entries.map { CaseItem($0.item, version: $0.version) }, leadDepartmentID: bundle.leadDepartmentID,
      applicant: citizen.applicant, channel: .online, site: chosen.site,
      idempotencyKey: "citizen:\(citizen.id):bundle:\(key)", by: CaseActor(applicant: citizen), now: req.now,
      intakes: intakes, citizenID: citizen.id, submit: sending
    ).cases.map(\.number)
  }
}
