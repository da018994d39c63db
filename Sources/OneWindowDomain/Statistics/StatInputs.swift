/// Everything the figures of one scope and period are computed from: the case tally of the rollup, the catalog, the
/// ratings, the hall, and the directory. A part that was not read (the hall for a department's dashboard) is nil, and
/// its figures are unknown.
public struct StatInputs: Sendable {
  public var cases: CaseTally
  /// Agents who filed at least one proxy case in the period.
  public var activeAgents: Int
  public var catalog: CatalogFigures?
  public var ratings: SatisfactionFigures?
  public var hall: HallTotals?
  public var directory: DirectoryCounts?

  public init(
    cases: CaseTally, activeAgents: Int = 0, catalog: CatalogFigures? = nil, ratings: SatisfactionFigures? = nil,
    hall: HallTotals? = nil, directory: DirectoryCounts? = nil
  ) {
    self.cases = cases
    self.activeAgents = activeAgents
    self.catalog = catalog
    self.ratings = ratings
    self.hall = hall
    self.directory = directory
  }

  /// The value of `figure` from these inputs.
  public func value(of figure: StatFigure) -> FigureValue {
    let c = cases
    switch figure {
    case .sinkingRate: return catalog.map { .ratio($0.sunkItems, $0.publishedItems) } ?? .unknown
    case .onlineServiceRate: return catalog.map { .ratio($0.onlineItems, $0.publishedItems) } ?? .unknown
    case .fullOnlineItemRate: return catalog.map { .ratio($0.fullyOnlineItems, $0.publishedItems) } ?? .unknown
    case .immediateItemRate: return catalog.map { .ratio($0.immediateItems, $0.publishedItems) } ?? .unknown
    case .stationingRate:
      guard let catalog, let inHall = catalog.itemsInHall else { return .unknown }
      return .ratio(inHall, catalog.itemsForHall)
    case .nearbyRate:
      guard let catalog, let listed = catalog.livelihoodItems else { return .unknown }
      return .ratio(catalog.livelihoodItemsNearby, listed)
    case .kioskRate:
      guard let catalog, let ready = catalog.kioskReadyItems else { return .unknown }
      return .ratio(ready, catalog.publishedItems)
    case .onlineFilingRate: return .ratio(c.filedOnline, c.filed)
    case .onlineConclusionRate: return .ratio(c.deliveredRemotely, c.concluded)
    case .fullOnlineCaseRate: return .ratio(c.noVisit, c.concluded)
    case .oneNetworkRate: return .ratio(c.filedOnline + c.filedByProxy, c.filed)
    case .generalWindowRate: return .ratio(c.acceptedAtGeneralWindow, c.acceptedAtWindow)
    case .immediateCaseRate: return .ratio(c.decidedSameDay, c.concluded)
    case .earlyRate: return .ratio(c.decidedEarly, c.concluded)
    case .overdueRate: return .ratio(c.decidedLate, c.concluded)
    case .averageDays:
      return FigureValue(
        value: c.averageWorkingDays, numerator: Double(c.workingDays), denominator: Double(c.concluded))
    case .p90Days: return FigureValue(value: c.p90WorkingDays.map(Double.init), denominator: Double(c.concluded))
    case .visitsPerCase:
      return FigureValue(
        value: c.concluded > 0 ? Double(c.visits) / Double(c.concluded) : nil, numerator: Double(c.visits),
        denominator: Double(c.concluded))
    case .proxyCasesPerAgent:
      return FigureValue(
        value: activeAgents > 0 ? Double(c.filedByProxy) / Double(activeAgents) : nil,
        numerator: Double(c.filedByProxy), denominator: Double(activeAgents))
    case .goodRate:
      guard let ratings else { return .unknown }
      return .ratio(ratings.levels[5, default: 0] + ratings.levels[4, default: 0], ratings.total)
    case .rectificationOnTimeRate:
      return ratings.map { .ratio($0.rectifiedOnTime, $0.rectified) } ?? .unknown
    case .callBackRate: return ratings.map { .ratio($0.calledBack, $0.realNameNegatives) } ?? .unknown
    case .averageWaitMinutes:
      return FigureValue(value: hall?.averageWait.map { $0 / 60 }, denominator: hall.map { Double($0.waited) })
    case .averageServiceMinutes:
      return FigureValue(value: hall?.averageService.map { $0 / 60 }, denominator: hall.map { Double($0.serviced) })
    case .noShowRate: return hall?.noShowRate ?? .unknown
    case .appointmentUseRate: return hall?.appointmentUseRate ?? .unknown
    case .townCenterCoverage: return directory.map { .ratio($0.townsWithCenter, $0.towns) } ?? .unknown
    case .townCentersWithAgents:
      return directory.map { .ratio($0.townCentersStaffed, $0.townCenters) } ?? .unknown
    case .villageStationsWithAgents:
      return directory.map { .ratio($0.villageStationsStaffed, $0.villageStations) } ?? .unknown
    }
  }
}

/// The directory's counts behind seed 002's and 003's figures.
public struct DirectoryCounts: Sendable, Hashable, Codable {
  public var towns = 0
  public var townsWithCenter = 0
  public var townCenters = 0
  /// Town centers with at least two active agents (seed 003).
  public var townCentersStaffed = 0
  public var villageStations = 0
  /// Village stations with at least one active agent (seed 003).
  public var villageStationsStaffed = 0

  public init() {}

  /// Counts the towns (regions of the town level), the sites in service and the active agents at each site.
  public init(towns: [RegionCode], sites: [Site], agentsPerSite: [String: Int]) {
    self.towns = towns.count
    let active = sites.filter { !$0.isRetired }
    // A town center stands in its town (9 digits) or in one of the town's villages.
    let townsWithCenter = Set(active.filter { $0.kind == .townCenter }.map { String($0.regionCode.value.prefix(9)) })
    self.townsWithCenter = towns.filter { townsWithCenter.contains($0.value) }.count
    for site in active {
      let agents = agentsPerSite[site.id, default: 0]
      switch site.kind {
      case .townCenter:
        townCenters += 1
        if agents >= 2 { townCentersStaffed += 1 }
      case .villageStation:
        villageStations += 1
        if agents >= 1 { villageStationsStaffed += 1 }
      default: break
      }
    }
  }
}
