import Foundation
import OneWindowDomain

/// The inquirer's side of 诉求: the form (portal, a case's status page, or staff entering a call, letter or visit),
/// the receipt with the number and the private link, the inquirer's page (state, answer, what happened, rating),
/// 我的诉求, and the public list of 群众点菜 with the center's answers.
public enum InquiryPages {
  public struct FormModel: Sendable {
    public let values: [String: String]
    public let errors: [ValidationError]
    public let sites: [(String, String)]
    public let windows: [(String, String)]
    public let departments: [(String, String)]
    /// Staff entering it: the source is chosen, the page posts to the desk.
    public let staffEntry: Bool
    /// The inquirer's name and phone from the signed-in portal account (not asked again).
    public let signedIn: (name: String, phone: String)?

    public init(
      values: [String: String], errors: [ValidationError], sites: [(String, String)], windows: [(String, String)],
      departments: [(String, String)], staffEntry: Bool, signedIn: (name: String, phone: String)?
    ) {
      self.values = values
      self.errors = errors
      self.sites = sites
      self.windows = windows
      self.departments = departments
      self.staffEntry = staffEntry
      self.signedIn = signedIn
    }
  }

  public static func form(_ model: FormModel, _ context: PageContext) -> HTML {
    let f = FormParts(context: context, errors: model.errors)
    let v = model.values
    let kinds = InquiryKind.allCases.map { ($0.rawValue, context.t($0.name)) }
    let choose = [("", context.t("（不涉及或不清楚）", "(none or not sure)"))]
    let who: HTML =
      if let signedIn = model.signedIn {
        """
        <p class="meta" id="inquirer">\(context.t("以您的账号提交：", "Filed from your account: "))\(signedIn.name) · \
        \(Masking.phone(signedIn.phone))</p>
        """
      } else {
        """
        <div class="form-grid" id="inquirer">\
        \(f.text("name", context.t("姓名", "Name"), v["name"] ?? "", required: true))\
        \(f.phone("phone", context.t("联系电话（用于答复和回访）", "Phone (for the answer and the call back)"), v["phone"] ?? "", required: true))\
        </div>
        <p>\(f.check("anonymous", context.t("匿名举报（仅限举报；匿名则不能收到答复）", "Report without my name (reports only; no answer can reach you)"), v["anonymous"] == "on"))</p>
        """
      }
    let source: HTML =
      model.staffEntry
      ? f.select(
        "source", context.t("来源", "Came in by"),
        InquirySource.entered.map { ($0.rawValue, context.t($0.name)) }, v["source"] ?? "phone")
      : .empty
    let caseField: HTML =
      (v["case"] ?? "").isEmpty
      ? f.text("case", context.t("相关办件编号", "Case number"), v["case"] ?? "")
      : """
      <div><label for="case">\(context.t("相关办件编号", "Case number"))</label>\
      <input type="text" id="case" name="case" value="\(v["case"] ?? "")" readonly></div>
      """
    let action = model.staffEntry ? Links.inquiryDeskNew : Links.inquiries
    let title = model.staffEntry ? context.t("登记诉求", "Enter an inquiry") : context.t("咨询投诉", "Ask or complain")
    let body: HTML = """
      <h1>\(title)</h1>
      <p class="lede">\(context.t(
        "咨询、投诉、举报、建议，或告诉我们您希望在家门口办理的事项（群众点菜）。我们按时限答复，答复后请您评价。",
        "Ask, complain, report, suggest, or tell us what you want served near home. We answer in time; then rate the answer."))</p>
      <p><a href="\(Links.knowledge)">\(context.t("先查一查常见问答", "Look in the answers to common questions first"))</a></p>
      <form method="post" action="\(action)" novalidate id="inquiry-form">\(context.csrfField)\(f.summary())
      \(source)
      \(f.select("kind", context.t("诉求类型", "Kind"), kinds, v["kind"] ?? "consultation"))
      \(f.text("title", context.t("标题（可不填）", "Title (optional)"), v["title"] ?? ""))
      \(f.area("content", context.t("诉求内容 *", "What it is about *"), v["content"] ?? ""))
      <fieldset><legend>\(context.t("涉及（可选）", "About (optional)"))</legend><div class="form-grid">
      \(f.select("site_id", context.t("服务场所", "Service site"), choose + model.sites, v["site_id"] ?? ""))
      \(f.select("window_id", context.t("窗口", "Window"), choose + model.windows, v["window_id"] ?? ""))
      \(f.select("department_id", context.t("部门", "Department"), choose + model.departments, v["department_id"] ?? ""))
      \(f.text("item_code", context.t("事项编码", "Item code"), v["item_code"] ?? ""))
      \(caseField)
      </div></fieldset>
      \(who)
      <p><button type="submit">\(context.t("提交", "Send"))</button></p>
      </form>
      """
    return Layout.page(context, title: title, body: body)
  }

