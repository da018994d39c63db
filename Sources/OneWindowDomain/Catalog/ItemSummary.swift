/// An item as a list shows it: enough to choose it, without its materials and steps.
public struct ItemSummary: Sendable, Hashable, Codable {
  public let code: String
  public let name: String
  public let type: ItemType
  public let departmentID: String
  public let levels: Set<RegionLevel>
  public let caseKind: CaseKind
  public let promisedLimitDays: Int
  public let visits: Int
  public let onlineDepth: Int
  public let status: ItemStatus
  public let version: Int

  public init(
    code: String, name: String, type: ItemType, departmentID: String, levels: Set<RegionLevel>, caseKind: CaseKind,
    promisedLimitDays: Int, visits: Int, onlineDepth: Int, status: ItemStatus, version: Int
  ) {
    self.code = code
    self.name = name
    self.type = type
    self.departmentID = departmentID
    self.levels = levels
    self.caseKind = caseKind
    self.promisedLimitDays = promisedLimitDays
    self.visits = visits
    self.onlineDepth = onlineDepth
    self.status = status
    self.version = version
  }

  public init(_ entry: CatalogEntry) {
    let item = entry.item
    self.init(
      code: item.code, name: item.name, type: item.type, departmentID: item.departmentID, levels: item.levels,
      caseKind: item.caseKind, promisedLimitDays: item.promisedLimitDays, visits: item.visits,
      onlineDepth: item.onlineDepth, status: entry.status, version: entry.version)
  }

  public var orderedLevels: [RegionLevel] { RegionLevel.allCases.filter(levels.contains) }
}
