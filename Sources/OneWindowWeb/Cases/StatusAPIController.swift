import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// `GET /api/v1/status?number=&phone=`: a citizen looks up their case without signing in.
/// A wrong number and a wrong phone get the same answer, so the look-up reveals nothing.
enum StatusAPIController {
  struct StatusJSON: Encodable {
    let number: String
    let itemName: String
    let applicant: String
    let state: CaseState
    let stateName: String
    let submittedAt: Date?
    let acceptedAt: Date?
    let due: Date?
    let concludedAt: Date?
    let correctionItems: [CorrectionNotice.Item]
  }

  @Sendable static func lookup(req: Request) async throws -> Response {
    let number = req.query[String.self, at: "number"] ?? ""
    let phone = req.query[String.self, at: "phone"] ?? ""
    let (c, rule) = try await find(number: number, phone: phone, req)
    let json = StatusJSON(
      number: c.number, itemName: c.item.name, applicant: maskedName(c.applicant.name), state: c.state,
      stateName: c.state.name.text(req.language), submittedAt: c.submittedAt, acceptedAt: c.acceptedAt,
      due: c.deadline(rule, now: req.now)?.due, concludedAt: c.concludedAt,
      correctionItems: c.state == .correcting ? c.notices.last?.items ?? [] : [])
    return try APIEncoding.response(json, rule: rule)
  }

  /// The case with this number whose applicant gave this phone; shared by the API and the status page.
  static func find(number: String, phone: String, _ req: Request) async throws -> (ServiceCase, DeadlineRule) {
    guard CaseNumber.isWellFormed(number) else {
      throw ValidationError(field: "number", zh: "办件编号格式不正确", en: "That is not a case number")
    }
    guard phone.count == 11, phone.allSatisfy(\.isNumber) else {
      throw ValidationError(
        field: "phone", zh: "请填写申请时留的 11 位手机号码", en: "Enter the 11-digit phone number you applied with")
    }
    let rule = try await req.deadlineRule()
    let found = try await req.guardedLookup("status", budget: \.status, target: number) {
      () async throws -> ServiceCase? in
      guard let c = try await req.cases(rule).find(number), c.applicant.phone == phone else { return nil }
      return c
    }
    guard let c = found else {
      throw AppError.notFound(
        LocalizedText(zh: "没有找到该编号与手机号对应的办件", en: "No case matches that number and phone"))
    }
    return (c, rule)
  }

  /// 王秀英 → 王**
  static func maskedName(_ name: String) -> String {
    guard let first = name.first else { return "" }
    return String(first) + String(repeating: "*", count: max(1, name.count - 1))
  }
}
