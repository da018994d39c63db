import OneWindowDomain

/// 我的消息's list, for a citizen's portal and a staff member's workbench alike: each message with its title, a
/// "new" badge until read, its time, its words and a link to what it is about, then the pager.
enum MessageListPart {
  static let pageSize = 30

  static func render(
    _ messages: [InAppMessage], total: Int, page: Int, pageURL: String, empty: String, clock: CaseClock,
    link: (InAppMessage) -> HTML, _ context: PageContext
  ) -> HTML {
    let items = messages.map { message -> HTML in
      let text = message.text
      return """
        <li class="message\(message.isRead ? "" : " unread")" data-kind="\(message.kind.rawValue)">\
        <p class="message-head"><b>\(context.t(text.title))</b>\
        \(message.isRead ? .empty : " <span class=\"badge\">\(context.t("新", "new"))</span>" as HTML)\
        <time>\(clock.time(message.createdAt))</time></p><p>\(context.t(text.body))</p>\(link(message))</li>
        """
    }
    let list: HTML =
      items.isEmpty
      ? "<p class=\"empty\" id=\"messages\">\(empty)</p>" : "<ul class=\"messages\" id=\"messages\">\(items)</ul>"
    let pages = (total + pageSize - 1) / pageSize
    guard pages > 1 else { return list }
    return """
      \(list)
      <nav class="pager" aria-label="\(context.t("分页", "Pages"))">\
      \(page > 1 ? "<a href=\"\(pageURL)?page=\(page - 1)\">\(context.t("上一页", "Previous"))</a>" as HTML : .empty) \
      <span>\(page) / \(pages)</span> \
      \(page < pages ? "<a href=\"\(pageURL)?page=\(page + 1)\">\(context.t("下一页", "Next"))</a>" as HTML : .empty)</nav>
      """
  }
}
