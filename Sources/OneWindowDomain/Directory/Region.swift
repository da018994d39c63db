/// 行政区划: a county, a town or street, or a village or community.
public struct Region: Sendable, Hashable, Codable {
  public let code: RegionCode
  public let name: String

  public init(code: RegionCode, name: String) {
    self.code = code
    self.name = name
  }

  public var level: RegionLevel { code.level }
  public var parentCode: RegionCode? { code.parent }
}
