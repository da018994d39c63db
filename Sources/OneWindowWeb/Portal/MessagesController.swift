import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 我的消息: the in-app copies of the notifications the worker delivered, to a citizen's portal account and to a
/// staff member's workbench.
enum MessagesController {
  /// `GET /my/messages?page=`: latest first; showing them marks them read.
  @Sendable static func mine(req: Request) async throws -> HTML {
    let citizen = try await PortalAccountController.requireCitizen(req)
    let account = InAppMessage.account(citizen: citizen.id)
    let repository = MessageRepository(req.database)
    let page = max(1, min(req.query[Int.self, at: "page"] ?? 1, 10_000))
    let size = MyMessagesPage.Model.pageSize
    let messages = try await repository.messages(of: account, limit: size, offset: (page - 1) * size)
    let total = try await repository.count(of: account)
    if messages.contains(where: { !$0.isRead }) { try await repository.markRead(of: account, now: req.now) }
    let rule = try await req.deadlineRule()
    let own = Set(try await req.cases(rule).cases(ofCitizen: citizen.id).map(\.number))
    return MyMessagesPage.render(
      .init(
        messages: messages, clock: CaseClock(rule: rule, now: req.now), total: total, page: page, ownCases: own,
        phone: citizen.phone),
      try await req.pageContext())
  }

  /// `GET /staff/messages?page=`: the staff member's warnings, latest first; showing them marks them read.
  @Sendable static func staff(req: Request) async throws -> HTML {
    let staff = try req.requireStaff()
    let account = InAppMessage.account(staff: staff.id)
    let repository = MessageRepository(req.database)
    let page = max(1, min(req.query[Int.self, at: "page"] ?? 1, 10_000))
    let size = StaffMessagesPage.Model.pageSize
    let messages = try await repository.messages(of: account, limit: size, offset: (page - 1) * size)
    let total = try await repository.count(of: account)
    if messages.contains(where: { !$0.isRead }) { try await repository.markRead(of: account, now: req.now) }
    return StaffMessagesPage.render(
      .init(
        messages: messages, clock: CaseClock(rule: try await req.deadlineRule(), now: req.now), total: total,
        page: page), try await req.pageContext())
  }
}
