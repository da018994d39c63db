import OneWindowDomain

/// 一件事 at the window (seed 004's "一件事一次办", at town centers too): one applicant, the bundle's combined material
/// list checked once, and one decision — every item accepted, or one one-time notice — that files one linked case
/// per item, led by the bundle's lead department.
public enum BundleIntakePage {
  public struct Model: Sendable {
    public let bundle: ServiceBundle
    public let items: [ServiceItem]
    public let departmentNames: [String: String]
    public let site: Site
    /// The applicant and the combined checklist as typed (`form.checklist` holds the combined materials).
    public let form: IntakePage.Form
    public let errors: [ValidationError]

    public init(
      bundle: ServiceBundle, items: [ServiceItem], departmentNames: [String: String], site: Site,
      form: IntakePage.Form, errors: [ValidationError] = []
    ) {
      self.bundle = bundle
      self.items = items
      self.departmentNames = departmentNames
      self.site = site
      self.form = form
      self.errors = errors
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    let items = model.items.map { item -> HTML in
      "<li>\(item.name) · \(model.departmentNames[item.departmentID] ?? item.departmentID)</li>"
    }
    let title = context.t("收件（一件事）：", "Intake (bundle): ") + model.bundle.name
    let body: HTML = """
      <p class="no-print"><a href="\(Links.window)">← \(context.t("返回综合窗口", "Back to the window"))</a></p>
      <h1>\(title)</h1>
      <div class="panel"><p>\(context.t(
        "一张表、一套材料，同时受理 \(model.items.count) 个事项；牵头部门：\(model.departmentNames[model.bundle.leadDepartmentID] ?? "")。",
        "One form and one set of materials for \(model.items.count) items; lead: \(model.departmentNames[model.bundle.leadDepartmentID] ?? "")."))</p>
      <ul>\(items)</ul><p class="meta">\(model.site.name)</p></div>
      \(parts.summary())
      <form method="post" action="\(Links.windowBundleIntake)" novalidate>
      \(context.csrfField)
      <input type="hidden" name="bundle_id" value="\(model.bundle.id)">
      <input type="hidden" name="intake_key" value="\(model.form.intakeKey)">
      \(IntakePage.applicantFields(model.form, parts, context))
      \(checklist(model, parts, context))
      <div class="actions">
      <button type="submit" name="outcome" value="accept">\(context.t("全部受理并打印受理通知书", "Accept every item"))</button>
      <button type="submit" name="outcome" value="correction" class="secondary">\(context.t("出具一次性告知书", "Issue a correction notice"))</button>
      </div>
      </form>
      """
    return Layout.page(context, title: title, body: body)
  }

  private static func checklist(_ model: Model, _ parts: FormParts, _ context: PageContext) -> HTML {
    let rows = model.form.checklist.enumerated().map { index, line -> HTML in
      let statuses = [CaseMaterial.Status.received, .missing] + (line.required ? [] : [.notApplicable])
      let radios = statuses.map { status -> HTML in
        let id = "material_\(index)_\(status.rawValue)"
        return """
          <label for="\(id)"><input type="radio" id="\(id)" name="material_\(index)" value="\(status.rawValue)"\
          \(line.status == status && !model.form.unchecked.contains(index) ? " checked" : "")> \(context.t(status.name))</label>
          """
      }
      return """
        <tr id="material_\(index)"><td>\(index + 1)</td><td><b>\(line.name)</b> \
        <span class="tag">\(line.required ? context.t("必要", "Required") : context.t("非必要", "Optional"))</span>\
        \(parts.error("material_\(index)"))</td>
        <td><fieldset class="checks bare"><legend class="visually-hidden">\(line.name)</legend>\(radios)</fieldset></td>
        <td><label for="material_\(index)_problem" class="visually-hidden">\(context.t("补正要求", "What is wrong"))</label>\
        <input type="text" id="material_\(index)_problem" name="material_\(index)_problem" value="\(line.problem)" \
        placeholder="\(context.t("缺少或不符合要求时填写", "If missing or wrong"))"\(parts.invalid("material_\(index)_problem"))>\
        \(parts.error("material_\(index)_problem"))</td></tr>
        """
    }
    return """
      <fieldset id="materials"><legend>\(context.t("一套材料（多个事项共用的只收一份）", "One set of materials"))</legend>
      <table class="materials checklist"><thead><tr><th>#</th><th>\(context.t("材料", "Material"))</th>\
      <th>\(context.t("核验结果", "Result"))</th><th>\(context.t("补正要求", "What is wrong"))</th></tr></thead>
      <tbody>\(rows)</tbody></table></fieldset>
      """
  }
}
