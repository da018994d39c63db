import OneWindowDomain

/// 综合窗口收件: one item, the applicant, the material checklist of the item version, and the clerk's decision
/// (受理, 容缺受理, 告知承诺, 当场办结, 一次性告知, 不予受理). Also the recheck of a case whose applicant came back
/// with the corrections.
public enum IntakePage {
  /// The form's values as typed, so a refused form comes back as the clerk left it.
  public struct Form: Sendable {
    public var applicantKind = "person"
    public var name = ""
    public var idType = Applicant.residentID
    public var idNumber = ""
    public var phone = ""
    public var checklist: [CaseMaterial]
    public var deficiencyDue = ""
    public var postCheckDue = ""
    public var reason = ""
    public var legalBasis = ""
    public var reasonForAnother = ""
    public var delivery = "pickup"
    public var mailAddress = ""
    /// Rows whose result the clerk has not chosen yet (shown with no choice made).
    public var unchecked: Set<Int> = []
    /// Makes a double click or a resent form register one case, not two.
    public var intakeKey = ""

    public init(checklist: [CaseMaterial]) {
      self.checklist = checklist
    }
  }

  public struct Model: Sendable {
    public let item: ServiceItem
    public let version: Int
    public let route: IntakeRoute
    public let site: Site
    public let departmentName: String
    public let form: Form
    public let errors: [ValidationError]
    /// A note above the form, e.g. that a known applicant was filled in.
    public let notice: String?
    /// The case being rechecked after a correction notice, if this is a recheck.
    public let existingCase: ServiceCase?
    /// 常见问答 of the item, for the clerk to answer at once (问一次、一口清).
    public let knowledge: [KnowledgeEntry]
    public let today: CivilDate?

    public init(
      item: ServiceItem, version: Int, route: IntakeRoute, site: Site, departmentName: String, form: Form,
      errors: [ValidationError] = [], notice: String? = nil, existingCase: ServiceCase? = nil,
      knowledge: [KnowledgeEntry] = [], today: CivilDate? = nil
    ) {
      self.knowledge = knowledge
      self.today = today
      self.item = item
      self.version = version
      self.route = route
      self.site = site
      self.departmentName = departmentName
      self.form = form
      self.errors = errors
      self.notice = notice
      self.existingCase = existingCase
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    let item = model.item
    let action = model.existingCase.map { Links.caseRecheck($0.number) } ?? Links.windowIntake
    let title: String =
      switch model.existingCase {
      case nil: context.t("收件：", "Intake: ") + item.name
      case let c? where c.notices.isEmpty: context.t("预审：", "Pre-review: ") + item.name
      case _?: context.t("补正后核验：", "Recheck: ") + item.name
      }
    let body: HTML = """
      <p class="no-print"><a href="\(Links.window)">← \(context.t("返回综合窗口", "Back to the window"))</a></p>
      <h1>\(title)</h1>
      \(summary(model, context))
      \(model.notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      \(parts.summary())
      \(model.errors.isEmpty ? .empty : "<p class=\"meta\">\(context.t("出于安全原因，浏览器不会保留已选择的扫描件，请重新选择。", "Browsers do not keep chosen files: choose the scans again."))</p>" as HTML)
      <form method="post" action="\(action)" enctype="multipart/form-data" novalidate>
      \(context.csrfField)
      <input type="hidden" name="item_code" value="\(item.code)">
      <input type="hidden" name="intake_key" value="\(model.form.intakeKey)">
      \(model.existingCase.map { "<input type=\"hidden\" name=\"version\" value=\"\($0.version)\">" as HTML } ?? .empty)
      \(model.existingCase == nil ? applicantFields(model.form, parts, context) : existingApplicant(model, context))
      \(checklist(model, parts, context))
      \(model.existingCase == nil ? deliveryFields(model, parts, context) : .empty)
      \(decision(model, parts, context))
      </form>
      \(model.today.map { KnowledgePages.part(model.knowledge, today: $0, heading: context.t("本事项常见问答", "This item's common questions"), context) } ?? .empty)
      """
    return Layout.page(context, title: title, body: body)
  }

