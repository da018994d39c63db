/// 政务服务事项: one item of the implementation list (实施清单), with every element its guide prints.
/// A value of this type is the content of one version; `CatalogEntry` says which version is current.
public struct ServiceItem: Sendable, Hashable, Codable {
  /// 基本编码 as the province issues it: the item's identity. OneWindow's own are 12 digits (prefix, type,
  /// department, item, sub-item); a province's may be 12–14 characters and hold letters.
  public var code: String
  public var name: String
  public var type: ItemType
  /// The implementing department (实施主体).
  public var departmentID: String
  /// 行使层级: every level that may exercise the item.
  public var levels: Set<RegionLevel>
  public var caseKind: CaseKind
  /// 法定时限 in working days (0 for an immediate item).
  public var legalLimitDays: Int
  /// 承诺时限 in working days (0 for an immediate item).
  public var promisedLimitDays: Int
  /// 到现场次数: 0, 1 or 2.
  public var visits: Int
  /// 网上办理深度: 1–4; 4 is 全程网办.
  public var onlineDepth: Int
  /// Why an on-site visit is needed (required when `visits` > 0).
  public var visitReason: String
  public var serviceObjects: Set<ServiceObject>
  /// Whether a person (自然人) may apply: the portal's personal accounts may not apply for the rest.
  public var servesPersons: Bool { serviceObjects.contains(.person) }
  /// Life or business events the portal files the item under.
  public var themes: Set<ItemTheme>
  /// 受理条件.
  public var conditions: String
  /// 设定依据.
  public var legalBasis: String
  public var materials: [Material]
  /// 办理流程.
  public var steps: [ProcessStep]
  /// `nil`: free of charge (不收费).
  public var fee: Fee?
  public var deliveryModes: Set<DeliveryMode>
  public var acceptanceScope: AcceptanceScope
  /// Per level in `levels`: how that level exercises the item.
  public var handling: [RegionLevel: HandlingMode]
  /// 审批结果名称, e.g. 营业执照; empty when the result is a notice only.
  public var resultName: String
  /// 咨询电话.
  public var inquiryPhone: String
  /// 监督投诉电话.
  public var supervisionPhone: String
  /// 进驻例外: why the item is handled outside the hall (empty when it is in the hall).
  public var hallExceptionReason: String
  /// 俗称/检索关键词: other names people search by, e.g. 社保卡 for 社会保障卡申领.
  public var aliases: [String] {
    get { storedAliases ?? [] }
    set { storedAliases = newValue.isEmpty ? nil : newValue }
  }
  /// Optional so that versions stored before aliases existed still decode.
  private var storedAliases: [String]?
  /// Elements the source left blank (see `ItemElement`); their values above are placeholders nobody may read as
  /// facts. Empty for an item that can be published.
  public var unknown: Set<ItemElement> {
    get { storedUnknown ?? [] }
    set { storedUnknown = newValue.isEmpty ? nil : newValue }
  }
  /// Optional so that versions stored before unknown elements existed still decode (and stay byte-identical).
  private var storedUnknown: Set<ItemElement>?
  /// 实施编码: the code of this item as implemented by its department, as the province issues it (up to 64
  /// characters); empty when the list gives none.
  public var implementationCode: String {
    get { storedImplementationCode ?? "" }
    set { storedImplementationCode = newValue.isEmpty ? nil : newValue }
  }
  private var storedImplementationCode: String?
  /// 主项: the main item this one is a sub-item (子项) of, as the list names it; nil for an item without one.
  public var mainItem: MainItem?
  /// 省定民生事项: the item is on the province's livelihood list, whose items should be handed in near home (就近办,
  /// seed 004: 90 %); nil when nobody said — which leaves 就近办率 unknown, never counted as "not on the list".
  public var onLivelihoodList: Bool?
  /// 自助终端可办: the item can be applied for at a self-service terminal (seed 004: 自助终端适配率 80 %); nil unknown.
  public var kioskReady: Bool?

  /// Every element is known: the item may be published.
  public var isComplete: Bool { unknown.isEmpty }

