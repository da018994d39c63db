import OneWindowDomain

/// 选择县区: a deployment that serves several counties (a city's districts) lets a visitor pick whose services, hall
/// and guides they see; the choice is remembered in a cookie.
public enum CountiesPage {
  public static func render(_ counties: [Region], current: String?, returnTo: String?, _ context: PageContext) -> HTML {
    let items = counties.map { county -> HTML in
      let here = county.code.value == current
      return """
        <li><a href="\(Links.county(county.code.value) + Links.query([("to", returnTo)]))"\(here ? " aria-current=\"true\"" as HTML : .empty)>\
        \(county.name)\(here ? "（\(context.t("当前", "current"))）" : "")</a></li>
        """
    }
    return Layout.page(
      context, title: context.t("选择县区", "Choose a county"),
      body: """
        <h1>\(context.t("选择县区", "Choose a county"))</h1>
        <p>\(context.t("本平台为以下县（市、区）提供政务服务。请选择您要办事的地方：事项、大厅和办事指南随之切换。",
          "This platform serves the counties below. Choose where you want to get things done: services, halls and guides follow."))</p>
        <ul class="county-list" id="county-list">\(items)</ul>
        """)
  }
}

/// 市级总览: a city account's view of its counties — each county's open cases by clock light — and where it chooses
/// the county it works in. Working in a county, it is that county's administrator (or supervisor) in every page; the
/// trail names the city account.
public enum CityPage {
  public struct Row: Sendable {
    public let county: Region
    public let open: ClockBoard.Counts
    public let staff: Int

    public init(county: Region, open: ClockBoard.Counts, staff: Int) {
      self.county = county
      self.open = open
      self.staff = staff
    }
  }

  public static func render(city: RegionCode, rows: [Row], current: String?, _ context: PageContext) -> HTML {
    let lines = rows.map { row -> HTML in
      let code = row.county.code.value
      let here = code == current
      return """
        <tr data-county="\(code)"\(here ? " class=\"current\"" as HTML : .empty)><td>\(row.county.name)</td><td>\(code)</td>\
        <td class="num">\(row.staff)</td><td class="num">\(row.open.open)</td><td class="num">\(row.open.green)</td>\
        <td class="num">\(row.open.yellow)</td><td class="num">\(row.open.red)</td><td class="num">\(row.open.paused)</td>\
        <td><form method="post" action="\(Links.cityCounty)" class="inline">\(context.csrfField)\
        <input type="hidden" name="county" value="\(code)">\
        <button type="submit"\(here ? " class=\"secondary\"" as HTML : .empty)>\
        \(here ? context.t("当前所在，进入工作台", "Working here: workbench") : context.t("进入本县", "Work in this county"))\
        </button></form></td></tr>
        """
    }
    let back: HTML =
      current == nil
      ? .empty
      : """
      <form method="post" action="\(Links.cityCounty)">\(context.csrfField)\
      <input type="hidden" name="county" value="\(city.value)">\
      <button type="submit" class="secondary">\(context.t("离开当前县区", "Leave the county"))</button></form>
      """
    return Layout.page(
      context, title: context.t("市级总览", "City overview"),
      body: """
        <h1>\(context.t("市级总览", "City overview")) <small>\(city.value)</small></h1>
        <p>\(context.t("本账号可在下列县（市、区）中任选其一开展工作；进入后即以该县\(context.staff.map { context.t($0.role.name) } ?? "")的身份办理，操作记录署本人姓名。",
          "This account works in one of the counties below at a time; inside one it acts as that county's \(context.staff.map { context.t($0.role.name).lowercased() } ?? "staff"), and the trail names you."))</p>
        <table id="city-counties"><thead><tr><th>\(context.t("县（市、区）", "County"))</th><th>\(context.t("代码", "Code"))</th>\
        <th class="num">\(context.t("工作人员", "Staff"))</th><th class="num">\(context.t("在办件", "Open cases"))</th>\
        <th class="num">\(context.t("绿灯", "Green"))</th><th class="num">\(context.t("黄灯", "Yellow"))</th>\
        <th class="num">\(context.t("红灯", "Red"))</th><th class="num">\(context.t("暂停计时", "Paused"))</th><th></th></tr></thead>
        <tbody>\(lines)</tbody></table>
        \(rows.isEmpty ? "<p>\(context.t("本市尚无县区在本系统中。", "No county of this city is set up here."))</p>" as HTML : .empty)
        \(back)
        """)
  }
}
