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
    public static let pageSize = MessageListPart.pageSize

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
    let list = MessageListPart.render(
      model.messages, total: model.total, page: model.page, pageURL: Links.myMessages,
      empty: context.t(
        "暂无消息。办件受理、补正、办结时，这里和您的手机都会收到通知。",
        "No messages yet. When a case is accepted, needs correction or is decided, you are told here and by text message."
      ),
      clock: model.clock,
      link: { message in
        if let link = message.facts["link"], link.hasPrefix("/") {
          return "<a href=\"\(link)\">\(context.t("查看诉求", "Open the inquiry"))</a>"
        }
        return message.caseNumber.map { number in
          let url =
            model.ownCases.contains(number)
            ? Links.myCase(number) : Links.status + Links.query([("number", number), ("phone", model.phone)])
          return "<a href=\"\(url)\">\(context.t("查看办件", "Open the case"))</a>"
        } ?? .empty
      }, context)
    let body: HTML = """
      <h1>\(context.t("我的消息", "My messages"))</h1>
      <p><a href="\(Links.myCases)">\(context.t("返回我的办件", "Back to my applications"))</a></p>
      \(list)
      """
    return Layout.page(context, title: context.t("我的消息", "My messages"), body: body)
  }
}
