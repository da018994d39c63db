import OneWindowDomain

/// 综合窗口 (无差别受理): find any item by name, pinyin initials or code and take the application in; open a case by
/// its number; see today's cases of this site.
public enum WindowPage {
  public struct Model: Sendable {
    public let site: Site?
    public let query: String
    public let results: [ItemSummary]
    public let total: Int
    public let departments: [String: String]
    public let today: [(ServiceCase, DeadlineStatus?)]
    /// Online applications waiting for this site's pre-review (网上预审).
    public let online: [(ServiceCase, DeadlineStatus?)]
    public let clock: CaseClock
    public let names: DirectoryNames
    public let lookupError: ValidationError?
    /// 叫号 controls, for a clerk on duty at a window of a hall with business groups.
    public let callPanel: CallPanel.Model?
    /// The "一件事" the window takes in as one intake.
    public let bundles: [ServiceBundle]

    public init(
      site: Site?, query: String, results: [ItemSummary], total: Int, departments: [String: String],
      today: [(ServiceCase, DeadlineStatus?)], online: [(ServiceCase, DeadlineStatus?)] = [], clock: CaseClock,
      names: DirectoryNames,
      lookupError: ValidationError? = nil, callPanel: CallPanel.Model? = nil, bundles: [ServiceBundle] = []
    ) {
      self.callPanel = callPanel
      self.bundles = bundles
      self.site = site
      self.query = query
      self.results = results
      self.total = total
      self.departments = departments
      self.today = today
      self.online = online
      self.clock = clock
      self.names = names
      self.lookupError = lookupError
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let lookup = FormParts(context: context, errors: model.lookupError.map { [$0] } ?? [])
    // An item that cannot be taken in here is told above the results; a case number below its box.
    let body: HTML = """
      <h1>\(context.t("综合窗口", "General window"))</h1>
      <p class="lead">\(model.site?.name ?? "") · \(context.t("无差别受理：任何事项都可在本窗口收件", "Any item can be taken in here"))</p>
      \(model.callPanel.map { CallPanel.render($0, context) } ?? .empty)
      <div class="two-col">
      <form method="get" action="\(Links.window)" class="search" role="search">
      <label for="q">\(context.t("查找事项（名称、拼音首字母或编码）", "Find an item (name, pinyin initials or code)"))</label>
      <div class="search-row"><input type="search" id="q" name="q" value="\(model.query)" autofocus autocomplete="off" \
      placeholder="\(context.t("如：食品经营许可、spjy", "e.g. spjy"))"><button type="submit">\(context.t("查找", "Find"))</button></div>
      </form>
      <form method="get" action="\(Links.caseLookup)" class="search">
      \(lookup.text("number", context.t("办件编号（补正、出件、查询）", "Case number"), ""))
      <button type="submit" class="secondary">\(context.t("打开办件", "Open"))</button>
      </form>
      </div>
      \(model.lookupError.map { $0.field == "number" ? .empty : "<p class=\"alert\" role=\"alert\">\(context.t($0.message))</p>" as HTML } ?? .empty)
      \(results(model, context))
      \(model.bundles.isEmpty ? .empty : """
        <p class="chips" id="window-bundles"><b>\(context.t("一件事一次办：", "Bundles: "))</b>\(model.bundles.map { bundle -> HTML in
          "<a class=\"chip\" href=\"\(Links.windowBundleIntake(bundle.id))\">\(bundle.name)</a>"
        })</p>
        """ as HTML)
      \(model.online.isEmpty ? .empty : """
        <h2>\(context.t("网上申请和帮办代办件待预审", "Online and proxy applications to pre-review"))</h2>
        \(CaseTable.render(model.online.map { .init(serviceCase: $0.0, deadline: $0.1) }, clock: model.clock, names: model.names, context: context, id: "online"))
        """ as HTML)
      <h2>\(context.t("本场所今日收件", "Taken in here today"))</h2>
      \(CaseTable.render(model.today.map { .init(serviceCase: $0.0, deadline: $0.1) }, clock: model.clock, names: model.names, context: context, id: "today"))
      <p><a href="\(Links.delivery)">\(context.t("统一出件 →", "Result delivery →"))</a></p>
      """
    return Layout.page(context, title: context.t("综合窗口", "General window"), body: body)
  }

  private static func results(_ model: Model, _ context: PageContext) -> HTML {
    guard !model.query.isEmpty else { return .empty }
    guard !model.results.isEmpty else {
      return
        "<p class=\"empty\">\(context.t("没有找到「\(model.query)」，换个说法或输入拼音首字母试试。", "Nothing found for \(model.query)."))</p>"
    }
    let rows = model.results.map { item -> HTML in
      let kind = context.t(item.caseKind.name)
      return """
        <tr><td>\(item.name)<div class="meta">\(item.code)</div></td><td>\(model.departments[item.departmentID] ?? item.departmentID)</td>\
        <td>\(kind)</td><td><a class="button small" href="\(Links.windowIntake)?item=\(item.code)">\(context.t("收件", "Take in"))</a></td></tr>
        """
    }
    return """
      <h2>\(context.t("找到 \(model.total) 项", "\(model.total) found"))</h2>
      <table class="results" id="item-results"><thead><tr><th>\(context.t("事项", "Item"))</th><th>\(context.t("实施部门", "Department"))</th>\
      <th>\(context.t("类型", "Kind"))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
      """
  }
}