  private static func summary(_ model: Model, _ context: PageContext) -> HTML {
    let item = model.item
    let limit =
      item.caseKind == .immediate
      ? context.t("即办件（当场办结）", "Immediate (decided on the spot)")
      : context.t(
        "承诺时限 \(item.promisedLimitDays) 个工作日（法定 \(item.legalLimitDays)）",
        "Promised \(item.promisedLimitDays) working days (legal \(item.legalLimitDays))")
    let across: HTML =
      model.route == .acrossSites || model.route == .collectForward
      ? """
      <p class="note">\(context.t(
          "本件由「\(model.site.name)」收件，转「\(model.departmentName)」办理；结果按下方选择的方式送达。",
          "Taken in at \(model.site.name) and routed to \(model.departmentName); the result is delivered as chosen below."))</p>
      """ : .empty
    return """
      <dl class="facts panel">
      <dt>\(context.t("事项编码", "Code"))</dt><dd>\(item.code) · \(context.t("第 \(model.version) 版", "version \(model.version)")) · \
      <a href="\(Links.item(item.code))" target="_blank">\(context.t("办事指南", "Guide"))</a></dd>
      <dt>\(context.t("实施部门", "Department"))</dt><dd>\(model.departmentName)</dd>
      <dt>\(context.t("办件类型", "Kind"))</dt><dd>\(limit)</dd>
      <dt>\(context.t("受理场所", "Accepting site"))</dt><dd>\(model.site.name) · <b>\(context.t(model.route.name))</b></dd>
      </dl>
      \(across)
      """
  }

  /// 证件类型 grouped by applicant kind; a script keeps the choice within the kind chosen above it.
  static func idTypeSelect(_ form: Form, _ parts: FormParts, _ context: PageContext) -> HTML {
    let groups = Applicant.Kind.allCases.map { kind -> HTML in
      let options = IDType.types(for: kind).map { type -> HTML in
        "<option value=\"\(type.rawValue)\"\(type.rawValue == form.idType ? " selected" : "")>\(context.t(type.name))</option>"
      }
      let label = kind == .person ? context.t("个人", "Person") : context.t("法人或其他组织", "Organization")
      return "<optgroup label=\"\(label)\" data-kind=\"\(kind.rawValue)\">\(options)</optgroup>"
    }
    let script: HTML = """
      (function () {
        var kind = document.getElementById('applicant_kind'), type = document.getElementById('applicant.id_type');
        if (!kind || !type) return;
        function fit() {
          type.querySelectorAll('optgroup').forEach(function (g) { g.disabled = g.dataset.kind !== kind.value; });
          var chosen = type.options[type.selectedIndex];
          if (!chosen || chosen.parentNode.dataset.kind !== kind.value) {
            var first = type.querySelector('optgroup[data-kind="' + kind.value + '"] option');
            if (first) first.selected = true;
          }
        }
        kind.addEventListener('change', fit); fit();
      })();
      """
    return """
      <div><label for="applicant.id_type">\(context.t("证件类型", "ID type")) *</label>\
      <select id="applicant.id_type" name="id_type"\(parts.invalid("applicant.id_type"))>\(groups)</select>\
      \(parts.error("applicant.id_type"))\(Layout.script(context, script))</div>
      """
  }

  static func applicantFields(_ form: Form, _ parts: FormParts, _ context: PageContext) -> HTML {
    let kinds = [
      ("person", context.t("个人", "Person")), ("organization", context.t("法人或其他组织", "Organization")),
    ]
    return """
      <fieldset>
      <legend>\(context.t("申请人（首问负责）", "Applicant"))</legend>
      <div class="form-grid">
      \(parts.select("applicant_kind", context.t("申请人类型", "Kind"), kinds, form.applicantKind))
      \(idTypeSelect(form, parts, context))
      <div><label for="applicant.id_number">\(context.t("证件号码", "ID number")) *</label>\
      <div class="search-row"><input type="text" id="applicant.id_number" name="id_number" value="\(form.idNumber)" \
      autocomplete="off"\(parts.invalid("applicant.id_number"))>\
      <button type="submit" name="lookup" value="1" class="secondary">\(context.t("查找", "Look up"))</button></div>\
      \(parts.error("applicant.id_number"))</div>
      <div><label for="applicant.name">\(context.t("姓名或名称", "Name")) *</label>\
      <input type="text" id="applicant.name" name="name" value="\(form.name)"\(parts.invalid("applicant.name"))>\
      \(parts.error("applicant.name"))</div>
      <div><label for="applicant.phone">\(context.t("手机号码", "Mobile")) *</label>\
      <input type="tel" autocomplete="tel" id="applicant.phone" name="phone" value="\(form.phone)"\(parts.invalid("applicant.phone"))>\
      \(parts.error("applicant.phone"))</div>
      </div>
      <p class="meta">\(context.t(
        "输入证件号码后点「查找」，曾经办过事的申请人会自动填入。", "Enter the ID number and press Look up to fill in a known applicant."))</p>
      </fieldset>
      """
  }