  /// After filing: the number and the private link (the same the text message carries).
  public static func filed(_ inquiry: Inquiry, replyDue: Date?, clock: CaseClock, _ context: PageContext) -> HTML {
    let link = Links.inquiry(inquiry.number, key: inquiry.accessKey)
    let body: HTML = """
      <h1>\(context.t("已收到您的\(inquiry.kind.name.zh)", "Your \(inquiry.kind.name.en.lowercased()) was received"))</h1>
      <dl class="facts" id="inquiry-receipt">
      <dt>\(context.t("诉求编号", "Number"))</dt><dd id="inquiry-number">\(inquiry.number)</dd>
      <dt>\(context.t("答复时限", "Answer due"))</dt><dd>\(clock.time(replyDue))</dd>
      </dl>
      \(inquiry.inquirer.anonymous
        ? "<p>\(context.t("匿名举报不会收到答复通知；请保存下方链接自行查看办理情况。", "An anonymous report gets no notice: keep the link below to follow it."))</p>" as HTML
        : "<p>\(context.t("答复后会以短信通知您。", "You will get a text when it is answered."))</p>" as HTML)
      <p>\(context.t("查看办理情况和答复（请妥善保存此链接）：", "Follow it and read the answer (keep this link): "))\
      <a href="\(link)" id="inquiry-link">\(link)</a></p>
      """
    return Layout.page(context, title: context.t("诉求已收到", "Received"), body: body)
  }

  public struct ViewModel: Sendable {
    public let inquiry: Inquiry
    public let events: [InquiryEvent]
    public let names: DirectoryNames
    public let replyDue: Date?
    public let clock: CaseClock
    public let errors: [ValidationError]
    public let notice: String?

    public init(
      inquiry: Inquiry, events: [InquiryEvent], names: DirectoryNames, replyDue: Date?, clock: CaseClock,
      errors: [ValidationError], notice: String?
    ) {
      self.inquiry = inquiry
      self.events = events
      self.names = names
      self.replyDue = replyDue
      self.clock = clock
      self.errors = errors
      self.notice = notice
    }
  }

  /// The inquirer's page: what they asked, where it stands, the answer, and the rating form once answered.
  public static func view(_ model: ViewModel, _ context: PageContext) -> HTML {
    let q = model.inquiry
    let f = FormParts(context: context, errors: model.errors)
    let answers = q.answers.enumerated().map { index, answer -> HTML in
      """
      <li><b>\(context.t(q.answers.count > 1 ? "第 \(index + 1) 次答复" : "答复", q.answers.count > 1 ? "Answer \(index + 1)" : "Answer"))</b> · \
      \(model.clock.time(answer.at))<p class="answer">\(answer.text)</p></li>
      """
    }
    let steps = model.events.map { event -> HTML in
      let department = event.facts["department_id"].flatMap { $0.isEmpty ? nil : model.names.department($0) }
      return """
        <li data-step="\(event.step.rawValue)"><b>\(context.t(event.step.name))</b> · \(model.clock.time(event.at))\
        \(department.map { " · \($0)" } ?? "")</li>
        """
    }
    let rating: HTML =
      q.state == .answered
      ? """
      <section class="panel" id="rate-inquiry"><h2>\(context.t("评价答复", "Rate the answer"))</h2>
      <form method="post" action="\(Links.inquiryRate(q.number))" novalidate>\(context.csrfField)\(f.summary())
      <input type="hidden" name="key" value="\(q.accessKey)">
      \(f.select("rating", context.t("您对答复是否满意", "Are you satisfied with the answer"), InquiryRating.allCases.map { ($0.rawValue, context.t($0.name)) }, "satisfied"))
      \(f.area("comment", context.t("意见（不满意时请说明原因）", "Comment (say why if unsatisfied)"), ""))
      <p><button type="submit">\(context.t("提交评价", "Send the rating"))</button></p></form></section>
      """ : .empty
    let rated: HTML =
      q.rating.map {
        "<p id=\"inquiry-rating\">\(context.t("您的评价：", "Your rating: "))<b>\(context.t($0.name))</b>\(q.ratingComment.isEmpty ? "" : "（\(q.ratingComment)）")</p>"
      } ?? .empty
    let body: HTML = """
      <h1>\(context.t(q.kind.name)) · \(q.title)</h1>
      \(model.notice.map { "<p class=\"ok\" role=\"status\" id=\"notice\">\($0)</p>" as HTML } ?? .empty)
      <dl class="facts" id="inquiry-facts">
      <dt>\(context.t("诉求编号", "Number"))</dt><dd>\(q.number)</dd>
      <dt>\(context.t("状态", "State"))</dt><dd id="inquiry-state">\(context.t(q.state.name))\(q.reopened ? context.t("（已重新办理）", " (reopened)") : "")</dd>
      <dt>\(context.t("提交时间", "Filed"))</dt><dd>\(model.clock.time(q.filedAt))</dd>
      <dt>\(context.t("答复时限", "Answer due"))</dt><dd>\(q.state == .closed && q.answers.isEmpty ? "—" : model.clock.time(model.replyDue))</dd>
      <dt>\(context.t("诉求内容", "What it is about"))</dt><dd>\(q.content)</dd>
      </dl>
      \(q.declined.map { "<p class=\"alert\" id=\"declined\">\(context.t("不予受理：", "Not taken: "))\($0.text)</p>" as HTML } ?? .empty)
      \(answers.isEmpty ? .empty : "<h2>\(context.t("答复", "Answer"))</h2><ol class=\"answers\" id=\"answers\">\(answers)</ol>" as HTML)
      \(rated)
      \(rating)
      <h2>\(context.t("办理过程", "What happened"))</h2>
      <ol class="trail-list" id="inquiry-steps">\(steps)</ol>
      """
    return Layout.page(context, title: context.t("我的诉求", "My inquiry"), body: body)
  }

