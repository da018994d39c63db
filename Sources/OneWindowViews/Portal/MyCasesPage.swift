import OneWindowDomain

/// 我的办件: the signed-in citizen's cases with state, due date, what to correct and the result.
public enum MyCasesPage {
  public struct Model: Sendable {
    public let citizen: Citizen
    public let cases: [(ServiceCase, DeadlineStatus?)]
    public let clock: CaseClock

    public init(citizen: Citizen, cases: [(ServiceCase, DeadlineStatus?)], clock: CaseClock) {
      self.citizen = citizen
      self.cases = cases
      self.clock = clock
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let rows = model.cases.map { c, status -> HTML in
      let todo: String =
        switch c.state {
        case .draft: context.t("草稿，尚未提交", "Draft, not sent")
        case .correcting: context.t("请按一次性告知补正后重新提交", "Correct and send again")
        case .decided where c.resultFile != nil: context.t("可下载电子结果", "Result ready to download")
        case .decided: context.t("请按约定方式领取结果", "Collect the result")
        default: ""
        }
      return """
        <tr><td><a href="\(Links.myCase(c.number))">\(c.number)</a></td><td>\(c.item.name)</td>\
        <td>\(CaseText.state(c.state, context))</td><td>\(model.clock.time(status?.due))</td><td>\(todo)</td></tr>
        """
    }
    let table: HTML =
      rows.isEmpty
      ? "<p class=\"empty\" id=\"my-cases\">\(context.t("您还没有网上申请。", "You have no applications yet."))</p>"
      : """
      <table class="results cases" id="my-cases"><thead><tr><th>\(context.t("办件编号", "Number"))</th>\
      <th>\(context.t("事项", "Item"))</th><th>\(context.t("状态", "State"))</th><th>\(context.t("应办结", "Due"))</th>\
      <th>\(context.t("待办", "To do"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
    let body: HTML = """
      <h1>\(context.t("我的办件", "My applications"))</h1>
      <p class="lead">\(model.citizen.name) · \(Masking.phone(model.citizen.phone))</p>
      <p><a class="button" href="\(Links.items)">\(context.t("查找事项，在线申请", "Find an item and apply online"))</a></p>
      \(table)
      <form method="post" action="\(Links.portalLogout)" class="no-print">\(context.csrfField)\
      <button type="submit" class="secondary">\(context.t("退出登录", "Sign out"))</button></form>
      """
    return Layout.page(context, title: context.t("我的办件", "My applications"), body: body)
  }
}
