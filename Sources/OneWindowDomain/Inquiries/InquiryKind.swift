/// The five kinds of 诉求 (seed 000, 002, 004): each has its own reply limit (`InquiryPolicy`) and number prefix.
public enum InquiryKind: String, Sendable, Codable, CaseIterable {
  /// 咨询
  case consultation
  /// 投诉
  case complaint
  /// 举报
  case report
  /// 建议
  case suggestion
  /// 群众点菜: a service people want the center to offer ("群众点菜、政府端菜", seed 000).
  case request

  public var name: LocalizedText {
    switch self {
    case .consultation: LocalizedText(zh: "咨询", en: "Consultation")
    case .complaint: LocalizedText(zh: "投诉", en: "Complaint")
    case .report: LocalizedText(zh: "举报", en: "Report")
    case .suggestion: LocalizedText(zh: "建议", en: "Suggestion")
    case .request: LocalizedText(zh: "群众点菜", en: "Service request")
    }
  }

  /// The letters an inquiry number starts with.
  public var prefix: String {
    switch self {
    case .consultation: "ZX"
    case .complaint: "TS"
    case .report: "JB"
    case .suggestion: "JY"
    case .request: "DC"
    }
  }

  /// Parses a kind from a form or the API, naming the field when it is unknown.
  public static func parse(_ raw: String, field: String = "kind") throws(ValidationError) -> InquiryKind {
    guard let kind = InquiryKind(rawValue: raw) else {
      throw ValidationError(
        field: field, zh: "请选择诉求类型（咨询、投诉、举报、建议或群众点菜）",
        en: "Choose the kind: consultation, complaint, report, suggestion or request")
    }
    return kind
  }
}

/// Where an inquiry came in: the portal (or a case's status page), staff entering a call, letter or visit (a village
/// agent for a resident), or the 12345 hotline's platform.
public enum InquirySource: String, Sendable, Codable, CaseIterable {
  case portal
  case caseStatus = "case_status"
  case phone
  case letter
  case visit
  case agent
  case hotline

  public var name: LocalizedText {
    switch self {
    case .portal: LocalizedText(zh: "网上提交", en: "Portal")
    case .caseStatus: LocalizedText(zh: "办件查询页", en: "Case status page")
    case .phone: LocalizedText(zh: "来电", en: "Phone call")
    case .letter: LocalizedText(zh: "来信", en: "Letter")
    case .visit: LocalizedText(zh: "来访", en: "Visit")
    case .agent: LocalizedText(zh: "代办员代录", en: "Entered by an agent")
    case .hotline: LocalizedText(zh: "12345热线", en: "12345 hotline")
    }
  }

  /// The sources staff enter by hand.
  public static let entered: [InquirySource] = [.phone, .letter, .visit, .agent]
}

/// How the inquirer rated the reply (回访评价).
public enum InquiryRating: String, Sendable, Codable, CaseIterable {
  case satisfied
  case fairlySatisfied = "fairly_satisfied"
  case unsatisfied

  public var name: LocalizedText {
    switch self {
    case .satisfied: LocalizedText(zh: "满意", en: "Satisfied")
    case .fairlySatisfied: LocalizedText(zh: "基本满意", en: "Fairly satisfied")
    case .unsatisfied: LocalizedText(zh: "不满意", en: "Unsatisfied")
    }
  }
}
