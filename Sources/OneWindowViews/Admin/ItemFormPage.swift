import OneWindowDomain

/// 事项编辑: every element of an item on one form. A published item's edit is saved as a new draft version
/// that windows do not see until it is published; the version history shows what each version changed.
public enum ItemFormPage {
  public struct Model: Sendable {
    public let item: ServiceItem
    /// `nil` for a new item.
    public let entry: CatalogEntry?
    public let versions: [ItemVersion]
    public let departments: [Department]
    public let errors: [ValidationError]
    public let note: String
    /// A message after a successful save or action.
    public let notice: String?
    /// The materials' blank forms and samples held for download.
    public let files: [GuideFile]
    /// Problems with uploaded blank forms or samples (by their file field).
    public let fileErrors: [ValidationError]

    public init(
      item: ServiceItem, entry: CatalogEntry?, versions: [ItemVersion], departments: [Department],
      errors: [ValidationError] = [], note: String = "", notice: String? = nil, files: [GuideFile] = [],
      fileErrors: [ValidationError] = []
    ) {
      self.files = files
      self.fileErrors = fileErrors
      self.item = item
      self.entry = entry
      self.versions = versions
      self.departments = departments
      self.errors = errors
      self.note = note
      self.notice = notice
    }
  }

  /// Blank material and step rows offered below the filled ones.
  static let spareRows = 3

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let form = FormParts(context: context, errors: model.errors)
    let item = model.item
    let title =
      model.entry == nil ? context.t("新建事项", "New item") : context.t("编辑事项：", "Edit: ") + item.name
    let action = model.entry == nil ? Links.adminNewItem : Links.adminItem(item.code)
    let body: HTML = """
      <p class="meta"><a href="\(Links.adminItems)">\(context.t("事项目录管理", "Catalog"))</a></p>
      <h1>\(title)</h1>
      \(model.notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      \(form.summary())
      \(state(model, context))
      \(missing(item, context))
      <form method="post" action="\(action)" novalidate>\(context.csrfField)
      \(basics(model, form, context))
      \(limits(item, form, context))
      \(handling(item, form, context))
      \(materials(item, form, context))
      \(steps(item, form, context))
      \(guideTexts(item, form, context))
      <fieldset><legend>\(context.t("修改说明", "What changed and why"))</legend>
      \(form.text("note", context.t("说明（记入版本历史）", "Note (kept in the history)"), model.note))</fieldset>
      <div class="actions">
      <button type="submit" name="intent" value="publish">\(context.t(
        model.entry == nil ? "保存并发布" : "保存并发布新版本", model.entry == nil ? "Save and publish" : "Save and publish a new version"))</button>
      <button type="submit" name="intent" value="draft" class="secondary">\(context.t("保存为草稿", "Save as draft"))</button>
      </div>
      </form>
      \(guideFiles(model, context))
      \(history(model, context))
      """
    return Layout.page(context, title: title, body: body)
  }

  /// 空白表格与示例样表: a file of each per material, for the guide's download links (an existing item only).
  private static func guideFiles(_ model: Model, _ context: PageContext) -> HTML {
    guard model.entry != nil, !model.item.materials.isEmpty else { return .empty }
    let parts = FormParts(context: context, errors: model.fileErrors)
    let rows = model.item.materials.enumerated().map { index, material -> HTML in
      let cells = GuideFile.Kind.allCases.map { kind -> HTML in
        let field = "material_\(index)_\(kind.rawValue)"
        let held = model.files.first { $0.material == material.name && $0.kind == kind }
        let current: HTML =
          held.map {
            "<a href=\"\(Links.guideFile(model.item.code, kind.rawValue, material.name))\">\($0.file.name)</a><br>"
          } ?? .empty
        return """
          <td>\(current)<label for="\(field)" class="visually-hidden">\(material.name) \(context.t(kind.name))</label>\
          <input type="file" id="\(field)" name="\(field)" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"\(parts.invalid(field))>\
          \(parts.error(field))</td>
          """
      }
      return "<tr><td>\(material.name)</td>\(cells)</tr>"
    }
    return """
      <section class="panel" id="guide-files"><h2>\(context.t("空白表格与示例样表（供办事指南下载）", "Blank forms and samples (downloads of the guide)"))</h2>
      \(parts.summary())
      <form method="post" action="\(Links.adminGuideFiles(model.item.code))" enctype="multipart/form-data" novalidate>\
      \(context.csrfField)
      <table class="materials"><thead><tr><th>\(context.t("材料", "Material"))</th>\
      <th>\(context.t("空白表格", "Blank form"))</th><th>\(context.t("示例样表", "Sample"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      <p class="meta">\(context.t("PDF、Word（DOCX）、Excel（XLSX）或图片，每个不超过 10 MB；新文件替换旧文件，不产生新版本。",
        "PDF, Word (DOCX), Excel (XLSX) or images, up to 10 MB each; a new file replaces the old one without a new version."))</p>
      <button type="submit" class="secondary">\(context.t("上传文件", "Upload"))</button></form></section>
      """
  }

  /// What the source left blank: the item stays a draft until each is entered.
  private static func missing(_ item: ServiceItem, _ context: PageContext) -> HTML {
    guard !item.isComplete else { return .empty }
    return """
      <p class="note" id="missing-elements" role="status">\(context.t("待补充：", "Not yet entered: "))\(item.missingText(context.language))\(context.t(
        "。这些要素未提供，不能当作“0”或“无”；补齐后才能发布。", ". These were not provided and are not 0 or none; the item can be published once they are entered."))</p>
      """
  }

  private static func state(_ model: Model, _ context: PageContext) -> HTML {
    guard let entry = model.entry else { return .empty }
    let draft: HTML =
      entry.draftVersion.map {
        "<p class=\"note\">\(context.t("第 \($0) 版草稿待发布；窗口仍按现行第 \(entry.version) 版受理。", "Draft version \($0) awaits publishing; windows still use version \(entry.version)."))</p>"
      } ?? .empty
    let actions = ItemLifecycle.Action.allCases.filter {
      (try? ItemLifecycle.apply($0, to: entry.status, hasDraft: entry.status == .draft || entry.draftVersion != nil))
        != nil
    }.map { action -> HTML in
      """
      <form method="post" action="\(Links.adminItemAction(entry.item.code))" class="inline">\(context.csrfField)\
      <button type="submit" name="action" value="\(action.rawValue)" class="\(action == .cancel ? "danger" : "secondary")">\
      \(context.t(action.name))</button></form>
      """
    }
    return """
      <p>\(ItemText.statusTag(entry.status, context)) \(context.t("现行第 \(entry.version) 版", "Current version \(entry.version)")) · \
      <a href="\(Links.item(entry.item.code))">\(context.t("查看办事指南", "View the guide"))</a></p>
      \(draft)<div class="actions">\(actions)</div>
      """
  }

  private static func basics(_ model: Model, _ form: FormParts, _ context: PageContext) -> HTML {
    let item = model.item
    let departments = [("", context.t("请选择", "Choose"))] + model.departments.map { ($0.id, $0.name) }
    let objects = ServiceObject.allCases.map {
      form.check("object_\($0.rawValue)", context.t($0.name), item.serviceObjects.contains($0))
    }
    let themes = ItemTheme.allCases.map {
      form.check("theme_\($0.rawValue)", context.t($0.name), item.themes.contains($0))
    }
    return """
      <fieldset><legend>\(context.t("基本信息", "Basics"))</legend><div class="form-grid">
      \(form.text("code", context.t("基本编码（12–14 位）", "Basic code (12–14 characters)"), item.code, required: true, readonly: model.entry != nil))
      \(form.text("implementation_code", context.t("实施编码（可选）", "Implementation code (optional)"), item.implementationCode))
      \(form.text("main_item_name", context.t("所属主项名称（子项填写）", "Main item's name (for a sub-item)"), item.mainItem?.name ?? ""))
      \(form.text("main_item_code", context.t("所属主项编码", "Main item's code"), item.mainItem?.code ?? ""))
      \(form.text("name", context.t("事项名称", "Name"), item.name, required: true))
      \(form.select("type", context.t("事项类型", "Type"), ItemType.allCases.map { ($0.rawValue, "\($0.rawValue) \(context.t($0.name))") }, item.type.rawValue))
      \(form.select("department_id", context.t("实施主体", "Department"), departments, item.departmentID))
      \(form.text("result_name", context.t("审批结果名称", "Result"), item.resultName))
      \(form.text("aliases", context.t("俗称/检索关键词（以、分隔）", "Other names people search by (separated by 、)"), item.aliases.joined(separator: "、")))
      </div>
      <p class="meta">\(context.t("服务对象", "Applicants"))</p><div class="checks">\(objects)</div>\(form.error("service_objects"))
      <p class="meta">\(context.t("主题分类", "Themes"))</p><div class="checks">\(themes)</div>
      </fieldset>
      """
  }

  private static func limits(_ item: ServiceItem, _ form: FormParts, _ context: PageContext) -> HTML {
    // An unknown element shows blank (and its selects a "not entered" choice), never a placeholder value.
    func known<T>(_ element: ItemElement, _ value: T) -> T? { item.unknown.contains(element) ? nil : value }
    let notEntered = [("", context.t("（未填写）", "(not entered)"))]
    let kinds = notEntered + CaseKind.allCases.map { ($0.rawValue, context.t($0.name)) }
    let depths = notEntered + (1...4).map { (String($0), ItemText.depth($0, context)) }
    let fee = item.unknown.contains(.fee) ? "" : item.fee?.yuanText ?? "不收费"
    let scopes = AcceptanceScope.allCases.map { ($0.rawValue, context.t($0.name)) }
    let delivery = DeliveryMode.allCases.map {
      form.check("delivery_\($0.rawValue)", context.t($0.name), item.deliveryModes.contains($0))
    }
    return """
      <fieldset><legend>\(context.t("时限、跑动与收费", "Limits, visits and fees"))</legend><div class="form-grid">
      \(form.select("case_kind", context.t("办件类型", "Case kind"), kinds, known(.caseKind, item.caseKind.rawValue) ?? ""))
      \(form.number("legal_limit_days", context.t("法定时限（工作日）", "Legal limit (working days)"), known(.legalLimit, item.legalLimitDays)))
      \(form.number("promised_limit_days", context.t("承诺时限（工作日）", "Promised limit (working days)"), known(.promisedLimit, item.promisedLimitDays)))
      \(form.number("visits", context.t("到现场次数（0–2）", "On-site visits (0–2)"), known(.visits, item.visits)))
      \(form.text("visit_reason", context.t("需到现场的原因", "Why a visit is needed"), item.visitReason))
      \(form.select("online_depth", context.t("网上办理深度", "Online depth"), depths, known(.onlineDepth, String(item.onlineDepth)) ?? ""))
      \(form.select("acceptance_scope", context.t("通办范围", "Acceptance scope"), scopes, item.acceptanceScope.rawValue))
      \(form.text("fee_amount", context.t("收费金额（元；不收费填“不收费”）", "Fee in CNY (不收费 if free)"), fee))
      \(form.text("fee_basis", context.t("收费依据", "Fee basis"), item.fee?.basis ?? ""))
      </div>
      <p class="meta">\(context.t("送达方式", "Delivery"))</p><div class="checks">\(delivery)</div>\(form.error("delivery_modes"))
      </fieldset>
      """
  }

  private static func handling(_ item: ServiceItem, _ form: FormParts, _ context: PageContext) -> HTML {
    let selects = RegionLevel.allCases.map { level -> HTML in
      let options =
        [("", context.t("不在该级行使", "Not at this level"))]
        + HandlingMode.allCases.map { ($0.rawValue, context.t($0.name)) }
      let current = item.levels.contains(level) ? item.handling[level]?.rawValue ?? "" : ""
      return form.select("handling_\(level.rawValue)", context.t(level.name), options, current)
    }
    return """
      <fieldset><legend>\(context.t("行使层级与办理模式", "Levels and handling"))</legend>
      <p class="meta">\(context.t(
        "委托受理须有有效的委托书，否则按收件转办处理。", "Delegated acceptance needs an agreement in force; otherwise the site collects and forwards."))</p>
      <div class="form-grid">\(selects)</div>\(form.error("levels"))
      \(form.text("hall_exception_reason", context.t("进驻例外原因（在大厅办理的留空）", "Reason it is handled outside the hall (empty if in the hall)"), item.hallExceptionReason))
      <div class="form-grid">
      \(form.select("on_livelihood_list", context.t("省定民生事项（就近办）", "On the province's livelihood list"), yesNo(context), yesNo(item.onLivelihoodList)))
      \(form.select("kiosk_ready", context.t("自助终端可办", "Can be applied for at a self-service terminal"), yesNo(context), yesNo(item.kioskReady)))
      </div>
      </fieldset>
      """
  }

  /// The choices of a fact that may be unknown: blank is "not stated", never "no".
  private static func yesNo(_ context: PageContext) -> [(String, String)] {
    [("", context.t("未知（未填写）", "Unknown (not stated)")), ("yes", context.t("是", "Yes")), ("no", context.t("否", "No"))]
  }

  private static func yesNo(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "" }

  private static func materials(_ item: ServiceItem, _ form: FormParts, _ context: PageContext) -> HTML {
    let rows = (item.materials + Array(repeating: Material(name: ""), count: spareRows)).enumerated().map {
      index, material -> HTML in
      materialRow(index, material, blank: index >= item.materials.count, form, context)
    }
    return """
      <fieldset><legend>\(context.t("申请材料", "Materials"))</legend>
      <p class="meta">\(context.t("名称留空的行不保存；需要更多行时先保存一次。", "Rows without a name are not saved; save to get more rows."))</p>
      \(form.check("no_materials", context.t("本事项无需提交材料", "This item needs no materials"), item.materials.isEmpty && !item.unknown.contains(.materials)))\(form.error("materials"))
      <table class="edit"><thead><tr><th>\(context.t("材料名称", "Material"))</th><th>\(context.t("必要", "Required"))</th>\
      <th>\(context.t("可容缺", "Later"))</th><th>\(context.t("形式", "Form"))</th><th>\(context.t("份数", "Copies"))</th>\
      <th>\(context.t("来源", "Source"))</th><th>\(context.t("受理标准", "Standard"))</th></tr></thead><tbody>\(rows)</tbody></table>
      </fieldset>
      """
  }

  private static func materialRow(
    _ index: Int, _ material: Material, blank: Bool, _ form: FormParts, _ context: PageContext
  ) -> HTML {
    let field = "materials.\(index + 1)"
    let forms = MaterialForm.allCases.map { value -> HTML in
      "<option value=\"\(value.rawValue)\"\(value == material.form ? " selected" : "")>\(context.t(value.name))</option>"
    }
    let sources = MaterialSource.allCases.map { value -> HTML in
      "<option value=\"\(value.rawValue)\"\(value == material.source ? " selected" : "")>\(context.t(value.name))</option>"
    }
    let required = blank || material.required
    return """
      <tr><td><input type="text" id="material_name_\(index)" name="material_name_\(index)" value="\(material.name)" \
      aria-label="\(context.t("第 \(index + 1) 项材料名称", "Material \(index + 1) name"))"\(form.invalid("\(field).name"))>\
      \(form.error("\(field).name"))</td>\
      <td><input type="checkbox" name="material_required_\(index)" value="on"\(required ? " checked" : "") aria-label="\(context.t("必要", "Required"))"></td>\
      <td><input type="checkbox" name="material_deferrable_\(index)" value="on"\(material.deferrable ? " checked" : "") aria-label="\(context.t("可容缺", "May follow later"))">\
      \(form.error("\(field).deferrable"))</td>\
      <td><select name="material_form_\(index)" aria-label="\(context.t("形式", "Form"))">\(forms)</select></td>\
      <td><input type="text" inputmode="numeric" size="3" id="material_copies_\(index)" name="material_copies_\(index)" value="\(material.copies)" \
      aria-label="\(context.t("份数", "Copies"))"\(form.invalid("\(field).copies"))>\(form.error("\(field).copies"))</td>\
      <td><select name="material_source_\(index)" aria-label="\(context.t("来源", "Source"))">\(sources)</select></td>\
      <td><input type="text" name="material_standard_\(index)" value="\(material.standard)" aria-label="\(context.t("受理标准", "Standard"))"></td></tr>
      """
  }

  private static func steps(_ item: ServiceItem, _ form: FormParts, _ context: PageContext) -> HTML {
    let rows = (item.steps + Array(repeating: ProcessStep(name: "", role: .review, limitDays: 0), count: spareRows))
      .enumerated().map { index, step -> HTML in
        let roles = StepRole.allCases.map { role -> HTML in
          "<option value=\"\(role.rawValue)\"\(role == step.role ? " selected" : "")>\(context.t(role.name))</option>"
        }
        let field = "steps.\(index + 1)"
        return """
          <tr><td><input type="text" id="step_name_\(index)" name="step_name_\(index)" value="\(step.name)" \
          aria-label="\(context.t("第 \(index + 1) 个环节", "Step \(index + 1)"))"\(form.invalid("\(field).name"))>\(form.error("\(field).name"))</td>\
          <td><select name="step_role_\(index)" aria-label="\(context.t("承办角色", "Role"))">\(roles)</select></td>\
          <td><input type="text" inputmode="numeric" size="3" id="step_limit_\(index)" name="step_limit_\(index)" value="\(step.limitDays)" \
          aria-label="\(context.t("时限（工作日）", "Limit (working days)"))"\(form.invalid("\(field).limit_days"))>\(form.error("\(field).limit_days"))</td></tr>
          """
      }
    return """
      <fieldset id="steps"><legend>\(context.t("办理流程", "Process"))</legend>\(form.error("steps"))
      <table class="edit"><thead><tr><th>\(context.t("环节名称", "Step"))</th><th>\(context.t("承办角色", "Role"))</th>\
      <th>\(context.t("时限（工作日）", "Limit (working days)"))</th></tr></thead><tbody>\(rows)</tbody></table>
      </fieldset>
      """
  }

  private static func guideTexts(_ item: ServiceItem, _ form: FormParts, _ context: PageContext) -> HTML {
    """
    <fieldset><legend>\(context.t("受理条件、依据与联系方式", "Conditions, basis and contacts"))</legend>
    \(form.area("conditions", context.t("受理条件", "Conditions"), item.conditions))
    \(form.area("legal_basis", context.t("设定依据", "Legal basis"), item.legalBasis))
    <div class="form-grid">
    \(form.text("inquiry_phone", context.t("咨询电话", "Inquiry phone"), item.inquiryPhone))
    \(form.text("supervision_phone", context.t("监督投诉电话", "Complaints phone"), item.supervisionPhone))
    </div></fieldset>
    """
  }

  private static func history(_ model: Model, _ context: PageContext) -> HTML {
    guard !model.versions.isEmpty else { return .empty }
    let versions = model.versions
    let rows = versions.enumerated().map { index, version -> HTML in
      let older = index + 1 < versions.count ? versions[index + 1] : nil
      let changes = older.map { ItemChange.between($0.item, version.item) } ?? []
      let changeList: HTML =
        older == nil
        ? HTML(stringLiteral: context.t("首个版本", "First version"))
        : changes.isEmpty
          ? HTML(stringLiteral: context.t("无内容变化", "No change"))
          : "<ul class=\"plain\">\(changes.map { "<li>\(context.t($0.element))：<del>\($0.before)</del> → <ins>\($0.after)</ins></li>" as HTML })</ul>"
      let state =
        version.publishedAtMs.map { context.t("发布于 ", "published ") + ItemGuidePage.date($0) }
        ?? context.t("草稿", "Draft")
      return """
        <tr><td><a href="\(Links.item(version.item.code, version: version.number))">\(context.t("第 \(version.number) 版", "Version \(version.number)"))</a></td>\
        <td>\(state)</td><td>\(version.createdBy)</td><td>\(version.note)</td><td>\(changeList)</td></tr>
        """
    }
    return """
      <h2 id="history">\(context.t("版本历史", "Version history"))</h2>
      <table><thead><tr><th>\(context.t("版本", "Version"))</th><th>\(context.t("状态", "State"))</th>\
      <th>\(context.t("编辑人", "Editor"))</th><th>\(context.t("说明", "Note"))</th><th>\(context.t("变化", "Changes"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
  }
}
