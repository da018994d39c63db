import OneWindowDomain

/// 大厅设置 (admin): a site's business groups — letter, name, the windows that call from it, appointments per
/// half-hour, the items it serves — and the calling policy of the priority lane.
public enum HallAdminPage {
  public struct Model: Sendable {
    public let sites: [(id: String, name: String)]
    public let site: Site
    public let groups: [BusinessGroup]
    public let windows: [Window]
    public let policy: QueuePolicy
    /// The group in the form: one being edited, a new one, or the input of a refused save.
    public let form: BusinessGroup?
    public let editing: Bool
    public let groupErrors: [ValidationError]
    public let policyErrors: [ValidationError]
    public let policyInput: [String: String]
    public let saved: String?

    public init(
      sites: [(id: String, name: String)], site: Site, groups: [BusinessGroup], windows: [Window],
      policy: QueuePolicy, form: BusinessGroup?, editing: Bool, groupErrors: [ValidationError] = [],
      policyErrors: [ValidationError] = [], policyInput: [String: String] = [:], saved: String? = nil
    ) {
      self.sites = sites
      self.site = site
      self.groups = groups
      self.windows = windows
      self.policy = policy
      self.form = form
      self.editing = editing
      self.groupErrors = groupErrors
      self.policyErrors = policyErrors
      self.policyInput = policyInput
      self.saved = saved
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let windowNames = Dictionary(model.windows.map { ($0.id, $0.number) }, uniquingKeysWith: { a, _ in a })
    let rows = model.groups.map { group -> HTML in
      """
      <tr><td><b>\(group.code)</b></td><td>\(group.name)</td>\
      <td>\(group.windowIDs.map { windowNames[$0] ?? $0 }.joined(separator: "、"))</td>\
      <td>\(String(group.slotCapacity))</td><td>\(group.itemCodes.isEmpty ? context.t("全部事项", "Any") : String(group.itemCodes.count))</td>\
      <td><a href="\(Links.adminHall)?site=\(model.site.id)&amp;group=\(group.code)#group-form">\(context.t("修改", "Edit"))</a></td></tr>
      """
    }
    let siteOptions = model.sites.map { id, name -> HTML in
      "<option value=\"\(id)\"\(id == model.site.id ? " selected" : "")>\(name)</option>"
    }
    let saved: HTML =
      model.saved.map { "<p class=\"ok\" role=\"status\" id=\"saved\">\(context.t("已保存：", "Saved: "))\($0)</p>" }
      ?? .empty
    let body: HTML = """
      <h1>\(context.t("大厅设置", "Hall settings"))</h1>
      <form method="get" action="\(Links.adminHall)" class="search-row">
      <label for="site">\(context.t("服务场所", "Site"))</label><select id="site" name="site">\(siteOptions)</select>\
      <button type="submit">\(context.t("切换", "Switch"))</button></form>
      \(saved)
      <h2>\(context.t("业务分组", "Business groups"))</h2>
      \(model.groups.isEmpty
        ? "<p class=\"empty\">\(context.t("本场所还没有业务分组，取号机不可用。", "No groups yet; the kiosk is off."))</p>" as HTML
        : """
        <table class="results" id="groups"><thead><tr><th>\(context.t("代码", "Code"))</th><th>\(context.t("名称", "Name"))</th>\
        <th>\(context.t("叫号窗口", "Windows"))</th><th>\(context.t("每半小时可约", "Bookable per 30 min"))</th>\
        <th>\(context.t("事项", "Items"))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
        """)
      \(groupForm(model, context))
      \(policyForm(model, context))
      """
    return Layout.page(context, title: context.t("大厅设置", "Hall settings"), body: body)
  }

  private static func groupForm(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.groupErrors)
    let group = model.form
    let checks = model.windows.map { window -> HTML in
      let id = "window_\(window.id)"
      return """
        <label for="\(id)"><input type="checkbox" id="\(id)" name="window_\(window.id)" value="on"\
        \(group?.windowIDs.contains(window.id) == true ? " checked" : "")> \(window.number) \(window.name)</label>
        """
    }
    let code: HTML =
      model.editing
      ? """
      <div><label for="code">\(context.t("代码", "Code"))</label><input type="text" id="code" name="code" \
      value="\(group?.code ?? "")" readonly></div>
      """
      : parts.text(
        "code", context.t("代码（一个大写字母，号票以它开头）", "Code (one capital letter)"), group?.code ?? "", required: true)
    return """
      <h2 id="group-form">\(model.editing ? context.t("修改分组 \(group?.code ?? "")", "Edit group \(group?.code ?? "")") : context.t("新增分组", "New group"))</h2>
      \(parts.summary())
      <form method="post" action="\(Links.adminHallGroups)" class="panel" novalidate>
      \(context.csrfField)<input type="hidden" name="site" value="\(model.site.id)">\
      \(model.editing ? "<input type=\"hidden\" name=\"editing\" value=\"1\">" as HTML : .empty)
      <div class="grid3">
      \(code)
      \(parts.text("name", context.t("名称", "Name"), group?.name ?? "", required: true))
      \(parts.number("slot_capacity", context.t("每半小时可预约人数（0 为不开放预约）", "Bookable per half-hour (0: none)"), group?.slotCapacity ?? 0))
      </div>
      <fieldset id="window_ids"><legend>\(context.t("从本组叫号的窗口", "Windows calling from this group"))</legend>\
      \(parts.error("window_ids"))<div class="checks">\(checks)</div></fieldset>
      \(parts.area("item_codes", context.t("本组办理的事项编码（每行一个；留空为全部事项）", "Item codes (one per line; empty: any)"), group?.itemCodes.joined(separator: "\n") ?? ""))
      <button type="submit" class="button">\(context.t("保存分组", "Save group"))</button>
      </form>
      """
  }

  private static func policyForm(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.policyErrors)
    func value(_ field: String, _ fallback: Int) -> String { model.policyInput[field] ?? String(fallback) }
    return """
      <h2>\(context.t("叫号规则（绿色通道）", "Calling policy (priority lane)"))</h2>
      \(parts.summary())
      <form method="post" action="\(Links.adminHallPolicy)" class="panel" novalidate id="policy">
      \(context.csrfField)<input type="hidden" name="site" value="\(model.site.id)">
      <p class="meta">\(context.t("老年人、残疾人、孕妇及时段内签到的预约号优先叫号；为免普通号久等，连续优先叫号达到上限，或普通号等候超过时限时，先叫普通号。", "The priority lane is called first; after the cap in a row, or when an ordinary ticket has waited past the limit, an ordinary ticket goes first."))</p>
      <div class="grid3">
      \(parts.text("max_priority_in_a_row", context.t("连续优先叫号上限（次）", "Priority calls in a row (max)"), value("max_priority_in_a_row", model.policy.maxPriorityInARow)))
      \(parts.text("max_ordinary_wait", context.t("普通号最长等候（分钟）", "Longest ordinary wait (minutes)"), value("max_ordinary_wait", Int(model.policy.maxOrdinaryWait / 60))))
      \(parts.text("no_show_after_calls", context.t("呼叫几次后可过号", "Calls before a no-show"), value("no_show_after_calls", model.policy.noShowAfterCalls)))
      </div>
      <button type="submit" class="button">\(context.t("保存规则", "Save policy"))</button>
      </form>
      """
  }
}
