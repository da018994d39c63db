import OneWindowDomain

/// One form of the directory: a region, site, department, window, staff member, duty or authorisation, new or edited.
/// Values come in as the form's own fields, so a refused save shows exactly what was typed, each problem at its field.
public enum DirectoryFormPage {
  public enum Kind: String, Sendable, CaseIterable {
    case regions, sites, departments, windows, staff, duties, chiefs

    var title: LocalizedText {
      switch self {
      case .regions: LocalizedText(zh: "镇（街道）或村（社区）", en: "Town or village")
      case .sites: LocalizedText(zh: "服务场所", en: "Site")
      case .departments: LocalizedText(zh: "部门", en: "Department")
      case .windows: LocalizedText(zh: "窗口", en: "Window")
      case .staff: LocalizedText(zh: "工作人员", en: "Staff member")
      case .duties: LocalizedText(zh: "上岗安排", en: "Post")
      case .chiefs: LocalizedText(zh: "首席代表授权", en: "Chief representative authorisation")
      }
    }
  }

  public struct Model: Sendable {
    public let kind: Kind
    /// The record's id when editing; nil for a new one.
    public let id: String?
    public let values: [String: String]
    public let errors: [ValidationError]
    public let regions: [Region]
    public let sites: [Site]
    public let departments: [Department]
    public let windows: [Window]
    /// The business groups of the window's site (a window's form: which it calls).
    public let groups: [BusinessGroup]
    public let people: [DirectoryPage.Person]
    /// Whether the record is retired (then the form offers nothing to retire).
    public let retired: Bool
    /// Old names the record had, newest last.
    public let oldNames: [String]
    /// A one-time link to set a password, shown once after an account is made or its link renewed.
    public let passwordLink: String?
    /// A site's 服务分布: who serves it — each window, the departments and business groups it serves, its posts and
    /// who is there today.
    public var serviceMap: [ServiceMapRow]? = nil

    public init(
      kind: Kind, id: String?, values: [String: String], errors: [ValidationError] = [], regions: [Region] = [],
      sites: [Site] = [], departments: [Department] = [], windows: [Window] = [], people: [DirectoryPage.Person] = [],
      retired: Bool = false, oldNames: [String] = [], passwordLink: String? = nil, groups: [BusinessGroup] = []
    ) {
      self.groups = groups
      self.kind = kind
      self.id = id
      self.values = values
      self.errors = errors
      self.regions = regions
      self.sites = sites
      self.departments = departments
      self.windows = windows
      self.people = people
      self.retired = retired
      self.oldNames = oldNames
      self.passwordLink = passwordLink
    }
  }

  /// One window of a site's service map.
  public struct ServiceMapRow: Sendable {
    public let window: Window
    public let department: String?
    public let groups: [String]
    public let aPost: String?
    public let bPost: String?
    public let serving: (name: String, basis: FloorRoster.Basis)?

    public init(
      window: Window, department: String?, groups: [String], aPost: String?, bPost: String?,
      serving: (name: String, basis: FloorRoster.Basis)?
    ) {
      self.window = window
      self.department = department
      self.groups = groups
      self.aPost = aPost
      self.bPost = bPost
      self.serving = serving
    }
  }

  /// The 进驻大厅 select's value for what was stored or posted (a checkbox's `on` is yes; empty is unknown).
  private static func hallPresence(_ value: String) -> String {
    switch value.lowercased() {
    case "on", "yes", "true", "1", "是": "yes"
    case "off", "no", "false", "0", "否": "no"
    default: ""
    }
  }

