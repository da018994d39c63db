/// 送达方式: how the result reaches the applicant.
public enum DeliveryMode: String, Sendable, Codable, CaseIterable {
  case pickup
  case mail
  case electronic

  public var name: LocalizedText {
    switch self {
    case .pickup: LocalizedText(zh: "窗口领取", en: "Pick up at the window")
    case .mail: LocalizedText(zh: "邮寄送达", en: "By mail")
    case .electronic: LocalizedText(zh: "电子送达", en: "Electronic")
    }
  }
}

/// 通办范围: where an application may be accepted, wider than the implementing department's own site.
public enum AcceptanceScope: String, Sendable, Codable, CaseIterable, Comparable {
  case county
  case city
  case province
  case crossProvince

  public var name: LocalizedText {
    switch self {
    case .county: LocalizedText(zh: "全县通办", en: "County-wide")
    case .city: LocalizedText(zh: "全市通办", en: "City-wide")
    case .province: LocalizedText(zh: "全省通办", en: "Province-wide")
    case .crossProvince: LocalizedText(zh: "跨省通办", en: "Across provinces")
    }
  }

  private var rank: Int { Self.allCases.firstIndex(of: self)! }

  public static func < (lhs: AcceptanceScope, rhs: AcceptanceScope) -> Bool { lhs.rank < rhs.rank }
}

/// How a level exercises an item: the implementation list's 办理模式 per 县/镇/村.
public enum HandlingMode: String, Sendable, Codable, CaseIterable {
  /// 直接办理: the level's own body accepts and decides.
  case direct
  /// 委托受理: accepted under a delegation agreement of the county department.
  case delegated
  /// 帮办代办: an agent applies on the resident's behalf.
  case proxy
  /// 收件转办: materials are collected here and forwarded to the handling department.
  case collectForward

  public var name: LocalizedText {
    switch self {
    case .direct: LocalizedText(zh: "直接办理", en: "Handled directly")
    case .delegated: LocalizedText(zh: "委托受理", en: "Delegated acceptance")
    case .proxy: LocalizedText(zh: "帮办代办", en: "Proxy service")
    case .collectForward: LocalizedText(zh: "收件转办", en: "Collect and forward")
    }
  }
}

/// 服务对象.
public enum ServiceObject: String, Sendable, Codable, CaseIterable {
  case person
  case enterprise
  case institution
  case socialOrganization
  case otherOrganization

  public var name: LocalizedText {
    switch self {
    case .person: LocalizedText(zh: "自然人", en: "Person")
    case .enterprise: LocalizedText(zh: "企业法人", en: "Enterprise")
    case .institution: LocalizedText(zh: "事业法人", en: "Public institution")
    case .socialOrganization: LocalizedText(zh: "社会组织法人", en: "Social organization")
    case .otherOrganization: LocalizedText(zh: "其他组织", en: "Other organization")
    }
  }
}

/// Who a theme speaks to on the portal: 个人办事 or 法人办事.
public enum Audience: String, Sendable, Codable, CaseIterable {
  case person
  case legalEntity

  public var name: LocalizedText {
    switch self {
    case .person: LocalizedText(zh: "个人办事", en: "For individuals")
    case .legalEntity: LocalizedText(zh: "法人办事", en: "For organizations")
    }
  }
}

/// 主题: the life event (个人) or business event (法人) an item belongs to on the portal.
public enum ItemTheme: String, Sendable, Codable, CaseIterable {
  case birth, household, education, employment, socialSecurity, medical, marriage, housing, realEstate
  case transport, retirement, disability, veterans, agriculture, death, legalService, socialAssistance
  case founding, operating, qualification, tax, construction, closure

  public var audience: Audience {
    switch self {
    case .founding, .operating, .qualification, .tax, .construction, .closure: .legalEntity
    default: .person
    }
  }

  public var name: LocalizedText {
    switch self {
    case .birth: LocalizedText(zh: "生育收养", en: "Birth and adoption")
    case .household: LocalizedText(zh: "户籍办理", en: "Household registration")
    case .education: LocalizedText(zh: "教育入学", en: "Education")
    case .employment: LocalizedText(zh: "就业创业", en: "Work and jobs")
    case .socialSecurity: LocalizedText(zh: "社会保障", en: "Social insurance")
    case .medical: LocalizedText(zh: "医疗卫生", en: "Health care")
    case .marriage: LocalizedText(zh: "婚姻登记", en: "Marriage")
    case .housing: LocalizedText(zh: "住房保障", en: "Housing")
    case .realEstate: LocalizedText(zh: "不动产登记", en: "Real estate")
    case .transport: LocalizedText(zh: "交通出行", en: "Transport")
    case .retirement: LocalizedText(zh: "退休养老", en: "Retirement")
    case .disability: LocalizedText(zh: "残疾人服务", en: "Disability services")
    case .veterans: LocalizedText(zh: "退役军人", en: "Veterans")
    case .agriculture: LocalizedText(zh: "农业农村", en: "Farming and villages")
    case .death: LocalizedText(zh: "身后事", en: "After a death")
    case .legalService: LocalizedText(zh: "公证法律", en: "Legal services")
    case .socialAssistance: LocalizedText(zh: "社会救助", en: "Social assistance")
    case .founding: LocalizedText(zh: "设立变更", en: "Founding and changes")
    case .operating: LocalizedText(zh: "准营准办", en: "Operating permits")
    case .qualification: LocalizedText(zh: "资质认定", en: "Qualifications")
    case .tax: LocalizedText(zh: "税费办理", en: "Taxes and fees")
    case .construction: LocalizedText(zh: "工程建设", en: "Construction")
    case .closure: LocalizedText(zh: "注销退出", en: "Closing down")
    }
  }
}

/// 事项状态. A published item is what windows accept; suspended items stay visible but take no new cases.
public enum ItemStatus: String, Sendable, Codable, CaseIterable {
  case draft
  case published
  case suspended
  case cancelled

  public var name: LocalizedText {
    switch self {
    case .draft: LocalizedText(zh: "草稿", en: "Draft")
    case .published: LocalizedText(zh: "已发布", en: "Published")
    case .suspended: LocalizedText(zh: "暂停办理", en: "Suspended")
    case .cancelled: LocalizedText(zh: "已取消", en: "Cancelled")
    }
  }

  /// Whether a window may accept new cases of an item in this state.
  public var acceptsCases: Bool { self == .published }
}
