import Foundation
import OneWindowDomain

/// 机构与人员 (admin): the county's directory by tab — regions, sites, departments, windows, staff, duties (AB岗) and
/// 首席代表 authorisations — with the seed 003 staffing check, a link to add each kind and to edit each row.
public enum DirectoryPage {
  public enum Tab: String, Sendable, CaseIterable {
    case regions, sites, departments, windows, staff, duties, chiefs

    public var name: LocalizedText {
      switch self {
      case .regions: LocalizedText(zh: "区划", en: "Regions")
      case .sites: LocalizedText(zh: "场所", en: "Sites")
      case .departments: LocalizedText(zh: "部门", en: "Departments")
      case .windows: LocalizedText(zh: "窗口", en: "Windows")
      case .staff: LocalizedText(zh: "人员", en: "Staff")
      case .duties: LocalizedText(zh: "岗位", en: "Duties")
      case .chiefs: LocalizedText(zh: "首席代表", en: "Chief representatives")
      }
    }
  }

  /// A staff account as the directory lists it.
  public struct Person: Sendable {
    public let identity: StaffIdentity
    public let title: String
    public let phone: String
    public let disabled: Bool

    public init(identity: StaffIdentity, title: String, phone: String, disabled: Bool) {
      self.identity = identity
      self.title = title
      self.phone = phone
      self.disabled = disabled
    }
  }

  public struct Model: Sendable {
    public let tab: Tab
    public let county: Region
    public let regions: [Region]
    public let sites: [Site]
    public let departments: [Department]
    public let windows: [Window]
    public let people: [Person]
    public let duties: [DutyAssignment]
    public let chiefs: [ChiefAuthorization]
    public let staffing: [StaffingCheck]
    public let today: CivilDate
    /// The site the windows and duties tabs show.
    public let site: String?
    public let notice: String?
    public let refusal: String?
    /// The staff tab's search (username or name), and how many accounts match it (the tab lists `shownPeople`).
    public let query: String
    public let peopleTotal: Int

    public init(
      tab: Tab, county: Region, regions: [Region], sites: [Site], departments: [Department], windows: [Window],
      people: [Person], duties: [DutyAssignment], chiefs: [ChiefAuthorization], staffing: [StaffingCheck],
      today: CivilDate, site: String?, notice: String? = nil, refusal: String? = nil, query: String = "",
      peopleTotal: Int = 0
    ) {
      self.query = query
      self.peopleTotal = peopleTotal
      self.tab = tab
      self.county = county
      self.regions = regions
      self.sites = sites
      self.departments = departments
      self.windows = windows
      self.people = people
      self.duties = duties
      self.chiefs = chiefs
      self.staffing = staffing
      self.today = today
      self.site = site
      self.notice = notice
      self.refusal = refusal
    }

