/// 部门 (实施主体): a department that implements items and staffs windows.
public struct Department: Sendable, Hashable, Codable, Identifiable {
  public let id: String
  public let name: String
  public let regionCode: RegionCode
  /// 统一社会信用代码 of the implementing body.
  public let creditCode: String

  public init(id: String, name: String, regionCode: RegionCode, creditCode: String) {
    self.id = id
    self.name = name
    self.regionCode = regionCode
    self.creditCode = creditCode
  }
}
