import Foundation
import OneWindowDomain

/// The staff side of 诉求: the desk's list (the service desk and supervisors see the county's, a department its own),
/// and one inquiry with its trail and the steps its reader may take.
public enum InquiryDeskPages {
  public struct Row: Sendable {
    public let inquiry: Inquiry
    public let due: Date?
    public let warning: WarningLevel

    public init(inquiry: Inquiry, due: Date?, warning: WarningLevel) {
      self.inquiry = inquiry
      self.due = due
      self.warning = warning
    }
  }

  public struct ListModel: Sendable {
    public let rows: [Row]
    public let total: Int
    public let show: String
    public let kind: String
    public let names: DirectoryNames
    public let clock: CaseClock
    public let mayEnter: Bool
    public let figures: InquiryFigures
    public let notice: String?
    public let keepsKnowledge: Bool

    public init(
      rows: [Row], total: Int, show: String, kind: String, names: DirectoryNames, clock: CaseClock, mayEnter: Bool,
      figures: InquiryFigures, notice: String? = nil, keepsKnowledge: Bool = false
    ) {
      self.notice = notice
      self.keepsKnowledge = keepsKnowledge
      self.rows = rows
      self.total = total
      self.show = show
      self.kind = kind
      self.names = names
      self.clock = clock
      self.mayEnter = mayEnter
      self.figures = figures
    }
  }

  public static let shows: [(String, LocalizedText)] = [
    ("open", LocalizedText(zh: "办理中", en: "Open")), ("overdue", LocalizedText(zh: "已超时", en: "Overdue")),
    ("answered", LocalizedText(zh: "待回访评价", en: "To follow up")), ("closed", LocalizedText(zh: "已办结", en: "Closed")),
    ("all", LocalizedText(zh: "全部", en: "All")),
  ]