  private static func serviceMap(_ model: Model, _ context: PageContext) -> HTML {
    guard let rows = model.serviceMap else { return .empty }
    guard !rows.isEmpty else {
      return """
        <section class="panel" id="service-map"><h2>\(context.t("服务分布", "Who serves here"))</h2>\
        <p>\(context.t("本场所还没有窗口。", "This site has no windows yet."))</p></section>
        """
    }
    let dash = "—"
    let lines = rows.map { row -> HTML in
      let today: HTML =
        row.serving.map { "\($0.name) <span class=\"tag\">\(context.t($0.basis.name))</span>" as HTML }
        ?? "<span class=\"meta\">\(context.t("无人在岗", "Nobody"))</span>"
      return """
        <tr data-window="\(row.window.id)"><td>\(row.window.number)</td><td><a href="\(Links.adminDirectory)/windows/\(row.window.id)">\(row.window.name)</a>\
        <div class="meta">\(context.t(row.window.kind.name))</div></td><td>\(row.department ?? context.t("综合（不限部门）", "All departments"))</td>\
        <td>\(row.groups.isEmpty ? dash : row.groups.joined(separator: "、"))</td><td>\(row.aPost ?? dash)</td><td>\(row.bPost ?? dash)</td>\
        <td>\(today)</td></tr>
        """
    }
    return """
      <section class="panel" id="service-map"><h2>\(context.t("服务分布", "Who serves here"))</h2>
      <p class="meta">\(context.t("各窗口服务的部门和业务、AB岗及今日在岗人员（按签到、请假和替岗确定）。", "Each window's departments and services, its A/B posts and who is on duty today (sign-ins, leaves and stand-ins)."))</p>
      <table><thead><tr><th>\(context.t("窗口号", "No."))</th><th>\(context.t("窗口", "Window"))</th>\
      <th>\(context.t("服务部门", "Department"))</th><th>\(context.t("业务分组", "Services"))</th><th>\(context.t("A岗", "A post"))</th>\
      <th>\(context.t("B岗", "B post"))</th><th>\(context.t("今日在岗", "On duty today"))</th></tr></thead>
      <tbody>\(lines)</tbody></table></section>
      """
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    let action = Links.adminDirectory + "/\(model.kind.rawValue)" + (model.id.map { "/\($0)" } ?? "")
    let heading =
      model.id == nil
      ? context.t("新增", "New ") + context.t(model.kind.title) : context.t("修改", "Edit ") + context.t(model.kind.title)
    let oldNames: HTML =
      model.oldNames.isEmpty
      ? .empty
      : "<p class=\"meta\" id=\"old-names\">\(context.t("曾用名", "Former names"))：\(model.oldNames.joined(separator: "、"))</p>"
    let link: HTML =
      model.passwordLink.map {
        """
        <div class="ok" role="status" id="password-link"><p><b>\(context.t("设置密码的一次性链接（7 天内有效，只显示这一次，请当面交给本人）：", "One-time link to set the password (7 days; shown once; hand it over in person):"))</b></p>\
        <p><code>\($0)</code></p></div>
        """
      } ?? .empty
    let body: HTML = """
      <p><a href="\(Links.adminDirectory)?tab=\(model.kind.rawValue)">← \(context.t("机构与人员", "Directory"))</a></p>
      <h1>\(heading)</h1>
      \(oldNames)\(link)
      \(parts.summary())
      <form method="post" action="\(action)" class="panel" novalidate id="directory-form">
      \(context.csrfField)
      \(fields(model, parts, context))
      <button type="submit" class="button">\(context.t("保存", "Save"))</button>
      </form>
      \(serviceMap(model, context))
      \(retireForm(model, context))
      """
    return Layout.page(context, title: heading, body: body)
  }

  private static func retireForm(_ model: Model, _ context: PageContext) -> HTML {
    guard let id = model.id, !model.retired, [.sites, .departments, .windows, .staff].contains(model.kind) else {
      return .empty
    }
    let (label, note) =
      model.kind == .staff
      ? (
        context.t("停用账号", "Disable the account"),
        context.t("停用后不能登录，历史办件仍显示其姓名。", "It can no longer sign in; past cases keep the name.")
      )
      : (
        context.t("停用", "Retire"),
        context.t(
          "停用后不再用于新的办件，历史记录仍显示它。在办办件未办结时不能停用。",
          "Retired records take nothing new; past records keep them. Refused while open cases name it.")
      )
    let extra: HTML =
      model.kind == .staff
      ? """
      <form method="post" action="\(Links.adminDirectory)/staff/\(id)/password-link" class="inline-form">\(context.csrfField)\
      <button type="submit" class="secondary" id="renew-link">\(context.t("生成设置密码链接", "Make a password link"))</button></form>
      <form method="post" action="\(Links.adminDirectory)/staff/\(id)/photo" enctype="multipart/form-data" class="inline-form" id="photo-form">\(context.csrfField)\
      <label for="photo">\(context.t("公示照片（JPG/PNG，不超过 2 MB）", "Photo for the public boards (JPG/PNG, 2 MB)"))</label> \
      <input type="file" id="photo" name="photo" accept="image/jpeg,image/png"\(FormParts(context: context, errors: model.errors).invalid("photo"))>\
      <button type="submit" class="secondary">\(context.t("上传照片", "Upload the photo"))</button>\
      \(FormParts(context: context, errors: model.errors).error("photo"))</form>
      """ : .empty
    return """
      <h2>\(label)</h2><p class="meta">\(note)</p>
      <div class="actions">\(extra)
      <form method="post" action="\(Links.adminDirectory)/\(model.kind.rawValue)/\(id)/retire" class="inline-form">\(context.csrfField)\
      <button type="submit" class="danger" id="retire">\(label)</button></form></div>
      """
  }

