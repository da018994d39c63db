import OneWindowDomain

/// 办件详情 for staff: everything the case records, the explanation of its due date, its trail, and the forms
/// for the steps the signed-in staff member may take now.
public enum CasePage {
  /// A step form that was refused, with its errors and the values as typed.
  public struct Failed: Sendable {
    public let step: CaseStep
    public let errors: [ValidationError]
    public let values: [String: String]

    public init(step: CaseStep, errors: [ValidationError], values: [String: String]) {
      self.step = step
      self.errors = errors
      self.values = values
    }
  }

  public struct Model: Sendable {
    public let serviceCase: ServiceCase
    public let events: [CaseEvent]
    public let clock: CaseClock
    public let deadline: DeadlineStatus?
    public let deadlineText: String
    public let names: DirectoryNames
    /// Departments a case may be sent to or asked (all but its own).
    public let departments: [Department]
    public let available: [CaseStep]
    public let failed: Failed?
    public let notice: String?
    /// What supervision has on the case (rule hits, 督办 tickets) and whether the reader may open a ticket.
    public var supervision: CaseSupervision?

    public init(
      serviceCase: ServiceCase, events: [CaseEvent], clock: CaseClock, deadline: DeadlineStatus?,
      deadlineText: String, names: DirectoryNames, departments: [Department], available: [CaseStep],
      failed: Failed? = nil, notice: String? = nil
    ) {
      self.serviceCase = serviceCase
      self.events = events
      self.clock = clock
      self.deadline = deadline
      self.deadlineText = deadlineText
      self.names = names
      self.departments = departments
      self.available = available
      self.failed = failed
      self.notice = notice
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let c = model.serviceCase
    let body: HTML = """
      <div class="case-head">
      <h1>\(c.item.name)</h1>
      <p class="lead"><span class="case-number">\(c.number)</span> \(CaseText.state(c.state, context)) \
      \(CaseText.warning(model.deadline, context))</p>
      </div>
      \(model.notice.map { "<p class=\"ok\" role=\"status\" id=\"notice\">\($0)</p>" as HTML } ?? .empty)
      \(printLinks(c, context))
      \(CaseActionForms.render(model, context))
      <div class="two-col">
      \(facts(model, context))
      \(deadlineSection(model, context))
      </div>
      \(materials(c, context))
      \(history(model, context))
      \(model.supervision.map { CaseSupervisionPart.render($0, c, model, context) } ?? .empty)
      \(trail(model, context))
      """
    return Layout.page(context, title: "\(c.number) \(c.item.name)", body: body)
  }

  private static func printLinks(_ c: ServiceCase, _ context: PageContext) -> HTML {
    let links = NoticeKind.allCases.filter { $0.applies(to: c) }.map { kind -> HTML in
      "<a class=\"chip\" href=\"\(Links.caseNotice(c.number, kind.rawValue))\">\(context.t("打印", "Print ")) \(context.t(kind.title))</a>"
    }
    guard !links.isEmpty else { return .empty }
    return "<p class=\"chips no-print\">\(links)</p>"
  }

