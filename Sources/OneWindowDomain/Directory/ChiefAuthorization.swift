import Foundation

/// 首席代表授权 (seeds 002, 004): a department head's written authorisation that lets one of its people decide (or
/// report upward) at the center. A reviewer holds the power to decide only while an authorisation is valid.
public struct ChiefAuthorization: Sendable, Hashable, Codable, Identifiable {
  public let id: String
  public let departmentID: String
  public let staffID: String
  /// The department head who signed it (name and post, e.g. 王某某（局长）).
  public var authorizedBy: String
  /// 授权文件文号, e.g. 云市监〔2026〕12号.
  public var documentNumber: String
  public var powers: Set<ChiefPower>
  public var validFrom: CivilDate
  /// The last day it is valid; nil when it runs until revoked.
  public var validUntil: CivilDate?
  public var revokedAt: Date?

  public init(
    id: String, departmentID: String, staffID: String, authorizedBy: String, documentNumber: String,
    powers: Set<ChiefPower>, validFrom: CivilDate, validUntil: CivilDate? = nil, revokedAt: Date? = nil
  ) {
    self.id = id
    self.departmentID = departmentID
    self.staffID = staffID
    self.authorizedBy = authorizedBy
    self.documentNumber = documentNumber
    self.powers = powers
    self.validFrom = validFrom
    self.validUntil = validUntil
    self.revokedAt = revokedAt
  }

  /// True when it grants `power` on `day`: not revoked, and the day lies in its validity.
  public func grants(_ power: ChiefPower, on day: CivilDate) -> Bool {
    revokedAt == nil && powers.contains(power) && validFrom <= day && validUntil.map { day <= $0 } ?? true
  }

  public func problems() -> [ValidationError] {
    var errors = DirectoryText.name(
      authorizedBy, field: "authorized_by", what: LocalizedText(zh: "授权人（部门负责人）", en: "who authorised it"), limit: 40)
    errors += DirectoryText.name(
      documentNumber, field: "document_number", what: LocalizedText(zh: "授权文件文号", en: "the document number"), limit: 60)
    if powers.isEmpty {
      errors.append(ValidationError(field: "powers", zh: "至少授予一项权限", en: "Grant at least one power"))
    }
    if let validUntil, validUntil < validFrom {
      errors.append(ValidationError(field: "valid_until", zh: "有效期止不能早于起始日", en: "The end cannot be before the start"))
    }
    return errors
  }
}

/// The powers a 首席代表 may hold.
public enum ChiefPower: String, Sendable, Hashable, Codable, CaseIterable {
  /// 审批决定权: approve or refuse at the center.
  case decide
  /// 审批上报权: send a case to the upper level.
  case report

  public var name: LocalizedText {
    switch self {
    case .decide: LocalizedText(zh: "审批决定权", en: "Power to decide")
    case .report: LocalizedText(zh: "审批上报权", en: "Power to report upward")
    }
  }
}
