import OneWindowDomain

/// "一件事" administration: the bundles with their items and lead department, and a form to add or replace one.
public enum BundlesAdminPage {
  public struct Model: Sendable {
    public let bundles: [ServiceBundle]
    public let departments: [Department]
    public let draft: ServiceBundle?
    public let errors: [ValidationError]
    public let notice: String?

    public init(
      bundles: [ServiceBundle], departments: [Department], draft: ServiceBundle? = nil, errors: [ValidationError] = [],
      notice: String? = nil
    ) {
      self.bundles = bundles
      self.departments = departments
      self.draft = draft
      self.errors = errors
      self.notice = notice
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let names = Dictionary(model.departments.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let rows = model.bundles.map { bundle -> HTML in
      """
      <tr><td><a href="\(Links.bundle(bundle.id))">\(bundle.name)</a><div class="meta">\(bundle.id)</div></td>\
      <td>\(context.t(bundle.audience.name))</td><td>\(names[bundle.leadDepartmentID] ?? bundle.leadDepartmentID)</td>\
      <td>\(bundle.itemCodes.joined(separator: " "))</td></tr>
      """
    }
    let parts = FormParts(context: context, errors: model.errors)
    let draft = model.draft
    let departments = [("", context.t("请选择", "Choose"))] + model.departments.map { ($0.id, $0.name) }
    let audiences = Audience.allCases.map { ($0.rawValue, context.t($0.name)) }
    let body: HTML = """
      <p class="meta"><a href="\(Links.adminItems)">\(context.t("事项目录管理", "Catalog"))</a></p>
      <h1>\(context.t("一件事", "Bundles"))</h1>
      \(model.notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      <table><thead><tr><th>\(context.t("名称", "Name"))</th><th>\(context.t("服务对象", "Audience"))</th>\
      <th>\(context.t("牵头部门", "Lead department"))</th><th>\(context.t("事项编码", "Items"))</th></tr></thead><tbody>\(rows)</tbody></table>
      <h2>\(context.t("新增或修改“一件事”", "Add or replace a bundle"))</h2>
      <p class="meta">\(context.t("标识与已有的相同即替换该“一件事”。", "An existing ID replaces that bundle."))</p>
      \(parts.summary())
      <form method="post" action="\(Links.adminBundles)" class="panel" novalidate>\(context.csrfField)
      <div class="form-grid">
      \(parts.text("id", context.t("标识（英文小写，如 newborn）", "ID (lowercase, e.g. newborn)"), draft?.id ?? "", required: true))
      \(parts.text("name", context.t("名称", "Name"), draft?.name ?? "", required: true))
      \(parts.select("audience", context.t("服务对象", "Audience"), audiences, draft?.audience.rawValue ?? Audience.person.rawValue))
      \(parts.select("lead_department_id", context.t("牵头部门", "Lead department"), departments, draft?.leadDepartmentID ?? ""))
      </div>
      \(parts.area("summary", context.t("简介", "Summary"), draft?.summary ?? ""))
      \(parts.area("item_codes", context.t("事项编码（每行或以逗号分隔）", "Item codes (one per line or comma-separated)"), draft?.itemCodes.joined(separator: "\n") ?? ""))
      <div class="actions"><button type="submit">\(context.t("保存", "Save"))</button></div>
      </form>
      """
    return Layout.page(context, title: context.t("一件事", "Bundles"), body: body)
  }
}
