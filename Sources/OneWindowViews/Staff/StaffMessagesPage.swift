import OneWindowDomain

/// 我的消息 on the workbench: the warnings a staff member was sent (a 差评整改 step due or late, a case turning
/// yellow or red), latest first, each linked to what it is about. Opening the page reads them.
public enum StaffMessagesPage {
  public struct Model: Sendable {
    public let messages: [InAppMessage]
    public let clock: CaseClock
    public let total: Int
    public let page: Int
    public static let pageSize = MessageListPart.pageSize

    public init(messages: [InAppMessage], clock: CaseClock, total: Int, page: Int) {
      self.messages = messages
      self.clock = clock
      self.total = total
      self.page = page
    }
  }

  /// Where a message leads: the page it names (an inquiry, a supervision ticket), the rectification it warns of, else
  /// its case.
  static func link(_ message: InAppMessage) -> String? {
    if let link = message.facts["link"], link.hasPrefix("/") { return link }
    if message.kind == .rectificationDue, let entry = message.facts["entry"] { return Links.rectification(entry) }
    return message.caseNumber.map(Links.casePage)
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let list = MessageListPart.render(
      model.messages, total: model.total, page: model.page, pageURL: Links.staffMessages,
      empty: context.t(
        "暂无消息。差评整改到期、办件亮黄灯或红灯时会在这里提醒您。",
        "No messages. You are told here when a rectification falls due or a case turns yellow or red."),
      clock: model.clock,
      link: { message in
        link(message).map { "<a href=\"\($0)\">\(context.t("去办理", "Open"))</a>" as HTML } ?? .empty
      }, context)
    let body: HTML = """
      <h1>\(context.t("我的消息", "My messages"))</h1>
      <p><a href="\(Links.staffHome)">\(context.t("返回工作台", "Back to the workbench"))</a></p>
      \(list)
      """
    return Layout.page(context, title: context.t("我的消息", "My messages"), body: body)
  }
}
