import OneWindowDomain

/// The forms for the steps the staff member may take on a case now. Each posts to `/cases/{number}/{step}` with
/// the case version it was rendered from, so of two people acting at once the second is told, not overwritten.
enum CaseActionForms {
  static func render(_ model: CasePage.Model, _ context: PageContext) -> HTML {
    let c = model.serviceCase
    let steps = model.available
    var forms: [HTML] = []
    if steps.contains(.accept) || steps.contains(.resubmit) {
      let label =
        c.state == .correcting
        ? context.t("申请人已补正：核验材料并受理", "The applicant is back: recheck and accept")
        : context.t("核验材料并受理", "Check the materials and accept")
      forms.append("<p><a class=\"button\" href=\"\(Links.caseRecheck(c.number))\">\(label)</a></p>")
    }
    var rendered: Set<CaseStep> = []
    for step in steps {
      if let form = form(for: step, model, context) {
        forms.append(form)
        rendered.insert(step)
      }
    }
    // A step refused because the case moved on (another clerk acted first) has no form left to show it in.
    let orphan: HTML =
      model.failed.map { failed -> HTML in
        guard !rendered.contains(failed.step) else { return .empty }
        let messages = failed.errors.map { "<p>\(context.t($0.message))</p>" as HTML }
        return "<div class=\"alert\" role=\"alert\" id=\"step-error\">\(messages)</div>"
      } ?? .empty
    guard !forms.isEmpty else { return orphan }
    return """
      \(orphan)
      <section class="panel actions-panel no-print" id="actions"><h2>\(context.t("办理", "Act on the case"))</h2>
      \(forms)
      </section>
      """
  }

