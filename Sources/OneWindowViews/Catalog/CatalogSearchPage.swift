import OneWindowDomain

/// 事项查询: browse the catalog by audience, theme, department, level or site, or search it by Chinese text,
/// pinyin initials (`hjqy`) or item code.
public enum CatalogSearchPage {
  /// What the visitor asked for, as the form and the links carry it.
  public struct Query: Sendable {
    public var text = ""
    public var audience: Audience?
    public var theme: ItemTheme?
    public var departmentID = ""
    public var level: RegionLevel?
    public var siteID = ""
    public var type: ItemType?
    public var page = 1

    public init() {}

    func link(page: Int? = nil, audience: Audience?? = nil, theme: ItemTheme?? = nil) -> String {
      Links.items
        + Links.query([
          ("q", text), ("audience", (audience ?? self.audience)?.rawValue), ("theme", (theme ?? self.theme)?.rawValue),
          ("department", departmentID), ("level", level?.rawValue), ("site", siteID), ("type", type?.rawValue),
          ("page", (page ?? 1) > 1 ? String(page ?? 1) : nil),
        ])
    }
  }

  public struct Model: Sendable {
    public let query: Query
    public let items: [ItemSummary]
    public let total: Int
    /// False when a text search stopped counting (the page then shows "1000+").
    public let totalIsExact: Bool
    public let pageSize: Int
    public let departments: [Department]
    public let sites: [Site]
    /// Set when a site is chosen: what that site offers, in words.
    public let siteNote: String?
    /// 常见问答 the same words (or pinyin initials) find, beside the items.
    public let knowledge: [KnowledgeEntry]
    public let today: CivilDate?

    public init(
      query: Query, items: [ItemSummary], total: Int, totalIsExact: Bool = true, pageSize: Int,
      departments: [Department], sites: [Site], siteNote: String?, knowledge: [KnowledgeEntry] = [],
      today: CivilDate? = nil
    ) {
      self.knowledge = knowledge
      self.today = today
      self.query = query
      self.items = items
      self.total = total
      self.totalIsExact = totalIsExact
      self.pageSize = pageSize
      self.departments = departments
      self.sites = sites
      self.siteNote = siteNote
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let body: HTML = """
      <h1>\(context.t("事项查询", "Find a service"))</h1>
      \(searchForm(model, context))
      \(audienceTabs(model.query, context))
      \(themeLinks(model.query, context))
      \(model.siteNote.map { "<p class=\"note\">\($0)</p>" as HTML } ?? .empty)
      <p class="meta" role="status">\(model.totalIsExact
        ? context.t("共 \(model.total) 项", "\(model.total) items")
        : context.t("超过 \(model.total) 项，请输入更多文字缩小范围", "More than \(model.total) items; type more to narrow them down"))</p>
      \(model.today.map { KnowledgePages.part(model.knowledge, today: $0, heading: context.t("相关问答", "Related answers"), id: "knowledge-hits", context) } ?? .empty)
      \(results(model, context))
      \(pager(model, context))
      """
    return Layout.page(context, title: context.t("事项查询", "Find a service"), body: body)
  }

  private static func searchForm(_ model: Model, _ context: PageContext) -> HTML {
    let query = model.query
    let departments = model.departments.map { department -> HTML in
      "<option value=\"\(department.id)\"\(selected(department.id == query.departmentID))>\(department.name)</option>"
    }
    let sites = model.sites.map { site -> HTML in
      "<option value=\"\(site.id)\"\(selected(site.id == query.siteID))>\(site.name)</option>"
    }
    let levels = RegionLevel.allCases.map { level -> HTML in
      "<option value=\"\(level.rawValue)\"\(selected(level == query.level))>\(context.t(level.name))</option>"
    }
    let types = ItemType.allCases.map { type -> HTML in
      "<option value=\"\(type.rawValue)\"\(selected(type == query.type))>\(context.t(type.name))</option>"
    }
    return """
      <form method="get" action="\(Links.items)" class="search" role="search">
      <label for="q">\(context.t("事项名称、拼音首字母或事项编码", "Item name, pinyin initials or code"))</label>
      <div class="search-row"><input id="q" name="q" type="search" value="\(query.text)" autofocus \
      placeholder="\(context.t("例如：户籍迁移、hjqy", "e.g. 户籍迁移 or hjqy"))">\
      <button type="submit">\(context.t("查询", "Search"))</button></div>
      <div class="filters">
      <label>\(context.t("部门", "Department"))<select name="department"><option value="">\(context.t("全部", "All"))</option>\(departments)</select></label>
      <label>\(context.t("办理层级", "Level"))<select name="level"><option value="">\(context.t("全部", "All"))</option>\(levels)</select></label>
      <label>\(context.t("服务场所", "Service site"))<select name="site"><option value="">\(context.t("全部", "All"))</option>\(sites)</select></label>
      <label>\(context.t("事项类型", "Type"))<select name="type"><option value="">\(context.t("全部", "All"))</option>\(types)</select></label>
      \(query.audience.map { "<input type=\"hidden\" name=\"audience\" value=\"\($0.rawValue)\">" as HTML } ?? .empty)
      \(query.theme.map { "<input type=\"hidden\" name=\"theme\" value=\"\($0.rawValue)\">" as HTML } ?? .empty)
      </div>
      </form>
      """
  }

