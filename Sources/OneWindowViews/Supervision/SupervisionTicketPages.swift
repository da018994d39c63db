import Foundation
import OneWindowDomain

/// 督办: the list of tickets (a supervisor's whole county, a department its own), one ticket with its history and
/// the step its reader may take, and the form that opens one.
public enum SupervisionTicketPages {
  public struct ListModel: Sendable {
    public let tickets: [SupervisionTicket]
    public let total: Int
    public let show: String
    public let today: CivilDate
    public let names: DirectoryNames
    public let canOpen: Bool
    public let departments: [Department]
    public let errors: [ValidationError]
    public let values: [String: String]

    public init(
      tickets: [SupervisionTicket], total: Int, show: String, today: CivilDate, names: DirectoryNames, canOpen: Bool,
      departments: [Department], errors: [ValidationError] = [], values: [String: String] = [:]
    ) {
      self.tickets = tickets
      self.total = total
      self.show = show
      self.today = today
      self.names = names
      self.canOpen = canOpen
      self.departments = departments
      self.errors = errors
      self.values = values
    }
  }

  public static let shows: [(String, LocalizedText)] = [
    ("open", LocalizedText(zh: "待答复", en: "Awaiting reply")), ("overdue", LocalizedText(zh: "逾期未答复", en: "Overdue")),
    ("replied", LocalizedText(zh: "待审核", en: "Replied")), ("closed", LocalizedText(zh: "已办结", en: "Closed")),
    ("all", LocalizedText(zh: "全部", en: "All")),
  ]

