import OneWindowDomain

/// 帮办代办事项清单: every town's and village's list size against seed 003's targets, and one region's list with
/// the way to add and remove items.
public enum ProxyListsPage {
  public static func overview(_ lists: [(region: Region, count: Int)], _ context: PageContext) -> HTML {
    let rows = lists.map { entry -> HTML in
      let level = entry.region.code.level
      let target = ProxyList.target(for: level)
      let met = entry.count >= target
      return """
        <tr><td><a href="\(Links.adminProxyList(entry.region.code.value))">\(entry.region.name)</a></td><td>\(context.t(level.name))</td>\
        <td>\(entry.count)</td><td>\(target)</td>\
        <td>\(met ? context.t("达标", "Met") : context.t("未达标", "Below target"))</td></tr>
        """
    }
    let body: HTML = """
      <p class="meta"><a href="\(Links.adminItems)">\(context.t("事项目录管理", "Catalog"))</a></p>
      <h1>\(context.t("帮办代办事项清单", "Proxy lists"))</h1>
      <p class="lead">\(context.t(
        "种子文件 003 要求：每个镇不少于 80 项，每个村（社区）不少于 50 项。",
        "Seed 003 asks for at least 80 items per town and 50 per village."))</p>
      <table><thead><tr><th>\(context.t("镇村", "Town or village"))</th><th>\(context.t("层级", "Level"))</th>\
      <th>\(context.t("清单事项数", "Items"))</th><th>\(context.t("目标", "Target"))</th><th>\(context.t("状态", "State"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
    return Layout.page(context, title: context.t("帮办代办事项清单", "Proxy lists"), body: body)
  }

  public struct Model: Sendable {
    public let region: Region
    public let items: [ItemSummary]
    public let errors: [ValidationError]
    public let codes: String
    public let notice: String?

    public init(
      region: Region, items: [ItemSummary], errors: [ValidationError] = [], codes: String = "", notice: String? = nil
    ) {
      self.region = region
      self.items = items
      self.errors = errors
      self.codes = codes
      self.notice = notice
    }
  }

  public static func region(_ model: Model, _ context: PageContext) -> HTML {
    let level = model.region.code.level
    let target = ProxyList.target(for: level)
    let action = Links.adminProxyList(model.region.code.value)
    let rows = model.items.map { item -> HTML in
      """
      <tr><td><a href="\(Links.item(item.code))">\(item.name)</a><div class="meta">\(item.code)</div></td>\
      <td><form method="post" action="\(action)" class="inline">\(context.csrfField)\
      <input type="hidden" name="remove" value="\(item.code)">\
      <button type="submit" class="secondary" aria-label="\(context.t("将“\(item.name)”移出清单", "Remove \(item.name)"))">\
      \(context.t("移出清单", "Remove"))</button></form></td></tr>
      """
    }
    let parts = FormParts(context: context, errors: model.errors)
    let body: HTML = """
      <p class="meta"><a href="\(Links.adminProxyLists)">\(context.t("帮办代办事项清单", "Proxy lists"))</a></p>
      <h1>\(model.region.name)\(context.t("帮办代办事项清单", " proxy list"))</h1>
      \(model.notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      <p>\(context.t("共 \(model.items.count) 项，目标不少于 \(target) 项。", "\(model.items.count) items; the target is at least \(target)."))</p>
      \(parts.summary())
      <form method="post" action="\(action)" class="panel" novalidate>\(context.csrfField)
      \(parts.area("item_code", context.t("加入清单的事项编码（每行或以逗号分隔）", "Item codes to add (one per line or comma-separated)"), model.codes))
      <div class="actions"><button type="submit">\(context.t("加入清单", "Add to the list"))</button></div>
      </form>
      <table><thead><tr><th>\(context.t("事项", "Item"))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
      """
    return Layout.page(context, title: model.region.name, body: body)
  }
}
