/// An element of an item's guide that its source may leave blank. A blank is unknown, never a fact: an item
/// imported without its limits, visits, fee or materials is kept as a draft that names what is missing, and is
/// not published (nor shown to the public as "零跑动", "不收费" or "0 个工作日") until someone enters it.
public enum ItemElement: String, Sendable, Codable, CaseIterable, Comparable {
  case caseKind
  case legalLimit
  case promisedLimit
  case visits
  case onlineDepth
  case serviceObjects
  case deliveryModes
  case fee
  case materials

  public var name: LocalizedText {
    switch self {
    case .caseKind: LocalizedText(zh: "办件类型", en: "Case kind")
    case .legalLimit: LocalizedText(zh: "法定时限", en: "Legal limit")
    case .promisedLimit: LocalizedText(zh: "承诺时限", en: "Promised limit")
    case .visits: LocalizedText(zh: "到现场次数", en: "On-site visits")
    case .onlineDepth: LocalizedText(zh: "网上办理深度", en: "Online depth")
    case .serviceObjects: LocalizedText(zh: "服务对象", en: "Service objects")
    case .deliveryModes: LocalizedText(zh: "送达方式", en: "Delivery modes")
    case .fee: LocalizedText(zh: "收费", en: "Fee")
    case .materials: LocalizedText(zh: "申请材料", en: "Materials")
    }
  }

  /// The item form's field that enters the element.
  public var field: String {
    switch self {
    case .caseKind: "case_kind"
    case .legalLimit: "legal_limit_days"
    case .promisedLimit: "promised_limit_days"
    case .visits: "visits"
    case .onlineDepth: "online_depth"
    case .serviceObjects: "service_objects"
    case .deliveryModes: "delivery_modes"
    case .fee: "fee_amount"
    case .materials: "materials"
    }
  }

  private var rank: Int { Self.allCases.firstIndex(of: self)! }

  public static func < (lhs: ItemElement, rhs: ItemElement) -> Bool { lhs.rank < rhs.rank }
}

extension ServiceItem {
  /// The unknown elements in guide order, named: "法定时限、收费".
  public func missingText(_ language: Language) -> String {
    unknown.sorted().map { $0.name.text(language) }.joined(separator: language == .zh ? "、" : ", ")
  }

  /// Why the item cannot be published yet: one error per unknown element, at its field.
  public var publishProblems: [ValidationError] {
    unknown.sorted().map {
      ValidationError(
        field: $0.field, zh: "尚未填写\($0.name.zh)，补齐后才能发布。",
        en: "\($0.name.en) has not been entered; the item cannot be published until it is.")
    }
  }
}
