import Foundation
import OneWindowDomain

/// 知识库 pages: the public search and an entry, the list staff keep (stale entries first), the form that writes
/// one, and the part the item guide, the window's intake and the catalog search show.
public enum KnowledgePages {
  /// Entries as questions that open to their answers; a stale one says so.
  public static func part(
    _ entries: [KnowledgeEntry], today: CivilDate, heading: String? = nil, id: String = "knowledge",
    _ context: PageContext
  ) -> HTML {
    guard !entries.isEmpty else { return .empty }
    let items = entries.map { entry -> HTML in
      let stale: HTML =
        entry.isStale(today: today)
        ? " <span class=\"badge warn\">\(context.t("待复核", "Due for review"))</span>" : .empty
      return """
        <details class="knowledge-entry" data-id="\(entry.id)"><summary>\(entry.question)\(stale)</summary>\
        <p class="answer">\(entry.answer)</p>\
        <p class="meta"><a href="\(Links.knowledgeEntry(entry.id))">\(context.t("查看", "Open"))</a></p></details>
        """
    }
    return """
      <section class="panel" id="\(id)"><h2>\(heading ?? context.t("常见问答", "Common questions"))</h2>\(items)</section>
      """
  }

  public static func search(
    text: String, results: [KnowledgeEntry], recent: [KnowledgeEntry], today: CivilDate, _ context: PageContext
  ) -> HTML {
    let found: HTML =
      text.isEmpty
      ? part(recent, today: today, heading: context.t("最近更新", "Recently updated"), id: "knowledge-recent", context)
      : results.isEmpty
        ? """
        <p class="empty" id="knowledge-results">\(context.t("没有找到相关问答。", "No answer found."))\
        <a href="\(Links.newInquiry(kind: "consultation"))">\(context.t("在线咨询", "Ask us"))</a></p>
        """
        : part(
          results, today: today, heading: context.t("找到 \(results.count) 条问答", "\(results.count) answers"),
          id: "knowledge-results", context)
    let body: HTML = """
      <h1>\(context.t("常见问答", "Common questions"))</h1>
      <form method="get" action="\(Links.knowledge)" class="search" role="search">\
      <label for="q">\(context.t("问题关键词或拼音首字母", "Words or pinyin initials"))</label>\
      <input type="search" id="q" name="q" value="\(text)"> <button type="submit">\(context.t("查询", "Search"))</button></form>
      \(found)
      <p><a href="\(Links.newInquiry(kind: "consultation"))">\(context.t("没有找到答案？在线咨询", "Not answered? Ask us"))</a> · \
      <a href="\(Links.publicRequests)">\(context.t("群众点菜", "Service requests"))</a></p>
      """
    return Layout.page(context, title: context.t("常见问答", "Common questions"), body: body)
  }

  public static func entry(
    _ entry: KnowledgeEntry, items: [(code: String, name: String)], department: String, today: CivilDate,
    _ context: PageContext
  ) -> HTML {
    let tied = items.map { "<li><a href=\"\(Links.item($0.code))\">\($0.name)</a></li>" as HTML }
    let body: HTML = """
      <p><a href="\(Links.knowledge)">\(context.t("常见问答", "Common questions"))</a></p>
      <h1>\(entry.question)</h1>
      \(entry.isStale(today: today) ? "<p class=\"alert\" id=\"stale\">\(context.t("本条答复已过复核日期，内容可能已变化，请以窗口答复为准。", "Past its review date: it may be out of date."))</p>" as HTML : .empty)
      <div class="answer" id="knowledge-answer"><p>\(entry.answer)</p></div>
      <dl class="facts"><dt>\(context.t("答复部门", "Answered by"))</dt><dd>\(department)</dd>
      <dt>\(context.t("复核日期", "Review by"))</dt><dd>\(entry.reviewBy.iso)</dd></dl>
      \(tied.isEmpty ? .empty : "<h2>\(context.t("相关事项", "Items"))</h2><ul id=\"knowledge-items\">\(tied)</ul>" as HTML)
      <p><a href="\(Links.newInquiry(item: entry.itemCodes.first, kind: "consultation"))">\(context.t("没有解决？在线咨询", "Not answered? Ask us"))</a></p>
      """
    return Layout.page(context, title: entry.question, body: body)
  }

