import Foundation

/// The case lifecycle of DESIGN.md as one pure function: a case, a step, an actor and a time in,
/// the next case out, or a `CaseError` and no change.
public enum CaseStateMachine {
  /// The states each step may be taken from. `decide` from `accepted` only for immediate items.
  public static func states(for step: CaseStep, kind: CaseKind) -> Set<CaseState> {
    switch step {
    case .create: []
    case .submit: [.draft]
    case .uploadScans: [.draft, .correcting]
    case .checkMaterials: [.submitted, .correcting]
    case .correction: [.submitted]
    case .resubmit: [.correcting]
    case .accept: [.submitted]
    case .refuse: [.submitted, .correcting]
    case .startReview: [.accepted]
    case .review, .requestOpinion, .giveOpinion: [.inReview]
    case .decide:
      kind == .immediate ? [.accepted, .inReview] : kind == .escalated ? [.escalated] : [.inReview, .escalated]
    case .issueResult: [.decided]
    case .supplyMaterials: [.accepted, .inReview, .suspended, .escalated, .decided]
    // A pledge is checked whenever the check is made: before the decision, or after the result went out.
    case .postCheck: [.accepted, .inReview, .suspended, .escalated, .decided, .concluded]
    case .deliver: [.decided]
    case .withdraw: [.draft, .submitted, .correcting, .accepted, .inReview, .suspended, .escalated]
    case .suspend: [.accepted, .inReview]
    case .resume: [.suspended]
    case .escalate: kind == .immediate ? [] : [.accepted, .inReview]
    case .transfer: [.accepted, .inReview]
    }
  }

  /// The permissions that allow a step (any one of them).
  public static func permissions(for step: CaseStep, kind: CaseKind) -> [Permission] {
    switch step {
    case .create, .submit, .uploadScans, .resubmit, .withdraw: [.intakeCases, .proxyApply]
    case .checkMaterials, .correction, .accept, .refuse, .supplyMaterials: [.intakeCases]
    case .decide: kind == .immediate ? [.intakeCases, .reviewCases] : [.reviewCases]
    case .startReview, .review, .requestOpinion, .giveOpinion, .suspend, .resume, .escalate, .transfer, .postCheck:
      [.reviewCases]
    case .deliver: [.deliverResults]
    case .issueResult: [.reviewCases, .deliverResults]
    }
  }

  /// Applies `action` to `serviceCase`, or throws and changes nothing.
  public static func apply(
    _ action: CaseAction, to serviceCase: ServiceCase, by actor: CaseActor, at now: Date,
    rule: DeadlineRule = DeadlineRule()
  ) throws(CaseError) -> ServiceCase {
    let step = action.name
    guard states(for: step, kind: serviceCase.item.kind).contains(serviceCase.state) else {
      throw .illegalStep(step, serviceCase.state)
    }
    try authorize(step, action, on: serviceCase, by: actor)
    var next = serviceCase
    next.version += 1
    do {
      try transition(action, &next, actor: actor, now: now, rule: rule)
    } catch let error as ValidationError {
      throw .invalid(error)
    } catch let error as CaseError {
      throw error
    } catch {
      throw .invalid(ValidationError(field: "body", zh: "请求无效", en: "Invalid request"))
    }
    return next
  }

  /// The steps an applicant takes on their own online case.
  public static let applicantSteps: Set<CaseStep> = [.submit, .uploadScans, .resubmit, .withdraw]

  private static func authorize(
    _ step: CaseStep, _ action: CaseAction, on serviceCase: ServiceCase, by actor: CaseActor
  )
    throws(CaseError)
  {
    if let citizen = actor.citizen {
      guard serviceCase.citizenID == citizen.id else {
        throw .forbidden(LocalizedText(zh: "只能办理本人的申请", en: "Only your own applications"))
      }
      guard applicantSteps.contains(step) else {
        throw .forbidden(LocalizedText(zh: "这一步由工作人员办理", en: "Staff take this step"))
      }
      return
    }
    var target = serviceCase.scope
    if let proxy = serviceCase.proxy, proxy.agentID == actor.id, CaseStateMachine.agentSteps.contains(step) {
      // The agent acts from the station, on the case they filed.
      target = proxy.stationScope
    }
    if case .giveOpinion(let departmentID, _, _) = action {
      // The asked department answers, wherever the case was accepted.
      target = Scope(regionCode: serviceCase.regionCode, departmentID: departmentID)
    }
    try requireAny(permissions(for: step, kind: serviceCase.item.kind), of: actor, in: target)
    if let power = chiefPowerNeeded(for: step, by: actor, on: serviceCase),
      !actor.chiefPowers.holds(power, for: serviceCase.departmentID)
    {
      throw .forbidden(
        LocalizedText(
          zh: "您没有本部门有效的首席代表授权（\(power.name.zh)），不能\(step == .decide ? "作出审批决定" : "上报")",
          en: "You hold no valid chief representative authorisation (\(power.name.en.lowercased())) of this department")
      )
    }
  }

