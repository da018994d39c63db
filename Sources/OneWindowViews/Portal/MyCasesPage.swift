import OneWindowDomain

/// 我的办件: the signed-in citizen's cases with state, due date, what to correct and the result.
public enum MyCasesPage {
  public struct Model: Sendable {
    public let citizen: Citizen
    public let cases: [(ServiceCase, DeadlineStatus?)]
    public let clock: CaseClock
    /// What the last action did ("草稿已删除。").
    public let notice: String?
    /// Bookings from today on and today's tickets taken with the account's phone number, with hall and group names.
    public let appointments: [(Appointment, site: String, group: String)]
    public let tickets: [(Ticket, site: String, group: String)]
    /// How many of the account's in-app messages are unread (我的消息).
    public let unreadMessages: Int

    public init(
      citizen: Citizen, cases: [(ServiceCase, DeadlineStatus?)], clock: CaseClock, notice: String? = nil,
      appointments: [(Appointment, site: String, group: String)] = [],
      tickets: [(Ticket, site: String, group: String)] = [], unreadMessages: Int = 0
    ) {
      self.unreadMessages = unreadMessages
      self.citizen = citizen
      self.cases = cases
      self.clock = clock
      self.notice = notice
      self.appointments = appointments
      self.tickets = tickets
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let rows = model.cases.map { c, status -> HTML in
      let todo: String =
        switch c.state {
        case .draft: context.t("草稿，尚未提交", "Draft, not sent")
        case .correcting: context.t("请按一次性告知补正后重新提交", "Correct and send again")
        case .decided where c.resultFile != nil: context.t("可下载电子结果", "Result ready to download")
        case .decided: context.t("请按约定方式领取结果", "Collect the result")
        default: ""
        }
      return """
        <tr><td><a href="\(Links.myCase(c.number))">\(c.number)</a></td><td>\(c.item.name)</td>\
        <td>\(CaseText.state(c.state, context))</td><td>\(model.clock.time(status?.due))</td><td>\(todo)</td></tr>
        """
    }
    let table: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"my-cases\">\(context.t("您还没有网上申请。", "You have no applications yet."))</p>"
      : """
      <table class="results cases" id="my-cases"><thead><tr><th>\(context.t("办件编号", "Number"))</th>\
      <th>\(context.t("事项", "Item"))</th><th>\(context.t("状态", "State"))</th><th>\(context.t("应办结", "Due"))</th>\
      <th>\(context.t("待办", "To do"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
    let body: HTML = """
      <h1>\(context.t("我的办件", "My applications"))</h1>
      <p class="lead">\(model.citizen.name) · \(Masking.phone(model.citizen.phone))</p>
      \(model.notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      <p><a class="button" href="\(Links.items)">\(context.t("查找事项，在线申请", "Find an item and apply online"))</a> \
      <a class="button secondary" id="my-messages" href="\(Links.myMessages)">\(context.t("我的消息", "My messages"))\
      \(model.unreadMessages > 0 ? " <span class=\"badge\">\(model.unreadMessages)</span>" as HTML : .empty)</a> \
      <a class="button secondary" id="my-inquiries-link" href="\(Links.myInquiries)">\(context.t("我的诉求", "My inquiries"))</a></p>
      \(table)
      \(visits(model, context))
      <form method="post" action="\(Links.portalLogout)" class="no-print">\(context.csrfField)\
      <button type="submit" class="secondary">\(context.t("退出登录", "Sign out"))</button></form>
      """
    return Layout.page(context, title: context.t("我的办件", "My applications"), body: body)
  }

  /// 我的预约与取号: what the citizen booked or took with this phone number.
  private static func visits(_ model: Model, _ context: PageContext) -> HTML {
    let rows =
      model.tickets.map { ticket, site, group -> HTML in
        """
        <tr><td>\(context.t("今日号", "Today's ticket")) <b>\(ticket.number)</b></td><td>\(site)</td><td>\(group)</td>\
        <td>\(context.t(ticket.state.name))</td><td><a href="\(Links.ticket(ticket.id))">\(context.t("查看号票", "Ticket"))</a></td></tr>
        """
      }
      + model.appointments.map { booking, site, group -> HTML in
        """
        <tr><td>\(booking.day.iso) \(booking.slot.label)</td><td>\(site)</td><td>\(group)</td>\
        <td>\(context.t(booking.state.name))\(booking.state == .booked ? " · \(context.t("签到码", "code")) \(booking.code)" : "")</td>\
        <td>\(booking.state == .booked ? "<a href=\"\(Links.appointmentCancel)\">\(context.t("取消", "Cancel"))</a>" as HTML : .empty)</td></tr>
        """
      }
    let table: HTML =
      rows.isEmpty
      ? "<p class=\"empty\">\(context.t("没有预约或今日取号。", "No bookings or tickets today."))</p>"
      : """
      <table class="results" id="my-visits"><thead><tr><th>\(context.t("时间", "When"))</th><th>\(context.t("大厅", "Hall"))</th>\
      <th>\(context.t("业务", "Service"))</th><th>\(context.t("状态", "State"))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
      """
    return """
      <h2>\(context.t("我的预约与取号", "My bookings and tickets"))</h2>
      \(table)
      <p><a href="\(Links.appointments)">\(context.t("预约办理", "Book a visit"))</a> · \
      <a href="\(Links.onlineTicket)">\(context.t("网上取号", "Take a ticket online"))</a></p>
      """
  }
}