  public static func list(_ model: ListModel, _ context: PageContext) -> HTML {
    let tabs = shows.map { show, name -> HTML in
      show == model.show
        ? "<b aria-current=\"page\">\(context.t(name))</b>"
        : "<a href=\"\(Links.supervisionTickets)?show=\(show)\">\(context.t(name))</a>"
    }
    let rows = model.tickets.map { t -> HTML in
      let late = t.isOverdue(today: model.today)
      return """
        <tr class="\(late ? "warn-row-red" : "")"><td><a href="\(Links.supervisionTicket(t.id))">\(context.t(t.subject.name))</a></td>\
        <td>\(model.names.department(t.departmentID))</td><td>\(t.instruction)</td><td>\(t.dueDate.iso)</td>\
        <td>\(context.t(t.state.name))\(late ? " · \(context.t("逾期", "overdue"))" : "")\(t.escalated ? " · \(context.t("已提请领导督办", "escalated"))" : "")</td></tr>
        """
    }
    let table: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"tickets\">\(context.t("没有督办件。", "No tickets."))</p>"
      : """
      <table class="results" id="tickets"><thead><tr><th>\(context.t("督办对象", "About"))</th>\
      <th>\(context.t("被督办部门", "Department"))</th><th>\(context.t("督办事项", "Instruction"))</th>\
      <th>\(context.t("答复期限", "Reply by"))</th><th>\(context.t("状态", "State"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
    // From a rule hit's 「督办」 the form comes filled in for it; otherwise it is about a department's work.
    let subject =
      SupervisionTicket.Subject(kind: model.values["subject_kind"] ?? "", id: model.values["subject_id"]) ?? .department
    let fixed: String? = subject == .department ? nil : model.values["department_id"]
    let form: HTML =
      model.canOpen
      ? openForm(
        subject: subject, departments: model.departments, fixedDepartment: fixed, errors: model.errors,
        values: model.values, context)
      : .empty
    let body: HTML = """
      <h1>\(context.t("督办", "Supervision tickets"))</h1>
      <p class="tabs">\(tabs.map { "\($0) " as HTML }) · \(context.t("共 \(model.total) 件", "\(model.total) in all"))</p>
      \(table)
      \(form)
      """
    return Layout.page(context, title: context.t("督办", "Supervision tickets"), body: body)
  }

  /// The form that opens a ticket on `subject`; for a case the department is the case's, for the rest it is chosen.
  public static func openForm(
    subject: SupervisionTicket.Subject, departments: [Department], fixedDepartment: String? = nil,
    errors: [ValidationError], values: [String: String], _ context: PageContext
  ) -> HTML {
    let f = FormParts(context: context, errors: errors)
    let department: HTML =
      fixedDepartment.map { "<input type=\"hidden\" name=\"department_id\" value=\"\($0)\">" }
      ?? f.select(
        "department_id", context.t("被督办部门", "Department"),
        [("", context.t("请选择", "Choose"))] + departments.map { ($0.id, $0.name) }, values["department_id"] ?? "")
    let about: HTML =
      subject == .department
      ? .empty : "<p class=\"meta\">\(context.t("督办对象：", "About: "))\(context.t(subject.name))</p>"
    return """
      <section class="panel no-print" id="open-ticket"><h2>\(context.t("发起督办", "Open a ticket"))</h2>\(about)
      <form method="post" action="\(Links.supervisionTickets)" novalidate>\(context.csrfField)\(f.summary())
      <input type="hidden" name="subject_kind" value="\(subject.kind)">\
      <input type="hidden" name="subject_id" value="\(subject.id ?? "")">
      \(department)
      \(f.area("instruction", context.t("督办事项和要求", "What is to be done"), values["instruction"] ?? ""))
      \(f.number("workdays", context.t("答复时限（工作日）", "Reply within (working days)"), Int(values["workdays"] ?? "") ?? 2))
      <p><button type="submit">\(context.t("发起督办", "Open the ticket"))</button></p>
      </form></section>
      """
  }

  public struct TicketModel: Sendable {
    public let ticket: SupervisionTicket
    public let version: Int
    public let today: CivilDate
    public let names: DirectoryNames
    public let clock: CaseClock
    public let mayReply: Bool
    public let maySupervise: Bool
    public let errors: [ValidationError]
    public let notice: String?

    public init(
      ticket: SupervisionTicket, version: Int, today: CivilDate, names: DirectoryNames, clock: CaseClock,
      mayReply: Bool, maySupervise: Bool, errors: [ValidationError] = [], notice: String? = nil
    ) {
      self.ticket = ticket
      self.version = version
      self.today = today
      self.names = names
      self.clock = clock
      self.mayReply = mayReply
      self.maySupervise = maySupervise
      self.errors = errors
      self.notice = notice
    }
  }

  public static func ticket(_ model: TicketModel, _ context: PageContext) -> HTML {
    let t = model.ticket
    let f = FormParts(context: context, errors: model.errors)
    let about: HTML =
      switch t.subject {
      case .serviceCase(let number): "<a href=\"\(Links.casePage(number))\">\(context.t(t.subject.name))</a>"
      case .ruleHit(let id): "<a href=\"\(Links.ruleHit(id))\">\(context.t(t.subject.name))</a>"
      case .rectification(let id): "<a href=\"\(Links.rectification(id))\">\(context.t(t.subject.name))</a>"
      case .inquiry(let number): "<a href=\"\(Links.inquiryDesk(number))\">\(context.t(t.subject.name))</a>"
      case .department: "\(context.t(t.subject.name))"
      }
    let steps = t.steps.map { step -> HTML in
      "<li><b>\(context.t(step.kind.name))</b> · \(step.byName) · \(model.clock.time(step.at))\(step.note.isEmpty ? "" : "：\(step.note)")</li>"
    }
    var actions: [HTML] = []
    let version = "<input type=\"hidden\" name=\"version\" value=\"\(model.version)\">" as HTML
    if t.state == .open && model.mayReply {
      actions.append(
        """
        <form method="post" action="\(Links.supervisionTicketStep(t.id, "reply"))" id="ticket-reply" novalidate>\(context.csrfField)\(version)
        \(f.area("reply", context.t("答复内容（办理情况和整改措施）", "Reply (what was done)"), ""))
        <p><button type="submit">\(context.t("提交答复", "Send the reply"))</button></p></form>
        """)
    }
    if t.state == .replied && model.maySupervise {
      actions.append(
        """
        <form method="post" action="\(Links.supervisionTicketStep(t.id, "close"))" id="ticket-close" novalidate>\(context.csrfField)\(version)
        \(f.area("note", context.t("审核意见", "Comment"), ""))
        <p><button type="submit">\(context.t("审核通过，办结", "Accept and close"))</button> \
        <button type="submit" class="secondary" formaction="\(Links.supervisionTicketStep(t.id, "return"))">\(context.t("退回重新答复", "Return for another reply"))</button></p>
        \(f.number("workdays", context.t("退回后答复时限（工作日）", "New reply limit if returned (working days)"), 2))
        </form>
        """)
    }
    let late = t.isOverdue(today: model.today)
    let body: HTML = """
      <p class="no-print"><a href="\(Links.supervisionTickets)">\(context.t("返回督办列表", "Back to the tickets"))</a></p>
      <h1>\(context.t("督办", "Supervision ticket")) · \(about)</h1>
      \(model.notice.map { "<p class=\"ok\" role=\"status\" id=\"notice\">\($0)</p>" as HTML } ?? .empty)
      <dl class="facts" id="ticket-facts">
      <dt>\(context.t("被督办部门", "Department"))</dt><dd>\(model.names.department(t.departmentID))</dd>
      <dt>\(context.t("督办事项", "Instruction"))</dt><dd>\(t.instruction)</dd>
      <dt>\(context.t("答复期限", "Reply by"))</dt><dd>\(t.dueDate.iso)\(late ? "（\(context.t("已逾期", "overdue"))）" : "")</dd>
      <dt>\(context.t("状态", "State"))</dt><dd id="ticket-state">\(context.t(t.state.name))\(t.escalated ? " · \(context.t("已提请中心领导督办", "escalated"))" : "")</dd>
      </dl>
      \(actions.isEmpty ? .empty : "<section class=\"panel no-print\" id=\"ticket-actions\">\(f.summary())\(actions)</section>" as HTML)
      <h2>\(context.t("督办记录", "History"))</h2>
      <ol class="trail-list" id="ticket-steps">\(steps)</ol>
      """
    return Layout.page(context, title: context.t("督办", "Supervision ticket"), body: body)
  }
}
