/// The consistency rules an item must meet before it is saved: the implementation list's own rules and those a
/// provincial data-quality checker applies (RULES.md). Every error names its field; all are reported at once.
public enum ItemValidator {
  /// Every problem of `item`. `departmentIDs`, when given, are the departments an item may name.
  public static func problems(of item: ServiceItem, departmentIDs: Set<String>? = nil) -> [ValidationError] {
    var errors: [ValidationError] = []
    func fail(_ field: String, _ zh: String, _ en: String) {
      errors.append(ValidationError(field: field, zh: zh, en: en))
    }

    if !ItemCode.isBasic(item.code) {
      fail(
        "code", "基本编码应为 12–14 位数字或大写字母。", "The basic code must be 12–14 digits or capital letters.")
    } else if ItemCode.isOwn(item.code), item.code.dropFirst(2).prefix(2) != item.type.rawValue {
      fail(
        "code", "基本编码第 3–4 位应为事项类型代码 \(item.type.rawValue)。",
        "Digits 3–4 of the code must be the item type \(item.type.rawValue).")
    }
    if !item.implementationCode.isEmpty, !ItemCode.isImplementation(item.implementationCode) {
      fail(
        "implementation_code", "实施编码应为不超过 64 位的数字、大写字母或连字符。",
        "The implementation code must be at most 64 digits, capital letters or hyphens.")
    }
    if let main = item.mainItem {
      if main.name.trimmed.isEmpty {
        fail("main_item_name", "填写了主项编码，请同时填写主项名称。", "Enter the main item's name with its code.")
      } else if main.name.count > 100 {
        fail("main_item_name", "主项名称不能超过 100 个字。", "The main item's name must be at most 100 characters.")
      }
      if !main.code.isEmpty, !ItemCode.isBasic(main.code) {
        fail(
          "main_item_code", "主项编码应为 12–14 位数字或大写字母。", "The main item's code must be 12–14 digits or capital letters.")
      }
    }
    if item.name.trimmed.isEmpty {
      fail("name", "请填写事项名称。", "Enter the item's name.")
    } else if item.name.count > 100 {
      fail("name", "事项名称不能超过 100 个字。", "The name must be at most 100 characters.")
    }
    if item.departmentID.isEmpty {
      fail("department_id", "请选择实施主体。", "Choose the implementing department.")
    } else if let departmentIDs, !departmentIDs.contains(item.departmentID) {
      fail("department_id", "实施主体不存在。", "No such implementing department.")
    }
    if item.levels.isEmpty {
      fail("levels", "请至少选择一个行使层级。", "Choose at least one level.")
    }
    checkLimits(item, fail)
    checkVisits(item, fail)
    checkHandling(item, fail)
    checkMaterials(item, fail)
    checkSteps(item, fail)
    if let fee = item.fee {
      if fee.amountFen <= 0 {
        fail("fee_amount", "收费金额应大于 0；不收费请填“不收费”。", "A fee must be above 0; enter 不收费 when free.")
      }
      if fee.basis.trimmed.isEmpty {
        fail("fee_basis", "收费事项须填写收费依据。", "A charged item needs its fee basis.")
      }
    }
    if item.deliveryModes.isEmpty, !item.unknown.contains(.deliveryModes) {
      fail("delivery_modes", "请至少选择一种送达方式。", "Choose at least one delivery mode.")
    }
    if item.serviceObjects.isEmpty, !item.unknown.contains(.serviceObjects) {
      fail("service_objects", "请至少选择一类服务对象。", "Choose at least one kind of applicant.")
    }
    return errors
  }

  /// Throws every problem of `item` at once.
  public static func validate(_ item: ServiceItem, departmentIDs: Set<String>? = nil) throws {
    let errors = problems(of: item, departmentIDs: departmentIDs)
    if !errors.isEmpty { throw ValidationErrors(errors) }
  }

  public static func duplicateCode(_ code: String) -> ValidationError {
    ValidationError(
      field: "code", zh: "基本编码 \(code) 已被其他事项使用。", en: "The code \(code) is already used by another item.")
  }

  private typealias Fail = (String, String, String) -> Void

  /// Rules about an unknown element are not checked: there is nothing to check until it is entered.
  private static func checkLimits(_ item: ServiceItem, _ fail: Fail) {
    let unknown = item.unknown
    if !unknown.contains(.legalLimit), item.legalLimitDays < 0 || item.legalLimitDays > 365 {
      fail("legal_limit_days", "法定时限应在 0–365 个工作日之间。", "The legal limit must be 0–365 working days.")
    }
    if item.promisedLimitDays < 0 {
      fail("promised_limit_days", "承诺时限不能为负数。", "The promised limit cannot be negative.")
    }
    guard !unknown.contains(.caseKind), !unknown.contains(.promisedLimit) else { return }
    switch item.caseKind {
    case .immediate:
      if item.promisedLimitDays != 0 {
        fail(
          "promised_limit_days", "即办件不设承诺时限，请填 0 或改为承诺件。",
          "An immediate item has no promised limit: enter 0 or make it a promised item.")
      }
    case .promised, .escalated:
      if item.promisedLimitDays == 0 {
        fail(
          "promised_limit_days", "承诺件须填写承诺时限；当场办结的请改为即办件。",
          "A promised item needs a promised limit; make it immediate if it is done on the spot.")
      }
      if !unknown.contains(.legalLimit), item.legalLimitDays > 0, item.promisedLimitDays > item.legalLimitDays {
        fail(
          "promised_limit_days", "承诺时限（\(item.promisedLimitDays) 个工作日）不能超过法定时限（\(item.legalLimitDays) 个工作日）。",
          "The promised limit (\(item.promisedLimitDays) days) cannot exceed the legal limit (\(item.legalLimitDays) days)."
        )
      }
    }
  }