  private static func facts(_ model: Model, _ context: PageContext) -> HTML {
    let c = model.serviceCase
    let names = model.names
    var rows: [(String, String)] = [
      (
        context.t("事项", "Item"),
        "\(c.item.name)（\(c.item.code)，\(context.t("第 \(c.item.version) 版", "version \(c.item.version)"))）"
      ),
      (context.t("申请人", "Applicant"), CaseText.applicant(c.applicant)),
      (context.t("渠道", "Channel"), context.t(c.channel.name)),
      (context.t("受理场所", "Accepting site"), names.site(c.siteID, at: c.createdAt)),
      (context.t("办理部门", "Handling department"), names.department(c.departmentID, at: c.acceptedAt ?? c.createdAt)),
      (context.t("结果送达", "Result delivery"), CaseText.delivery(c.resultDelivery, names, context)),
      (context.t("申请时间", "Submitted"), model.clock.time(c.submittedAt)),
      (context.t("受理时间", "Accepted"), model.clock.time(c.acceptedAt)),
    ]
    if let route = c.intake?.route { rows.insert((context.t("受理方式", "Route"), context.t(route.name)), at: 4) }
    switch c.acceptance {
    case .withDeficiency(let materials, let due)?:
      let state = c.deficiency?.suppliedAt == nil ? context.t("未补齐", "outstanding") : context.t("已补齐", "supplied")
      rows.append(
        (
          context.t("容缺受理", "Deferred"),
          "\(materials.joined(separator: "、"))，\(context.t("\(due.iso) 前补齐", "due \(due.iso)"))（\(state)）"
        ))
    case .onPledge(let due)?:
      rows.append((context.t("告知承诺", "On pledge"), context.t("事后核查期限 \(due.iso)", "post-check by \(due.iso)")))
      if let check = c.postCheck {
        let result =
          check.pledgeKept
          ? context.t("承诺属实", "the pledge held")
          : context.t("承诺不实（依据：\(check.legalBasis)）", "the pledge was false (basis: \(check.legalBasis))")
        let revocation = check.revocationStarted ? context.t("，已启动撤销程序", "; revocation started") : ""
        rows.append(
          (
            context.t("事后核查", "Post-check"),
            "\(model.clock.day(check.at))：\(check.finding)；\(result)\(revocation)"
          ))
      }
    default: break
    }
    if let bundle = c.bundleID { rows.append((context.t("一件事", "Bundle"), bundle)) }
    if let concluded = c.concludedAt { rows.append((context.t("办结时间", "Concluded"), model.clock.time(concluded))) }
    let items = rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" as HTML }
    return """
      <section class="panel"><h2>\(context.t("基本信息", "Details"))</h2><dl class="facts" id="case-facts">\(items)</dl></section>
      """
  }

  private static func deadlineSection(_ model: Model, _ context: PageContext) -> HTML {
    let c = model.serviceCase
    let pauses = c.pauses.map { pause -> HTML in
      "<li>\(context.t(pause.kind.name))：\(pause.reason)（\(model.clock.day(pause.start)) – \(pause.end.map(model.clock.day) ?? context.t("至今", "now"))）</li>"
    }
    return """
      <section class="panel" id="deadline"><h2>\(context.t("办理时限", "Deadline"))</h2>
      <dl class="facts">
      <dt>\(context.t("时限", "Limit"))</dt><dd>\(c.limitDays == 0 ? context.t("即办", "Immediate") : context.t("\(c.limitDays) 个工作日", "\(c.limitDays) working days"))</dd>
      <dt>\(context.t("应办结", "Due"))</dt><dd>\(model.clock.time(model.deadline?.due))</dd>
      </dl>
      <p>\(model.deadlineText)</p>
      \(pauses.isEmpty ? .empty : "<ul class=\"plain\">\(pauses)</ul>" as HTML)
      </section>
      """
  }

