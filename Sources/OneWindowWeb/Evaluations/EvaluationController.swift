import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 好差评 by the people served: 一事一评 of a concluded case (and of the agent who filed it) on the status page, from
/// the text message's link, the notice's QR code and the portal; 再评价 once a rectification's result was told; and
/// the public page of ratings and fixes.
enum EvaluationController {
  static func repository(_ req: Request) async throws -> EvaluationRepository {
    EvaluationRepository(
      req.database, rule: try await req.deadlineRule(), policy: req.application.configuration.evaluationPolicy)
  }

  /// What a rating of `c` is about. The clerk a case rating names is the one who accepted (or refused) it: at the
  /// window that is who received it; for an online application, the clerk who pre-reviewed it.
  static func target(of c: ServiceCase, subject: EvaluationSubject, _ req: Request) async throws
    -> Evaluation.Target
  {
    var staffID: String? = subject == .agent ? c.proxy?.agentID : c.receivedBy
    if subject == .case,
      let decisive = try await req.cases(try await req.deadlineRule()).events(of: c.number).last(where: {
        $0.step == .accept || $0.step == .refuse
      })
    {
      staffID = decisive.actorID
    }
    return Evaluation.Target(
      caseNumber: c.number, staffID: staffID, departmentID: c.departmentID, itemCode: c.item.code,
      itemName: c.item.name, siteID: c.siteID, regionCode: c.regionCode.value)
  }

  /// A refused rating, put back in its own form with the problems.
  struct Failed: Sendable {
    let formID: String
    let errors: [ValidationError]
    let posted: [String: String]
  }

  /// The forms the rater of `c` may still fill in, and their ratings with how each rectification stands.
  static func raterView(
    _ c: ServiceCase, channel: EvaluationChannel, action: String, hidden: [(String, String)], failed: Failed?,
    _ req: Request
  ) async throws -> (forms: [EvaluationFormPart.Model], track: [EvaluationTrackPart.Row], problems: [ValidationError]) {
    let repository = try await repository(req)
    let given = try await repository.evaluations(caseNumber: c.number).filter { $0.subject != .service }
    let context = try await req.pageContext()
    func model(_ id: String, _ title: String, _ extra: [(String, String)]) -> EvaluationFormPart.Model {
      EvaluationFormPart.Model(
        id: id, title: title, action: action, hidden: hidden + extra, channel: channel,
        errors: failed?.formID == id ? failed?.errors ?? [] : [],
        posted: failed?.formID == id ? failed?.posted ?? [:] : [:])
    }
    var forms: [EvaluationFormPart.Model] = []
    let ratedOnline = given.contains {
      $0.subject == .case && $0.channel.group == channel.group && $0.followUpOf == nil
    }
    if [.concluded, .refused].contains(c.state), !ratedOnline {
      forms.append(
        model("rate-case", context.t("请对本次办事服务评价（一事一评）", "Rate the service for this case"), [("subject", "case")]))
    }
    if let proxy = c.proxy, c.acceptedAt != nil, !given.contains(where: { $0.subject == .agent }) {
      let agent = try await StaffRepository(req.database).find(id: proxy.agentID)?.identity.displayName ?? ""
      forms.append(
        model("rate-agent", context.t("评价帮办代办员 \(agent)", "Rate your proxy agent \(agent)"), [("subject", "agent")]))
    }
    var track: [EvaluationTrackPart.Row] = []
    for evaluation in given where evaluation.followUpOf == nil {
      let entry = try await repository.rectification(evaluationID: evaluation.id)
      let answered = entry.map { $0.state == .closed || $0.state == .explained } ?? false
      let again = given.contains { $0.followUpOf == evaluation.id }
      track.append(
        EvaluationTrackPart.Row(
          evaluation: evaluation, entry: entry,
          again: answered && !again
            ? model(
              "rate-again", context.t("看过整改结果，请再次评价", "Seen the result? Rate again"),
              [("subject", evaluation.subject.rawValue), ("follow_up_of", evaluation.id)]) : nil))
      if let second = given.first(where: { $0.followUpOf == evaluation.id }) {
        track.append(EvaluationTrackPart.Row(evaluation: second, entry: nil, again: nil))
      }
    }
    let offered = forms.map(\.id) + track.compactMap { $0.again?.id }
    let lost = failed.map { offered.contains($0.formID) ? [] : $0.errors } ?? []
    return (forms, track, lost)
  }

  /// Records a rating of `c` posted by its applicant (`rater`), or throws the problems by field.
  static func record(
    _ c: ServiceCase, posted: [String: String], channel: EvaluationChannel, rater: Evaluation.Rater, _ req: Request
  ) async throws {
    guard let subject = EvaluationSubject(rawValue: posted["subject"] ?? ""), subject != .service else {
      throw ValidationError(field: "subject", zh: "请选择评价对象", en: "Choose what you are rating")
    }
    let form = EvaluationForm.fields(posted)
    let checked = try form.check(channel: channel)
    switch subject {
    case .case where ![.concluded, .refused].contains(c.state):
      throw ValidationError(field: "level", zh: "办结后才能评价本件", en: "The case can be rated once it is concluded")
    case .agent where c.proxy == nil || c.acceptedAt == nil:
      throw ValidationError(field: "level", zh: "本件不是帮办代办件", en: "This case was not filed by an agent")
    default: break
    }
    let repository = try await repository(req)
    var followUpOf: String?
    if let first = posted["follow_up_of"], !first.isEmpty {
      guard let original = try await repository.evaluation(id: first), original.about.caseNumber == c.number,
        original.subject == subject,
        let entry = try await repository.rectification(evaluationID: first),
        entry.state == .closed || entry.state == .explained
      else {
        throw ValidationError(
          field: "level", zh: "整改结果反馈后才能再次评价", en: "You can rate again once the result was told")
      }
      followUpOf = original.id
    }
    let evaluation = Evaluation(
      id: UUID().uuidString.lowercased(), subject: subject, channel: channel, level: checked.level,
      scores: checked.scores, tags: checked.tags, comment: checked.comment,
      rater: form.anonymous ? .anonymous : rater, about: try await target(of: c, subject: subject, req), at: req.now,
      followUpOf: followUpOf)
    try await repository.record(evaluation, county: c.regionCode.county.value)
    req.logger.info("evaluation \(evaluation.id): \(subject.rawValue) \(c.number) level \(checked.level.rawValue)")
  }

