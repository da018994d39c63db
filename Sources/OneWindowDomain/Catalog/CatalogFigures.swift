import Foundation

/// The catalog figures the seeds set targets for, computed from the published items.
public struct CatalogFigures: Sendable, Hashable {
  /// Seed 000: 事项下沉率 — half of the county's items acceptable in towns or villages.
  public static let sinkingTarget = 0.5
  /// Seed 000: 网上服务上线率 — 80 % of items with an online channel.
  public static let onlineTarget = 0.8

  public let publishedItems: Int
  /// Items a town or village may accept (any handling mode at those levels).
  public let sunkItems: Int
  /// Items that can be applied for online (depth 3 网上预审 or 4 全程网办).
  public let onlineItems: Int
  /// Items of depth 4 that need no visit (全流程网上办理, by item).
  public var fullyOnlineItems = 0
  /// Items whose case kind is 即办件.
  public var immediateItems = 0
  /// Items that must be handled in the hall (no reason on the exceptions list) and, of them, those whose department is
  /// stationed there (进驻率); nil when the departments were not given.
  public var itemsForHall = 0
  public var itemsInHall: Int?
  /// 就近办: items on the province's livelihood list, and of them those a town or village may take in; nil while a
  /// published item is not marked on or off the list (the list as entered may be incomplete).
  public var livelihoodItems: Int?
  public var livelihoodItemsNearby = 0
  /// 自助终端适配: items that can be applied for at a terminal; nil while a published item is not marked either way.
  public var kioskReadyItems: Int?
  /// Published items not yet marked on the livelihood list, and not yet marked for terminals: what the catalog
  /// administrator still has to enter before the two figures can be told.
  public var unmarkedLivelihood = 0
  public var unmarkedKiosk = 0

  public init(publishedItems: Int, sunkItems: Int, onlineItems: Int) {
    self.publishedItems = publishedItems
    self.sunkItems = sunkItems
    self.onlineItems = onlineItems
  }

  /// Counts `items`; `departmentsInHall`, when given, are the departments stationed in the hall.
  public init(items: some Sequence<ServiceItem>, departmentsInHall: Set<String>? = nil) {
    var total = 0
    var sunk = 0
    var online = 0
    var fullyOnline = 0
    var immediate = 0
    var forHall = 0
    var inHall = 0
    var listed = 0
    var nearby = 0
    var kiosk = 0
    for item in items {
      total += 1
      if item.reachesTownOrVillage { sunk += 1 }
      if item.isOnline { online += 1 }
      if item.onlineDepth >= 4, item.visits == 0 { fullyOnline += 1 }
      if item.caseKind == .immediate { immediate += 1 }
      if item.hallExceptionReason.trimmingCharacters(in: .whitespaces).isEmpty {
        forHall += 1
        if departmentsInHall?.contains(item.departmentID) == true { inHall += 1 }
      }
      switch item.onLivelihoodList {
      case true?:
        listed += 1
        if item.reachesTownOrVillage { nearby += 1 }
      case false?: break
      case nil: unmarkedLivelihood += 1
      }
      switch item.kioskReady {
      case true?: kiosk += 1
      case false?: break
      case nil: unmarkedKiosk += 1
      }
    }
    publishedItems = total
    sunkItems = sunk
    onlineItems = online
    fullyOnlineItems = fullyOnline
    immediateItems = immediate
    itemsForHall = forHall
    itemsInHall = departmentsInHall == nil ? nil : inHall
    livelihoodItems = unmarkedLivelihood == 0 ? listed : nil
    livelihoodItemsNearby = nearby
    kioskReadyItems = unmarkedKiosk == 0 ? kiosk : nil
  }

  public var sinkingRate: Double { publishedItems == 0 ? 0 : Double(sunkItems) / Double(publishedItems) }
  public var onlineRate: Double { publishedItems == 0 ? 0 : Double(onlineItems) / Double(publishedItems) }
}

/// 帮办代办事项清单: the items a town's or village's agents take on, against seed 003's targets.
public struct ProxyList: Sendable, Hashable {
  /// Seed 003: at least 80 items per town and 50 per village.
  public static func target(for level: RegionLevel) -> Int {
    switch level {
    case .county: 0
    case .town: 80
    case .village: 50
    }
  }

  public let region: Region
  public let level: RegionLevel
  public let itemCodes: [String]

  public init(region: Region, level: RegionLevel, itemCodes: [String]) {
    self.region = region
    self.level = level
    self.itemCodes = itemCodes
  }

  public var target: Int { Self.target(for: level) }
  public var meetsTarget: Bool { itemCodes.count >= target }

  /// Only items the level exercises (in any mode) may be on its proxy list: an agent there must be able to
  /// hand the application in.
  public static func problems(adding item: ItemSummary, at level: RegionLevel) -> [ValidationError] {
    item.levels.contains(level)
      ? []
      : [
        ValidationError(
          field: "item_code", zh: "“\(item.name)”不在\(level.name.zh)行使，不能列入该级代办清单。",
          en: "\(item.name) is not exercised at the \(level.rawValue) level, so it cannot be on its proxy list.")
      ]
  }
}
