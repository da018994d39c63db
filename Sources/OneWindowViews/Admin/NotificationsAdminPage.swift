import Foundation
import OneWindowDomain

/// 通知发送情况: the notification queue for the center's administrator — the channel texts go through, what waits and
/// how long, what went out today, and the messages given up on (the dead-letter list), each with why, to send again.
public enum NotificationsAdminPage {
  public struct DeadLetterRow: Sendable {
    public let id: String
    public let kind: String
    public let caseNumber: String
    /// The recipient's number, masked.
    public let recipient: String
    public let attempts: Int
    public let lastError: String
    public let createdAt: Date
    public let deadAt: Date

    public init(
      id: String, kind: String, caseNumber: String, recipient: String, attempts: Int, lastError: String,
      createdAt: Date, deadAt: Date
    ) {
      self.id = id
      self.kind = kind
      self.caseNumber = caseNumber
      self.recipient = recipient
      self.attempts = attempts
      self.lastError = lastError
      self.createdAt = createdAt
      self.deadAt = deadAt
    }
  }

  public struct Model: Sendable {
    public let channel: String
    public let workerRunning: Bool
    public let pending: Int
    public let oldestAge: TimeInterval
    public let sentToday: Int
    public let dead: [DeadLetterRow]
    public let deadTotal: Int
    public let clock: CaseClock
    public let notice: String?

    public init(
      channel: String, workerRunning: Bool, pending: Int, oldestAge: TimeInterval, sentToday: Int,
      dead: [DeadLetterRow], deadTotal: Int, clock: CaseClock, notice: String?
    ) {
      self.channel = channel
      self.workerRunning = workerRunning
      self.pending = pending
      self.oldestAge = oldestAge
      self.sentToday = sentToday
      self.dead = dead
      self.deadTotal = deadTotal
      self.clock = clock
      self.notice = notice
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let channel: String =
      switch model.channel {
      case "gateway": context.t("短信网关", "the SMS gateway")
      case "log": context.t("服务器日志（未接短信网关，短信不会发出）", "the server log (no SMS gateway set: no text is sent)")
      default: model.channel
      }
    let age =
      model.oldestAge < 60
      ? "\(Int(model.oldestAge)) \(context.t("秒", "s"))" : "\(Int(model.oldestAge / 60)) \(context.t("分钟", "min"))"
    let rows = model.dead.map { row -> HTML in
      let kind = NotificationKind(rawValue: row.kind).map { context.t($0.name) } ?? row.kind
      return """
        <tr><td>\(model.clock.time(row.createdAt))</td><td>\(kind)</td>\
        <td>\(row.caseNumber.isEmpty ? "—" : row.caseNumber)</td><td>\(row.recipient)</td><td>\(row.attempts)</td>\
        <td>\(row.lastError)</td><td>\(model.clock.time(row.deadAt))</td>\
        <td><form method="post" action="\(Links.adminNotificationsRetry)">\(context.csrfField)\
        <input type="hidden" name="id" value="\(row.id)"><button type="submit" class="secondary">\(context.t("重发", "Send again"))</button></form></td></tr>
        """
    }
    let deadSection: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"dead-letters\">\(context.t("没有发送失败的消息。", "No message was given up on."))</p>"
      : """
      <form method="post" action="\(Links.adminNotificationsRetry)">\(context.csrfField)\
      <input type="hidden" name="id" value="all"><button type="submit">\(context.t("全部重发", "Send all again")) (\(model.deadTotal))</button></form>
      <table class="stacked" id="dead-letters"><thead><tr><th>\(context.t("产生时间", "Written"))</th>\
      <th>\(context.t("类型", "Kind"))</th><th>\(context.t("办件编号", "Case"))</th><th>\(context.t("接收号码", "To"))</th>\
      <th>\(context.t("尝试次数", "Tries"))</th><th>\(context.t("最后错误", "Last error"))</th>\
      <th>\(context.t("放弃时间", "Given up"))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
      """
    let body: HTML = """
      <h1>\(context.t("通知发送情况", "Notification delivery"))</h1>
      \(model.notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      <p class="lead">\(context.t("短信通道：", "Texts go through ")) <b id="channel">\(channel)</b>。\
      \(model.workerRunning ? .empty : " <span class=\"note\">\(context.t("本服务器未运行发送进程（由单独的 onewindow worker 发送）。", "This server runs no worker (a separate onewindow worker sends)."))</span>" as HTML)</p>
      <div class="figures" id="queue">\
      <div class="figure"><b>\(model.pending)</b>\(context.t("待发送", "Waiting"))</div>\
      <div class="figure"><b>\(model.pending == 0 ? "—" : age)</b>\(context.t("最早一条已等待", "Oldest waiting for"))</div>\
      <div class="figure"><b>\(model.sentToday)</b>\(context.t("今日已发送", "Sent today"))</div>\
      <div class="figure"><b>\(model.deadTotal)</b>\(context.t("发送失败", "Given up"))</div></div>
      <h2>\(context.t("发送失败的消息", "Messages given up on"))</h2>
      <p>\(context.t("网关拒收的号码立即列入此表；网关故障时按退避间隔重试，多次仍失败的也列入此表。修复后可重发，网关凭消息编号去重，不会重复发送。", "A number the gateway refuses is listed at once; a failing gateway is tried again with growing waits, and listed after the last try. Once fixed, send again: the gateway knows each message by its id and does not send it twice."))</p>
      \(deadSection)
      """
    return Layout.page(context, title: context.t("通知发送情况", "Notification delivery"), body: body)
  }
}