  /// The posted form as strings (every field a rating form has is a string).
  static func posted(_ req: Request) throws -> [String: String] {
    try req.content.decode([String: String].self)
  }

  /// The channel a status-page rating came through: the QR code on the notice, the text message's link, or the page.
  static func channel(via: String?) -> EvaluationChannel {
    switch via {
    case "qr": .qrCode
    case "sms": .textMessage
    default: .statusPage
    }
  }

  /// `POST /status/rate`: the applicant rates their case or their agent; the number and the phone prove who.
  @Sendable static func statusRate(req: Request) async throws -> Response {
    let posted = try posted(req)
    let number = (posted["number"] ?? "").trimmingCharacters(in: .whitespaces)
    let phone = (posted["phone"] ?? "").trimmingCharacters(in: .whitespaces)
    let (c, _) = try await StatusAPIController.find(number: number, phone: phone, req)
    let via = posted["via"]
    do {
      try await record(
        c, posted: posted, channel: channel(via: via),
        rater: Evaluation.Rater(name: c.applicant.name, phone: c.applicant.phone, citizenID: c.citizenID), req)
    } catch let problems as ValidationErrors {
      return try await statusAgain(number, phone, via, formID(posted), problems.errors, posted, req)
    } catch let problem as ValidationError {
      return try await statusAgain(number, phone, via, formID(posted), [problem], posted, req)
    }
    var query = [("number", number), ("phone", phone), ("rated", "1")]
    if let via, !via.isEmpty { query.append(("via", via)) }
    return req.redirect(to: Links.status + Links.query(query) + "#my-evaluations", redirectType: .normal)
  }

  private static func formID(_ posted: [String: String]) -> String {
    if let first = posted["follow_up_of"], !first.isEmpty { return "rate-again" }
    return posted["subject"] == "agent" ? "rate-agent" : "rate-case"
  }

  private static func statusAgain(
    _ number: String, _ phone: String, _ via: String?, _ formID: String, _ errors: [ValidationError],
    _ posted: [String: String], _ req: Request
  ) async throws -> Response {
    let found = try await CaseStatusController.found(
      number: number, phone: phone, via: via, failed: Failed(formID: formID, errors: errors, posted: posted), req)
    return .html(
      CaseStatusPage.render(.init(number: number, phone: phone, found: found, via: via), try await req.pageContext()),
      status: .unprocessableEntity)
  }

  /// `POST /my/cases/{number}/rate`: the signed-in applicant rates their own case.
  @Sendable static func portalRate(req: Request) async throws -> Response {
    let citizen = try await PortalAccountController.requireCitizen(req)
    let c = try await OnlineApplicationController.ownCase(citizen, req)
    let posted = try posted(req)
    do {
      try await record(
        c, posted: posted, channel: .portal,
        rater: Evaluation.Rater(name: citizen.name, phone: citizen.phone, citizenID: citizen.id), req)
    } catch let problems as ValidationErrors {
      return try await OnlineApplicationController.page(
        c, errors: [], notice: nil, failed: Failed(formID: formID(posted), errors: problems.errors, posted: posted),
        req
      ).encodeResponse(status: .unprocessableEntity, for: req)
    } catch let problem as ValidationError {
      return try await OnlineApplicationController.page(
        c, errors: [], notice: nil, failed: Failed(formID: formID(posted), errors: [problem], posted: posted), req
      ).encodeResponse(status: .unprocessableEntity, for: req)
    }
    return req.redirect(to: Links.myCase(c.number) + "?rated=1#my-evaluations", redirectType: .normal)
  }

  /// `GET /ratings`: 好差评公示.
  @Sendable static func publicPage(req: Request) async throws -> HTML {
    let context = try await req.pageContext()
    let rule = try await req.deadlineRule()
    guard let county = try await req.county() else { throw Abort(.notFound) }
    let repository = try await repository(req)
    let from = req.now.addingTimeInterval(-90 * 86_400)
    let names = try await StaffDesk.directoryNames(req)
    func named(_ figures: [String: SatisfactionFigures], _ name: (String) -> String?) -> [(
      name: String, figures: SatisfactionFigures
    )] {
      figures.map { (name($0.key) ?? $0.key, $0.value) }.sorted { $0.name < $1.name }
    }
    let departments = try await repository.figures(
      by: .department, county: county.code.value, from: from, to: req.now, now: req.now)
    let sites = try await repository.figures(
      by: .site, county: county.code.value, from: from, to: req.now, now: req.now)
    return PublicEvaluationsPage.render(
      .init(
        recent: try await repository.recent(county: county.code.value, limit: 30),
        departments: named(departments) { names.departments[$0] },
        sites: named(sites) { names.sites[$0] }, policy: req.application.configuration.evaluationPolicy,
        clock: CaseClock(rule: rule, now: req.now)), context)
  }
}