  /// The 首席代表 power a step needs (seeds 002, 004): a reviewer's decision needs 审批决定权 and sending a case upward
  /// 审批上报权, of the case's department. A window clerk settling an immediate item on the spot needs none, and the
  /// decision on an escalated case is the upper level's, recorded here.
  static func chiefPowerNeeded(for step: CaseStep, by actor: CaseActor, on serviceCase: ServiceCase) -> ChiefPower? {
    guard let staff = actor.staff, staff.role == .reviewer else { return nil }
    switch step {
    case .decide: return serviceCase.state == .escalated ? nil : .decide
    case .escalate: return .report
    default: return nil
    }
  }

  /// One switch, read as the lifecycle table: what each step checks and changes.
  private static func transition(
    _ action: CaseAction, _ c: inout ServiceCase, actor: CaseActor, now: Date, rule: DeadlineRule
  )
    throws
  {
    let today = rule.civilDate(of: now)
    switch action {
    case .submit:
      c.state = .submitted
      c.submittedAt = now

    case .uploadScans(let checks):
      guard checks.contains(where: { !$0.attachments.isEmpty }) else {
        throw ValidationError(field: "materials", zh: "请选择要上传的文件", en: "Choose the files to upload")
      }
      guard let intake = c.intake else {
        throw ValidationError(field: "materials", zh: "本件没有材料清单", en: "The case has no checklist")
      }
      c.intake?.materials = try intake.adding(checks)

    case .checkMaterials(let checks):
      guard !checks.isEmpty else {
        throw ValidationError(field: "materials", zh: "请逐项核验申请材料", en: "Check each material")
      }
      guard let intake = c.intake else {
        throw ValidationError(field: "materials", zh: "本件登记时没有材料清单", en: "The case was registered without a checklist")
      }
      c.intake?.materials = try intake.applying(checks)

    case .issueCorrection(let items, let reasonForAnother):
      guard !items.isEmpty else {
        throw ValidationError(field: "items", zh: "请列出需要补正的全部材料", en: "List every material to correct")
      }
      for (index, item) in items.enumerated() {
        try required(item.material, "items[\(index)].material", "材料名称", "material")
        try required(item.problem, "items[\(index)].problem", "补正要求", "what is wrong")
      }
      let reason = reasonForAnother?.trimmingCharacters(in: .whitespaces)
      if !c.notices.isEmpty {
        guard let reason, !reason.isEmpty else {
          throw ValidationError(
            field: "reason_for_another", zh: "一次性告知已发出过，再次告知须说明理由（将报电子监察）",
            en: "A notice was already issued; another one needs a reason (it is flagged to supervision)")
        }
        c.flags.append(SupervisionFlag(code: "second_correction_notice", note: reason, at: now))
      }
      let materials = c.intake?.materials ?? []
      let scans = Dictionary(
        items.compactMap { item in materials.first { $0.name == item.material }.map { ($0.name, $0.attachments.count) }
        },
        uniquingKeysWith: { first, _ in first })
      c.notices.append(
        CorrectionNotice(
          items: items, issuedAt: now, issuedBy: actor.id, reasonForAnother: c.notices.isEmpty ? nil : reason,
          scansAtIssue: scans))
      c.state = .correcting

    case .resubmit:
      // The applicant (or their agent) sends the corrected materials; a clerk rechecking at the window judges the
      // papers in hand and records that in the checklist instead.
      if actor.citizen != nil || c.proxy?.agentID == actor.id, let notice = c.notices.last {
        let owed = notice.unanswered(in: c.intake?.materials ?? [])
        guard owed.isEmpty else {
          throw ValidationError(
            field: "materials", zh: "一次性告知要求补正的材料尚未上传：\(owed.joined(separator: "、"))",
            en: "Upload the corrected materials first: \(owed.joined(separator: ", "))")
        }
      }
      c.state = .submitted
      c.submittedAt = now

    case .accept(let form):
      switch form {
      case .standard: break
      case .withDeficiency(let materials, let dueDate):
        guard !materials.isEmpty, materials.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
          throw ValidationError(field: "materials", zh: "请列出容缺的材料", en: "List the missing materials")
        }
        guard dueDate > today else {
          throw ValidationError(field: "due_date", zh: "容缺补齐期限应晚于今天", en: "The due date must be after today")
        }
        c.deficiency = Deficiency(materials: materials, dueDate: dueDate)
      case .onPledge(let postCheckDue):
        guard postCheckDue > today else {
          throw ValidationError(field: "post_check_due", zh: "核查期限应晚于今天", en: "The post-check date must be after today")
        }
        c.postCheckDue = postCheckDue
      }
      c.acceptance = form
      c.acceptedAt = now
      c.clockStart = now
      c.state = .accepted

    case .refuse(let reason, let legalBasis):
      try required(reason, "reason", "不予受理理由", "reason")
      try required(legalBasis, "legal_basis", "法律依据", "legal basis")
      c.refusal = Refusal(reason: reason, legalBasis: legalBasis)
      c.state = .refused
      c.concludedAt = now

    case .startReview:
      c.state = .inReview

    case .review(let step, let opinion, let approved):
      guard let stage = ReviewStage(name: step) else {
        throw ValidationError(field: "step", zh: "环节应为「审查」或「核准」", en: "The step is examination or approval")
      }
      if stage == .approve, !c.reviews.contains(where: { $0.stage == .examine && $0.approved }) {
        throw ValidationError(
          field: "step", zh: "请先完成审查（一审），再作核准（一核）", en: "The case is examined before it is approved")
      }
      if let refusal = stage.refusal(for: actor.id, after: c.reviews) { throw CaseError.forbidden(refusal) }
      try required(opinion, "opinion", "审核意见", "opinion")
      c.reviews.append(
        ReviewStep(step: stage.rawValue, opinion: opinion, approved: approved, by: actor.id, at: now))

    case .requestOpinion(let departmentID, let question, let dueWorkdays):
      try required(departmentID, "department_id", "征求意见的部门", "department")
      guard departmentID != c.departmentID else {
        throw ValidationError(field: "department_id", zh: "不能向本部门征求并联意见", en: "Ask another department")
      }
      guard !c.opinions.contains(where: { $0.departmentID == departmentID && $0.isOpen }) else {
        throw ValidationError(field: "department_id", zh: "已向该部门征求意见，尚未答复", en: "That department has not answered yet")
      }
      try required(question, "question", "征求意见事项", "question")
      guard (1...30).contains(dueWorkdays) else {
        throw ValidationError(field: "due_workdays", zh: "答复时限应为 1–30 个工作日", en: "The reply limit is 1–30 working days")
      }
      c.opinions.append(
        OpinionRequest(
          departmentID: departmentID, question: question, dueDate: rule.calendar.workday(dueWorkdays, after: today),
          requestedAt: now))

    case .giveOpinion(let departmentID, let answer, let agrees):
      guard let index = c.opinions.firstIndex(where: { $0.departmentID == departmentID && $0.isOpen }) else {
        throw ValidationError(
          field: "department_id", zh: "该部门没有待出具的意见", en: "No open opinion request for that department")
      }
      try required(answer, "answer", "意见内容", "answer")
      c.opinions[index].answer = answer
      c.opinions[index].agrees = agrees
      c.opinions[index].answeredBy = actor.id
      c.opinions[index].answeredAt = now

    case .decide(let approved, let reason):
      if !approved {
        try required(reason, "reason", "\(c.item.decisionName(approved: false).zh)的理由", "reason for the denial")
      }
      guard !c.opinions.contains(where: \.isOpen) else {
        throw ValidationError(field: "opinions", zh: "尚有并联意见未答复，不能作出决定", en: "Opinions are still open")
      }
      if approved, let check = c.postCheck, !check.pledgeKept {
        throw ValidationError(
          field: "approved", zh: "事后核查发现申请人承诺不实，不能\(c.item.decisionName(approved: true).zh)",
          en: "The post-check found the applicant's pledge false; the case cannot be approved")
      }
      c.decision = Decision(approved: approved, reason: reason, by: actor.id, at: now)
      c.state = .decided

    case .issueResult(let file):
      guard c.decision?.approved == true else {
        throw ValidationError(
          field: "result_file", zh: "\(c.item.decisionName(approved: false).zh)的办件没有电子结果",
          en: "A denied case has no result to issue")
      }
      c.resultFile = file

    case .supplyMaterials:
      guard c.awaitsDeficientMaterials else {
        throw ValidationError(field: "materials", zh: "本件没有待补齐的容缺材料", en: "No missing materials are outstanding")
      }
      c.deficiency?.suppliedAt = now
      for index in c.intake?.materials.indices ?? 0..<0 where c.intake?.materials[index].status == .deferred {
        c.intake?.materials[index].status = .received
      }

    case .postCheck(let finding, let pledgeKept, let legalBasis):
      guard c.postCheckDue != nil else {
        throw ValidationError(field: "finding", zh: "本件不是告知承诺受理，无需事后核查", en: "The case was not accepted on pledge")
      }
      guard c.postCheck == nil else {
        throw ValidationError(field: "finding", zh: "本件已完成事后核查", en: "The post-check is already recorded")
      }
      try required(finding, "finding", "核查情况", "finding")
      if !pledgeKept {
        try required(legalBasis, "legal_basis", "承诺不实的处理依据", "legal basis")
        c.flags.append(SupervisionFlag(code: "false_pledge", note: finding, at: now))
      }
      c.postCheck = PostCheck(
        finding: finding, pledgeKept: pledgeKept, legalBasis: pledgeKept ? "" : legalBasis, by: actor.id, at: now,
        revocationStarted: !pledgeKept && c.decision?.approved == true)

    case .deliver(let delivery):
      guard !c.awaitsDeficientMaterials else {
        throw ValidationError(
          field: "materials", zh: "容缺材料尚未补齐，不能出件",
          en: "Missing materials are outstanding; the result cannot be delivered")
      }
      switch delivery {
      case .pickup(let receiver, let idChecked):
        try required(receiver, "receiver", "领取人", "receiver")
        guard idChecked else {
          throw ValidationError(field: "id_checked", zh: "请核验领取人身份证件", en: "Check the receiver's ID")
        }
      case .mail(let carrier, let trackingNumber):
        try required(carrier, "carrier", "快递公司", "carrier")
        try required(trackingNumber, "tracking_number", "运单号", "tracking number")
      case .electronic:
        guard c.resultFile != nil || c.decision?.approved == false else {
          throw ValidationError(
            field: "mode", zh: "尚未出具电子结果，不能电子送达", en: "Issue the electronic result before delivering it electronically")
        }
      }
      c.delivery = delivery
      c.state = .concluded
      c.concludedAt = now

    case .withdraw(let reason):
      try required(reason, "reason", "撤回理由", "reason")
      closeOpenPause(&c, at: now)
      c.withdrawalReason = reason
      c.state = .withdrawn
      c.concludedAt = now

    case .suspend(let kind, let reason, let plannedWorkdays):
      try required(reason, "reason", "挂起理由", "reason")
      if let plannedWorkdays, !(1...365).contains(plannedWorkdays) {
        throw ValidationError(
          field: "planned_workdays", zh: "预计时长应为 1–365 个工作日", en: "The planned length is 1–365 working days")
      }
      c.pauses.append(ClockPause(kind: kind, reason: reason, start: now, plannedWorkdays: plannedWorkdays))
      c.suspendedFrom = c.state
      c.state = .suspended

    case .resume:
      closeOpenPause(&c, at: now)
      c.state = c.suspendedFrom ?? .inReview
      c.suspendedFrom = nil

    case .escalate(let to, let reason, let limitDays):
      try required(to, "to_department_id", "上级部门", "upper-level department")
      guard to != c.departmentID else {
        throw ValidationError(field: "to_department_id", zh: "上报部门不能是本部门", en: "Escalate to another department")
      }
      try required(reason, "reason", "上报理由", "reason")
      guard (1...60).contains(limitDays) else {
        throw ValidationError(
          field: "limit_days", zh: "上级办理时限应为 1–60 个工作日", en: "The upper level's limit is 1–60 working days")
      }
      c.handovers.append(Handover(fromDepartmentID: c.departmentID, toDepartmentID: to, reason: reason, at: now))
      c.departmentID = to
      c.limitDays = limitDays
      c.clockStart = now
      c.state = .escalated

    case .transfer(let to, let reason):
      try required(to, "to_department_id", "转办部门", "department")
      guard to != c.departmentID else {
        throw ValidationError(field: "to_department_id", zh: "转办部门不能是本部门", en: "Transfer to another department")
      }
      try required(reason, "reason", "转办理由", "reason")
      c.handovers.append(Handover(fromDepartmentID: c.departmentID, toDepartmentID: to, reason: reason, at: now))
      c.departmentID = to
    }
  }

  private static func closeOpenPause(_ c: inout ServiceCase, at now: Date) {
    if let index = c.pauses.lastIndex(where: { $0.end == nil }) { c.pauses[index].end = now }
  }

  private static func required(_ value: String, _ field: String, _ zh: String, _ en: String) throws(ValidationError) {
    guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw ValidationError(field: field, zh: "请填写\(zh)", en: "Enter the \(en)")
    }
  }
}

