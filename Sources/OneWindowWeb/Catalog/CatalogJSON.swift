import OneWindowDomain

/// An item in a list (`GET /api/v1/items`), encoded in snake_case.
struct ItemSummaryJSON: Encodable {
  let code: String
  let name: String
  let type: String
  let typeName: String
  let departmentId: String
  let levels: [String]
  let caseKind: String
  let promisedLimitDays: Int
  let visits: Int
  let onlineDepth: Int
  let status: String
  let version: Int

  init(_ item: ItemSummary, language: Language) {
    code = item.code
    name = item.name
    type = item.type.rawValue
    typeName = item.type.name.text(language)
    departmentId = item.departmentID
    levels = item.orderedLevels.map(\.rawValue)
    caseKind = item.caseKind.rawValue
    promisedLimitDays = item.promisedLimitDays
    visits = item.visits
    onlineDepth = item.onlineDepth
    status = item.status.rawValue
    version = item.version
  }
}

/// Every element of one item version (`GET /api/v1/items/{code}`).
struct ItemJSON: Encodable {
  struct MaterialJSON: Encodable {
    let name: String
    let required: Bool
    let deferrable: Bool
    let form: String
    let copies: Int
    let source: String
    let standard: String
    let blankForm: String
    let sample: String
  }

  struct StepJSON: Encodable {
    let name: String
    let role: String
    let limitDays: Int
  }

  struct FeeJSON: Encodable {
    let amountFen: Int
    let basis: String
  }

  let code: String
  let name: String
  let type: String
  let typeName: String
  let departmentId: String
  let levels: [String]
  let handling: [String: String]
  let caseKind: String
  let legalLimitDays: Int
  let promisedLimitDays: Int
  let visits: Int
  let visitReason: String
  let onlineDepth: Int
  let serviceObjects: [String]
  let themes: [String]
  let conditions: String
  let legalBasis: String
  let materials: [MaterialJSON]
  let steps: [StepJSON]
  let fee: FeeJSON?
  let deliveryModes: [String]
  let acceptanceScope: String
  let resultName: String
  let inquiryPhone: String
  let supervisionPhone: String
  let hallExceptionReason: String
  let aliases: [String]
  let implementationCode: String
  let mainItem: MainItem?
  /// 省定民生事项 and 自助终端可办: null when nobody said.
  @Nullable var onLivelihoodList: Bool?
  @Nullable var kioskReady: Bool?
  /// Elements the source left blank (a draft's): their values above are not facts.
  let unknownElements: [String]
  let status: String
  let version: Int
  let currentVersion: Int
  let guideUrl: String

  init(_ version: ItemVersion, entry: CatalogEntry, language: Language, guideURL: String) {
    let item = version.item
    code = item.code
    name = item.name
    type = item.type.rawValue
    typeName = item.type.name.text(language)
    departmentId = item.departmentID
    levels = item.orderedLevels.map(\.rawValue)
    handling = Dictionary(uniqueKeysWithValues: item.handling.map { ($0.key.rawValue, $0.value.rawValue) })
    caseKind = item.caseKind.rawValue
    legalLimitDays = item.legalLimitDays
    promisedLimitDays = item.promisedLimitDays
    visits = item.visits
    visitReason = item.visitReason
    onlineDepth = item.onlineDepth
    serviceObjects = ServiceObject.allCases.filter(item.serviceObjects.contains).map(\.rawValue)
    themes = ItemTheme.allCases.filter(item.themes.contains).map(\.rawValue)
    conditions = item.conditions
    legalBasis = item.legalBasis
    materials = item.materials.map {
      MaterialJSON(
        name: $0.name, required: $0.required, deferrable: $0.deferrable, form: $0.form.rawValue, copies: $0.copies,
        source: $0.source.rawValue, standard: $0.standard, blankForm: $0.blankForm, sample: $0.sample)
    }
    steps = item.steps.map { StepJSON(name: $0.name, role: $0.role.rawValue, limitDays: $0.limitDays) }
    fee = item.fee.map { FeeJSON(amountFen: $0.amountFen, basis: $0.basis) }
    deliveryModes = DeliveryMode.allCases.filter(item.deliveryModes.contains).map(\.rawValue)
    acceptanceScope = item.acceptanceScope.rawValue
    resultName = item.resultName
    inquiryPhone = item.inquiryPhone
    supervisionPhone = item.supervisionPhone
    hallExceptionReason = item.hallExceptionReason
    aliases = item.aliases
    implementationCode = item.implementationCode
    mainItem = item.mainItem
    onLivelihoodList = item.onLivelihoodList
    kioskReady = item.kioskReady
    unknownElements = item.unknown.sorted().map(\.rawValue)
    status = entry.status.rawValue
    self.version = version.number
    currentVersion = entry.version
    guideUrl = guideURL
  }
}

/// A "一件事" bundle with its combined material list (`GET /api/v1/bundles`).
struct BundleJSON: Encodable {
  struct MaterialJSON: Encodable {
    let name: String
    let required: Bool
    let copies: Int
    let itemCodes: [String]
  }

  let id: String
  let name: String
  let summary: String
  let audience: String
  let itemCodes: [String]
  let leadDepartmentId: String
  let materials: [MaterialJSON]

  init(_ bundle: ServiceBundle, items: [ServiceItem]) {
    id = bundle.id
    name = bundle.name
    summary = bundle.summary
    audience = bundle.audience.rawValue
    itemCodes = bundle.itemCodes
    leadDepartmentId = bundle.leadDepartmentID
    materials = ServiceBundle.combinedMaterials(of: items).map {
      MaterialJSON(
        name: $0.material.name, required: $0.material.required, copies: $0.material.copies, itemCodes: $0.itemCodes)
    }
  }
}