  private static func form(for step: CaseStep, _ model: CasePage.Model, _ context: PageContext) -> HTML? {
    let f = Fields(step: step, model: model, context: context)
    switch step {
    case .startReview:
      return f.form(context.t("开始审查", "Start the review"), [])
    case .review:
      let next = ReviewStage.next(after: model.serviceCase.reviews)
      return f.form(
        context.t("提交审核意见（一审一核）", "Record a review step"),
        [
          f.select(
            "step", context.t("环节", "Step"), ReviewStage.allCases.map { ($0.rawValue, context.t($0.name)) },
            default: next.rawValue,
            hint: context.t("审查与核准须由不同人员办理", "Examination and approval are given by different people")),
          f.area("opinion", context.t("审核意见", "Opinion")),
          f.radios(
            "approved", context.t("结论", "Result"),
            f.agreeOrNot),
        ], open: true)
    case .requestOpinion:
      return f.form(
        context.t("征求并联意见", "Ask another department"),
        [
          f.select("department_id", context.t("征求部门", "Department"), f.departments),
          f.area("question", context.t("征求意见事项", "Question")),
          f.text("due_workdays", context.t("答复时限（工作日）", "Reply within (working days)"), default: "3"),
        ])
    case .giveOpinion:
      return f.form(
        context.t("出具并联意见", "Give your department's opinion"),
        [
          f.hidden("department_id", context.staff?.scope.departmentID ?? ""),
          f.area("answer", context.t("意见内容", "Opinion")),
          f.radios(
            "agrees", context.t("结论", "Result"),
            f.agreeOrNot),
        ], open: true)
    case .decide:
      return f.form(
        context.t("作出决定", "Decide"),
        [
          f.radios(
            "approved", context.t("决定", "Decision"),
            [
              ("true", context.t(model.serviceCase.item.decisionName(approved: true))),
              ("false", context.t(model.serviceCase.item.decisionName(approved: false))),
            ]),
          f.area(
            "reason",
            context.t(
              "理由（\(model.serviceCase.item.decisionName(approved: false).zh)时必填）", "Reason (required for a denial)")),
        ], open: !model.serviceCase.opinions.contains(where: \.isOpen))
    case .issueResult:
      return f.form(
        context.t("上传电子结果（电子证照/决定书）", "Upload the electronic result"),
        [f.file("result_file", context.t("结果文件（PDF/JPG/PNG，不超过 10 MB）", "Result file (PDF/JPG/PNG, up to 10 MB)"))],
        multipart: true)
    case .supplyMaterials:
      return f.form(context.t("容缺材料已补齐", "The deferred materials are in"), [])
    case .postCheck:
      let due = model.serviceCase.postCheckDue.map { "（\(context.t("核查期限", "due")) \($0.iso)）" } ?? ""
      return f.form(
        context.t("告知承诺事后核查", "Post-check of the pledge"),
        [
          f.area("finding", context.t("核查情况", "What the check found") + due),
          f.radios(
            "pledge_kept", context.t("结论", "Result"),
            [("true", context.t("承诺属实", "The pledge held")), ("false", context.t("承诺不实", "The pledge was false"))]),
          f.text(
            "legal_basis",
            context.t("承诺不实时的处理依据（启动撤销程序）", "Legal basis when the pledge was false (starts revocation)")),
        ], open: true)
    case .deliver:
      return f.form(
        context.t("出件", "Deliver the result"),
        [
          f.radios(
            "mode", context.t("方式", "How"),
            [
              ("pickup", context.t("窗口领取", "Picked up")), ("mail", context.t("邮寄", "Mailed")),
              ("electronic", context.t("电子送达", "Electronic")),
            ], default: "pickup"),
          f.text("receiver", context.t("领取人", "Receiver"), default: model.serviceCase.applicant.name),
          f.check("id_checked", context.t("已核验领取人身份证件", "Receiver's ID checked")),
          f.text("carrier", context.t("快递公司（邮寄时）", "Carrier (if mailed)")),
          f.text("tracking_number", context.t("运单号（邮寄时）", "Tracking number (if mailed)")),
        ], open: true)
    case .suspend:
      return f.form(
        context.t("特别程序（挂起，计时暂停）", "Suspend for a special procedure"),
        [
          f.select(
            "kind", context.t("类型", "Kind"),
            ClockPause.Kind.allCases.reversed().map { ($0.rawValue, context.t($0.name)) }),
          f.area("reason", context.t("理由", "Reason")),
          f.text("planned_workdays", context.t("预计时长（工作日）", "Planned length (working days)")),
        ])
    case .resume:
      return f.form(context.t("恢复办理（计时继续）", "Resume (the clock runs again)"), [])
    case .escalate:
      return f.form(
        context.t("上报上级部门", "Escalate"),
        [
          f.select("to_department_id", context.t("上级部门", "Upper-level department"), f.departments),
          f.area("reason", context.t("上报理由", "Reason")),
          f.text("limit_days", context.t("上级办理时限（工作日）", "Upper level's limit (working days)"), default: "20"),
        ])
    case .transfer:
      return f.form(
        context.t("转办", "Transfer"),
        [
          f.select("to_department_id", context.t("转至部门", "To department"), f.departments),
          f.area("reason", context.t("转办理由", "Reason")),
        ])
    case .withdraw:
      return f.form(
        context.t("撤回申请", "Withdraw"), [f.area("reason", context.t("撤回理由", "Reason"))], danger: true)
    case .create, .submit, .uploadScans, .checkMaterials, .correction, .resubmit, .accept, .refuse:
      return nil
    }
  }

  /// Renders the fields of one step's form; ids are prefixed with the step so several forms share a page.
  struct Fields {
    let step: CaseStep
    let model: CasePage.Model
    let context: PageContext

    private var failed: CasePage.Failed? { model.failed?.step == step ? model.failed : nil }
    private var errors: [ValidationError] { failed?.errors ?? [] }

    var agreeOrNot: [(String, String)] {
      [("true", context.t("同意", "Agree")), ("false", context.t("不同意", "Disagree"))]
    }

    var departments: [(String, String)] {
      [("", context.t("请选择", "Choose"))]
        + model.departments.filter { $0.id != model.serviceCase.departmentID }.map { ($0.id, $0.name) }
    }

    func id(_ field: String) -> String { "\(step.rawValue)-\(field)" }

    func value(_ field: String, default fallback: String = "") -> String { failed?.values[field] ?? fallback }

    func error(_ field: String) -> HTML {
      let messages = errors.filter { $0.field == field }.map { context.t($0.message) }
      guard !messages.isEmpty else { return .empty }
      return "<p class=\"field-error\" id=\"\(id(field))-error\" role=\"alert\">\(messages.joined(separator: " "))</p>"
    }

