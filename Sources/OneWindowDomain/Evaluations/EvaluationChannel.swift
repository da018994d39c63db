/// What a rating is about (评价对象).
public enum EvaluationSubject: String, Sendable, Codable, CaseIterable {
  /// 一次一评: one service at a window, right after it (the evaluation pad).
  case service
  /// 一事一评: a concluded case as a whole.
  case `case`
  /// The village agent who filed a case on the resident's behalf (帮办代办).
  case agent

  public var name: LocalizedText {
    switch self {
    case .service: LocalizedText(zh: "一次一评（窗口服务）", en: "A window service")
    case .case: LocalizedText(zh: "一事一评（办件）", en: "A case")
    case .agent: LocalizedText(zh: "帮办代办服务", en: "The proxy agent")
    }
  }
}

/// 评价渠道 and device (GB/T 39735: PC, mobile, QR code, hall tablet, phone, SMS).
public enum EvaluationChannel: String, Sendable, Codable, CaseIterable {
  /// 窗口评价器 (hall tablet).
  case pad
  /// 网上办事大厅 / 我的办件.
  case portal
  /// 办件查询 (number and phone).
  case statusPage = "status_page"
  /// The link in the 评价邀请 text message.
  case textMessage = "text_message"
  /// The QR code on a result notice.
  case qrCode = "qr_code"
  /// 电话回访: entered by the service team.
  case phone
  /// 默认评价: unrated after the county's number of days (counted, never stored as a rating).
  case defaulted

  public var name: LocalizedText {
    switch self {
    case .pad: LocalizedText(zh: "窗口评价器", en: "Window pad")
    case .portal: LocalizedText(zh: "网上办事大厅", en: "Online portal")
    case .statusPage: LocalizedText(zh: "办件查询页", en: "Status page")
    case .textMessage: LocalizedText(zh: "短信评价链接", en: "Text-message link")
    case .qrCode: LocalizedText(zh: "结果文书二维码", en: "QR code on the notice")
    case .phone: LocalizedText(zh: "电话回访", en: "Phone")
    case .defaulted: LocalizedText(zh: "默认评价", en: "Default")
    }
  }

  /// The group "one rating per case and channel" counts by: online devices are one channel.
  public var group: Group {
    switch self {
    case .pad: .onSite
    case .portal, .statusPage, .textMessage, .qrCode: .online
    case .phone: .phone
    case .defaulted: .defaulted
    }
  }

  public enum Group: String, Sendable, Codable {
    case onSite = "on_site"
    case online
    case phone
    case defaulted
  }

  /// The indicators asked on this channel (RULES.md: the online set and the on-site set).
  public var indicators: [EvaluationIndicator] {
    group == .online ? EvaluationIndicator.online : EvaluationIndicator.onSite
  }
}

/// 评价指标 (GB/T 39734/39735): 整体满意度 is the level itself; the others are scored 1–5 where the rater gives them.
public enum EvaluationIndicator: String, Sendable, Codable, CaseIterable {
  case efficiency
  case guideAccuracy = "guide_accuracy"
  case convenience
  case usability
  case serviceEfficiency = "service_efficiency"
  case serviceLevel = "service_level"
  case serviceAttitude = "service_attitude"

  public static let online: [EvaluationIndicator] = [.efficiency, .guideAccuracy, .convenience, .usability]
  public static let onSite: [EvaluationIndicator] = [.serviceEfficiency, .serviceLevel, .serviceAttitude]

  public var name: LocalizedText {
    switch self {
    case .efficiency: LocalizedText(zh: "办事效率", en: "Speed")
    case .guideAccuracy: LocalizedText(zh: "办事指南精确度", en: "Accuracy of the guide")
    case .convenience: LocalizedText(zh: "办事便捷度", en: "Convenience")
    case .usability: LocalizedText(zh: "平台操作性", en: "Ease of use of the platform")
    case .serviceEfficiency: LocalizedText(zh: "服务效率", en: "Speed of service")
    case .serviceLevel: LocalizedText(zh: "服务水平", en: "Competence")
    case .serviceAttitude: LocalizedText(zh: "服务态度", en: "Courtesy")
    }
  }
}

/// 评价标签: what a rater may tick besides the level, the good ones for a good rating and the others for a bad one.
public enum EvaluationTag {
  public static let positive: [LocalizedText] = [
    LocalizedText(zh: "一次办好", en: "Done in one visit"), LocalizedText(zh: "办事高效", en: "Quick"),
    LocalizedText(zh: "指引清楚", en: "Clear guidance"), LocalizedText(zh: "服务热情", en: "Friendly"),
  ]
  public static let negative: [LocalizedText] = [
    LocalizedText(zh: "多次跑动", en: "Several visits"), LocalizedText(zh: "办理太慢", en: "Too slow"),
    LocalizedText(zh: "材料要求不清", en: "Unclear materials"), LocalizedText(zh: "态度不好", en: "Unfriendly"),
    LocalizedText(zh: "推诿扯皮", en: "Passed around"), LocalizedText(zh: "系统难用", en: "Hard to use online"),
  ]
  public static let all: [LocalizedText] = positive + negative
}
