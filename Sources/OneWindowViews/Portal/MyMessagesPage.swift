import OneWindowDomain

/// 我的消息: what the county told the signed-in citizen (accepted, correction needed, decided …), latest first, each
/// linked to its case. Opening the page reads them.
public enum MyMessagesPage {
  public struct Model: Sendable {
    public let messages: [InAppMessage]
    public let clock: CaseClock
    public let total: Int
    public let page: Int
    /// The reader's own online applications (opened on the portal); any other case opens on the status page.
    public let ownCases: Set<String>
    /// The reader's mobile number, which the status page asks for.
    public let phone: String
    public static let pageSize = 30

    public init(messages: [InAppMessage], clock: CaseClock, total: Int, page: Int, ownCases: Set<String>, phone: String)
    {
      self.messages = messages
      self.ownCases = ownCases
      self.phone = phone
      self.clock = clock
      self.total = total
      self.page = page
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let items = model.messages.map { message -> HTML in
      let text = message.text
      let link: HTML =
        message.caseNumber.map { number in
          let url =
            model.ownCases.contains(number)
            ? Links.myCase(number) : Links.status + Links.query([("number", number), ("phone", model.phone)])
          return "<a href=\"\(url)\">\(context.t("查看办件", "Open the case"))</a>"
        } ?? .empty
      return """
        <li class="message\(message.isRead ? "" : " unread")"><p class="message-head"><b>\(context.t(text.title))</b>\
        \(message.isRead ? .empty : " <span class=\"badge\">\(context.t("新", "new"))</span>" as HTML)\
        <time>\(model.clock.time(message.createdAt))</time></p><p>\(context.t(text.body))</p>\(link)</li>
        """
    }
    let list: HTML =
      items.isEmpty
      ? "<p class=\"empty\" id=\"messages\">\(context.t("暂无消息。办件受理、补正、办结时，这里和您的手机都会收到通知。", "No messages yet. When a case is accepted, needs correction or is decided, you are told here and by text message."))</p>"
      : "<ul class=\"messages\" id=\"messages\">\(items)</ul>"
    let pages = (model.total + Model.pageSize - 1) / Model.pageSize
    let pager: HTML =
      pages > 1
      ? """
      <nav class="pager" aria-label="\(context.t("分页", "Pages"))">\
      \(model.page > 1 ? "<a href=\"\(Links.myMessages)?page=\(model.page - 1)\">\(context.t("上一页", "Previous"))</a>" as HTML : .empty) \
      <span>\(model.page) / \(pages)</span> \
      \(model.page < pages ? "<a href=\"\(Links.myMessages)?page=\(model.page + 1)\">\(context.t("下一页", "Next"))</a>" as HTML : .empty)</nav>
      """ : .empty
    let body: HTML = """
      <h1>\(context.t("我的消息", "My messages"))</h1>
      <p><a href="\(Links.myCases)">\(context.t("返回我的办件", "Back to my applications"))</a></p>
      \(list)
      \(pager)
      """
    return Layout.page(context, title: context.t("我的消息", "My messages"), body: body)
  }
}