  public static func desk(
    _ entries: [KnowledgeEntry], names: DirectoryNames, today: CivilDate, _ context: PageContext
  ) -> HTML {
    let rows = entries.map { e -> HTML in
      let stale = e.state == .published && e.isStale(today: today)
      return """
        <tr class="\(stale ? "warn-row-red" : "")"><td><a href="\(Links.knowledgeDeskEntry(e.id))">\(e.question)</a></td>\
        <td>\(context.t(e.state.name))\(stale ? " · \(context.t("过期待复核", "stale"))" : "")</td>\
        <td>\(names.department(e.departmentID))</td><td>\(e.reviewBy.iso)</td><td>\(e.itemCodes.count)</td></tr>
        """
    }
    let stale = entries.filter { $0.state == .published && $0.isStale(today: today) }.count
    let body: HTML = """
      <h1>\(context.t("知识库", "Knowledge base"))</h1>
      <p><a class="button" href="\(Links.knowledgeDesk)/new">\(context.t("新建问答", "New entry"))</a> · \
      <a href="\(Links.knowledge)">\(context.t("公众查询页", "Public page"))</a></p>
      <p id="knowledge-stale">\(context.t("过期待复核：\(stale) 条", "Due for review: \(stale)"))</p>
      \(rows.isEmpty ? "<p class=\"empty\">\(context.t("还没有问答。", "No entries yet."))</p>" as HTML : """
      <table class="results" id="knowledge-entries"><thead><tr><th>\(context.t("问题", "Question"))</th>\
      <th>\(context.t("状态", "State"))</th><th>\(context.t("维护部门", "Owner"))</th><th>\(context.t("复核日期", "Review by"))</th>\
      <th>\(context.t("关联事项", "Items"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """)
      """
    return Layout.page(context, title: context.t("知识库", "Knowledge base"), body: body)
  }

  public static func form(
    action: String, values: [String: String], departments: [(String, String)], errors: [ValidationError],
    _ context: PageContext
  ) -> HTML {
    let f = FormParts(context: context, errors: errors)
    let states = KnowledgeEntry.State.allCases.map { ($0.rawValue, context.t($0.name)) }
    let body: HTML = """
      <p><a href="\(Links.knowledgeDesk)">\(context.t("返回知识库", "Back to the knowledge base"))</a></p>
      <h1>\(context.t("编辑问答", "Edit an entry"))</h1>
      <form method="post" action="\(action)" novalidate id="knowledge-form">\(context.csrfField)\(f.summary())
      <input type="hidden" name="from" value="\(values["from"] ?? "")">
      \(f.text("question", context.t("问题 *", "Question *"), values["question"] ?? ""))
      \(f.area("answer", context.t("标准答复 *", "The answer *"), values["answer"] ?? ""))
      \(f.text("item_codes", context.t("关联事项编码（多个用逗号分隔）", "Item codes (comma separated)"), values["item_codes"] ?? ""))
      <div class="form-grid">
      \(f.select("department_id", context.t("维护部门", "Owner department"), [("", context.t("请选择", "Choose"))] + departments, values["department_id"] ?? ""))
      \(f.date("review_by", context.t("复核日期", "Review by"), values["review_by"] ?? ""))
      \(f.select("state", context.t("状态", "State"), states, values["state"] ?? "published"))
      </div>
      <p><button type="submit">\(context.t("保存", "Save"))</button></p></form>
      """
    return Layout.page(context, title: context.t("编辑问答", "Edit an entry"), body: body)
  }
}