  private static func existingApplicant(_ model: Model, _ context: PageContext) -> HTML {
    guard let c = model.existingCase else { return .empty }
    let notices = c.notices.last.map { notice -> HTML in
      let items = notice.items.map { "<li>\($0.material)：\($0.problem)</li>" as HTML }
      return "<p>\(context.t("上次一次性告知的补正内容：", "Last correction notice:"))</p><ul>\(items)</ul>"
    }
    return """
      <fieldset><legend>\(context.t("办件", "Case")) \(c.number)</legend>
      <p>\(context.label("申请人", "Applicant"))\(CaseText.applicant(c.applicant))</p>
      \(notices ?? .empty)
      </fieldset>
      """
  }

  private static func checklist(_ model: Model, _ parts: FormParts, _ context: PageContext) -> HTML {
    guard !model.form.checklist.isEmpty else {
      return
        "<fieldset><legend>\(context.t("申请材料", "Materials"))</legend><p>\(context.t("本事项无需提交材料。", "No materials."))</p></fieldset>"
    }
    let materialsByName = Dictionary(model.item.materials.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let rows = model.form.checklist.enumerated().map { index, line -> HTML in
      let material = materialsByName[line.name]
      let statuses = CaseMaterial.Status.allCases.filter {
        ($0 != .deferred || line.deferrable) && ($0 != .notApplicable || !line.required)
      }
      let radios = statuses.map { status -> HTML in
        let id = "material_\(index)_\(status.rawValue)"
        return """
          <label for="\(id)"><input type="radio" id="\(id)" name="material_\(index)" value="\(status.rawValue)"\
          \(line.status == status && !model.form.unchecked.contains(index) ? " checked" : "")> \(context.t(status.name))</label>
          """
      }
      let tags: HTML = """
        \(line.required ? "<span class=\"tag\">\(context.t("必要", "Required"))</span>" as HTML : "<span class=\"tag\">\(context.t("非必要", "Optional"))</span>")\
        \(line.deferrable ? "<span class=\"tag\">\(context.t("可容缺", "May be deferred"))</span>" as HTML : .empty)
        """
      let detail = material.map { m -> String in
        var parts = [context.t(m.form.name), context.t("\(m.copies) 份", "\(m.copies) cop.")]
        if !m.standard.isEmpty { parts.append(m.standard) }
        return parts.joined(separator: " · ")
      }
      return """
        <tr id="material_\(index)"><td>\(index + 1)</td><td><b>\(line.name)</b><br>\(tags)\
        <div class="meta">\(detail ?? "")</div>\(parts.error("material_\(index)"))</td>
        <td><fieldset class="checks bare"><legend class="visually-hidden">\(line.name)</legend>\(radios)</fieldset></td>
        <td><label for="material_\(index)_problem" class="visually-hidden">\(context.t("补正要求", "What is wrong"))</label>\
        <input type="text" id="material_\(index)_problem" name="material_\(index)_problem" value="\(line.problem)" \
        placeholder="\(context.t("缺少或不符合要求时填写", "If missing or wrong"))"\(parts.invalid("material_\(index)_problem"))>\
        \(parts.error("material_\(index)_problem"))</td>
        <td>\(scans(line, index, model, parts, context))</td></tr>
        """
    }
    return """
      <fieldset id="materials"><legend>\(context.t("材料核验（一次性告知：缺什么都在这里标出）", "Check the materials"))</legend>
      \(parts.error("materials"))
      <table class="materials checklist"><thead><tr><th>#</th><th>\(context.t("材料", "Material"))</th>\
      <th>\(context.t("核验结果", "Result"))</th><th>\(context.t("补正要求", "What is wrong"))</th>\
      <th>\(context.t("扫描件（PDF/JPG/PNG，每个不超过 10 MB）", "Scans (PDF/JPG/PNG, up to 10 MB each)"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      </fieldset>
      """
  }

  private static func scans(
    _ line: CaseMaterial, _ index: Int, _ model: Model, _ parts: FormParts, _ context: PageContext
  )
    -> HTML
  {
    let field = "material_\(index)_file"
    let existing = line.attachments.map { attachment -> HTML in
      guard let number = model.existingCase?.number else { return "<li>\(attachment.name)</li>" }
      return
        "<li><a href=\"\(Links.caseFile(number, attachment.fileID))\" target=\"_blank\">\(attachment.name)</a></li>"
    }
    return """
      \(existing.isEmpty ? .empty : "<ul class=\"plain files\">\(existing)</ul>" as HTML)\
      <label for="\(field)" class="visually-hidden">\(context.t("上传「\(line.name)」扫描件", "Scan of \(line.name)"))</label>\
      <input type="file" id="\(field)" name="\(field)" multiple \
      accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"\(parts.invalid(field))>\(parts.error(field))
      """
  }

  private static func deliveryFields(_ model: Model, _ parts: FormParts, _ context: PageContext) -> HTML {
    let modes: [(String, String)] =
      [("pickup", context.t("到本场所窗口领取（\(model.site.name)）", "Pick up here (\(model.site.name))"))]
      + (model.item.deliveryModes.contains(.mail) ? [("mail", context.t("邮寄送达", "By mail"))] : [])
      + (model.item.deliveryModes.contains(.electronic) ? [("electronic", context.t("电子证照/网上下载", "Electronic"))] : [])
    let radios = modes.map { value, name -> HTML in
      """
      <label for="delivery_\(value)"><input type="radio" id="delivery_\(value)" name="delivery" value="\(value)"\
      \(model.form.delivery == value ? " checked" : "")> \(name)</label>
      """
    }
    return """
      <fieldset><legend>\(context.t("结果送达（统一出件）", "Result delivery"))</legend>
      <div class="checks">\(radios)</div>\(parts.error("delivery"))
      \(model.item.deliveryModes.contains(.mail) ? parts.text("mail_address", context.t("邮寄地址", "Mailing address"), model.form.mailAddress) : .empty)
      </fieldset>
      """
  }

  private static func decision(_ model: Model, _ parts: FormParts, _ context: PageContext) -> HTML {
    let form = model.form
    let immediate = model.item.caseKind == .immediate
    let acceptLabel =
      immediate
      ? context.t("受理并当场办结", "Accept and decide now")
      : form.checklist.contains(where: \.deferrable)
        ? context.t("受理（有容缺材料时为容缺受理）", "Accept") : context.t("受理", "Accept")
    let anyDeferrable = form.checklist.contains(where: \.deferrable)
    return """
      <fieldset><legend>\(context.t("处理", "Decision"))</legend>
      \(parts.error("outcome"))
      \(anyDeferrable ? parts.date("deficiency_due", context.t("容缺材料补齐期限", "Deferred materials due by"), form.deficiencyDue) : .empty)
      \(model.existingCase?.notices.isEmpty == false ? parts.text("reason_for_another", context.t("再次告知的理由（仅再次出具一次性告知书时填写，将报电子监察）", "Reason for another notice (flagged to supervision)"), form.reasonForAnother) : .empty)
      <div class="actions">
      <button type="submit" name="outcome" value="\(immediate ? "decide" : "accept")">\(acceptLabel)</button>
      <button type="submit" name="outcome" value="correction" class="secondary">\(context.t("出具一次性告知书", "Issue a correction notice"))</button>
      </div>
      \(immediate ? .empty : pledge(form, parts, context))
      <details\(model.errors.contains { $0.field == "reason" || $0.field == "legal_basis" } ? " open" : "")>
      <summary>\(context.t("不予受理", "Refuse"))</summary>
      \(parts.area("reason", context.t("不予受理理由", "Reason"), form.reason))
      \(parts.text("legal_basis", context.t("法律依据", "Legal basis"), form.legalBasis))
      <div class="actions"><button type="submit" name="outcome" value="refuse" class="danger">\(context.t("不予受理并出具告知书", "Refuse and print the notice"))</button></div>
      </details>
      </fieldset>
      """
  }

  private static func pledge(_ form: Form, _ parts: FormParts, _ context: PageContext) -> HTML {
    """
    <details\(parts.errors.contains { $0.field == "post_check_due" } ? " open" : "")>
    <summary>\(context.t("告知承诺受理", "Accept on pledge"))</summary>
    <p class="meta">\(context.t("申请人书面承诺符合条件，受理后在期限内核查。", "The applicant pledges to meet the conditions; checked afterwards."))</p>
    \(parts.date("post_check_due", context.t("事后核查期限", "Post-check by"), form.postCheckDue))
    <div class="actions"><button type="submit" name="outcome" value="pledge" class="secondary">\(context.t("告知承诺受理", "Accept on pledge"))</button></div>
    </details>
    """
  }
}
