import Foundation

/// The closed loop's limits in working days (国办发〔2020〕53号, RULES.md), a setting of the center:
/// `ONEWINDOW_INQUIRY_DAYS`, e.g. `sign=1,consultation=2,complaint=5,return=2,extension=10`.
public struct InquiryPolicy: Sendable, Hashable, Codable {
  /// 受理派单 and 签收: each within this many working days (default 1).
  public var signWorkdays: Int
  /// 答复: by kind (consultation 2, the rest 5).
  public var consultationDays: Int
  public var complaintDays: Int
  public var reportDays: Int
  public var suggestionDays: Int
  public var requestDays: Int
  /// A department returns a mis-assigned one within this many working days of the dispatch (default 2).
  public var returnWorkdays: Int
  /// The one extension is at most this long (default 10).
  public var maxExtensionWorkdays: Int

  public init(
    signWorkdays: Int = 1, consultationDays: Int = 2, complaintDays: Int = 5, reportDays: Int = 5,
    suggestionDays: Int = 5, requestDays: Int = 5, returnWorkdays: Int = 2, maxExtensionWorkdays: Int = 10
  ) {
    self.signWorkdays = signWorkdays
    self.consultationDays = consultationDays
    self.complaintDays = complaintDays
    self.reportDays = reportDays
    self.suggestionDays = suggestionDays
    self.requestDays = requestDays
    self.returnWorkdays = returnWorkdays
    self.maxExtensionWorkdays = maxExtensionWorkdays
  }

  public static let standard = InquiryPolicy()

  public func replyDays(_ kind: InquiryKind) -> Int {
    switch kind {
    case .consultation: consultationDays
    case .complaint: complaintDays
    case .report: reportDays
    case .suggestion: suggestionDays
    case .request: requestDays
    }
  }

  /// Sets the reply limit of `kind`.
  public mutating func setReplyDays(_ days: Int, for kind: InquiryKind) {
    switch kind {
    case .consultation: consultationDays = days
    case .complaint: complaintDays = days
    case .report: reportDays = days
    case .suggestion: suggestionDays = days
    case .request: requestDays = days
    }
  }

  /// `name=DAYS` pairs separated by commas; names: sign, return, extension and the kinds.
  public static func parse(_ text: String) throws(ValidationError) -> InquiryPolicy {
    var policy = InquiryPolicy()
    let field = "ONEWINDOW_INQUIRY_DAYS"
    for entry in text.split(separator: ",") {
      let pair = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard pair.count == 2, let days = Int(pair[1]), (1...60).contains(days) else {
        throw ValidationError(
          field: field, zh: "「\(entry)」应写作 名称=工作日数（1–60），如 complaint=5",
          en: "\(entry) should read name=working days (1–60), e.g. complaint=5")
      }
      switch pair[0] {
      case "sign": policy.signWorkdays = days
      case "return": policy.returnWorkdays = days
      case "extension": policy.maxExtensionWorkdays = days
      default:
        guard let kind = InquiryKind(rawValue: pair[0]) else {
          let names = (["sign", "return", "extension"] + InquiryKind.allCases.map(\.rawValue)).joined(separator: ", ")
          throw ValidationError(
            field: field, zh: "没有名为「\(pair[0])」的时限（\(names)）", en: "No limit named \(pair[0]) (\(names))")
        }
        policy.setReplyDays(days, for: kind)
      }
    }
    return policy
  }
}
