import Foundation

/// 行政区划: a county, a town or street, or a village or community.
public struct Region: Sendable, Hashable, Codable {
  public let code: RegionCode
  public var name: String

  public init(code: RegionCode, name: String) {
    self.code = code
    self.name = name
  }

  public var level: RegionLevel { code.level }

  /// Problems with a town or village added to `county` (the repository checks the parent exists).
  public func problems(in county: RegionCode) -> [ValidationError] {
    var errors = DirectoryText.name(
      name, field: "name", what: LocalizedText(zh: "区划名称", en: "the region's name"), limit: 40)
    if code.level == .county {
      errors.append(
        ValidationError(
          field: "code", zh: "请填写镇（街道）或村（社区）的 12 位统计用区划代码", en: "Enter a town's or village's 12-digit code"))
    } else if !county.contains(code) {
      errors.append(
        ValidationError(field: "code", zh: "区划代码不在本县（\(county)）内", en: "The code is outside the county \(county)"))
    }
    return errors
  }
  public var parentCode: RegionCode? { code.parent }
}
