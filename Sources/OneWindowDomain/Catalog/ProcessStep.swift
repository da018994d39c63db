/// 办理环节: one step of an item's process, who does it and how long it may take.
public struct ProcessStep: Sendable, Hashable, Codable {
  public var name: String
  public var role: StepRole
  /// The step's limit in working days (0: the same day).
  public var limitDays: Int

  public init(name: String, role: StepRole, limitDays: Int) {
    self.name = name
    self.role = role
    self.limitDays = limitDays
  }
}

/// Who carries out a process step (一审一核: a reviewer checks, a decider signs).
public enum StepRole: String, Sendable, Codable, CaseIterable {
  /// 受理: the window clerk.
  case accept
  /// 审查: the department's reviewer.
  case review
  /// 决定: the department head or chief representative.
  case decide
  /// 送达/办结: the delivery window.
  case deliver

  public var name: LocalizedText {
    switch self {
    case .accept: LocalizedText(zh: "受理", en: "Acceptance")
    case .review: LocalizedText(zh: "审查", en: "Review")
    case .decide: LocalizedText(zh: "决定", en: "Decision")
    case .deliver: LocalizedText(zh: "送达", en: "Delivery")
    }
  }
}

/// 收费: an amount in fen with its legal basis; `nil` on the item means free of charge.
public struct Fee: Sendable, Hashable, Codable {
  public var amountFen: Int
  public var basis: String

  public init(amountFen: Int, basis: String) {
    self.amountFen = amountFen
    self.basis = basis
  }

  /// What a list or a form says for "free of charge"; a blank says nothing (the fee is unknown).
  public static let freeWords: Set<String> = ["不收费", "免费", "无", "0", "0.0", "0.00"]

  /// Fen from a yuan amount as people type it: "20", "12.5", "12.50"; `nil` for anything else.
  public static func fen(fromYuan text: String) -> Int? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let yuan = Int(parts[0]), yuan >= 0, yuan < 100_000_000 else { return nil }
    guard parts.count == 2 else { return yuan * 100 }
    let decimals = parts[1]
    guard (1...2).contains(decimals.count), let cents = Int(decimals) else { return nil }
    return yuan * 100 + (decimals.count == 1 ? cents * 10 : cents)
  }

  /// "12.50" — yuan with two decimals.
  public var yuanText: String {
    let fen = amountFen % 100
    return "\(amountFen / 100).\(fen < 10 ? "0" : "")\(fen)"
  }
}