  private static func checkVisits(_ item: ServiceItem, _ fail: Fail) {
    let unknown = item.unknown
    if unknown.contains(.visits) {
    } else if !(0...2).contains(item.visits) {
      fail("visits", "到现场次数只能是 0、1 或 2。", "On-site visits must be 0, 1 or 2.")
    } else if item.visits > 0, item.visitReason.trimmed.isEmpty {
      fail("visit_reason", "需要到现场的，请说明原因。", "Say why an on-site visit is needed.")
    }
    if unknown.contains(.onlineDepth) {
    } else if !(1...4).contains(item.onlineDepth) {
      fail("online_depth", "网上办理深度应为 1–4 级。", "The online depth must be 1–4.")
    } else if item.onlineDepth == 4, item.visits != 0, !unknown.contains(.visits) {
      fail("visits", "全程网办（四级深度）的事项到现场次数应为 0。", "A fully online item (depth 4) needs no visit.")
    }
    guard unknown.isDisjoint(with: [.visits, .onlineDepth, .deliveryModes]) else { return }
    if item.visits == 0, !item.isOnline, !item.deliveryModes.contains(.mail) {
      fail(
        "delivery_modes", "零跑动且不能网办的事项须提供邮寄送达。",
        "An item with no visit that cannot be done online must offer delivery by mail.")
    }
  }

  private static func checkHandling(_ item: ServiceItem, _ fail: Fail) {
    for (level, mode) in item.handling where !item.levels.contains(level) {
      fail(
        "handling_\(level.rawValue)",
        "该事项不在\(level.name.zh)行使，不能设置“\(mode.name.zh)”。",
        "The item is not exercised at the \(level.name.en.lowercased()) level, so it cannot be set to \(mode.name.en.lowercased())."
      )
    }
    for level in item.orderedLevels where item.handling[level] == nil {
      fail(
        "handling_\(level.rawValue)", "请选择\(level.name.zh)的办理模式。",
        "Choose how the \(level.name.en.lowercased()) level handles the item.")
    }
    if item.handling[.county] == .delegated {
      fail("handling_county", "县级事项不能委托给县级自身受理。", "A county item cannot be delegated to the county itself.")
    }
  }

  private static func checkMaterials(_ item: ServiceItem, _ fail: Fail) {
    var seen: Set<String> = []
    for (index, material) in item.materials.enumerated() {
      let field = "materials.\(index + 1)"
      if material.name.trimmed.isEmpty {
        fail("\(field).name", "第 \(index + 1) 项材料缺少名称。", "Material \(index + 1) has no name.")
      } else if !seen.insert(material.normalizedName).inserted {
        fail("\(field).name", "材料“\(material.name)”重复列出。", "The material \(material.name) is listed twice.")
      }
      if material.copies < 0 || material.copies > 20 {
        fail("\(field).copies", "第 \(index + 1) 项材料的份数应在 0–20 之间。", "Material \(index + 1): copies must be 0–20.")
      }
      if material.deferrable, !material.required {
        fail(
          "\(field).deferrable", "非必要材料无需设为容缺后补。",
          "An optional material cannot be marked as supplied later.")
      }
    }
  }

  private static func checkSteps(_ item: ServiceItem, _ fail: Fail) {
    for (index, step) in item.steps.enumerated() {
      if step.name.trimmed.isEmpty {
        fail("steps.\(index + 1).name", "第 \(index + 1) 个环节缺少名称。", "Step \(index + 1) has no name.")
      }
      if step.limitDays < 0 {
        fail("steps.\(index + 1).limit_days", "第 \(index + 1) 个环节的时限不能为负数。", "Step \(index + 1): negative limit.")
      }
    }
    let total = item.steps.reduce(0) { $0 + max($1.limitDays, 0) }
    if item.caseKind != .immediate, item.promisedLimitDays > 0, total > item.promisedLimitDays {
      fail(
        "steps", "各环节时限之和（\(total) 个工作日）超过承诺时限（\(item.promisedLimitDays) 个工作日）。",
        "The steps add up to \(total) working days, more than the promised \(item.promisedLimitDays).")
    }
  }
}

extension String {
  var trimmed: Substring {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
    return self[start..<max(start, end)]
  }
}
