import OneWindowDomain

/// A table of cases as the queues show them: number, item, applicant, state, due date and warning.
enum CaseTable {
  struct Row: Sendable {
    let serviceCase: ServiceCase
    let deadline: DeadlineStatus?
  }

  static func render(_ rows: [Row], clock: CaseClock, names: DirectoryNames, context: PageContext, id: String) -> HTML {
    guard !rows.isEmpty else {
      return "<p class=\"empty\" id=\"\(id)\">\(context.t("暂无办件。", "No cases."))</p>"
    }
    let body = rows.map { row -> HTML in
      let c = row.serviceCase
      return """
        <tr class="warn-row-\(row.deadline?.warning.rawValue ?? "none")"><td><a href="\(Links.casePage(c.number))">\(c.number)</a></td>\
        <td>\(c.item.name)</td><td>\(c.applicant.name)</td><td>\(CaseText.state(c.state, context))</td>\
        <td>\(names.site(c.siteID))</td><td>\(clock.time(row.deadline?.due))</td><td>\(CaseText.warning(row.deadline, context))</td></tr>
        """
    }
    return """
      <table class="results cases" id="\(id)"><thead><tr><th>\(context.t("办件编号", "Number"))</th>\
      <th>\(context.t("事项", "Item"))</th><th>\(context.t("申请人", "Applicant"))</th><th>\(context.t("状态", "State"))</th>\
      <th>\(context.t("受理场所", "Site"))</th><th>\(context.t("应办结", "Due"))</th><th>\(context.t("预警", "Warning"))</th></tr></thead>
      <tbody>\(body)</tbody></table>
      """
  }
}

/// 后台审批: the department's open cases, the soonest due first, with yellow and red warnings, and the cases
/// waiting for this department's parallel opinion.
public enum InboxPage {
  public struct Model: Sendable {
    public let departmentName: String
    public let cases: [(ServiceCase, DeadlineStatus?)]
    public let total: Int
    public let opinionRequests: [(ServiceCase, DeadlineStatus?)]
    public let warning: WarningLevel?
    public let clock: CaseClock
    public let names: DirectoryNames
    public let page: Int
    public let pageSize: Int

    public init(
      departmentName: String, cases: [(ServiceCase, DeadlineStatus?)], total: Int,
      opinionRequests: [(ServiceCase, DeadlineStatus?)], warning: WarningLevel?, clock: CaseClock,
      names: DirectoryNames, page: Int, pageSize: Int
    ) {
      self.departmentName = departmentName
      self.cases = cases
      self.total = total
      self.opinionRequests = opinionRequests
      self.warning = warning
      self.clock = clock
      self.names = names
      self.page = page
      self.pageSize = pageSize
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let tabs: [(WarningLevel?, String)] = [
      (nil, context.t("全部在办", "All open")), (.yellow, context.t("黄牌预警", "Due soon")),
      (.red, context.t("红牌超期", "Overdue")),
    ]
    let tabLinks = tabs.map { level, name -> HTML in
      let href = Links.office + Links.query([("warning", level?.rawValue)])
      return "<a href=\"\(href)\"\(level == model.warning ? " aria-current=\"page\"" as HTML : .empty)>\(name)</a>"
    }
    let opinions: HTML =
      model.opinionRequests.isEmpty
      ? .empty
      : """
      <h2>\(context.t("待本部门出具的并联意见", "Opinions asked of this department"))</h2>
      \(CaseTable.render(model.opinionRequests.map { .init(serviceCase: $0.0, deadline: $0.1) }, clock: model.clock, names: model.names, context: context, id: "opinion-queue"))
      """
    let pages = max(1, (model.total + model.pageSize - 1) / model.pageSize)
    let pager: HTML =
      pages > 1
      ? """
      <nav class="pager" aria-label="\(context.t("分页", "Pages"))">\
      \(model.page > 1 ? "<a href=\"\(Links.office + Links.query([("warning", model.warning?.rawValue), ("page", String(model.page - 1))]))\">\(context.t("上一页", "Previous"))</a>" as HTML : .empty)\
      <span>\(model.page) / \(pages)</span>\
      \(model.page < pages ? "<a href=\"\(Links.office + Links.query([("warning", model.warning?.rawValue), ("page", String(model.page + 1))]))\">\(context.t("下一页", "Next"))</a>" as HTML : .empty)</nav>
      """ : .empty
    let body: HTML = """
      <h1>\(context.t("后台审批", "Back office"))</h1>
      <p class="lead">\(model.departmentName) · \(context.t("共 \(model.total) 件在办", "\(model.total) open cases"))</p>
      \(opinions)
      <h2>\(context.t("在办件（按到期先后）", "Open cases, soonest due first"))</h2>
      <nav class="tabs">\(tabLinks)</nav>
      \(CaseTable.render(model.cases.map { .init(serviceCase: $0.0, deadline: $0.1) }, clock: model.clock, names: model.names, context: context, id: "inbox"))
      \(pager)
      """
    return Layout.page(context, title: context.t("后台审批", "Back office"), body: body)
  }
}

/// 统一出件: decided cases whose result is handed over at this site.
public enum DeliveryPage {
  public struct Model: Sendable {
    public let siteName: String
    public let cases: [(ServiceCase, DeadlineStatus?)]
    public let total: Int
    public let clock: CaseClock
    public let names: DirectoryNames

    public init(
      siteName: String, cases: [(ServiceCase, DeadlineStatus?)], total: Int, clock: CaseClock, names: DirectoryNames
    ) {
      self.siteName = siteName
      self.cases = cases
      self.total = total
      self.clock = clock
      self.names = names
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let rows = model.cases.map { c, _ -> HTML in
      let waiting =
        c.awaitsDeficientMaterials
        ? "<span class=\"warn warn-yellow\">\(context.t("待补齐容缺材料", "Deferred materials outstanding"))</span>" as HTML
        : .empty
      return """
        <tr><td><a href="\(Links.casePage(c.number))">\(c.number)</a></td><td>\(c.item.name)</td>\
        <td>\(c.applicant.name)</td><td>\(context.t(c.item.decisionName(approved: c.decision?.approved != false)))</td>\
        <td>\(CaseText.delivery(c.resultDelivery, model.names, context)) \(waiting)</td><td>\(model.clock.time(c.decision?.at))</td></tr>
        """
    }
    let table: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"delivery\">\(context.t("暂无待出件的办件。", "Nothing to hand out."))</p>"
      : """
      <table class="results" id="delivery"><thead><tr><th>\(context.t("办件编号", "Number"))</th><th>\(context.t("事项", "Item"))</th>\
      <th>\(context.t("申请人", "Applicant"))</th><th>\(context.t("结果", "Result"))</th><th>\(context.t("送达方式", "Delivery"))</th>\
      <th>\(context.t("决定时间", "Decided"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
    let body: HTML = """
      <h1>\(context.t("统一出件", "Result delivery"))</h1>
      <p class="lead">\(model.siteName) · \(context.t("\(model.total) 件待出件", "\(model.total) to hand out"))</p>
      \(table)
      """
    return Layout.page(context, title: context.t("统一出件", "Result delivery"), body: body)
  }
}
