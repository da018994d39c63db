import OneWindowDomain

/// 在线申请: a form built from the item's materials (a file per material), saved as a draft or sent for the window's
/// pre-review (网上预审); and the citizen's own case, where a correction notice is answered by uploading again.
public enum OnlineApplicationPages {
  public struct ApplyModel: Sendable {
    /// The item's or the bundle's name.
    public let title: String
    public let guide: String
    /// What is applied for, sent back with the form: `item_code` or `bundle_id`.
    public let subject: (field: String, value: String)
    /// The materials to upload (for a bundle, its combined list: a paper several items ask for appears once).
    public let lines: [CaseMaterial]
    /// For a bundle: the items it files at once.
    public let itemNames: [String]
    /// For a bundle: its items that take no online application alone (网上办理深度 below 3), whose on-site part the
    /// applicant completes at the window after the pre-review.
    public let inPersonNames: [String]
    public let applicant: Applicant
    /// Where the form posts (the portal's, or the proxy agent's).
    public let action: String
    /// Where the application may be handled (id, name); the first is the default.
    public let sites: [(String, String)]
    public let chosenSite: String
    public let errors: [ValidationError]
    public let intakeKey: String

    public init(
      title: String, guide: String, subject: (field: String, value: String), lines: [CaseMaterial],
      itemNames: [String] = [], inPersonNames: [String] = [], applicant: Applicant, action: String = Links.portalApply,
      sites: [(String, String)],
      chosenSite: String, errors: [ValidationError], intakeKey: String
    ) {
      self.applicant = applicant
      self.action = action
      self.title = title
      self.guide = guide
      self.subject = subject
      self.lines = lines
      self.itemNames = itemNames
      self.inPersonNames = inPersonNames
      self.sites = sites
      self.chosenSite = chosenSite
      self.errors = errors
      self.intakeKey = intakeKey
    }
  }

  public static func apply(_ model: ApplyModel, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    let lines = model.lines
    let bundleNote: HTML =
      model.itemNames.isEmpty
      ? .empty
      : """
      <p class="note">\(context.t(
          "一次填报、一套材料，同时申请 \(model.itemNames.count) 个事项：\(model.itemNames.joined(separator: "、"))。",
          "One form and one set of materials for \(model.itemNames.count) items: \(model.itemNames.joined(separator: ", ")).")) \
      \(model.inPersonNames.isEmpty ? "" : context.t(
          "其中「\(model.inPersonNames.joined(separator: "」「"))」需到现场办理，窗口预审后会短信通知您到场办理。",
          "\(model.inPersonNames.joined(separator: ", ")) need a visit: the window texts you after the pre-review."))</p>
      """
    let body: HTML = """
      <h1>\(context.t("在线申请：", "Apply online: "))\(model.title)</h1>
      <p class="lead">\(context.t("申请人", "Applicant"))：\(model.applicant.name) · \(Masking.idNumber(model.applicant.idNumber)) · \
      <a href="\(model.guide)">\(context.t("办事指南", "Guide"))</a></p>
      \(bundleNote)
      \(parts.summary())
      \(model.errors.isEmpty ? .empty : "<p class=\"meta\">\(context.t("浏览器不会保留已选择的文件，请重新选择。", "Choose the files again."))</p>" as HTML)
      <form method="post" action="\(model.action)" enctype="multipart/form-data" novalidate>
      \(context.csrfField)
      <input type="hidden" name="\(model.subject.field)" value="\(model.subject.value)">
      <input type="hidden" name="intake_key" value="\(model.intakeKey)">
      \(parts.select("site_id", context.t("办理地点（预审和领取结果）", "Where it is handled"), model.sites, model.chosenSite))
      \(uploads(lines, number: nil, editable: true, parts, context))
      <div class="actions">
      <button type="submit" name="intent" value="submit">\(context.t("提交申请", "Send the application"))</button>
      <button type="submit" name="intent" value="draft" class="secondary">\(context.t("保存草稿", "Save as draft"))</button>
      </div>
      </form>
      """
    return Layout.page(context, title: context.t("在线申请", "Apply online"), body: body)
  }

  public struct CaseModel: Sendable {
    public let serviceCase: ServiceCase
    public let clock: CaseClock
    public let deadline: DeadlineStatus?
    public let deadlineText: String
    public let names: DirectoryNames
    public let errors: [ValidationError]
    public let notice: String?
    /// 好差评: the forms to rate the case (and its agent), and the ratings given with their rectification.
    public var rateForms: [EvaluationFormPart.Model] = []
    public var track: [EvaluationTrackPart.Row] = []
    /// A refused rating whose form is no longer offered.
    public var rateProblems: [ValidationError] = []

    public init(
      serviceCase: ServiceCase, clock: CaseClock, deadline: DeadlineStatus?, deadlineText: String,
      names: DirectoryNames, errors: [ValidationError] = [], notice: String? = nil
    ) {
      self.serviceCase = serviceCase
      self.clock = clock
      self.deadline = deadline
      self.deadlineText = deadlineText
      self.names = names
      self.errors = errors
      self.notice = notice
    }
  }