    func invalid(_ field: String) -> HTML {
      errors.contains { $0.field == field } ? " aria-invalid=\"true\" aria-describedby=\"\(id(field))-error\"" : .empty
    }

    func text(_ field: String, _ label: String, default fallback: String = "") -> HTML {
      """
      <div><label for="\(id(field))">\(label)</label><input type="text" id="\(id(field))" name="\(field)" \
      value="\(value(field, default: fallback))"\(invalid(field))>\(error(field))</div>
      """
    }

    func area(_ field: String, _ label: String) -> HTML {
      """
      <div class="wide"><label for="\(id(field))">\(label)</label><textarea id="\(id(field))" name="\(field)"\(invalid(field))>\
      \(value(field))</textarea>\(error(field))</div>
      """
    }

    func select(
      _ field: String, _ label: String, _ options: [(String, String)], default fallback: String = "",
      hint: String? = nil
    ) -> HTML {
      let chosen = value(field, default: fallback)
      let note: HTML = hint.map { "<p class=\"meta\">\($0)</p>" } ?? .empty
      let rendered = options.map {
        "<option value=\"\($0.0)\"\($0.0 == chosen ? " selected" : "")>\($0.1)</option>" as HTML
      }
      return """
        <div><label for="\(id(field))">\(label)</label><select id="\(id(field))" name="\(field)"\(invalid(field))>\
        \(rendered)</select>\(note)\(error(field))</div>
        """
    }

    func radios(_ field: String, _ label: String, _ options: [(String, String)], default fallback: String = "") -> HTML
    {
      let chosen = value(field, default: fallback)
      let rendered = options.map { option -> HTML in
        """
        <label for="\(id(field))-\(option.0)"><input type="radio" id="\(id(field))-\(option.0)" name="\(field)" \
        value="\(option.0)"\(option.0 == chosen ? " checked" : "")> \(option.1)</label>
        """
      }
      return """
        <fieldset class="checks bare" id="\(id(field))"\(invalid(field))><legend>\(label)</legend>\(rendered)\(error(field))</fieldset>
        """
    }

    func check(_ field: String, _ label: String) -> HTML {
      """
      <div class="checks"><label for="\(id(field))"><input type="checkbox" id="\(id(field))" name="\(field)" value="true"\
      \(value(field) == "true" ? " checked" : "")\(invalid(field))> \(label)</label>\(error(field))</div>
      """
    }

    func file(_ field: String, _ label: String) -> HTML {
      """
      <div class="wide"><label for="\(id(field))">\(label)</label><input type="file" id="\(id(field))" name="\(field)" \
      accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"\(invalid(field))>\(error(field))</div>
      """
    }

    func hidden(_ field: String, _ value: String) -> HTML {
      "<input type=\"hidden\" name=\"\(field)\" value=\"\(value)\">"
    }

    func form(_ title: String, _ fields: [HTML], open: Bool = false, danger: Bool = false, multipart: Bool = false)
      -> HTML
    {
      let general = errors.filter { error in !fields.contains { $0.rendered.contains("name=\"\(error.field)\"") } }
      let generalErrors = general.map { "<p class=\"field-error\" role=\"alert\">\(context.t($0.message))</p>" as HTML }
      let button =
        "<button type=\"submit\"\(danger ? " class=\"danger\"" as HTML : .empty)>\(title)</button>" as HTML
      let inner: HTML = """
        <form method="post" action="\(Links.caseStep(model.serviceCase.number, step.rawValue))" class="step-form" \
        id="form-\(step.rawValue)"\(multipart ? " enctype=\"multipart/form-data\"" as HTML : .empty) novalidate>\
        \(context.csrfField)\
        <input type="hidden" name="version" value="\(model.serviceCase.version)">\
        \(generalErrors)<div class="form-grid">\(fields)</div><div class="actions">\(button)</div></form>
        """
      guard !fields.isEmpty else { return inner }
      return """
        <details class="step"\(open || failed != nil ? " open" : "")><summary>\(title)</summary>\(inner)</details>
        """
    }
  }
}
