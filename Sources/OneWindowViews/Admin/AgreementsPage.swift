import OneWindowDomain

/// 委托书 and 进驻例外事项清单: the delegation agreements in the county, a form to record a new one, and the items
/// handled outside the hall with the reason.
public enum AgreementsPage {
  public struct Model: Sendable {
    public let agreements: [DelegationAgreement]
    public let today: CivilDate
    public let departments: [Department]
    public let towns: [Region]
    public let regionNames: [RegionCode: String]
    public let exceptions: [(code: String, name: String, reason: String)]
    /// The form's values after a failed save, and its errors.
    public let draft: DelegationAgreement?
    public let errors: [ValidationError]
    public let notice: String?

    public init(
      agreements: [DelegationAgreement], today: CivilDate, departments: [Department], towns: [Region],
      regionNames: [RegionCode: String], exceptions: [(code: String, name: String, reason: String)],
      draft: DelegationAgreement? = nil, errors: [ValidationError] = [], notice: String? = nil
    ) {
      self.agreements = agreements
      self.today = today
      self.departments = departments
      self.towns = towns
      self.regionNames = regionNames
      self.exceptions = exceptions
      self.draft = draft
      self.errors = errors
      self.notice = notice
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let names = Dictionary(model.departments.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let rows = model.agreements.map { agreement -> HTML in
      let inForce = agreement.isInForce(on: model.today)
      return """
        <tr><td>\(agreement.documentNumber)</td><td>\(names[agreement.departmentID] ?? agreement.departmentID)</td>\
        <td>\(model.regionNames[agreement.delegateRegion] ?? agreement.delegateRegion.value)</td>\
        <td>\(agreement.itemCodes.count)</td><td>\(agreement.validFrom.iso) – \(agreement.validUntil.iso)</td>\
        <td>\(inForce ? context.t("有效", "In force") : context.t("已失效（按收件转办）", "Expired (collect and forward)"))</td></tr>
        """
    }
    let exceptions = model.exceptions.map { entry -> HTML in
      "<tr><td><a href=\"\(Links.adminItem(entry.code))\">\(entry.name)</a></td><td>\(entry.reason)</td></tr>"
    }
    let body: HTML = """
      <p class="meta"><a href="\(Links.adminItems)">\(context.t("事项目录管理", "Catalog"))</a></p>
      <h1>\(context.t("委托书", "Delegation agreements"))</h1>
      \(model.notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      <p class="lead">\(context.t(
        "县级部门委托镇（街道）受理事项，须有盖章的委托书；委托书失效后，镇里按收件转办处理。",
        "A county department delegates acceptance to a town by a sealed agreement; once it expires the town collects and forwards."))</p>
      \(model.errors.isEmpty ? .empty : form(model, context))
      <table><thead><tr><th>\(context.t("文号", "Document"))</th><th>\(context.t("委托部门", "Department"))</th>\
      <th>\(context.t("受托方", "Delegate"))</th><th>\(context.t("事项数", "Items"))</th><th>\(context.t("有效期", "Valid"))</th>\
      <th>\(context.t("状态", "State"))</th></tr></thead><tbody>\(rows)</tbody></table>
      \(model.errors.isEmpty ? form(model, context) : .empty)
      <h2 id="exceptions">\(context.t("进驻例外事项清单", "Items handled outside the hall"))</h2>
      <table><thead><tr><th>\(context.t("事项", "Item"))</th><th>\(context.t("原因", "Reason"))</th></tr></thead>
      <tbody>\(exceptions)</tbody></table>
      """
    return Layout.page(context, title: context.t("委托书", "Delegation agreements"), body: body)
  }

  private static func form(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    let draft = model.draft
    let departments = [("", context.t("请选择", "Choose"))] + model.departments.map { ($0.id, $0.name) }
    let towns = [("", context.t("请选择", "Choose"))] + model.towns.map { ($0.code.value, $0.name) }
    return """
      <h2>\(context.t("登记新的委托书", "Record an agreement"))</h2>
      \(parts.summary())
      <form method="post" action="\(Links.adminAgreements)" class="panel" novalidate>\(context.csrfField)
      <div class="form-grid">
      \(parts.text("document_number", context.t("委托书文号", "Document number"), draft?.documentNumber ?? "", required: true))
      \(parts.select("department_id", context.t("委托部门", "Department"), departments, draft?.departmentID ?? ""))
      \(parts.select("delegate_region", context.t("受托镇（街道）", "Delegate town"), towns, draft?.delegateRegion.value ?? ""))
      \(parts.text("seal", context.t("印章", "Seal"), draft?.seal ?? "", required: true))
      \(parts.text("valid_from", context.t("有效期自（YYYY-MM-DD）", "Valid from (YYYY-MM-DD)"), draft?.validFrom.iso ?? model.today.iso))
      \(parts.text("valid_until", context.t("有效期至（YYYY-MM-DD）", "Valid until (YYYY-MM-DD)"), draft?.validUntil.iso ?? ""))
      </div>
      \(parts.area("item_codes", context.t("委托事项编码（每行或以逗号分隔）", "Item codes (one per line or comma-separated)"), draft?.itemCodes.joined(separator: "\n") ?? ""))
      \(parts.area("responsibilities", context.t("双方权责", "Responsibilities"), draft?.responsibilities ?? ""))
      <div class="actions"><button type="submit">\(context.t("保存委托书", "Save the agreement"))</button></div>
      </form>
      """
  }
}
