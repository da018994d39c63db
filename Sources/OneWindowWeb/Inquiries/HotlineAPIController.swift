import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// The inbound side of the 12345 exchange: the hotline platform, with a token of a service-desk account
/// (`onewindow token issue`), pushes work orders in and reads how each stands. The order id makes a push idempotent:
/// the same order pushed again answers the inquiry it made (200) instead of a second one (201).
enum HotlineAPIController {
  /// `POST /api/v1/hotline/orders`: order_id, kind, title, content, name, phone, anonymous, and optionally
  /// department_id, item_code, site_id, window_id, case.
  static func push(req: Request) async throws -> Response {
    let staff = try req.authorize(.handleInquiries)
    let fields = try DirectoryWritesAPIController.fields(req)
    let orderID = (fields["order_id"] ?? "").trimmingCharacters(in: .whitespaces)
    guard !orderID.isEmpty, orderID.count <= 64 else {
      throw ValidationError(
        field: "order_id", zh: "请提供 12345 工单编号（64 字以内）", en: "Give the work-order id (up to 64 characters)")
    }
    var filing = InquiryService.Filing(fields, source: .hotline)
    filing.orderID = orderID
    let (inquiry, existing) = try await InquiryService.file(
      filing, county: InquiryService.county(staff), by: .init(id: staff.id, name: "12345热线（\(staff.displayName)）"),
      req)
    return try await OrderJSON(inquiry, events: [], req).encodeResponse(
      status: existing ? .ok : .created, for: req)
  }

  /// `GET /api/v1/hotline/orders/{order_id}`: the inquiry the order made, its state, answer, rating and steps.
  static func show(req: Request) async throws -> OrderJSON {
    let staff = try req.authorize(.handleInquiries)
    let repository = InquiryRepository(req.database)
    guard
      let stored = try await repository.find(
        county: InquiryService.county(staff), orderID: req.parameters.get("order") ?? "")
    else { throw AppError.notFound(LocalizedText(zh: "没有这个工单", en: "No such work order")) }
    return try await OrderJSON(stored.inquiry, events: repository.events(of: stored.inquiry.number), req)
  }

  /// Absent values are written as null: the platform reads one shape whatever the order's state.
  struct OrderJSON: Content {
    struct Step: Content {
      let step: String
      let state: String
      let at: String
    }

    let orderID: String
    let number: String
    let kind: String
    let state: String
    @Nullable var departmentID: String?
    @Nullable var replyDue: String?
    @Nullable var answer: String?
    @Nullable var answeredAt: String?
    @Nullable var rating: String?
    let steps: [Step]

    enum CodingKeys: String, CodingKey {
      case number, kind, state, answer, rating, steps
      case orderID = "order_id"
      case departmentID = "department_id"
      case replyDue = "reply_due"
      case answeredAt = "answered_at"
    }

    init(_ inquiry: Inquiry, events: [InquiryEvent], _ req: Request) async throws {
      let rule = try await req.deadlineRule()
      orderID = inquiry.externalOrderID ?? ""
      number = inquiry.number
      kind = inquiry.kind.rawValue
      state = inquiry.state.rawValue
      departmentID = inquiry.departmentID
      replyDue = inquiry.replyDue(rule: rule, policy: InquiryService.policy(req)).map(rule.iso8601)
      answer = inquiry.answer?.text
      answeredAt = inquiry.answer.map { rule.iso8601($0.at) }
      rating = inquiry.rating?.rawValue
      steps = events.map { Step(step: $0.step.rawValue, state: $0.toState.rawValue, at: rule.iso8601($0.at)) }
    }
  }
}