  public static func myCase(_ model: CaseModel, _ context: PageContext) -> HTML {
    let c = model.serviceCase
    let parts = FormParts(context: context, errors: model.errors)
    let editable = c.state == .draft || c.state == .correcting
    let corrections: HTML =
      c.state == .correcting
      ? """
      <section class="alert" id="correction"><h2>\(context.t("请补正以下材料（一次性告知）", "Please correct (told all at once)"))</h2>
      <ul>\((c.notices.last?.items ?? []).map { "<li><b>\($0.material)</b>：\($0.problem)</li>" as HTML })</ul>
      <p>\(context.t("上传补正后的材料，再点「重新提交」。", "Upload the corrected materials, then send again."))</p></section>
      """ : .empty
    let submitLabel = c.state == .draft ? context.t("提交申请", "Send") : context.t("重新提交", "Send again")
    let result: HTML =
      c.resultFile.map { file in
        """
        <p class="ok"><a class="button" id="result-download" href="\(Links.myCaseFile(c.number, file.fileID))">\
        \(context.t("下载电子结果", "Download the result"))</a> \(file.name)</p>
        """
      } ?? .empty
    let body: HTML = """
      <p><a href="\(Links.myCases)">← \(context.t("我的办件", "My applications"))</a></p>
      <h1>\(c.item.name)</h1>
      <p class="lead"><span class="case-number">\(c.number)</span> \(CaseText.state(c.state, context)) \
      \(CaseText.warning(model.deadline, context))</p>
      \(model.notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      \(parts.summary())
      \(corrections)
      \(result)
      \(model.rateForms.map { EvaluationFormPart.render($0, context) })
      \(EvaluationTrackPart.render(model.track, problems: model.rateProblems, clock: model.clock, context))
      <dl class="facts panel">
      <dt>\(context.t("办理地点", "Handled at"))</dt><dd>\(model.names.site(c.siteID))</dd>
      <dt>\(context.t("办理部门", "Department"))</dt><dd>\(model.names.department(c.departmentID))</dd>
      <dt>\(context.t("提交时间", "Sent"))</dt><dd>\(model.clock.time(c.submittedAt))</dd>
      <dt>\(context.t("受理时间", "Accepted"))</dt><dd>\(model.clock.time(c.acceptedAt))</dd>
      <dt>\(context.t("时限", "Deadline"))</dt><dd>\(model.deadlineText)</dd>
      </dl>
      <form method="post" action="\(Links.myCase(c.number))" enctype="multipart/form-data" novalidate>
      \(context.csrfField)
      <input type="hidden" name="version" value="\(c.version)">
      \(uploads(c.intake?.materials ?? [], number: c.number, editable: editable, parts, context))
      \(editable ? """
        <div class="actions"><button type="submit" name="intent" value="submit">\(submitLabel)</button>\
        <button type="submit" name="intent" value="upload" class="secondary">\(context.t("仅上传，暂不提交", "Upload only"))</button></div>
        """ as HTML : .empty)
      </form>
      \(c.state == .draft ? deleteDraft(c, context) : .empty)
      """
    return Layout.page(context, title: "\(c.number) \(c.item.name)", body: body)
  }

  /// 删除草稿, asked once more before it is done: a draft is the citizen's own until it is sent.
  private static func deleteDraft(_ c: ServiceCase, _ context: PageContext) -> HTML {
    let bundleNote: HTML =
      c.bundleID == nil
      ? .empty : " \(context.t("同一「一件事」申请的其他草稿一并删除。", "The other drafts of the same bundle go with it."))"
    return """
      <details class="danger-zone no-print" id="delete-draft"><summary>\(context.t("删除草稿", "Delete the draft"))</summary>
      <form method="post" action="\(Links.myCaseDelete(c.number))">\(context.csrfField)
      <p>\(context.t("删除后草稿和已上传的材料不再保留，无法恢复。", "The draft and its uploads are gone for good."))\(bundleNote)</p>
      <button type="submit" class="danger">\(context.t("确认删除", "Delete"))</button></form></details>
      """
  }

  /// The materials with their uploads: the files already sent, and a file input per material while editable.
  private static func uploads(
    _ lines: [CaseMaterial], number: String?, editable: Bool, _ parts: FormParts, _ context: PageContext
  ) -> HTML {
    let rows = lines.enumerated().map { index, line -> HTML in
      let field = "material_\(index)_file"
      let sent = line.attachments.map { file -> HTML in
        guard let number else { return "<li>\(file.name)</li>" }
        return "<li><a href=\"\(Links.myCaseFile(number, file.fileID))\">\(file.name)</a></li>"
      }
      let input: HTML =
        editable && line.status != .received
        ? """
        <label for="\(field)" class="visually-hidden">\(line.name)</label><input type="file" id="\(field)" name="\(field)" \
        multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"\(parts.invalid(field))>\(parts.error(field))
        """ : .empty
      let state: String =
        line.status == .received && line.attachments.isEmpty
        ? context.t("无需上传", "Not needed") : line.required ? context.t("必要", "Required") : context.t("非必要", "Optional")
      return """
        <tr><td><b>\(line.name)</b><div class="meta">\(state)</div></td>\
        <td>\(sent.isEmpty ? .empty : "<ul class=\"plain files\">\(sent)</ul>" as HTML)\(input)</td></tr>
        """
    }
    return """
      <fieldset><legend>\(context.t("申请材料（PDF/JPG/PNG，每个不超过 10 MB）", "Materials (PDF/JPG/PNG, up to 10 MB each)"))</legend>
      \(parts.error("materials"))
      <table class="materials"><thead><tr><th>\(context.t("材料", "Material"))</th><th>\(context.t("文件", "Files"))</th></tr></thead>
      <tbody>\(rows)</tbody></table></fieldset>
      """
  }
}
