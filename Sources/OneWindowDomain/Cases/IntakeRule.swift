/// What the clerk decides at the window after checking the materials.
public enum IntakeOutcome: Sendable, Hashable {
  /// 受理 (容缺受理 when some materials are marked deferred).
  case accept
  /// 告知承诺受理, with the date of the post-check.
  case acceptOnPledge(postCheckDue: CivilDate)
  /// 受理并当场办结 (即办件): accepted and approved in the same visit.
  case acceptAndDecide
  /// 一次性告知: every material marked missing goes on the notice.
  case correction
  /// 不予受理
  case refuse(reason: String, legalBasis: String)
}

/// The window's rules: whether a site may take an item in, and which steps an intake decision stands for.
public enum IntakeRule {
  /// How `site` takes `item` in on `date`: the handling mode of its level (with delegation agreements applied),
  /// or 通办 when the level does not exercise the item but its acceptance scope reaches the site.
  public static func route(
    of item: ServiceItem, at site: Site, department: Department, agreements: [DelegationAgreement], on date: CivilDate
  ) throws(ValidationError) -> IntakeRoute {
    let level = site.regionCode.level
    if let mode = HandlingRule.mode(of: item, at: level, in: site.regionCode, on: date, agreements: agreements) {
      return IntakeRoute(mode)
    }
    guard reaches(item.acceptanceScope, from: department.regionCode, to: site.regionCode) else {
      throw ValidationError(
        field: "item_code",
        zh: "「\(item.name)」不在\(level.name.zh)办理，其通办范围为\(item.acceptanceScope.name.zh)，本场所不能受理",
        en:
          "'\(item.name)' is not handled at \(level.name.en.lowercased()) level and its acceptance scope does not reach this site"
      )
    }
    return .acrossSites
  }

  /// Whether an acceptance scope starting at the department's region reaches a site's region.
  static func reaches(_ scope: AcceptanceScope, from origin: RegionCode, to site: RegionCode) -> Bool {
    let shared =
      switch scope {
      case .county: 6
      case .city: 4
      case .province: 2
      case .crossProvince: 0
      }
    return origin.value.prefix(shared) == site.value.prefix(shared)
  }

  /// The steps an intake decision stands for, after the checklist has been checked against it. Every problem is
  /// named by its field (`material_N` for the N-th line of the checklist, counted from 0).
  public static func actions(
    for outcome: IntakeOutcome, checklist: [CaseMaterial], kind: CaseKind, deficiencyDue: CivilDate?
  ) throws(ValidationErrors) -> [CaseAction] {
    var errors: [ValidationError] = []
    let deferred = checklist.enumerated().filter { $0.element.status == .deferred }
    for (index, material) in deferred where !material.deferrable {
      errors.append(
        ValidationError(
          field: "material_\(index)", zh: "「\(material.name)」不允许容缺受理",
          en: "'\(material.name)' may not be deferred"))
    }
    func requireComplete() {
      for (index, material) in checklist.enumerated() where material.required && material.status == .missing {
        errors.append(
          ValidationError(
            field: "material_\(index)", zh: "「\(material.name)」未收齐：请出具一次性告知书补正，或按容缺受理",
            en: "'\(material.name)' is missing: issue a correction notice, or defer it"))
      }
    }
    var actions: [CaseAction] = []
    switch outcome {
    case .accept, .acceptAndDecide:
      requireComplete()
      if outcome == .acceptAndDecide && kind != .immediate {
        errors.append(
          ValidationError(
            field: "outcome", zh: "只有即办件可以当场办结", en: "Only immediate items are decided on the spot"))
      }
      if deferred.isEmpty {
        actions.append(.accept(.standard))
      } else if let deficiencyDue {
        actions.append(.accept(.withDeficiency(materials: deferred.map(\.element.name), dueDate: deficiencyDue)))
      } else {
        errors.append(
          ValidationError(
            field: "deficiency_due", zh: "请填写容缺材料的补齐期限", en: "Give the date the deferred materials are due"))
      }
      if outcome == .acceptAndDecide { actions.append(.decide(approved: true, reason: "")) }
    case .acceptOnPledge(let due):
      requireComplete()
      if !deferred.isEmpty {
        errors.append(
          ValidationError(
            field: "outcome", zh: "告知承诺受理不能同时容缺", en: "An acceptance on pledge cannot also defer materials"))
      }
      actions.append(.accept(.onPledge(postCheckDue: due)))
    case .correction:
      let missing = checklist.enumerated().filter { $0.element.status == .missing }
      if missing.isEmpty {
        errors.append(
          ValidationError(
            field: "materials", zh: "一次性告知书应列出需要补正的材料：请把缺少或不符合要求的材料标为「缺少/需补正」",
            en: "Mark every missing or wrong material for the correction notice"))
      }
      for (index, material) in missing where material.problem.trimmed.isEmpty {
        errors.append(
          ValidationError(
            field: "material_\(index)_problem", zh: "请写明「\(material.name)」缺少什么或哪里不符合要求",
            en: "Say what is missing or wrong with '\(material.name)'"))
      }
      actions.append(
        .issueCorrection(
          items: missing.map {
            CorrectionNotice.Item(material: $0.element.name, problem: String($0.element.problem.trimmed))
          },
          reasonForAnother: nil))
    case .refuse(let reason, let legalBasis):
      if reason.trimmed.isEmpty {
        errors.append(ValidationError(field: "reason", zh: "请填写不予受理的理由", en: "Give the reason for refusing"))
      }
      if legalBasis.trimmed.isEmpty {
        errors.append(ValidationError(field: "legal_basis", zh: "请填写不予受理的法律依据", en: "Give the legal basis"))
      }
      actions.append(.refuse(reason: String(reason.trimmed), legalBasis: String(legalBasis.trimmed)))
    }
    guard errors.isEmpty else { throw ValidationErrors(errors) }
    return actions
  }
}