  public static func list(_ model: ListModel, _ context: PageContext) -> HTML {
    let tabs = shows.map { show, name -> HTML in
      show == model.show
        ? "<b aria-current=\"page\">\(context.t(name))</b>"
        : "<a href=\"\(Links.inquiryDesk)\(Links.query([("show", show), ("kind", model.kind.isEmpty ? nil : model.kind)]))\">\(context.t(name))</a>"
    }
    let rows = model.rows.map { row -> HTML in
      let q = row.inquiry
      return """
        <tr class="inquiry" data-number="\(q.number)"><td>\(EvaluationText.light(row.warning, context))</td>\
        <td><a href="\(Links.inquiryDesk(q.number))">\(q.number)</a></td><td>\(context.t(q.kind.name))</td>\
        <td>\(q.title)<br><span class="meta">\(context.t(q.source.name))</span></td>\
        <td>\(q.departmentID.map { model.names.department($0) } ?? "—")</td><td>\(context.t(q.state.name))</td>\
        <td>\(model.clock.time(row.due))</td></tr>
        """
    }
    let table: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"inquiries\">\(context.t("没有诉求。", "No inquiries."))</p>"
      : """
      <table class="results" id="inquiries"><thead><tr><th>\(context.t("预警", "Light"))</th>\
      <th>\(context.t("编号", "Number"))</th><th>\(context.t("类型", "Kind"))</th><th>\(context.t("标题与来源", "Title, source"))</th>\
      <th>\(context.t("承办部门", "Department"))</th><th>\(context.t("状态", "State"))</th>\
      <th>\(context.t("本步到期", "Step due"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
    let f = model.figures
    let body: HTML = """
      <h1>\(context.t("咨询投诉", "Inquiries"))</h1>
      \(model.notice.map { "<p class=\"ok\" role=\"status\" id=\"notice\">\($0)</p>" as HTML } ?? .empty)
      <div class="figures" id="inquiry-figures">\
      <div class="figure"><b>\(f.total)</b>\(context.t("近30天诉求", "Inquiries, 30 days"))</div>\
      <div class="figure"><b>\(EvaluationText.percent(f.onTimeRate))</b>\(context.t("按期答复率", "Answered in time"))</div>\
      <div class="figure"><b>\(EvaluationText.percent(f.satisfactionRate))</b>\(context.t("满意率", "Satisfied"))</div></div>
      <p>\(model.mayEnter ? "<a class=\"button\" href=\"\(Links.inquiryDeskNew)\">\(context.t("登记来电、来信、来访", "Enter a call, letter or visit"))</a> · " as HTML : .empty)\
      \(model.keepsKnowledge ? "<a href=\"\(Links.knowledgeDesk)\">\(context.t("知识库", "Knowledge base"))</a> · " as HTML : .empty)\
      <a href="\(Links.publicRequests)">\(context.t("群众点菜公示", "Public requests"))</a></p>
      <p class="tabs">\(tabs.map { "\($0) " as HTML }) · \(context.t("共 \(model.total) 件", "\(model.total) in all"))</p>
      \(table)
      """
    return Layout.page(context, title: context.t("咨询投诉", "Inquiries"), body: body)
  }

  public struct PageModel: Sendable {
    public let inquiry: Inquiry
    public let version: Int
    public let events: [InquiryEvent]
    public let names: DirectoryNames
    public let clock: CaseClock
    public let due: Date?
    public let replyDue: Date?
    public let returnDue: Date?
    public let warning: WarningLevel
    public let departments: [(String, String)]
    /// What the reader may do: the service desk's steps, the department's, a supervisor's 督办.
    public let isDesk: Bool
    public let isDepartment: Bool
    public let maySupervise: Bool
    public let policy: InquiryPolicy
    public let windowName: String?
    public let tickets: [SupervisionTicket]
    public let errors: [ValidationError]
    public let notice: String?

    public init(
      inquiry: Inquiry, version: Int, events: [InquiryEvent], names: DirectoryNames, clock: CaseClock, due: Date?,
      replyDue: Date?, returnDue: Date?, warning: WarningLevel, departments: [(String, String)], isDesk: Bool,
      isDepartment: Bool, maySupervise: Bool, policy: InquiryPolicy, windowName: String?,
      tickets: [SupervisionTicket], errors: [ValidationError], notice: String?
    ) {
      self.inquiry = inquiry
      self.version = version
      self.events = events
      self.names = names
      self.clock = clock
      self.due = due
      self.replyDue = replyDue
      self.returnDue = returnDue
      self.warning = warning
      self.departments = departments
      self.isDesk = isDesk
      self.isDepartment = isDepartment
      self.maySupervise = maySupervise
      self.policy = policy
      self.windowName = windowName
      self.tickets = tickets
      self.errors = errors
      self.notice = notice
    }
  }

  public static func page(_ model: PageModel, _ context: PageContext) -> HTML {
    let q = model.inquiry
    let f = FormParts(context: context, errors: model.errors)
    let version = "<input type=\"hidden\" name=\"version\" value=\"\(model.version)\">" as HTML
    func form(_ step: String, _ id: String, _ fields: HTML, _ button: String) -> HTML {
      """
      <form method="post" action="\(Links.inquiryDeskStep(q.number, step))" id="\(id)" novalidate>\(context.csrfField)\(version)
      \(fields)<p><button type="submit">\(button)</button></p></form>
      """
    }
    var actions: [HTML] = []
    if model.isDesk && q.state == .received {
      let suggested = q.about.departmentID ?? ""
      actions.append(
        form(
          "assign", "inquiry-assign",
          """
          \(f.select("department_id", context.t("承办部门", "Department"), [("", context.t("请选择", "Choose"))] + model.departments, suggested))
          \(f.area("note", context.t("派单意见", "What the department should do"), ""))
          """, context.t("受理并派单", "Take it and dispatch")))
      actions.append(
        form(
          "answer", "inquiry-answer-direct",
          f.area("answer", context.t("直接答复（咨询类可由客服一次答复）", "Answer directly (a consultation the desk can answer)"), ""),
          context.t("直接答复", "Answer directly")))
      actions.append(
        form(
          "decline", "inquiry-decline",
          f.area("reason", context.t("不予受理的理由（将告知诉求人）", "Why it is not taken (the inquirer is told)"), ""),
          context.t("不予受理", "Decline")))
    }
    if model.isDepartment && q.state == .assigned {
      actions.append(form("sign", "inquiry-sign", .empty, context.t("签收", "Sign for it")))
    }
    if model.isDepartment && (q.state == .assigned || q.state == .handling) {
      let until = model.returnDue.map { model.clock.time($0) } ?? ""
      actions.append(
        form(
          "return", "inquiry-return",
          f.area(
            "reason", context.t("退回理由（非本部门职责，\(until) 前可退回）", "Why it is not the department's (until \(until))"), ""),
          context.t("退回", "Return as mis-assigned")))
    }
    if model.isDepartment && q.state == .handling {
      actions.append(
        form(
          "answer", "inquiry-answer", f.area("answer", context.t("答复内容", "The answer"), ""),
          context.t("提交答复", "Send the answer")))
      if q.extensionRequest == nil {
        actions.append(
          form(
            "request-extension", "inquiry-extension",
            """
            \(f.number("workdays", context.t("延期（工作日，最多 \(model.policy.maxExtensionWorkdays) 个）", "Extension (working days, at most \(model.policy.maxExtensionWorkdays))"), nil))
            \(f.area("reason", context.t("延期理由", "Why more time is needed"), ""))
            """, context.t("申请延期", "Ask for more time")))
      }
    }
    if model.isDesk, let request = q.extensionRequest, request.approved == nil {
      actions.append(
        """
        <form method="post" action="\(Links.inquiryDeskStep(q.number, "decide-extension"))" id="inquiry-extension-decision" novalidate>\(context.csrfField)\(version)
        <p>\(context.t("承办部门申请延期 \(request.workdays) 个工作日：", "The department asks \(request.workdays) more working days: "))\(request.request.text)</p>
        \(f.area("note", context.t("审批意见（不同意时必填）", "Comment (required to refuse)"), ""))
        <p><button type="submit" name="approve" value="yes">\(context.t("同意延期", "Approve"))</button> \
        <button type="submit" name="approve" value="no" class="secondary">\(context.t("不同意", "Refuse"))</button></p></form>
        """)
    }
    if model.isDesk && q.state == .answered {
      let ratings =
        [("", context.t("未联系上，不评价", "Not reached: close without a rating"))]
        + InquiryRating.allCases.map { ($0.rawValue, context.t($0.name)) }
      actions.append(
        form(
          "call-back", "inquiry-call-back",
          """
          \(f.area("note", context.t("回访情况", "What was said on the call"), ""))
          \(f.select("rating", context.t("诉求人评价", "The inquirer's rating"), ratings, ""))
          """, context.t("记录回访", "Record the call back")))
    }
    if model.isDesk && q.kind == .request && (q.state == .answered || q.state == .closed) {
      actions.append(
        form(
          "publish", "inquiry-publish",
          """
          \(f.area("public_answer", context.t("公开的答复", "The public answer"), q.publication?.answer ?? q.answer?.text ?? ""))
          \(f.text("outcome", context.t("落实情况（如：该事项已下放至乡镇办理）", "What was done (e.g. the item moved to town level)"), q.publication?.outcome ?? ""))
          """, context.t("公开答复", "Publish")))
    }
    if model.isDesk && q.kind == .consultation && !q.answers.isEmpty {
      actions.append(
        "<p><a class=\"button secondary\" href=\"\(Links.knowledgeFromInquiry(q.number))\" id=\"to-knowledge\">\(context.t("编入知识库", "Make a knowledge entry"))</a></p>"
      )
    }
    let about: [HTML] = [
      q.about.caseNumber.map { "<a href=\"\(Links.casePage($0))\">\(context.t("办件", "Case")) \($0)</a>" },
      q.about.itemCode.map { "<a href=\"\(Links.item($0))\">\(q.about.itemName ?? $0)</a>" },
      q.about.departmentID.map { "\(context.t("部门：", "Department: "))\(model.names.department($0))" },
      q.about.siteID.map { "\(context.t("场所：", "Site: "))\(model.names.site($0))" },
      model.windowName.map { "\(context.t("窗口：", "Window: "))\($0)" },
    ].compactMap { $0 }
    let answers = q.answers.map { answer -> HTML in
      "<li><b>\(answer.byName)</b> · \(model.clock.time(answer.at))<p class=\"answer\">\(answer.text)</p></li>"
    }
    let steps = model.events.map { event -> HTML in
      let facts = describe(event.facts, model.names, context)
      return """
        <li data-step="\(event.step.rawValue)"><b>\(context.t(event.step.name))</b> · \(event.actorName) · \
        \(model.clock.time(event.at))\(facts.isEmpty ? "" : "：\(facts.joined(separator: "；"))") \
        <span class="meta hash" title="SHA-256">#\(event.sequence) \(String(event.hash.prefix(12)))</span></li>
        """
    }
    let tickets = model.tickets.map { t -> HTML in
      "<li><a href=\"\(Links.supervisionTicket(t.id))\">\(context.t("督办", "Ticket"))</a> · \(context.t(t.state.name)) · \(t.instruction)</li>"
    }
    let supervise: HTML =
      model.maySupervise && q.state.isOpen
      ? """
      <p class="no-print"><a class="button secondary" id="supervise-inquiry" href="\(Links.supervisionTickets)\(Links.query([("subject_kind", "inquiry"), ("subject_id", q.number), ("department_id", q.departmentID)]))">\(context.t("督办", "Open a supervision ticket"))</a></p>
      """ : .empty
    let ext: HTML =
      q.extensionRequest.map { e in
        let decided =
          e.approved.map {
            $0 ? context.t("已同意", "approved") : context.t("未同意", "refused")
          } ?? context.t("待审批", "to decide")
        return
          "<dt>\(context.t("延期", "Extension"))</dt><dd>\(e.workdays) \(context.t("个工作日", "working days")) · \(decided)</dd>"
      } ?? .empty
    let body: HTML = """
      <p class="no-print"><a href="\(Links.inquiryDesk)">\(context.t("返回诉求列表", "Back to the inquiries"))</a></p>
      <h1>\(context.t(q.kind.name)) \(q.number) · \(q.title)</h1>
      \(model.notice.map { "<p class=\"ok\" role=\"status\" id=\"notice\">\($0)</p>" as HTML } ?? .empty)
      <dl class="facts" id="inquiry-facts">
      <dt>\(context.t("状态", "State"))</dt><dd id="inquiry-state">\(q.state.isOpen ? EvaluationText.light(model.warning, context) : .empty) \(context.t(q.state.name))\(q.reopened ? context.t("（不满意，已重新办理）", " (reopened)") : "")</dd>
      <dt>\(context.t("承办部门", "Department"))</dt><dd id="inquiry-department">\(q.departmentID.map { model.names.department($0) } ?? "—")</dd>
      <dt>\(context.t("本步到期", "Step due"))</dt><dd>\(model.clock.time(model.due))</dd>
      <dt>\(context.t("答复时限", "Answer due"))</dt><dd>\(model.clock.time(model.replyDue))</dd>
      \(ext)
      <dt>\(context.t("来源", "Came in by"))</dt><dd>\(context.t(q.source.name))\(q.externalOrderID.map { " · 12345 \(context.t("工单", "order")) \($0)" } ?? "")</dd>
      <dt>\(context.t("诉求人", "Inquirer"))</dt><dd>\(q.inquirer.displayName)\(q.inquirer.anonymous ? "" : " · \(q.inquirer.phone)")</dd>
      <dt>\(context.t("涉及", "About"))</dt><dd>\(about.isEmpty ? ["—"] : about.map { "\($0) " as HTML })</dd>
      <dt>\(context.t("诉求内容", "What it is about"))</dt><dd>\(q.content)</dd>
      \(q.rating.map { "<dt>\(context.t("评价", "Rating"))</dt><dd id=\"inquiry-rating\">\(context.t($0.name))\(q.ratingComment.isEmpty ? "" : "（\(q.ratingComment)）")</dd>" as HTML } ?? .empty)
      </dl>
      \(answers.isEmpty ? .empty : "<h2>\(context.t("答复", "Answers"))</h2><ol class=\"answers\" id=\"answers\">\(answers)</ol>" as HTML)
      \(actions.isEmpty ? .empty : "<section class=\"panel no-print\" id=\"inquiry-actions\">\(f.summary())\(actions)</section>" as HTML)
      \(supervise)
      \(tickets.isEmpty ? .empty : "<h2>\(context.t("督办", "Supervision tickets"))</h2><ul id=\"inquiry-tickets\">\(tickets)</ul>" as HTML)
      <h2>\(context.t("全程留痕", "Trail"))</h2>
      <ol class="trail-list" id="inquiry-trail">\(steps)</ol>
      """
    return Layout.page(context, title: "\(context.t(q.kind.name)) \(q.number)", body: body)
  }

  /// A step's facts in words: names for ids and codes, 是/否 for flags; empty ones left out.
  static func describe(_ facts: [String: String], _ names: DirectoryNames, _ context: PageContext) -> [String] {
    let order = [
      "kind", "source", "order_id", "department_id", "note", "reason", "workdays", "approved", "answer", "rating",
      "comment", "reopened", "instruction", "outcome",
    ]
    return facts.filter { !$0.value.isEmpty }.sorted {
      (order.firstIndex(of: $0.key) ?? order.count, $0.key) < (order.firstIndex(of: $1.key) ?? order.count, $1.key)
    }.compactMap { key, value -> String? in
      switch key {
      case "kind": InquiryKind(rawValue: value).map { context.t($0.name) } ?? value
      case "source": InquirySource(rawValue: value).map { context.t($0.name) } ?? value
      case "rating": InquiryRating(rawValue: value).map { context.t($0.name) } ?? value
      case "department_id": names.department(value)
      case "order_id": context.t("12345工单 ", "12345 order ") + value
      case "workdays": context.t("\(value) 个工作日", "\(value) working days")
      case "approved": value == "yes" ? context.t("同意", "approved") : context.t("不同意", "refused")
      case "reopened": value == "yes" ? context.t("不满意，重新交办", "reopened") : nil
      default: value
      }
    }
  }
}
