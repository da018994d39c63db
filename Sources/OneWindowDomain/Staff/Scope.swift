/// 数据范围: the part of the county a staff member works in, or the part a resource belongs to.
/// A staff scope is a region, optionally narrowed to one site and to one department.
public struct Scope: Sendable, Hashable, Codable {
  public let regionCode: RegionCode
  public let siteID: String?
  public let departmentID: String?

  public init(regionCode: RegionCode, siteID: String? = nil, departmentID: String? = nil) {
    self.regionCode = regionCode
    self.siteID = siteID
    self.departmentID = departmentID
  }

  /// True when a resource in `target` lies inside this scope: its region is this region or below,
  /// and where this scope names a site or a department, the target names the same one.
  public func covers(_ target: Scope) -> Bool {
    guard regionCode.contains(target.regionCode) else { return false }
    if let siteID, target.siteID != siteID { return false }
    if let departmentID, target.departmentID != departmentID { return false }
    return true
  }
}
