import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// `GET /status?number=&phone=`: the public status page (the QR code on every notice opens it).
enum CaseStatusController {
  /// `GET /status/result?number=&phone=`: the electronic result, for whoever holds the number and the phone.
  @Sendable static func result(req: Request) async throws -> Response {
    let number = (req.query[String.self, at: "number"] ?? "").trimmingCharacters(in: .whitespaces)
    let phone = (req.query[String.self, at: "phone"] ?? "").trimmingCharacters(in: .whitespaces)
    let (c, _) = try await StatusAPIController.find(number: number, phone: phone, req)
    guard let file = c.resultFile, let bytes = try await req.application.fileStore.get(file.fileID) else {
      throw AppError.notFound(LocalizedText(zh: "本件尚无电子结果", en: "The case has no electronic result yet"))
    }
    return FileResponse.make(file, bytes)
  }

  /// `POST /status/rate-agent`: the resident rates the agent who filed their case (number and phone prove who).
  @Sendable static func rateAgent(req: Request) async throws -> Response {
    let fields = try req.content.decode([String: String].self)
    let number = fields["number"] ?? ""
    let phone = fields["phone"] ?? ""
    let (c, _) = try await StatusAPIController.find(number: number, phone: phone, req)
    guard let proxy = c.proxy, c.acceptedAt != nil else {
      throw ValidationError(field: "score", zh: "本件不是帮办代办件", en: "This case was not filed by an agent")
    }
    do {
      let score = try AgentRating.check(score: Int(fields["score"] ?? ""))
      try await AgentProfileRepository(req.database).rate(
        caseNumber: c.number, agentID: proxy.agentID, score: score,
        comment: (fields["comment"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
        county: c.regionCode.county.value, now: req.now)
    } catch let error as ValidationError {
      // Told next to the rating, on the status page as it was.
      var found = try await found(number: number, phone: phone, req)
      found.rateError = error
      return .html(
        CaseStatusPage.render(.init(number: number, phone: phone, found: found), try await req.pageContext()),
        status: .unprocessableEntity)
    }
    return req.redirect(to: Links.status + Links.query([("number", number), ("phone", phone)]))
  }

  /// The case found by number and phone, with its dates in words and whether its agent can be rated.
  static func found(number: String, phone: String, _ req: Request) async throws -> CaseStatusPage.Found {
    let (c, rule) = try await StatusAPIController.find(number: number, phone: phone, req)
    func day(_ date: Date?) -> String {
      date.map { rule.iso8601($0).prefix(16).replacingOccurrences(of: "T", with: " ") } ?? "—"
    }
    let status = c.deadline(rule, now: req.now)
    var found = CaseStatusPage.Found(
      serviceCase: c, applicantName: StatusAPIController.maskedName(c.applicant.name),
      dates: [
        (LocalizedText(zh: "申请时间", en: "Submitted"), day(c.submittedAt)),
        (LocalizedText(zh: "受理时间", en: "Accepted"), day(c.acceptedAt)),
        (LocalizedText(zh: "应办结时间", en: "Due"), day(status?.due)),
        (LocalizedText(zh: "办结时间", en: "Concluded"), day(c.concludedAt)),
      ],
      deadline: DeadlineText.explain(c, status: status, rule: rule, language: req.language))
    found.phone = phone
    if let proxy = c.proxy, c.acceptedAt != nil,
      try await !AgentProfileRepository(req.database).rated(caseNumber: c.number)
    {
      found.agentToRate = try await StaffRepository(req.database).find(id: proxy.agentID)?.identity.displayName
    }
    return found
  }

  @Sendable static func show(req: Request) async throws -> Response {
    try await answer(kioskSiteID: nil, req)
  }

  /// `GET /hall/sites/{site}/kiosk/status?number=&phone=`: the kiosk's 办件查询, which stays in kiosk mode.
  @Sendable static func kiosk(req: Request) async throws -> Response {
    let site = try await HallService.site(req.parameters.get("site") ?? "", req)
    return try await answer(kioskSiteID: site.id, req)
  }

  private static func answer(kioskSiteID: String?, _ req: Request) async throws -> Response {
    let context = try await req.pageContext()
    let number = (req.query[String.self, at: "number"] ?? "").trimmingCharacters(in: .whitespaces)
    let phone = (req.query[String.self, at: "phone"] ?? "").trimmingCharacters(in: .whitespaces)
    guard !number.isEmpty || !phone.isEmpty else {
      return try await CaseStatusPage.render(.init(kioskSiteID: kioskSiteID), context).encodeResponse(for: req)
    }
    do {
      let found = try await found(number: number, phone: phone, req)
      return try await CaseStatusPage.render(
        .init(number: number, phone: phone, found: found, kioskSiteID: kioskSiteID), context
      )
      .encodeResponse(for: req)
    } catch let error as ValidationError {
      return .html(
        CaseStatusPage.render(.init(number: number, phone: phone, error: error, kioskSiteID: kioskSiteID), context),
        status: .unprocessableEntity)
    } catch let error as AppError where error.status == .notFound {
      let missing = ValidationError(field: "number", message: error.message)
      return .html(
        CaseStatusPage.render(.init(number: number, phone: phone, error: missing, kioskSiteID: kioskSiteID), context),
        status: .notFound)
    }
  }
}