extension CaseStateMachine {
  /// What a proxy agent does on the cases they filed: send, upload, send again, withdraw.
  public static let agentSteps: Set<CaseStep> = [.submit, .uploadScans, .resubmit, .withdraw]

  /// Registering a case: a window clerk inside the accepting site's scope, a proxy agent at their station.
  public static func authorizeCreation(of serviceCase: ServiceCase, by actor: CaseActor) throws(CaseError) {
    if let proxy = serviceCase.proxy {
      guard proxy.agentID == actor.id else {
        throw .forbidden(LocalizedText(zh: "只有本站帮办代办员可以代为申请", en: "Only the station's agent files for residents"))
      }
      try requireAny([.proxyApply], of: actor, in: proxy.stationScope)
      return
    }
    if let citizen = actor.citizen {
      guard serviceCase.channel == .online, serviceCase.citizenID == citizen.id else {
        throw .forbidden(LocalizedText(zh: "只能在网上为本人申请", en: "Apply online, for yourself"))
      }
      return
    }
    let target = Scope(regionCode: serviceCase.regionCode, siteID: serviceCase.siteID)
    try requireAny(permissions(for: .create, kind: serviceCase.item.kind), of: actor, in: target)
  }

  /// Passes when any one of `permissions` is allowed; else forbidden with the last reason given.
  static func requireAny(_ permissions: [Permission], of actor: CaseActor, in target: Scope) throws(CaseError) {
    var lastDenial = LocalizedText(zh: "无权操作", en: "Not allowed")
    guard let staff = actor.staff else { throw .forbidden(lastDenial) }
    for permission in permissions {
      switch Authorization.decide(staff, permission, in: target) {
      case .allowed: return
      case .denied(let reason): lastDenial = reason
      }
    }
    throw .forbidden(lastDenial)
  }
}