  public init(
    code: String, name: String, type: ItemType, departmentID: String, levels: Set<RegionLevel>,
    caseKind: CaseKind, legalLimitDays: Int, promisedLimitDays: Int, visits: Int, onlineDepth: Int,
    visitReason: String = "", serviceObjects: Set<ServiceObject> = [.person], themes: Set<ItemTheme> = [],
    conditions: String = "", legalBasis: String = "", materials: [Material] = [], steps: [ProcessStep] = [],
    fee: Fee? = nil, deliveryModes: Set<DeliveryMode> = [.pickup], acceptanceScope: AcceptanceScope = .county,
    handling: [RegionLevel: HandlingMode]? = nil, resultName: String = "", inquiryPhone: String = "",
    supervisionPhone: String = "", hallExceptionReason: String = "", aliases: [String] = []
  ) {
    self.code = code
    self.name = name
    self.type = type
    self.departmentID = departmentID
    self.levels = levels
    self.caseKind = caseKind
    self.legalLimitDays = legalLimitDays
    self.promisedLimitDays = promisedLimitDays
    self.visits = visits
    self.onlineDepth = onlineDepth
    self.visitReason = visitReason
    self.serviceObjects = serviceObjects
    self.themes = themes
    self.conditions = conditions
    self.legalBasis = legalBasis
    self.materials = materials
    self.steps = steps
    self.fee = fee
    self.deliveryModes = deliveryModes
    self.acceptanceScope = acceptanceScope
    self.handling = handling ?? Dictionary(uniqueKeysWithValues: levels.map { ($0, .direct) })
    self.resultName = resultName
    self.inquiryPhone = inquiryPhone
    self.supervisionPhone = supervisionPhone
    self.hallExceptionReason = hallExceptionReason
    self.storedAliases = aliases.isEmpty ? nil : aliases
  }

  /// 网上服务上线: applications can be made online (网上预审 or 全程网办, depth 3 or 4).
  public var isOnline: Bool { onlineDepth >= 3 }

  /// 事项下沉: a town or village may accept it.
  public var reachesTownOrVillage: Bool { levels.contains(.town) || levels.contains(.village) }

  /// Levels, county first.
  public var orderedLevels: [RegionLevel] { RegionLevel.allCases.filter(levels.contains) }
}

extension RegionLevel: CodingKeyRepresentable {}

/// 主项: a province lists a main item once and its sub-items (子项) as the items people apply for.
public struct MainItem: Sendable, Hashable, Codable {
  /// The main item's code; empty when the list gives only its name.
  public var code: String
  public var name: String

  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }
}

/// 事项类型 (GB/T 39046-2020 appendix A), by its two-digit code.
public enum ItemType: String, Sendable, Codable, CaseIterable {
  case license = "01"
  case penalty = "02"
  case enforcement = "03"
  case levy = "04"
  case benefit = "05"
  case inspection = "06"
  case confirmation = "07"
  case reward = "08"
  case adjudication = "09"
  case otherPower = "10"
  case publicService = "20"

  public var name: LocalizedText {
    switch self {
    case .license: LocalizedText(zh: "行政许可", en: "Administrative license")
    case .penalty: LocalizedText(zh: "行政处罚", en: "Administrative penalty")
    case .enforcement: LocalizedText(zh: "行政强制", en: "Administrative enforcement")
    case .levy: LocalizedText(zh: "行政征收", en: "Administrative levy")
    case .benefit: LocalizedText(zh: "行政给付", en: "Administrative benefit")
    case .inspection: LocalizedText(zh: "行政检查", en: "Administrative inspection")
    case .confirmation: LocalizedText(zh: "行政确认", en: "Administrative confirmation")
    case .reward: LocalizedText(zh: "行政奖励", en: "Administrative reward")
    case .adjudication: LocalizedText(zh: "行政裁决", en: "Administrative adjudication")
    case .otherPower: LocalizedText(zh: "其他行政权力", en: "Other administrative power")
    case .publicService: LocalizedText(zh: "公共服务", en: "Public service")
    }
  }
}

/// 办件类型.
public enum CaseKind: String, Sendable, Codable, CaseIterable {
  /// 即办件: accepted and decided in one visit.
  case immediate
  /// 承诺件: decided within the promised limit.
  case promised
  /// 上报件: pre-reviewed here, decided by the upper level.
  case escalated

  public var name: LocalizedText {
    switch self {
    case .immediate: LocalizedText(zh: "即办件", en: "Immediate")
    case .promised: LocalizedText(zh: "承诺件", en: "Promised")
    case .escalated: LocalizedText(zh: "上报件", en: "Escalated")
    }
  }
}
