/// The states of a 办件 (DESIGN.md, case lifecycle).
public enum CaseState: String, Sendable, Codable, CaseIterable {
  /// 草稿: being filled in, not yet sent.
  case draft
  /// 已提交/待受理: waiting for the window's pre-review.
  case submitted
  /// 待补正: a one-time correction notice (一次性告知) was issued; waiting for the applicant.
  case correcting
  /// 已受理: the legal clock runs.
  case accepted
  /// 审查中: the back office reviews (一审一核), parallel opinions are asked.
  case inReview = "in_review"
  /// 特别程序/挂起: the clock is stopped.
  case suspended
  /// 已上报: forwarded to the upper-level department, whose clock runs.
  case escalated
  /// 已决定: approved or denied; the result waits for delivery.
  case decided
  /// 已办结: the result was delivered.
  case concluded
  /// 不予受理
  case refused
  /// 已撤回
  case withdrawn

  /// Terminal states take no further action, except the post-check of a pledge (告知承诺), which may come after the
  /// result went out.
  public var isTerminal: Bool { self == .concluded || self == .refused || self == .withdrawn }

  public var name: LocalizedText {
    switch self {
    case .draft: LocalizedText(zh: "草稿", en: "Draft")
    case .submitted: LocalizedText(zh: "待受理", en: "Submitted")
    case .correcting: LocalizedText(zh: "待补正", en: "Awaiting correction")
    case .accepted: LocalizedText(zh: "已受理", en: "Accepted")
    case .inReview: LocalizedText(zh: "审查中", en: "In review")
    case .suspended: LocalizedText(zh: "特别程序（挂起）", en: "Suspended")
    case .escalated: LocalizedText(zh: "已上报", en: "Escalated")
    case .decided: LocalizedText(zh: "已决定，待出件", en: "Decided")
    case .concluded: LocalizedText(zh: "已办结", en: "Concluded")
    case .refused: LocalizedText(zh: "不予受理", en: "Refused")
    case .withdrawn: LocalizedText(zh: "已撤回", en: "Withdrawn")
    }
  }
}

/// How an application reached OneWindow.
public enum CaseChannel: String, Sendable, Codable, CaseIterable {
  case window
  case online
  case mobile
  case kiosk
  case proxy
  case bank

  public var name: LocalizedText {
    switch self {
    case .window: LocalizedText(zh: "窗口", en: "Window")
    case .online: LocalizedText(zh: "网上", en: "Online")
    case .mobile: LocalizedText(zh: "移动端", en: "Mobile")
    case .kiosk: LocalizedText(zh: "自助终端", en: "Kiosk")
    case .proxy: LocalizedText(zh: "帮办代办", en: "Proxy agent")
    case .bank: LocalizedText(zh: "政银合作网点", en: "Bank point")
    }
  }
}