extension CaseStateMachine {
  /// The steps `actor` may take on the case now (state and permission), for the screens to offer.
  /// A step may still fail on its fields; `giveOpinion` is offered to a department with an open request.
  public static func available(to actor: CaseActor, on serviceCase: ServiceCase) -> [CaseStep] {
    CaseStep.allCases.filter { step in
      guard step != .create, states(for: step, kind: serviceCase.item.kind).contains(serviceCase.state) else {
        return false
      }
      if let citizen = actor.citizen {
        return serviceCase.citizenID == citizen.id && applicantSteps.contains(step)
      }
      var target = serviceCase.scope
      if step == .giveOpinion {
        guard let department = actor.staff?.scope.departmentID,
          serviceCase.opinions.contains(where: { $0.departmentID == department && $0.isOpen })
        else { return false }
        target = Scope(regionCode: serviceCase.regionCode, departmentID: department)
      }
      if step == .supplyMaterials && !serviceCase.awaitsDeficientMaterials { return false }
      if step == .postCheck && !serviceCase.awaitsPostCheck { return false }
      if let proxy = serviceCase.proxy, proxy.agentID == actor.id, agentSteps.contains(step) {
        target = proxy.stationScope
      }
      if let power = chiefPowerNeeded(for: step, by: actor, on: serviceCase),
        !actor.chiefPowers.holds(power, for: serviceCase.departmentID)
      {
        return false
      }
      return (try? requireAny(permissions(for: step, kind: serviceCase.item.kind), of: actor, in: target)) != nil
    }
  }
}
