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

  /// The case found by number and phone, with its dates in words and whether its agent can be rated.
  static func found(
    number: String, phone: String, via: String? = nil, failed: EvaluationController.Failed? = nil, _ req: Request
  ) async throws -> CaseStatusPage.Found {
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
    var hidden = [("number", c.number), ("phone", phone)]
    if let via, !via.isEmpty { hidden.append(("via", via)) }
    (found.rateForms, found.track, found.rateProblems) = try await EvaluationController.raterView(
      c, channel: EvaluationController.channel(via: via), action: Links.statusRate, hidden: hidden, failed: failed, req)
    found.clock = CaseClock(rule: rule, now: req.now)
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
    let via = kioskSiteID == nil ? req.query[String.self, at: "via"] : nil
    guard !number.isEmpty || !phone.isEmpty else {
      return try await CaseStatusPage.render(.init(kioskSiteID: kioskSiteID, via: via), context).encodeResponse(
        for: req)
    }
    do {
      let found = try await found(
        number: number, phone: phone, via: via, req)
      return try await CaseStatusPage.render(
        .init(number: number, phone: phone, found: found, kioskSiteID: kioskSiteID, via: via), context
      )
      .encodeResponse(for: req)
    } catch let error as ValidationError {
      return .html(
        CaseStatusPage.render(
          .init(number: number, phone: phone, error: error, kioskSiteID: kioskSiteID, via: via), context),
        status: .unprocessableEntity)
    } catch let error as AppError where error.status == .notFound {
      let missing = ValidationError(field: "number", message: error.message)
      return .html(
        CaseStatusPage.render(
          .init(number: number, phone: phone, error: missing, kioskSiteID: kioskSiteID, via: via), context),
        status: .notFound)
    }
  }
}
