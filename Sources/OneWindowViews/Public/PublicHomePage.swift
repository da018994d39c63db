import OneWindowDomain

/// 门户首页: where the county serves, which departments are stationed, and what citizens can apply for.
public enum PublicHomePage {
  public struct Model: Sendable {
    public let sites: [Site]
    public let departments: [(department: Department, itemCount: Int)]
    public let items: [ServiceItem]
    public let itemCount: Int

    public init(
      sites: [Site], departments: [(department: Department, itemCount: Int)],
      items: [ServiceItem], itemCount: Int
    ) {
      self.sites = sites
      self.departments = departments
      self.items = items
      self.itemCount = itemCount
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let halls = model.sites.filter { $0.kind != .villageStation }
    let stations = model.sites.filter { $0.kind == .villageStation }
    let body: HTML = """
      <h1>\(context.countyName)\(context.t("政务服务 · 一窗通办", " · one window for every service"))</h1>
      <p class="lead">\(context.t(
        "县、镇、村三级便民服务，就近办、一次办。", "County, town and village service points: near you, in one visit."))</p>
      <div class="figures">
      \(figure(model.itemCount, context.t("项政务服务事项", "service items")))
      \(figure(model.departments.filter { $0.itemCount > 0 }.count, context.t("个进驻部门", "departments")))
      \(figure(halls.count, context.t("个服务中心与网点", "service halls")))
      \(figure(stations.count, context.t("个村（社区）便民服务站", "village stations")))
      </div>
      <h2>\(context.t("服务中心与网点", "Service halls"))</h2>
      <div class="cards">\(halls.map { siteCard($0, context) })</div>
      <h2>\(context.t("村（社区）便民服务站", "Village and community stations"))</h2>
      <div class="cards">\(stations.map { siteCard($0, context) })</div>
      <h2>\(context.t("可办理事项", "Items you can apply for"))</h2>
      \(itemTable(model, context))
      """
    return Layout.page(context, title: context.t("首页", "Home"), body: body)
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
        <tr><td>\(item.name)</td><td>\(names[item.departmentID] ?? "")</td>\
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
