import Foundation

/// 申请人: a person or an organization.
public struct Applicant: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case person
    case organization
  }

  public let kind: Kind
  public let name: String
  /// 证件类型, e.g. 居民身份证 or 统一社会信用代码.
  public let idType: String
  public let idNumber: String
  public let phone: String

  public init(kind: Kind, name: String, idType: String, idNumber: String, phone: String) {
    self.kind = kind
    self.name = name
    self.idType = idType
    self.idNumber = idNumber
    self.phone = phone
  }

  /// Checks every field, naming each one at fault (prefix `applicant.`), in the order the forms show them.
  public func validate() throws(ValidationErrors) {
    var errors: [ValidationError] = []
    let type = IDType(rawValue: idType)
    if let type, type.applicantKind != kind {
      let allowed = IDType.types(for: kind).map(\.rawValue).joined(separator: "、")
      errors.append(
        kind == .organization
          ? .init(
            field: "applicant.id_type", zh: "法人或其他组织的证件类型为统一社会信用代码",
            en: "An organisation is identified by its unified social credit code")
          : .init(
            field: "applicant.id_type", zh: "个人的证件类型应为：\(allowed)", en: "A person shows an identity document"))
    } else if type == nil {
      errors.append(
        .init(
          field: "applicant.id_type",
          zh: "请选择证件类型（\(IDType.types(for: kind).map(\.rawValue).joined(separator: "、"))）",
          en: "Choose the ID type"))
    }
    if idNumber.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(.init(field: "applicant.id_number", zh: "请填写证件号码", en: "Enter the ID number"))
    } else if let type, type.applicantKind == kind, let problem = type.problem(with: idNumber) {
      errors.append(.init(field: "applicant.id_number", message: problem))
    }
    if name.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(.init(field: "applicant.name", zh: "请填写申请人姓名或名称", en: "Enter the applicant's name"))
    }
    if !(phone.count == 11 && phone.hasPrefix("1") && phone.allSatisfy(\.isNumber)) {
      errors.append(
        .init(field: "applicant.phone", zh: "手机号码应为 11 位数字", en: "A mobile number has 11 digits"))
    }
    guard errors.isEmpty else { throw ValidationErrors(errors) }
  }

  public static let residentID = IDType.residentID.rawValue

  /// GB 11643: 17 digits and a check character (0–9 or X) computed with ISO 7064 MOD 11-2.
  public static func isResidentIDNumber(_ value: String) -> Bool {
    let characters = Array(value.uppercased())
    guard characters.count == 18, characters.prefix(17).allSatisfy(\.isNumber) else { return false }
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let sum = zip(characters.prefix(17), weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
    let check = Array("10X98765432")[sum % 11]
    return characters[17] == check
  }
}
