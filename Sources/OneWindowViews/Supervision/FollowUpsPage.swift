import Foundation
import OneWindowDomain

/// 受理后跟踪: the 容缺 materials applicants owe and the 告知承诺 post-checks departments owe, soonest due first, the
/// overdue ones marked; a clerk records materials received and a reviewer the check from the case's page.
public enum FollowUpsPage {
  public struct Model: Sendable {
    public let kind: FollowUp.Kind
    public let show: String
    public let rows: [(FollowUp, ServiceCase)]
    public let total: Int
    public let today: CivilDate
    public let clock: CaseClock
    public let names: DirectoryNames
    public let page: Int
    public let pageSize: Int

    public init(
      kind: FollowUp.Kind, show: String, rows: [(FollowUp, ServiceCase)], total: Int, today: CivilDate,
      clock: CaseClock, names: DirectoryNames, page: Int, pageSize: Int
    ) {
      self.kind = kind
      self.show = show
      self.rows = rows
      self.total = total
      self.today = today
      self.clock = clock
      self.names = names
      self.page = page
      self.pageSize = pageSize
    }
  }

  public static let shows: [(String, LocalizedText)] = [
    ("open", LocalizedText(zh: "待办", en: "Open")), ("overdue", LocalizedText(zh: "已逾期", en: "Overdue")),
    ("done", LocalizedText(zh: "已办结", en: "Done")),
  ]

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let kinds = FollowUp.Kind.allCases.map { kind -> HTML in
      kind == model.kind
        ? "<b aria-current=\"page\">\(context.t(kind.name))</b>"
        : "<a href=\"\(Links.followUps + Links.query([("kind", kind.rawValue), ("show", model.show)]))\">\(context.t(kind.name))</a>"
    }
    let shows = shows.map { show, name -> HTML in
      show == model.show
        ? "<b aria-current=\"page\">\(context.t(name))</b>"
        : "<a href=\"\(Links.followUps + Links.query([("kind", model.kind.rawValue), ("show", show)]))\">\(context.t(name))</a>"
    }
    let rows = model.rows.map { followUp, c -> HTML in
      let standing = followUp.standing(today: model.today)
      let late = followUp.daysOverdue(today: model.today)
      let standingText =
        late > 0
        ? context.t("逾期 \(late) 天", "\(late) day(s) overdue") : context.t(standing.name)
      let what: String =
        switch model.kind {
        case .deficiency: (c.deficiency?.materials ?? []).joined(separator: "、")
        case .postCheck: c.postCheck.map { $0.finding } ?? ""
        }
      let outcome = followUp.outcome.map { context.t($0.name) } ?? ""
      return """
        <tr class="follow-up-\(standing.rawValue)"><td><a href="\(Links.casePage(c.number))">\(c.number)</a></td>\
        <td>\(c.item.name)</td><td>\(CaseText.applicant(c.applicant))</td><td>\(what)</td>\
        <td>\(model.names.department(c.departmentID))</td><td>\(model.names.site(c.siteID))</td>\
        <td>\(followUp.due.iso)</td><td><span class="tag standing-\(standing.rawValue)">\(standingText)</span>\
        \(outcome.isEmpty ? "" : " \(outcome)")</td></tr>
        """
    }
    let whatHeading =
      model.kind == .deficiency ? context.t("容缺材料", "Materials owed") : context.t("核查情况", "Finding")
    let table: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"follow-ups\">\(context.t("没有符合条件的跟踪事项。", "Nothing to follow up here."))</p>"
      : """
      <table class="results cases" id="follow-ups"><thead><tr><th>\(context.t("办件编号", "Number"))</th>\
      <th>\(context.t("事项", "Item"))</th><th>\(context.t("申请人", "Applicant"))</th><th>\(whatHeading)</th>\
      <th>\(context.t("部门", "Department"))</th><th>\(context.t("受理场所", "Site"))</th>\
      <th>\(context.t("期限", "Due"))</th><th>\(context.t("状态", "Standing"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
    let pages = max(1, (model.total + model.pageSize - 1) / model.pageSize)
    func link(_ page: Int, _ label: String) -> HTML {
      let query = Links.query([("kind", model.kind.rawValue), ("show", model.show), ("page", String(page))])
      return "<a href=\"\(Links.followUps + query)\">\(label)</a>"
    }
    let pager: HTML =
      pages > 1
      ? """
      <nav class="pager" aria-label="\(context.t("分页", "Pages"))">\
      \(model.page > 1 ? link(model.page - 1, context.t("上一页", "Previous")) : .empty)\
      <span>\(model.page) / \(pages)</span>\
      \(model.page < pages ? link(model.page + 1, context.t("下一页", "Next")) : .empty)</nav>
      """ : .empty
    let note =
      model.kind == .deficiency
      ? context.t(
        "容缺材料补齐前不能出件。申请人在到期前 2 天和逾期次日各收到一次提醒（短信及站内消息）；材料送到后，请在办件页点击「容缺材料已补齐」。",
        "No result is handed over before the materials are in. The applicant is reminded 2 days before the due date and the day after it passes; when the materials arrive, record them on the case page."
      )
      : context.t(
        "告知承诺受理的办件须在期限内完成事后核查；发现承诺不实的，在办件页记录核查情况和处理依据，已准予的将启动撤销程序。",
        "Cases accepted on pledge are checked by the due date; a false pledge is recorded with its legal basis on the case page, and an approval already given goes into revocation."
      )
    let body: HTML = """
      <h1>\(context.t("受理后跟踪", "Follow-ups after acceptance"))</h1>
      <p class="tabs">\(kinds.map { "\($0) " as HTML })</p>
      <p class="tabs">\(shows.map { "\($0) " as HTML }) · \(context.t("共 \(model.total) 件", "\(model.total) in all"))</p>
      <p class="meta">\(note)</p>
      \(table)
      \(pager)
      """
    return Layout.page(context, title: context.t("受理后跟踪", "Follow-ups"), body: body)
  }
}
