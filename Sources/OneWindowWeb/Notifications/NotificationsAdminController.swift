import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// `/admin/notifications`: the queue and the dead-letter list, for the center's administrator.
enum NotificationsAdminController {
  /// `GET /admin/notifications?retried=N`
  @Sendable static func show(req: Request) async throws -> HTML {
    try req.authorize(.manageStaff)
    let county = try await countyCode(req)
    let rule = try await req.deadlineRule()
    let outbox = OutboxRepository(req.database)
    let backlog = try await outbox.backlog(
      county: county, now: req.now, dayStart: rule.startOfDay(rule.civilDate(of: req.now)))
    let dead = try await outbox.deadLetters(county: county, limit: 200)
    let context = try await req.pageContext()
    let notice = req.query[Int.self, at: "retried"].map {
      context.t("已将 \($0) 条消息重新排队发送。", "\($0) messages were queued to be sent again.")
    }
    return NotificationsAdminPage.render(
      .init(
        channel: req.application.textMessages.channel, workerRunning: req.application.runningWorker != nil,
        pending: backlog.pending, oldestAge: backlog.oldestAge, sentToday: backlog.sentToday,
        dead: dead.map {
          .init(
            id: $0.id.uuidString, kind: $0.kind, caseNumber: $0.caseNumber, recipient: Masking.phone($0.recipient),
            attempts: $0.attempts, lastError: $0.lastError, createdAt: $0.createdAt, deadAt: $0.deadAt)
        }, deadTotal: backlog.dead, clock: CaseClock(rule: rule, now: req.now), notice: notice),
      context)
  }

  /// `POST /admin/notifications/retry` with `id` (one message) or `id=all`.
  @Sendable static func retry(req: Request) async throws -> Response {
    try req.authorize(.manageStaff)
    let county = try await countyCode(req)
    let value = (try? req.content.get(String.self, at: "id")) ?? ""
    let id: UUID?
    if value == "all" {
      id = nil
    } else {
      guard let parsed = UUID(uuidString: value) else {
        throw ValidationError(field: "id", zh: "请选择要重发的消息", en: "Choose the message to send again")
      }
      id = parsed
    }
    let staff = try req.requireStaff()
    let count = try await OutboxRepository(req.database).retry(id, county: county, now: req.now)
    req.logger.notice("notifications: \(count) dead letters queued again by \(staff.username)")
    return req.redirect(to: Links.adminNotifications + "?retried=\(count)", redirectType: .normal)
  }

  private static func countyCode(_ req: Request) async throws -> String {
    guard let county = try await req.county() else { throw Abort(.notFound) }
    return county.code.value
  }
}
