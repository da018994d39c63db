import OneWindowDomain

/// Reads the item form (`ItemFormPage`) into a `ServiceItem`. Values that are not even numbers become field
/// errors here; the item's own rules are `ItemValidator`'s.
struct ItemForm {
  let fields: [String: String]

  func value(_ name: String) -> String {
    (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func on(_ name: String) -> Bool { fields[name] == "on" }

  /// The item, and the errors of fields that could not be read.
  /// A blank field is unknown (see `ItemElement`): the item may be saved as a draft, but not published.
  func item(existingCode: String?) -> (ServiceItem, [ValidationError]) {
    var errors: [ValidationError] = []
    var unknown: Set<ItemElement> = []
    func integer(_ name: String, _ zh: String, _ en: String, _ element: ItemElement) -> Int {
      let raw = value(name)
      if raw.isEmpty {
        unknown.insert(element)
        return 0
      }
      guard let number = Int(raw) else {
        errors.append(ValidationError(field: name, zh: "\(zh)应填整数。", en: "\(en) must be a whole number."))
        return 0
      }
      return number
    }
    var handling: [RegionLevel: HandlingMode] = [:]
    for level in RegionLevel.allCases {
      if let mode = HandlingMode(rawValue: value("handling_\(level.rawValue)")) { handling[level] = mode }
    }
    if handling.isEmpty {
      errors.append(
        ValidationError(field: "levels", zh: "请至少为一个层级选择办理模式。", en: "Choose how at least one level handles the item."))
    }
    var item = ServiceItem(
      code: existingCode ?? value("code").uppercased(), name: value("name"),
      type: ItemType(rawValue: value("type")) ?? .publicService,
      departmentID: value("department_id"), levels: Set(handling.keys),
      caseKind: CaseKind(rawValue: value("case_kind")) ?? .promised,
      legalLimitDays: integer("legal_limit_days", "法定时限", "The legal limit", .legalLimit),
      promisedLimitDays: integer("promised_limit_days", "承诺时限", "The promised limit", .promisedLimit),
      visits: integer("visits", "到现场次数", "Visits", .visits), onlineDepth: Int(value("online_depth")) ?? 1,
      visitReason: value("visit_reason"),
      serviceObjects: Set(ServiceObject.allCases.filter { on("object_\($0.rawValue)") }),
      themes: Set(ItemTheme.allCases.filter { on("theme_\($0.rawValue)") }), conditions: value("conditions"),
      legalBasis: value("legal_basis"),
      deliveryModes: Set(DeliveryMode.allCases.filter { on("delivery_\($0.rawValue)") }),
      acceptanceScope: AcceptanceScope(rawValue: value("acceptance_scope")) ?? .county, handling: handling,
      resultName: value("result_name"), inquiryPhone: value("inquiry_phone"),
      supervisionPhone: value("supervision_phone"), hallExceptionReason: value("hall_exception_reason"),
      aliases: ListText.items(value("aliases")))
    item.implementationCode = value("implementation_code").uppercased()
    let mainCode = value("main_item_code").uppercased()
    if !mainCode.isEmpty || !value("main_item_name").isEmpty {
      item.mainItem = MainItem(code: mainCode, name: value("main_item_name"))
    }
    item.onLivelihoodList = yesNo("on_livelihood_list", &errors)
    item.kioskReady = yesNo("kiosk_ready", &errors)
    item.fee = fee(&errors)
    item.materials = materials(&errors)
    item.steps = steps(&errors)
    if CaseKind(rawValue: value("case_kind")) == nil { unknown.insert(.caseKind) }
    // An immediate item has no promised limit: a blank there says nothing is missing.
    if item.caseKind == .immediate, !unknown.contains(.caseKind) { unknown.remove(.promisedLimit) }
    if Int(value("online_depth")) == nil { unknown.insert(.onlineDepth) }
    if item.serviceObjects.isEmpty { unknown.insert(.serviceObjects) }
    if item.deliveryModes.isEmpty { unknown.insert(.deliveryModes) }
    if value("fee_amount").isEmpty { unknown.insert(.fee) }
    if item.materials.isEmpty, !on("no_materials") { unknown.insert(.materials) }
    item.unknown = unknown
    return (item, errors)
  }

  /// "yes", "no", or blank for unknown.
  private func yesNo(_ name: String, _ errors: inout [ValidationError]) -> Bool? {
    switch value(name) {
    case "": return nil
    case "yes": return true
    case "no": return false
    default:
      errors.append(ValidationError(field: name, zh: "请选择“是”“否”或“未知”。", en: "Choose yes, no or unknown."))
      return nil
    }
  }

  private func fee(_ errors: inout [ValidationError]) -> Fee? {
    let amount = value("fee_amount")
    let basis = value("fee_basis")
    guard !amount.isEmpty, !Fee.freeWords.contains(amount) else {
      if !basis.isEmpty {
        errors.append(
          ValidationError(field: "fee_amount", zh: "填写了收费依据，请同时填写收费金额。", en: "Enter the amount for this fee basis."))
      }
      return nil
    }
    guard let fen = Fee.fen(fromYuan: amount) else {
      errors.append(
        ValidationError(
          field: "fee_amount", zh: "收费金额应为数字，如 20 或 12.50；不收费请填“不收费”。",
          en: "Enter the fee as a number such as 20 or 12.50, or 不收费 when free."))
      return nil
    }
    return Fee(amountFen: fen, basis: basis)
  }

  private func materials(_ errors: inout [ValidationError]) -> [Material] {
    var result: [Material] = []
    var index = 0
    while fields["material_name_\(index)"] != nil {
      defer { index += 1 }
      let name = value("material_name_\(index)")
      let standard = value("material_standard_\(index)")
      if name.isEmpty && standard.isEmpty { continue }
      let copiesText = value("material_copies_\(index)")
      let copies = Int(copiesText.isEmpty ? "1" : copiesText)
      if copies == nil {
        errors.append(
          ValidationError(
            field: "materials.\(result.count + 1).copies", zh: "第 \(result.count + 1) 项材料的份数应填整数。",
            en: "Material \(result.count + 1): copies must be a whole number."))
      }
      result.append(
        Material(
          name: name, required: on("material_required_\(index)"), deferrable: on("material_deferrable_\(index)"),
          form: MaterialForm(rawValue: value("material_form_\(index)")) ?? .original, copies: copies ?? 1,
          source: MaterialSource(rawValue: value("material_source_\(index)")) ?? .applicant, standard: standard))
    }
    return result
  }

  private func steps(_ errors: inout [ValidationError]) -> [ProcessStep] {
    var result: [ProcessStep] = []
    var index = 0
    while fields["step_name_\(index)"] != nil {
      defer { index += 1 }
      let name = value("step_name_\(index)")
      let limitText = value("step_limit_\(index)")
      if name.isEmpty && (limitText.isEmpty || limitText == "0") { continue }
      let limit = Int(limitText.isEmpty ? "0" : limitText)
      if limit == nil {
        errors.append(
          ValidationError(
            field: "steps.\(result.count + 1).limit_days", zh: "第 \(result.count + 1) 个环节的时限应填整数。",
            en: "Step \(result.count + 1): the limit must be a whole number."))
      }
      result.append(
        ProcessStep(name: name, role: StepRole(rawValue: value("step_role_\(index)")) ?? .review, limitDays: limit ?? 0)
      )
    }
    return result
  }
}