  private static func fields(_ model: Model, _ parts: FormParts, _ context: PageContext) -> HTML {
    let v = { (field: String) in model.values[field] ?? "" }
    let editing = model.id != nil
    let regionOptions = { (levels: [RegionLevel]) in
      model.regions.filter { levels.contains($0.level) }.map {
        ($0.code.value, "\($0.name)（\($0.code.statisticalCode)）")
      }
    }
    let siteOptions = model.sites.filter { !$0.isRetired }.map { ($0.id, $0.name) }
    let departmentOptions = model.departments.filter { !$0.isRetired }.map { ($0.id, $0.name) }
    switch model.kind {
    case .regions:
      return """
        <div class="grid3">
        \(parts.text("code", context.t("12 位统计用区划代码", "12-digit statistical code"), v("code"), required: true, readonly: editing))
        \(parts.text("name", context.t("名称", "Name"), v("name"), required: true))
        </div>
        <p class="meta">\(context.t("镇（街道）的代码后三位为 000，如 360999100000；村（社区）为完整 12 位，如 360999100201。先建镇，再建村。", "A town's code ends in 000; a village's is the full 12 digits. Add towns first."))</p>
        """
    case .sites:
      return """
        <div class="grid3">
        \(parts.text("name", context.t("名称", "Name"), v("name"), required: true))
        \(parts.select("kind", context.t("类型", "Kind"), SiteKind.allCases.map { ($0.rawValue, context.t($0.name)) }, v("kind")))
        \(parts.select("region_code", context.t("所在区划", "Region"), regionOptions([.county, .town, .village]), v("region_code")))
        \(parts.text("address", context.t("地址", "Address"), v("address"), required: true))
        \(parts.phone("phone", context.t("咨询电话", "Phone"), v("phone"), required: true))
        \(parts.text("hours_weekdays", context.t("工作日办公时间", "Weekday hours"), v("hours_weekdays"), required: true))
        \(parts.text("hours_extended", context.t("延时服务（可空）", "Extended hours (optional)"), v("hours_extended")))
        \(parts.text("hours_saturday", context.t("周六服务（可空）", "Saturday hours (optional)"), v("hours_saturday")))
        </div>
        """
    case .departments:
      return """
        <div class="grid3">
        \(parts.text("name", context.t("名称", "Name"), v("name"), required: true))
        \(parts.text("short_name", context.t("简称（可空）", "Short name (optional)"), v("short_name")))
        \(parts.text("credit_code", context.t("统一社会信用代码（18 位）", "Unified social credit code (18)"), v("credit_code"), required: true))
        \(parts.select("region_code", context.t("层级", "Region"), regionOptions([.county, .town]), v("region_code")))
        </div>
        <div class="grid">\(parts.select(
          "in_hall", context.t("进驻行政服务中心大厅", "Stationed in the hall"),
          [("", context.t("未知（尚未确认）", "Unknown (not confirmed)")), ("yes", context.t("进驻", "Yes")),
           ("no", context.t("未进驻", "No"))], hallPresence(v("in_hall"))))</div>
        """
    case .windows:
      return """
        <input type="hidden" name="site_id" value="\(v("site_id"))">
        <p class="meta">\(context.t("服务场所", "Site"))：\(model.sites.first { $0.id == v("site_id") }?.name ?? v("site_id"))</p>
        <div class="grid3">
        \(parts.text("number", context.t("窗口号，如 01", "Number, e.g. 01"), v("number"), required: true))
        \(parts.text("name", context.t("名称", "Name"), v("name"), required: true))
        \(parts.select("kind", context.t("类型", "Kind"), WindowKind.allCases.map { ($0.rawValue, context.t($0.name)) }, v("kind")))
        \(parts.select("department_id", context.t("所属部门（专窗必选）", "Department (a dedicated window needs one)"), [("", context.t("中心（无）", "The center (none)"))] + departmentOptions, v("department_id")))
        </div>
        \(model.groups.isEmpty ? .empty : """
          <input type="hidden" name="groups_posted" value="1">
          <p class="meta">\(context.t("叫号业务（本窗口叫哪些业务分组的号）", "Business groups this window calls"))</p>
          <div class="checks">\(model.groups.map { parts.check("group_\($0.code)", "\($0.code) \($0.name)", v("group_\($0.code)") == "on") })</div>
          \(model.groups.map { parts.error("group_\($0.code)") })
          """ as HTML)
        """
    case .staff:
      return """
        <div class="grid3">
        \(parts.text("username", context.t("用户名", "Username"), v("username"), required: true, readonly: editing))
        \(parts.text("display_name", context.t("姓名", "Name"), v("display_name"), required: true))
        \(parts.select("role", context.t("角色", "Role"), Role.allCases.map { ($0.rawValue, context.t($0.name)) }, v("role")))
        \(parts.select("region", context.t("数据范围：区划", "Scope: region"), regionOptions([.county, .town, .village]), v("region")))
        \(parts.select("site", context.t("数据范围：场所（可空）", "Scope: site (optional)"), [("", "—")] + siteOptions, v("site")))
        \(parts.select("department", context.t("所属部门（可空）", "Department (optional)"), [("", "—")] + departmentOptions, v("department")))
        \(parts.text("title", context.t("职务", "Title"), v("title")))
        \(parts.phone("phone", context.t("电话", "Phone"), v("phone")))
        </div>
        \(editing ? .empty : "<p class=\"meta\">\(context.t("不在此设密码：保存后生成一次性链接，由本人设置密码。", "No password here: saving makes a one-time link for the person to set theirs."))</p>" as HTML)
        """
    case .duties:
      let windows = model.windows.filter { !$0.isRetired }.map { ($0.id, "\($0.number) \($0.name)") }
      let people = model.people.filter { !$0.disabled && [.clerk, .agent].contains($0.identity.role) }.map {
        ($0.identity.id, "\($0.identity.displayName)（\($0.identity.username)）")
      }
      return """
        <input type="hidden" name="site" value="\(v("site"))">
        <div class="grid3">
        \(parts.select("window_id", context.t("窗口", "Window"), windows, v("window_id")))
        \(parts.select("post", context.t("岗", "Post"), [("A", context.t("A 岗（主岗）", "A (regular)")), ("B", context.t("B 岗（顶岗）", "B (stand-in)"))], v("post")))
        \(parts.select("staff_id", context.t("人员", "Staff"), people, v("staff_id")))
        \(parts.date("starts_on", context.t("上岗日期", "From"), v("starts_on")))
        \(parts.date("ends_on", context.t("离岗日期（可空）", "Until (optional)"), v("ends_on")))
        </div>
        <p class="meta">\(context.t("原在此岗的人员于上岗日期前一天离岗。", "Whoever held the post ends the day before."))</p>
        """
    case .chiefs:
      let reviewers = model.people.filter { !$0.disabled && $0.identity.role == .reviewer }.map {
        ($0.identity.id, "\($0.identity.displayName)（\($0.identity.username)）")
      }
      let powers = ChiefPower.allCases.map { power -> HTML in
        parts.check("power_\(power.rawValue)", context.t(power.name), v("power_\(power.rawValue)") == "on")
      }
      return """
        <div class="grid3">
        \(parts.select("department_id", context.t("授权部门", "Department"), departmentOptions, v("department_id")))
        \(parts.select("staff_id", context.t("首席代表", "Representative"), reviewers, v("staff_id")))
        \(parts.text("authorized_by", context.t("授权人（部门负责人）", "Authorised by (head)"), v("authorized_by"), required: true))
        \(parts.text("document_number", context.t("授权文件文号", "Document number"), v("document_number"), required: true))
        \(parts.date("valid_from", context.t("有效期起", "Valid from"), v("valid_from")))
        \(parts.date("valid_until", context.t("有效期止（可空为长期）", "Valid until (optional)"), v("valid_until")))
        </div>
        <fieldset id="powers"><legend>\(context.t("授予的权限", "Powers"))</legend>\(parts.error("powers"))<div class="checks">\(powers)</div></fieldset>
        """
    }
  }
}
