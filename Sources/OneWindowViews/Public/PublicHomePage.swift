import OneWindowDomain

/// 门户首页: where the county serves, which departments are stationed, and what citizens can apply for.
public enum PublicHomePage {
  public struct Model: Sendable {
    public let sites: [Site]
    public let departments: [(department: Department, itemCount: Int)]
    /// Items a village station can help with, shown as "办事不出村" examples.
    public let items: [ItemSummary]
    public let itemCount: Int
    public let bundles: [ServiceBundle]
    /// 热门事项: the most applied for lately.
    public let popular: [ItemSummary]
    /// Town and village names by region code, to group the stations under their town.
    public let regionNames: [String: String]

    public init(
      sites: [Site], departments: [(department: Department, itemCount: Int)],
      items: [ItemSummary], itemCount: Int, bundles: [ServiceBundle], popular: [ItemSummary] = [],
      regionNames: [String: String] = [:]
    ) {
      self.sites = sites
      self.departments = departments
      self.items = items
      self.itemCount = itemCount
      self.bundles = bundles
      self.popular = popular
      self.regionNames = regionNames
    }
  }

  /// A portal's first screen: search, the 个人办事 and 法人办事 entries, 热门事项 and 一件事; then where to go, the
  /// county's halls first and each town's center with its village stations folded under the town's name.
  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let halls = model.sites.filter { $0.kind != .villageStation && $0.kind != .townCenter }
    let stations = model.sites.filter { $0.kind == .villageStation }
    let body: HTML = """
      <h1 class="portal-title">\(context.countyName)\(context.t("政务服务 · 一窗通办", " · one window for every service"))</h1>
      <form method="get" action="\(Links.items)" class="search" role="search">
      <label for="q">\(context.t("查找事项：名称、拼音首字母或编码", "Find a service: name, pinyin initials or code"))</label>
      <div class="search-row"><input id="q" name="q" type="search" \
      placeholder="\(context.t("例如：社保卡、sbk、hjqy", "e.g. 社保卡, sbk or hjqy"))">\
      <button type="submit">\(context.t("查询", "Search"))</button></div>
      </form>
      <div class="entries" id="entries">
      <a class="entry" href="\(Links.items)?audience=\(Audience.person.rawValue)"><b>\(context.t("个人办事", "For individuals"))</b>\
      <span>\(context.t("户籍、社保、医保、婚育、养老……", "Household, insurance, family, retirement…"))</span></a>
      <a class="entry" href="\(Links.items)?audience=\(Audience.legalEntity.rawValue)"><b>\(context.t("法人办事", "For organizations"))</b>\
      <span>\(context.t("开办、经营、资质、税务、注销……", "Founding, operating, licences, tax, closing…"))</span></a>
      <a class="entry" href="\(Links.status)"><b>\(context.t("办件查询", "Track a case"))</b>\
      <span>\(context.t("凭办件编号和手机号", "With the case number and phone"))</span></a>
      <a class="entry" href="\(Links.appointments)"><b>\(context.t("预约取号", "Book or queue"))</b>\
      <span>\(context.t("到大厅前先预约，少排队", "Book before you come"))</span></a>
      </div>
      \(popular(model, context))
      <h2>\(context.t("一件事一次办", "One thing, one visit"))</h2>
      <div class="chips" id="home-bundles">\(model.bundles.map { "<a class=\"chip\" href=\"\(Links.bundle($0.id))\">\($0.name)</a>" as HTML })</div>
      <h2>\(context.t("按主题查找", "By life event"))</h2>
      <div class="chips">\(ItemTheme.allCases.map { theme -> HTML in
        "<a class=\"chip\" href=\"\(Links.items)?theme=\(theme.rawValue)\">\(context.t(theme.name))</a>"
      })</div>
      <h2>\(context.t("去哪里办", "Where to go"))</h2>
      <div class="cards">\(halls.map { siteCard($0, context) })</div>
      \(towns(model, stations: stations, context))
      <div class="figures">
      \(figure(model.itemCount, context.t("项政务服务事项", "service items")))
      \(figure(model.departments.filter { $0.itemCount > 0 }.count, context.t("个进驻部门", "departments")))
      \(figure(model.sites.count - stations.count, context.t("个服务中心与网点", "service halls")))
      \(figure(stations.count, context.t("个村（社区）便民服务站", "village stations")))
      </div>
      <h2>\(context.t("按部门查找", "By department"))</h2>
      <div class="chips">\(model.departments.filter { $0.itemCount > 0 }.map { entry -> HTML in
        "<a class=\"chip\" href=\"\(Links.items)?department=\(entry.department.id)\">\(entry.department.name) \(entry.itemCount)</a>"
      })</div>
      <h2>\(context.t("办事不出村：村（社区）便民服务站可代办", "Done in your village: items village stations handle"))</h2>
      \(itemTable(model, context))
      <p><a href="\(Links.items)?level=village">\(context.t("查看全部村级可办事项", "All village-level items"))</a></p>
      """
    return Layout.page(context, title: context.t("首页", "Home"), body: body)
  }

  private static func popular(_ model: Model, _ context: PageContext) -> HTML {
    guard !model.popular.isEmpty else { return .empty }
    let links = model.popular.map { item -> HTML in
      "<li><a href=\"\(Links.item(item.code))\">\(item.name)</a></li>"
    }
    return """
      <h2>\(context.t("热门事项", "Most requested"))</h2>
      <ul class="popular" id="popular">\(links)</ul>
      """
  }

  /// Each town: its center open, its village stations one fold below (a phone shows one line per town).
  private static func towns(_ model: Model, stations: [Site], _ context: PageContext) -> HTML {
    let centers = model.sites.filter { $0.kind == .townCenter }.sorted { $0.regionCode.value < $1.regionCode.value }
    let folds = centers.map { center -> HTML in
      let town = center.regionCode.value
      let villages = stations.filter { $0.regionCode.value.hasPrefix(town) }
      let name = model.regionNames[town] ?? center.name
      return """
        <details class="town"><summary><b>\(name)</b> \
        <span class="meta">\(context.t("便民服务中心 1 个、村（社区）便民服务站 \(villages.count) 个", "1 center, \(villages.count) village stations"))</span></summary>
        <div class="cards">\(siteCard(center, context))\(villages.map { siteCard($0, context) })</div></details>
        """
    }
    return "<div class=\"towns\" id=\"towns\">\(folds)</div>"
  }

  private static func figure(_ number: Int, _ label: String) -> HTML {
    "<div class=\"figure\"><b>\(number)</b>\(label)</div>"
  }

  private static func siteCard(_ site: Site, _ context: PageContext) -> HTML {
    let hours = site.openingHours
    return """
      <section class="card"><h3>\(site.name)</h3>
      <p class="meta"><span class="tag">\(context.t(site.kind.name))</span></p>
      <p class="meta">\(context.label("地址", "Address"))\(site.address)</p>
      <p class="meta">\(context.label("电话", "Phone"))\(site.phone)</p>
      <p class="meta">\(context.t("工作日", "Weekdays")) \(hours.weekdays)</p>
      \(hours.extended.map { "<p class=\"meta\">\(context.t("延时", "Extended")) \($0)</p>" as HTML } ?? .empty)
      \(hours.saturday.map { "<p class=\"meta\">\(context.t("周六", "Saturday")) \($0)</p>" as HTML } ?? .empty)
      </section>
      """
  }

  private static func itemTable(_ model: Model, _ context: PageContext) -> HTML {
    let names = Dictionary(
      model.departments.map { ($0.department.id, $0.department.name) }, uniquingKeysWith: { a, _ in a })
    let rows = model.items.map { item -> HTML in
      let limit =
        item.caseKind == .immediate
        ? context.t("即办", "Same day")
        : context.t("\(item.promisedLimitDays) 个工作日", "\(item.promisedLimitDays) working days")
      let levels = RegionLevel.allCases.filter(item.levels.contains).map { context.t($0.name) }
      return """
        <tr><td><a href="\(Links.item(item.code))">\(item.name)</a></td><td>\(names[item.departmentID] ?? "")</td>\
        <td>\(context.t(item.type.name))</td><td>\(limit)</td>\
        <td>\(levels.joined(separator: "、"))</td><td>\(item.visits)</td></tr>
        """
    }
    return """
      <table><thead><tr><th>\(context.t("事项名称", "Item"))</th><th>\(context.t("实施部门", "Department"))</th>\
      <th>\(context.t("事项类型", "Type"))</th><th>\(context.t("承诺时限", "Promised limit"))</th>\
      <th>\(context.t("可办层级", "Levels"))</th><th>\(context.t("跑动次数", "Visits"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
  }
}
