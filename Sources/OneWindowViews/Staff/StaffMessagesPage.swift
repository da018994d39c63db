import OneWindowDomain

/// 我的消息 on the workbench: the warnings a staff member was sent (a 差评整改 step due or late, a case turning
/// yellow or red), latest first, each linked to what it is about. Opening the page reads them.
public enum StaffMessagesPage {
  public struct Model: Sendable {
    public let messages: [InAppMessage]
    public let clock: CaseClock
    public let total: Int
    public let page: Int
    public static let pageSize = 30

    public init(messages: [InAppMessage], clock: CaseClock, total: Int, page: Int) {
      self.messages = messages
      self.clock = clock
      self.total = total
      self.page = page
    }
  }

  /// Where a message leads: the rectification it warns of, else its case.
  static func link(_ message: InAppMessage) -> String? {
    if message.kind == .rectificationDue, let entry = message.facts["entry"] { return Links.rectification(entry) }
    return message.caseNumber.map(Links.casePage)
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let items = model.messages.map { message -> HTML in
      let text = message.text
      let open = link(message).map { "<a href=\"\($0)\">\(context.t("去办理", "Open"))</a>" as HTML } ?? .empty
      return """
        <li class="message\(message.isRead ? "" : " unread")" data-kind="\(message.kind.rawValue)">\
        <p class="message-head"><b>\(context.t(text.title))</b>\
        \(message.isRead ? .empty : " <span class=\"badge\">\(context.t("新", "new"))</span>" as HTML)\
        <time>\(model.clock.time(message.createdAt))</time></p><p>\(context.t(text.body))</p>\(open)</li>
        """
    }
    let list: HTML =
      items.isEmpty
      ? "<p class=\"empty\" id=\"messages\">\(context.t("暂无消息。差评整改到期、办件亮黄灯或红灯时会在这里提醒您。", "No messages. You are told here when a rectification falls due or a case turns yellow or red."))</p>"
      : "<ul class=\"messages\" id=\"messages\">\(items)</ul>"
    let pages = (model.total + Model.pageSize - 1) / Model.pageSize
    let pager: HTML =
      pages > 1
      ? """
      <nav class="pager" aria-label="\(context.t("分页", "Pages"))">\
      \(model.page > 1 ? "<a href=\"\(Links.staffMessages)?page=\(model.page - 1)\">\(context.t("上一页", "Previous"))</a>" as HTML : .empty) \
      <span>\(model.page) / \(pages)</span> \
      \(model.page < pages ? "<a href=\"\(Links.staffMessages)?page=\(model.page + 1)\">\(context.t("下一页", "Next"))</a>" as HTML : .empty)</nav>
      """ : .empty
    let body: HTML = """
      <h1>\(context.t("我的消息", "My messages"))</h1>
      <p><a href="\(Links.staffHome)">\(context.t("返回工作台", "Back to the workbench"))</a></p>
      \(list)
      \(pager)
      """
    return Layout.page(context, title: context.t("我的消息", "My messages"), body: body)
  }
}