  /// 我的诉求: a portal account's inquiries.
  public static func mine(_ inquiries: [Inquiry], clock: CaseClock, _ context: PageContext) -> HTML {
    let rows = inquiries.map { q -> HTML in
      """
      <tr><td><a href="\(Links.inquiry(q.number, key: q.accessKey))">\(q.number)</a></td><td>\(context.t(q.kind.name))</td>\
      <td>\(q.title)</td><td>\(clock.time(q.filedAt))</td><td>\(context.t(q.state.name))</td></tr>
      """
    }
    let table: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"my-inquiries\">\(context.t("您还没有提交过诉求。", "You have filed none."))</p>"
      : """
      <table class="results" id="my-inquiries"><thead><tr><th>\(context.t("编号", "Number"))</th>\
      <th>\(context.t("类型", "Kind"))</th><th>\(context.t("标题", "Title"))</th><th>\(context.t("提交时间", "Filed"))</th>\
      <th>\(context.t("状态", "State"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
    let body: HTML = """
      <h1>\(context.t("我的诉求", "My inquiries"))</h1>
      <p><a class="button" href="\(Links.newInquiry)">\(context.t("咨询投诉", "Ask or complain"))</a></p>
      \(table)
      """
    return Layout.page(context, title: context.t("我的诉求", "My inquiries"), body: body)
  }

  /// 群众点菜: what people asked to be served, the center's answer and what was done, with the year's counts.
  public static func requests(
    _ requests: [Inquiry], figures: InquiryFigures, clock: CaseClock, _ context: PageContext
  ) -> HTML {
    let rows = requests.compactMap { q -> HTML? in
      guard let publication = q.publication else { return nil }
      return """
        <tr><td>\(clock.day(q.filedAt))</td><td>\(q.title)<br><span class="meta">\(q.content)</span></td>\
        <td>\(publication.answer)</td><td>\(publication.outcome.isEmpty ? context.t("办理中", "In progress") : publication.outcome)</td></tr>
        """
    }
    let table: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"requests\">\(context.t("暂无公开的群众点菜。", "No request published yet."))</p>"
      : """
      <table class="results" id="requests"><thead><tr><th>\(context.t("提出日期", "Asked"))</th>\
      <th>\(context.t("群众希望", "What people asked"))</th><th>\(context.t("中心答复", "The center's answer"))</th>\
      <th>\(context.t("落实情况", "What was done"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
    let asked = figures.filed[.request] ?? 0
    let body: HTML = """
      <h1>\(context.t("群众点菜、政府端菜", "What people asked us to serve"))</h1>
      <div class="figures" id="request-figures">\
      <div class="figure"><b>\(asked)</b>\(context.t("今年群众点菜", "Requests this year"))</div>\
      <div class="figure"><b>\(figures.requestsPublished)</b>\(context.t("已公开答复", "Answered in public"))</div>\
      <div class="figure"><b>\(figures.requestsDone)</b>\(context.t("已落实", "Done"))</div></div>
      <p><a class="button" href="\(Links.newInquiry(kind: "request"))">\(context.t("我要点菜", "Ask for a service"))</a></p>
      \(table)
      """
    return Layout.page(context, title: context.t("群众点菜", "Service requests"), body: body)
  }
}
