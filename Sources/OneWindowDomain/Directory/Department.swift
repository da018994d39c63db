import Foundation

/// 部门 (实施主体): a department that implements items and staffs windows.
public struct Department: Sendable, Hashable, Codable, Identifiable {
  public let id: String
  public var name: String
  /// 简称, e.g. 市场监管局; empty when none was given (pages then show the full name).
  public var shortName: String
  public var regionCode: RegionCode
  /// 统一社会信用代码 of the implementing body.
  public var creditCode: String
  /// 进驻大厅: whether it is stationed in the hall (seed 004's exceptions list names those that are not); nil when
  /// nobody said (a department created from a province's list, a blank workbook cell).
  public var inHall: Bool?
  /// Retired departments stay for the records that name them; nothing new can be routed to them.
  public var retiredAt: Date?

  public init(
    id: String, name: String, shortName: String = "", regionCode: RegionCode, creditCode: String,
    inHall: Bool? = true, retiredAt: Date? = nil
  ) {
    self.id = id
    self.name = name
    self.shortName = shortName
    self.regionCode = regionCode
    self.creditCode = creditCode
    self.inHall = inHall
    self.retiredAt = retiredAt
  }

  public var isRetired: Bool { retiredAt != nil }

  /// Every problem with the fields themselves (the repository checks the region exists and the name is free).
  public func problems() -> [ValidationError] {
    var errors: [ValidationError] = []
    errors += DirectoryText.name(name, field: "name", what: LocalizedText(zh: "部门名称", en: "the department's name"))
    if shortName.count > 20 {
      errors.append(
        ValidationError(field: "short_name", zh: "简称不超过 20 字", en: "A short name has at most 20 characters"))
    }
    do throws(ValidationError) { _ = try CreditCode.parse(creditCode, field: "credit_code") } catch {
      errors.append(error)
    }
    if regionCode.level == .village {
      errors.append(
        ValidationError(field: "region_code", zh: "部门属于县级或镇（街道）级", en: "A department belongs to a county or a town"))
    }
    return errors
  }
}
