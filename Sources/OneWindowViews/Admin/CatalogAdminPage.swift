import OneWindowDomain

/// 事项目录管理: the catalog with its figures against the seeds' targets, every item in any state, and the way
/// to agreements, bundles, proxy lists and the Excel import and export.
public enum CatalogAdminPage {
  public struct Model: Sendable {
    public let figures: CatalogFigures
    public let statusCounts: [ItemStatus: Int]
    public let items: [ItemSummary]
    public let total: Int
    public let text: String
    public let status: ItemStatus?
    public let departments: [String: String]
    public let page: Int
    public let pageSize: Int

    public init(
      figures: CatalogFigures, statusCounts: [ItemStatus: Int], items: [ItemSummary], total: Int, text: String,
      status: ItemStatus?, departments: [String: String], page: Int = 1, pageSize: Int = 100
    ) {
      self.page = page
      self.pageSize = pageSize
      self.figures = figures
      self.statusCounts = statusCounts
      self.items = items
      self.total = total
      self.text = text
      self.status = status
      self.departments = departments
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let figures = model.figures
    let statuses = ([nil] + ItemStatus.allCases.map { Optional($0) }).map { status -> HTML in
      let name = status.map { context.t($0.name) } ?? context.t("全部", "All")
      let count = status.map { model.statusCounts[$0] ?? 0 } ?? model.statusCounts.values.reduce(0, +)
      return
        "<option value=\"\(status?.rawValue ?? "")\"\(status == model.status ? " selected" : "")>\(name)（\(count)）</option>"
    }
    let rows = model.items.map { item -> HTML in
      """
      <tr><td><a href="\(Links.adminItem(item.code))">\(item.name)</a><div class="meta">\(item.code)</div></td>\
      <td>\(model.departments[item.departmentID] ?? item.departmentID)</td><td>\(ItemText.statusTag(item.status, context))</td>\
      <td>\(context.t("第 \(item.version) 版", "v\(item.version)"))</td>\
      <td>\(ItemText.levels(item.orderedLevels, context))</td></tr>
      """
    }
    let body: HTML = """
      <h1>\(context.t("事项目录管理", "Catalog administration"))</h1>
      <div class="figures">
      \(rate(context.t("事项下沉率", "Items reaching towns and villages"), figures.sinkingRate, CatalogFigures.sinkingTarget, "\(figures.sunkItems)/\(figures.publishedItems)", context))
      \(rate(context.t("网上服务上线率", "Items online"), figures.onlineRate, CatalogFigures.onlineTarget, "\(figures.onlineItems)/\(figures.publishedItems)", context))
      </div>
      <div class="actions">
      <a class="button" href="\(Links.adminNewItem)">\(context.t("新建事项", "New item"))</a>
      <a href="\(Links.adminImport)">\(context.t("Excel 导入", "Import from Excel"))</a>
      <a href="\(Links.adminExport)">\(context.t("导出 Excel", "Export to Excel"))</a>
      <a href="\(Links.adminAgreements)">\(context.t("委托书", "Delegation agreements"))</a>
      <a href="\(Links.adminBundles)">\(context.t("一件事", "Bundles"))</a>
      <a href="\(Links.adminProxyLists)">\(context.t("帮办代办清单", "Proxy lists"))</a>
      </div>
      <form method="get" action="\(Links.adminItems)" class="search" role="search">
      <div class="search-row"><input type="search" name="q" value="\(model.text)" aria-label="\(context.t("事项名称、拼音首字母或编码", "Name, initials or code"))" \
      placeholder="\(context.t("事项名称、拼音首字母或编码", "Name, initials or code"))">\
      <select name="status" aria-label="\(context.t("状态", "State"))">\(statuses)</select>\
      <button type="submit">\(context.t("查询", "Search"))</button></div></form>
      <p class="meta">\(context.t("共 \(model.total) 项", "\(model.total) items"))</p>
      <table><thead><tr><th>\(context.t("事项", "Item"))</th><th>\(context.t("实施主体", "Department"))</th>\
      <th>\(context.t("状态", "State"))</th><th>\(context.t("现行版本", "Version"))</th><th>\(context.t("行使层级", "Levels"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      \(pager(model, context))
      """
    return Layout.page(context, title: context.t("事项目录管理", "Catalog administration"), body: body)
  }

  private static func pager(_ model: Model, _ context: PageContext) -> HTML {
    let pages = max(1, (model.total + model.pageSize - 1) / model.pageSize)
    guard pages > 1 else { return .empty }
    func link(_ page: Int) -> String {
      Links.adminItems + Links.query([("q", model.text), ("status", model.status?.rawValue), ("page", String(page))])
    }
    let previous: HTML =
      model.page > 1 ? "<a rel=\"prev\" href=\"\(link(model.page - 1))\">\(context.t("上一页", "Previous"))</a>" : .empty
    let next: HTML =
      model.page < pages ? "<a rel=\"next\" href=\"\(link(model.page + 1))\">\(context.t("下一页", "Next"))</a>" : .empty
    return """
      <nav class="pager" aria-label="\(context.t("分页", "Pages"))">\(previous)\
      <span>\(context.t("第 \(model.page) / \(pages) 页", "Page \(model.page) of \(pages)"))</span>\(next)</nav>
      """
  }

  static func rate(_ name: String, _ value: Double, _ target: Double, _ count: String, _ context: PageContext) -> HTML {
    let percent = Int((value * 1000).rounded()) / 10
    let decimals = Int((value * 1000).rounded()) % 10
    let met = value >= target
    return """
      <div class="figure"><b>\(percent).\(decimals)%</b>\(name)<div class="meta">\(count) · \(context.t(
        "目标 \(Int(target * 100))%", "target \(Int(target * 100))%")) · \(met ? context.t("已达标", "met") : context.t("未达标", "not met"))</div>\
      <div class="bar\(met ? "" : " short")"><span style="width:\(min(100, percent))%"></span></div></div>
      """
  }
}