  private static func materials(_ c: ServiceCase, _ context: PageContext) -> HTML {
    guard let intake = c.intake, !intake.materials.isEmpty else { return .empty }
    let rows = intake.materials.map { m -> HTML in
      """
      <tr><td>\(m.name)</td><td>\(m.required ? context.t("必要", "Required") : context.t("非必要", "Optional"))</td>\
      <td class="material-\(m.status.rawValue)">\(context.t(m.status.name))</td><td>\(m.problem)</td>\
      <td>\(m.attachments.map { "<a href=\"\(Links.caseFile(c.number, $0.fileID))\" target=\"_blank\">\($0.name)</a> " as HTML })</td></tr>
      """
    }
    return """
      <h2>\(context.t("申请材料", "Materials"))</h2>
      <table class="materials" id="case-materials"><thead><tr><th>\(context.t("材料", "Material"))</th>\
      <th>\(context.t("要求", "Need"))</th><th>\(context.t("核验", "Checked"))</th><th>\(context.t("说明", "Note"))</th>\
      <th>\(context.t("扫描件", "Scans"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
  }

  private static func history(_ model: Model, _ context: PageContext) -> HTML {
    let c = model.serviceCase
    var blocks: [HTML] = []
    for (index, notice) in c.notices.enumerated() {
      let items = notice.items.map { "<li>\($0.material)：\($0.problem)</li>" as HTML }
      blocks.append(
        """
        <div class="card"><h3>\(context.t("一次性告知书", "Correction notice")) \(index + 1) · \(model.clock.time(notice.issuedAt))</h3>\
        <ul>\(items)</ul>\(notice.reasonForAnother.map { "<p class=\"meta\">\(context.t("再次告知理由：", "Reason: "))\($0)</p>" as HTML } ?? .empty)</div>
        """)
    }
    for review in c.reviews {
      blocks.append(
        """
        <div class="card"><h3>\(review.step) · \(review.approved ? context.t("同意", "Approve") : context.t("不同意", "Disagree"))</h3>\
        <p>\(review.opinion)</p><p class="meta">\(model.clock.time(review.at))</p></div>
        """)
    }
    for opinion in c.opinions {
      let answer: HTML =
        opinion.answer.map {
          "<p>\(opinion.agrees == true ? context.t("同意：", "Agrees: ") : context.t("不同意：", "Disagrees: "))\($0)</p>"
        } ?? "<p class=\"meta\">\(context.t("待答复，", "Open, due "))\(opinion.dueDate.iso)</p>"
      blocks.append(
        """
        <div class="card"><h3>\(context.t("并联意见", "Opinion")) · \(model.names.department(opinion.departmentID))</h3>\
        <p>\(opinion.question)</p>\(answer)</div>
        """)
    }
    for handover in c.handovers {
      blocks.append(
        """
        <div class="card"><h3>\(context.t("移交", "Handed over"))：\(model.names.department(handover.fromDepartmentID)) → \
        \(model.names.department(handover.toDepartmentID))</h3><p>\(handover.reason)</p></div>
        """)
    }
    if let decision = c.decision {
      blocks.append(
        """
        <div class="card" id="decision"><h3>\(context.t(c.item.decisionName(approved: decision.approved)))</h3>\
        \(decision.reason.isEmpty ? .empty : "<p>\(decision.reason)</p>" as HTML)<p class="meta">\(model.clock.time(decision.at))</p>\
        \(c.resultFile.map { "<p>\(context.t("电子结果：", "Electronic result: "))<a href=\"\(Links.caseFile(c.number, $0.fileID))\" target=\"_blank\">\($0.name)</a></p>" as HTML } ?? .empty)</div>
        """)
    }
    if let refusal = c.refusal {
      blocks.append(
        "<div class=\"card\"><h3>\(context.t("不予受理", "Refused"))</h3><p>\(refusal.reason)</p><p class=\"meta\">\(refusal.legalBasis)</p></div>"
      )
    }
    if let delivery = c.delivery {
      let text: String =
        switch delivery {
        case .pickup(let receiver, _): context.t("窗口领取，领取人 \(receiver)（已核验证件）", "Picked up by \(receiver) (ID checked)")
        case .mail(let carrier, let number): context.t("邮寄：\(carrier) \(number)", "Mailed: \(carrier) \(number)")
        case .electronic: context.t("电子送达", "Electronic")
        }
      blocks.append(
        "<div class=\"card\" id=\"delivered\"><h3>\(context.t("已出件", "Delivered"))</h3><p>\(text)</p></div>")
    }
    guard !blocks.isEmpty else { return .empty }
    return "<h2>\(context.t("办理情况", "Progress"))</h2><div class=\"cards\">\(blocks)</div>"
  }

  private static func trail(_ model: Model, _ context: PageContext) -> HTML {
    let rows = model.events.map { event -> HTML in
      """
      <tr id="event-\(event.sequence)"><td>\(event.sequence)</td><td>\(model.clock.time(event.at))</td><td>\(context.t(event.step.name))</td>\
      <td>\(event.fromState.map { context.t($0.name) } ?? "—") → \(context.t(event.toState.name))</td>\
      <td>\(event.actorName)</td><td><code title="\(event.hash)">\(String(event.hash.prefix(10)))</code></td></tr>
      """
    }
    return """
      <h2>\(context.t("全程留痕", "Trail"))</h2>
      <table id="trail"><thead><tr><th>#</th><th>\(context.t("时间", "Time"))</th><th>\(context.t("环节", "Step"))</th>\
      <th>\(context.t("状态", "State"))</th><th>\(context.t("经办人", "By"))</th><th>\(context.t("校验值", "Hash"))</th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
  }
}