  private static func audienceTabs(_ query: Query, _ context: PageContext) -> HTML {
    let tabs = ([nil] + Audience.allCases.map { Optional($0) }).map { audience -> HTML in
      let name = audience.map { context.t($0.name) } ?? context.t("全部", "All")
      let current = audience == query.audience ? " aria-current=\"page\"" : ""
      return
        "<a href=\"\(query.link(audience: .some(audience), theme: .some(nil)))\"\(HTML(unsafe: current))>\(name)</a>"
    }
    return "<nav class=\"tabs\" aria-label=\"\(context.t("服务对象", "Audience"))\">\(tabs)</nav>"
  }

  private static func themeLinks(_ query: Query, _ context: PageContext) -> HTML {
    let themes = ItemTheme.allCases.filter { query.audience == nil || $0.audience == query.audience }
    let links = themes.map { theme -> HTML in
      let current = theme == query.theme ? " aria-current=\"true\"" : ""
      return
        "<a class=\"chip\" href=\"\(query.link(theme: .some(theme)))\"\(HTML(unsafe: current))>\(context.t(theme.name))</a>"
    }
    return "<div class=\"chips\" aria-label=\"\(context.t("主题", "Themes"))\">\(links)</div>"
  }

  private static func results(_ model: Model, _ context: PageContext) -> HTML {
    guard !model.items.isEmpty else {
      return
        "<p class=\"empty\">\(context.t("没有找到符合条件的事项，请换个关键词或减少筛选条件。", "No items match; try other words or fewer filters."))</p>"
    }
    let names = Dictionary(model.departments.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let rows = model.items.map { item -> HTML in
      """
      <tr><td><a href="\(Links.item(item.code))">\(item.name)</a><div class="meta">\(item.code)</div></td>\
      <td>\(names[item.departmentID] ?? item.departmentID)</td><td>\(context.t(item.type.name))</td>\
      <td>\(ItemText.limit(item.caseKind, item.promisedLimitDays, context))</td>\
      <td>\(ItemText.levels(item.orderedLevels, context))</td><td>\(ItemText.visits(item.visits, context))</td></tr>
      """
    }
    return """
      <table class="results"><thead><tr><th>\(context.t("事项名称", "Item"))</th><th>\(context.t("实施部门", "Department"))</th>\
      <th>\(context.t("事项类型", "Type"))</th><th>\(context.t("承诺时限", "Promised limit"))</th>\
      <th>\(context.t("可办层级", "Levels"))</th><th>\(context.t("跑动次数", "Visits"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
  }

  private static func pager(_ model: Model, _ context: PageContext) -> HTML {
    let pages = max(1, (model.total + model.pageSize - 1) / model.pageSize)
    guard pages > 1 else { return .empty }
    let page = model.query.page
    let previous: HTML =
      page > 1
      ? "<a rel=\"prev\" href=\"\(model.query.link(page: page - 1))\">\(context.t("上一页", "Previous"))</a>" : .empty
    let next: HTML =
      page < pages
      ? "<a rel=\"next\" href=\"\(model.query.link(page: page + 1))\">\(context.t("下一页", "Next"))</a>" : .empty
    return """
      <nav class="pager" aria-label="\(context.t("分页", "Pages"))">\(previous)\
      <span>\(context.t("第 \(page) / \(pages) 页", "Page \(page) of \(pages)"))</span>\(next)</nav>
      """
  }

  static func selected(_ on: Bool) -> HTML { on ? " selected" : .empty }
}