    var siteNames: [String: String] { Dictionary(sites.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }) }
    var departmentNames: [String: String] {
      Dictionary(departments.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
    var personNames: [String: String] {
      Dictionary(people.map { ($0.identity.id, $0.identity.displayName) }, uniquingKeysWith: { a, _ in a })
    }
    var regionNames: [RegionCode: String] {
      Dictionary(regions.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let tabs = Tab.allCases.map { tab -> HTML in
      let current: HTML = tab == model.tab ? " aria-current=\"page\"" : .empty
      return "<a href=\"\(Links.adminDirectory)?tab=\(tab.rawValue)\"\(current)>\(context.t(tab.name))</a>"
    }
    let notice: HTML =
      model.notice.map { "<p class=\"ok\" role=\"status\" id=\"notice\">\($0)</p>" as HTML } ?? .empty
    let refusal: HTML =
      model.refusal.map { "<p class=\"alert\" role=\"alert\" id=\"refusal\">\($0)</p>" as HTML } ?? .empty
    let body: HTML = """
      <h1>\(context.t("机构与人员", "Directory"))：\(model.county.name)（\(model.county.code.value)）</h1>
      <p class="actions"><a class="button secondary" href="\(Links.adminDirectoryExport)">\(context.t("导出工作簿", "Export workbook"))</a> \
      <a href="\(Links.adminDirectoryImport)">\(context.t("导入工作簿", "Import a workbook"))</a> · \
      <a href="\(Links.adminHall)">\(context.t("大厅设置（业务分组、叫号规则）", "Hall settings"))</a></p>
      <nav class="tabs" aria-label="\(context.t("目录分类", "Directory sections"))">\(tabs)</nav>
      \(notice)\(refusal)
      \(section(model, context))
      """
    return Layout.page(context, title: context.t("机构与人员", "Directory"), body: body)
  }

  private static func section(_ model: Model, _ context: PageContext) -> HTML {
    switch model.tab {
    case .regions: regions(model, context)
    case .sites: sites(model, context)
    case .departments: departments(model, context)
    case .windows: windows(model, context)
    case .staff: staff(model, context)
    case .duties: duties(model, context)
    case .chiefs: chiefs(model, context)
    }
  }

  static func addLink(_ kind: String, _ label: String, _ query: String = "") -> HTML {
    "<p><a class=\"button\" id=\"add-\(kind)\" href=\"\(Links.adminDirectory)/\(kind)/new\(query)\">\(label)</a></p>"
  }

  static func editLink(_ kind: String, _ id: String, _ context: PageContext) -> HTML {
    "<a href=\"\(Links.adminDirectory)/\(kind)/\(id)\">\(context.t("修改", "Edit"))</a>"
  }

  static func retired(_ at: Date?, _ context: PageContext) -> HTML {
    at == nil ? .empty : " <span class=\"tag status-cancelled\">\(context.t("已停用", "retired"))</span>"
  }

  static func table(_ id: String, _ headers: [String], _ rows: [HTML], empty: String) -> HTML {
    guard !rows.isEmpty else { return "<p class=\"empty\">\(empty)</p>" }
    let head = headers.map { "<th>\($0)</th>" as HTML }
    return """
      <div class="scroll-box"><table class="results stack" id="\(id)"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }

  private static func regions(_ model: Model, _ context: PageContext) -> HTML {
    let towns = model.regions.filter { $0.level != .county }
    let rows = towns.map { region -> HTML in
      let indent: HTML = region.level == .village ? "　　" : .empty
      return """
        <tr><td class="num">\(region.code.statisticalCode)</td><td>\(indent)\(region.name)</td>\
        <td>\(context.t(region.level.name))</td><td>\(editLink("regions", region.code.value, context))</td></tr>
        """
    }
    return """
      \(addLink("regions", context.t("新增镇（街道）或村（社区）", "Add a town or village")))
      \(table("regions", [context.t("统计用区划代码", "Code"), context.t("名称", "Name"), context.t("层级", "Level"), ""], rows,
        empty: context.t("还没有镇村。", "No towns or villages yet.")))
      """
  }

  private static func sites(_ model: Model, _ context: PageContext) -> HTML {
    let regionNames = model.regionNames
    let rows = model.sites.map { site -> HTML in
      let hours = [
        site.openingHours.weekdays, site.openingHours.extended.map { "延时 \($0)" },
        site.openingHours.saturday.map { "周六 \($0)" },
      ].compactMap { $0 }.joined(separator: "；")
      return """
        <tr><td>\(site.name)\(retired(site.retiredAt, context))</td><td>\(context.t(site.kind.name))</td>\
        <td>\(regionNames[site.regionCode] ?? site.regionCode.value)</td><td>\(site.address)</td><td>\(site.phone)</td>\
        <td>\(hours)</td><td>\(editLink("sites", site.id, context))</td></tr>
        """
    }
    let checks = model.staffing.map { check -> HTML in
      """
      <tr class="\(check.met ? "" : "warn-row")"><td>\(check.site.name)</td><td>\(context.t(check.site.kind.name))</td>\
      <td class="num">\(String(check.agents)) / \(String(check.required))</td>\
      <td>\(check.met ? "<span class=\"tag status-published\">\(context.t("达标", "met"))</span>" as HTML : "<span class=\"warn warn-red\">\(context.t("不足", "short"))</span>")</td></tr>
      """
    }
    let short = model.staffing.filter { !$0.met }.count
    return """
      \(addLink("sites", context.t("新增场所", "Add a site")))
      \(table("sites", [context.t("名称", "Name"), context.t("类型", "Kind"), context.t("区划", "Region"), context.t("地址", "Address"),
        context.t("电话", "Phone"), context.t("办公时间", "Hours"), ""], rows, empty: context.t("还没有服务场所。", "No sites yet.")))
      <h2 id="staffing">\(context.t("帮办代办人员配备（镇中心不少于 2 名、村站不少于 1 名）", "Proxy agents (≥2 per town center, ≥1 per village station)"))</h2>
      <p class="meta">\(short == 0 ? context.t("全部达标。", "All met.") : context.t("\(short) 个场所不足。", "\(short) site(s) short."))</p>
      \(table("staffing-check", [context.t("场所", "Site"), context.t("类型", "Kind"), context.t("帮办代办员 / 应配", "Agents / needed"), ""], checks,
        empty: context.t("没有镇中心或村站。", "No town centers or village stations.")))
      """
  }

  private static func departments(_ model: Model, _ context: PageContext) -> HTML {
    let regionNames = model.regionNames
    let rows = model.departments.map { department -> HTML in
      """
      <tr><td>\(department.name)\(retired(department.retiredAt, context))</td><td>\(department.shortName)</td>\
      <td class="num">\(department.creditCode)</td><td>\(regionNames[department.regionCode] ?? department.regionCode.value)</td>\
      <td>\(department.inHall.map { $0 ? context.t("进驻", "in the hall") : context.t("未进驻", "not in the hall") } ?? context.t("未知（请补充）", "Unknown (fill it in)"))</td>\
      <td>\(editLink("departments", department.id, context))</td></tr>
      """
    }
    return """
      \(addLink("departments", context.t("新增部门", "Add a department")))
      \(table("departments", [context.t("名称", "Name"), context.t("简称", "Short name"), context.t("统一社会信用代码", "Credit code"),
        context.t("层级", "Region"), context.t("进驻大厅", "Hall"), ""], rows, empty: context.t("还没有部门。", "No departments yet.")))
      """
  }

  static func siteFilter(_ model: Model, tab: Tab, _ context: PageContext) -> HTML {
    let options = model.sites.filter { !$0.isRetired }.map { site -> HTML in
      "<option value=\"\(site.id)\"\(site.id == model.site ? " selected" : "")>\(site.name)</option>"
    }
    return """
      <form method="get" action="\(Links.adminDirectory)" class="search-row"><input type="hidden" name="tab" value="\(tab.rawValue)">\
      <label for="site">\(context.t("服务场所", "Site"))</label><select id="site" name="site">\(options)</select>\
      <button type="submit" class="secondary">\(context.t("切换", "Switch"))</button></form>
      """
  }

  private static func windows(_ model: Model, _ context: PageContext) -> HTML {
    let departmentNames = model.departmentNames
    let rows = model.windows.map { window -> HTML in
      """
      <tr><td class="num">\(window.number)</td><td>\(window.name)\(retired(window.retiredAt, context))</td>\
      <td>\(context.t(window.kind.name))</td><td>\(window.departmentID.map { departmentNames[$0] ?? $0 } ?? context.t("中心", "The center"))</td>\
      <td>\(editLink("windows", window.id, context))</td></tr>
      """
    }
    return """
      \(siteFilter(model, tab: .windows, context))
      \(model.site.map { addLink("windows", context.t("在本场所新增窗口", "Add a window here"), "?site=\($0)") } ?? .empty)
      \(table("windows", [context.t("窗口号", "No."), context.t("名称", "Name"), context.t("类型", "Kind"), context.t("所属部门", "Department"), ""],
        rows, empty: context.t("本场所还没有窗口。", "No windows here yet.")))
      """
  }

  /// Rows the staff tab lists at most: a county of thousands is searched, not scrolled.
  public static let shownPeople = 300

  private static func staff(_ model: Model, _ context: PageContext) -> HTML {
    let siteNames = model.siteNames
    let departmentNames = model.departmentNames
    let rows = model.people.prefix(shownPeople).map { person -> HTML in
      let scope = person.identity.scope
      let place = [scope.siteID.map { siteNames[$0] ?? $0 }, scope.departmentID.map { departmentNames[$0] ?? $0 }]
        .compactMap { $0 }.joined(separator: " · ")
      let state: HTML =
        person.disabled ? " <span class=\"tag status-cancelled\">\(context.t("已停用", "disabled"))</span>" : .empty
      return """
        <tr><td>\(person.identity.username)</td><td>\(person.identity.displayName)\(state)</td>\
        <td>\(context.t(person.identity.role.name))</td><td>\(place.isEmpty ? scope.regionCode.value : place)</td>\
        <td>\(person.phone)</td><td>\(editLink("staff", person.identity.id, context))</td></tr>
        """
    }
    let cut: HTML =
      model.peopleTotal > model.people.count
      ? "<p class=\"meta\" id=\"staff-cut\">\(context.t("共 \(model.peopleTotal) 人，只列出前 \(model.people.count) 人；请按用户名或姓名查找，或导出工作簿查看全部。", "\(model.peopleTotal) people; the first \(model.people.count) are listed. Search, or export the workbook for all."))</p>"
      : .empty
    return """
      \(addLink("staff", context.t("新增人员", "Add a staff member")))
      <form method="get" action="\(Links.adminDirectory)" class="search-row" role="search"><input type="hidden" name="tab" value="staff">\
      <label for="staff-q">\(context.t("查找人员", "Find"))</label><input type="search" id="staff-q" name="q" value="\(model.query)">\
      <button type="submit" class="secondary">\(context.t("查找", "Search"))</button></form>\(cut)
      \(table("staff", [context.t("用户名", "Username"), context.t("姓名", "Name"), context.t("角色", "Role"), context.t("范围", "Scope"),
        context.t("电话", "Phone"), ""], rows, empty: context.t("还没有人员。", "No staff yet.")))
      """
  }

  private static func duties(_ model: Model, _ context: PageContext) -> HTML {
    let windows = Dictionary(model.windows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let names = model.personNames
    let ordered = model.duties.sorted {
      (windows[$0.windowID]?.number ?? "", $0.post.rawValue, $0.startsOn) < (
        windows[$1.windowID]?.number ?? "", $1.post.rawValue, $1.startsOn
      )
    }
    let rows = ordered.compactMap { duty -> HTML? in
      guard let window = windows[duty.windowID] else { return nil }
      let current = duty.covers(model.today)
      let end: HTML =
        current && duty.endsOn == nil
        ? """
        <form method="post" action="\(Links.adminDirectory)/duties/\(duty.id)/end" class="inline-form">\(context.csrfField)\
        <label for="end-\(duty.id)" class="visually-hidden">\(context.t("最后一天", "Last day"))</label>\
        <input type="date" id="end-\(duty.id)" name="last_day" value="\(model.today.iso)">\
        <button type="submit" class="secondary">\(context.t("离岗", "End"))</button></form>
        """ : .empty
      return """
        <tr><td class="num">\(window.number)</td><td>\(window.name)</td><td><b>\(duty.post.rawValue)</b></td>\
        <td>\(names[duty.staffID] ?? duty.staffID)</td><td>\(duty.startsOn.iso)</td>\
        <td>\(duty.endsOn?.iso ?? context.t("至今", "ongoing"))\(current ? " <span class=\"tag status-published\">\(context.t("在岗", "on duty"))</span>" as HTML : .empty)</td>\
        <td>\(end)</td></tr>
        """
    }
    return """
      \(siteFilter(model, tab: .duties, context))
      <p class="meta">\(context.t("A 岗为窗口主岗，B 岗在 A 岗请假或外出时顶岗。历史安排保留，可查任何一天的在岗人员。", "The A post is the window's clerk; the B post stands in. Past posts stay, so any day's roster can be told."))</p>
      \(model.site.map { addLink("duties", context.t("安排上岗", "Assign a post"), "?site=\($0)") } ?? .empty)
      <p><a href="\(Links.adminLeaves)" id="leaves-link">\(context.t("请假与替岗", "Leave and stand-ins"))</a>\
      \(model.site.map { " · <a href=\"\(Links.windowStaff($0))\">\(context.t("今日窗口在岗公示", "Who serves today"))</a>" as HTML } ?? .empty)</p>
      \(table("duties", [context.t("窗口号", "No."), context.t("窗口", "Window"), context.t("岗", "Post"), context.t("人员", "Staff"),
        context.t("起", "From"), context.t("止", "Until"), ""], rows, empty: context.t("本场所还没有岗位安排。", "No posts here yet.")))
      """
  }

  private static func chiefs(_ model: Model, _ context: PageContext) -> HTML {
    let names = model.personNames
    let departmentNames = model.departmentNames
    let rows = model.chiefs.map { chief -> HTML in
      let valid = chief.grants(.decide, on: model.today) || chief.grants(.report, on: model.today)
      let state: HTML =
        chief.revokedAt != nil
        ? "<span class=\"tag status-cancelled\">\(context.t("已撤销", "revoked"))</span>"
        : valid
          ? "<span class=\"tag status-published\">\(context.t("有效", "valid"))</span>"
          : "<span class=\"tag status-suspended\">\(context.t("不在有效期", "not in force"))</span>"
      let revoke: HTML =
        chief.revokedAt == nil
        ? """
        <form method="post" action="\(Links.adminDirectory)/chiefs/\(chief.id)/revoke" class="inline-form">\(context.csrfField)\
        <button type="submit" class="danger">\(context.t("撤销", "Revoke"))</button></form>
        """ : .empty
      return """
        <tr><td>\(names[chief.staffID] ?? chief.staffID)</td><td>\(departmentNames[chief.departmentID] ?? chief.departmentID)</td>\
        <td>\(ChiefPower.allCases.filter(chief.powers.contains).map { context.t($0.name) }.joined(separator: "、"))</td>\
        <td>\(chief.authorizedBy)</td><td>\(chief.documentNumber)</td>\
        <td>\(chief.validFrom.iso) – \(chief.validUntil?.iso ?? context.t("长期", "open"))</td><td>\(state)</td><td>\(revoke)</td></tr>
        """
    }
    return """
      <p class="meta">\(context.t("后台审批人员须持有效的首席代表授权（审批决定权）才能作出审批决定。", "A reviewer decides only with a valid authorisation holding the power to decide."))</p>
      \(addLink("chiefs", context.t("登记授权", "Record an authorisation")))
      \(table("chiefs", [context.t("首席代表", "Representative"), context.t("部门", "Department"), context.t("权限", "Powers"),
        context.t("授权人", "Authorised by"), context.t("文号", "Document"), context.t("有效期", "Valid"), context.t("状态", "State"), ""],
        rows, empty: context.t("还没有授权。", "No authorisations yet.")))
      """
  }
}
