import Foundation

/// 证件类型: the identity documents an applicant is recorded with. A person shows a resident ID card, a
/// residence permit or travel permit of a Hong Kong, Macao or Taiwan resident, a passport, or a foreigner's
/// permanent residence ID; an organisation is known by its 统一社会信用代码. Each number is checked as far as its
/// format allows.
public enum IDType: String, Sendable, CaseIterable, Codable {
  case residentID = "居民身份证"
  case hongKongMacaoResidencePermit = "港澳居民居住证"
  case taiwanResidencePermit = "台湾居民居住证"
  case hongKongMacaoTravelPermit = "港澳居民来往内地通行证"
  case taiwanTravelPermit = "台湾居民来往大陆通行证"
  case passport = "护照"
  case foreignPermanentResidentID = "外国人永久居留身份证"
  case creditCode = "统一社会信用代码"

  public var name: LocalizedText {
    switch self {
    case .residentID: LocalizedText(zh: rawValue, en: "Resident ID card")
    case .hongKongMacaoResidencePermit: LocalizedText(zh: rawValue, en: "Residence permit (Hong Kong/Macao)")
    case .taiwanResidencePermit: LocalizedText(zh: rawValue, en: "Residence permit (Taiwan)")
    case .hongKongMacaoTravelPermit: LocalizedText(zh: rawValue, en: "Mainland travel permit (Hong Kong/Macao)")
    case .taiwanTravelPermit: LocalizedText(zh: rawValue, en: "Mainland travel permit (Taiwan)")
    case .passport: LocalizedText(zh: rawValue, en: "Passport")
    case .foreignPermanentResidentID: LocalizedText(zh: rawValue, en: "Foreign permanent resident ID")
    case .creditCode: LocalizedText(zh: rawValue, en: "Unified social credit code")
    }
  }

  /// The kind of applicant that shows this document.
  public var applicantKind: Applicant.Kind { self == .creditCode ? .organization : .person }

  /// The documents an applicant of `kind` may be recorded with, the usual one first.
  public static func types(for kind: Applicant.Kind) -> [IDType] {
    allCases.filter { $0.applicantKind == kind }
  }

  /// The usual document of an applicant of `kind`.
  public static func usual(for kind: Applicant.Kind) -> IDType { kind == .person ? .residentID : .creditCode }

  /// Why `number` cannot be a number of this document, or nil when it can.
  public func problem(with number: String) -> LocalizedText? {
    let value = number.uppercased().filter { !$0.isWhitespace }
    switch self {
    case .residentID:
      return Applicant.isResidentIDNumber(value)
        ? nil
        : LocalizedText(
          zh: "居民身份证号码应为 18 位且校验位正确", en: "A resident ID number has 18 characters and a valid check digit")
    case .hongKongMacaoResidencePermit, .taiwanResidencePermit:
      // Numbered like a resident ID card, under the region codes 810000 (Hong Kong), 820000 (Macao), 830000 (Taiwan).
      let prefixes = self == .taiwanResidencePermit ? ["830000"] : ["810000", "820000"]
      return Applicant.isResidentIDNumber(value) && prefixes.contains(where: value.hasPrefix)
        ? nil
        : LocalizedText(
          zh: "\(rawValue)号码应为 18 位、以 \(prefixes.joined(separator: " 或 ")) 开头且校验位正确",
          en: "This permit's number has 18 characters, starts with \(prefixes.joined(separator: " or ")) "
            + "and has a valid check digit")
    case .hongKongMacaoTravelPermit:
      // 回乡证: H (Hong Kong) or M (Macao) and 8 digits; cards before 2013 have 10 digits.
      let digits = value.dropFirst()
      return ["H", "M"].contains(value.first.map(String.init) ?? "") && [8, 10].contains(digits.count)
        && digits.allSatisfy(\.isASCIIDigit)
        ? nil
        : LocalizedText(
          zh: "港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（旧证 10 位）",
          en: "The permit number is H or M followed by 8 digits (10 on older cards)")
    case .taiwanTravelPermit:
      // 台胞证: 8 digits since 2015; older booklets have 10 characters.
      return (value.count == 8 && value.allSatisfy(\.isASCIIDigit))
        || (value.count == 10 && value.allSatisfy { $0.isASCIIDigit || ("A"..."Z").contains($0) })
        ? nil
        : LocalizedText(
          zh: "台湾居民来往大陆通行证号码应为 8 位数字（旧证 10 位）", en: "The permit number has 8 digits (10 on older ones)")
    case .passport:
      return (5...17).contains(value.count) && value.allSatisfy { $0.isASCIIDigit || ("A"..."Z").contains($0) }
        ? nil
        : LocalizedText(zh: "护照号码应为 5–17 位字母或数字", en: "A passport number has 5 to 17 letters or digits")
    case .foreignPermanentResidentID:
      // 2017 card: 15 characters (3 letters, 12 digits); 2023 card: 18 characters starting with 9, like an ID card.
      let old =
        value.count == 15 && value.prefix(3).allSatisfy { ("A"..."Z").contains($0) }
        && value.dropFirst(3).allSatisfy(\.isASCIIDigit)
      let new = value.hasPrefix("9") && Applicant.isResidentIDNumber(value)
      return old || new
        ? nil
        : LocalizedText(
          zh: "外国人永久居留身份证号码应为 15 位（3 位字母加 12 位数字）或以 9 开头的 18 位",
          en: "The number has 15 characters (3 letters, 12 digits) or 18 starting with 9")
    case .creditCode:
      do {
        _ = try CreditCode.parse(value, field: "applicant.id_number")
        return nil
      } catch {
        return error.message
      }
    }
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
