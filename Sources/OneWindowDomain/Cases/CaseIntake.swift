/// What the window recorded when it took an application in: the material checklist of the item version,
/// how this site handles the item, and where the result will be handed over (统一出件).
public struct CaseIntake: Sendable, Hashable, Codable {
  public var materials: [CaseMaterial]
  public var route: IntakeRoute
  /// The window the applicant was served at, when known.
  public var windowID: String?
  public var resultDelivery: ResultDelivery

  public init(
    materials: [CaseMaterial], route: IntakeRoute, windowID: String? = nil, resultDelivery: ResultDelivery
  ) {
    self.materials = materials.map(\.settled)
    self.route = route
    self.windowID = windowID
    self.resultDelivery = resultDelivery
  }

  /// Materials the applicant still owes: missing ones and those accepted as 容缺.
  public var outstanding: [CaseMaterial] { materials.filter { $0.status == .missing || $0.status == .deferred } }
}

/// One line of the checklist: a material of the item and what the clerk found.
public struct CaseMaterial: Sendable, Hashable, Codable {
  public enum Status: String, Sendable, Codable, CaseIterable {
    /// 已收: present and meets the standard.
    case received
    /// 容缺: missing now, to be supplied after acceptance.
    case deferred
    /// 缺少或不符合要求: goes on the one-time correction notice.
    case missing
    /// 不适用: an optional material this applicant does not need.
    case notApplicable = "not_applicable"

    public var name: LocalizedText {
      switch self {
      case .received: LocalizedText(zh: "已收", en: "Received")
      case .deferred: LocalizedText(zh: "容缺后补", en: "Deferred")
      case .missing: LocalizedText(zh: "缺少/需补正", en: "Missing or wrong")
      case .notApplicable: LocalizedText(zh: "不适用", en: "Not applicable")
      }
    }
  }

  public let name: String
  public let required: Bool
  public let deferrable: Bool
  public var status: Status
  /// What is missing or wrong (printed on the correction notice).
  public var problem: String
  /// Scans of the material (电子化归档), oldest first.
  public var attachments: [Attachment] {
    get { storedAttachments ?? [] }
    set { storedAttachments = newValue.isEmpty ? nil : newValue }
  }
  /// Optional so that checklists stored before scans existed still decode.
  private var storedAttachments: [Attachment]?

  public init(
    name: String, required: Bool, deferrable: Bool, status: Status, problem: String = "",
    attachments: [Attachment] = []
  ) {
    self.name = name
    self.required = required
    self.deferrable = deferrable
    self.status = status
    self.problem = problem
    self.attachments = attachments
  }

  /// The line as recorded: a problem is kept only while the material is missing.
  var settled: CaseMaterial {
    var line = self
    if status != .missing { line.problem = "" }
    return line
  }

  /// A blank checklist line for one of the item's materials. Materials the system fetches itself count as received.
  public init(_ material: Material) {
    self.init(
      name: material.name, required: material.required, deferrable: material.deferrable,
      status: material.form == .fetched ? .received : (material.required ? .missing : .notApplicable))
  }
}

/// What the clerk found for one material, by its name: the input of 材料核验.
public struct MaterialCheck: Sendable, Hashable, Codable {
  public let name: String
  public let status: CaseMaterial.Status
  public let problem: String
  /// Scans added now (those already on the checklist stay).
  public let attachments: [Attachment]

  public init(name: String, status: CaseMaterial.Status, problem: String = "", attachments: [Attachment] = []) {
    self.name = name
    self.status = status
    self.problem = problem
    self.attachments = attachments
  }
}

extension CaseIntake {
  /// The checklist with the scans of `checks` added, statuses untouched; an unknown material is an error.
  func adding(_ checks: [MaterialCheck]) throws(ValidationError) -> [CaseMaterial] {
    var result = materials
    for check in checks {
      guard let index = result.firstIndex(where: { $0.name == check.name }) else {
        throw ValidationError(
          field: "materials", zh: "本事项没有材料「\(check.name)」", en: "The item has no material '\(check.name)'")
      }
      result[index].attachments += check.attachments.filter { !result[index].attachments.contains($0) }
    }
    return result
  }

  /// The checklist with `checks` applied; a check naming no material of the list is an error on `materials`.
  func applying(_ checks: [MaterialCheck]) throws(ValidationError) -> [CaseMaterial] {
    var result = materials
    for check in checks {
      guard let index = result.firstIndex(where: { $0.name == check.name }) else {
        throw ValidationError(
          field: "materials", zh: "本事项没有材料「\(check.name)」", en: "The item has no material '\(check.name)'")
      }
      if check.status == .deferred && !result[index].deferrable {
        throw ValidationError(
          field: "materials", zh: "「\(check.name)」不允许容缺受理", en: "'\(check.name)' may not be deferred")
      }
      result[index].status = check.status
      result[index].problem = String(check.problem.trimmed)
      result[index].attachments += check.attachments.filter { !result[index].attachments.contains($0) }
      result[index] = result[index].settled
    }
    return result
  }
}

/// How the accepting site takes the item in (the handling mode in force, or 通办).
public enum IntakeRoute: String, Sendable, Codable, CaseIterable {
  /// 直接办理: the site's level exercises the item itself.
  case direct
  /// 委托受理: accepted under a delegation agreement in force.
  case delegated
  /// 帮办代办: an agent applies on the resident's behalf.
  case proxy
  /// 收件转办: taken in here and forwarded to the handling department.
  case collectForward = "collect_forward"
  /// 通办: an item of another level's department, accepted here within its acceptance scope.
  case acrossSites = "across_sites"

  public var name: LocalizedText {
    switch self {
    case .direct: LocalizedText(zh: "直接办理", en: "Handled here")
    case .delegated: LocalizedText(zh: "委托受理", en: "Delegated acceptance")
    case .proxy: LocalizedText(zh: "帮办代办", en: "Proxy application")
    case .collectForward: LocalizedText(zh: "收件转办", en: "Collected and forwarded")
    case .acrossSites: LocalizedText(zh: "通办（异地受理）", en: "Accepted across sites")
    }
  }

  init(_ mode: HandlingMode) {
    switch mode {
    case .direct: self = .direct
    case .delegated: self = .delegated
    case .proxy: self = .proxy
    case .collectForward: self = .collectForward
    }
  }
}

/// Where the applicant receives the result.
public enum ResultDelivery: Sendable, Hashable, Codable {
  /// 窗口领取 at a site.
  case pickup(siteID: String)
  /// 邮寄 to an address.
  case mail(address: String)
  /// 电子证照/网上下载.
  case electronic
}
