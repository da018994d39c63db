/// 服务场所: a place where citizens are served.
public struct Site: Sendable, Hashable, Codable, Identifiable {
  public let id: String
  public let name: String
  public let kind: SiteKind
  public let regionCode: RegionCode
  public let address: String
  public let phone: String
  public let openingHours: OpeningHours

  public init(
    id: String, name: String, kind: SiteKind, regionCode: RegionCode, address: String,
    phone: String, openingHours: OpeningHours
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.regionCode = regionCode
    self.address = address
    self.phone = phone
    self.openingHours = openingHours
  }
}

/// The kinds of service place that seeds 000–004 name.
public enum SiteKind: String, Sendable, Codable, CaseIterable {
  /// 行政服务中心 (county level)
  case serviceCenter = "service_center"
  /// 分中心 (a county branch hall, e.g. for real estate registration)
  case subCenter = "sub_center"
  /// 便民服务中心 (town or street)
  case townCenter = "town_center"
  /// 便民服务站 (village or community)
  case villageStation = "village_station"
  /// 政银合作网点 (a bank branch that accepts items)
  case bankPoint = "bank_point"

  public var name: LocalizedText {
    switch self {
    case .serviceCenter: LocalizedText(zh: "行政服务中心", en: "Service center")
    case .subCenter: LocalizedText(zh: "分中心", en: "Sub-center")
    case .townCenter: LocalizedText(zh: "便民服务中心", en: "Town service center")
    case .villageStation: LocalizedText(zh: "便民服务站", en: "Village service station")
    case .bankPoint: LocalizedText(zh: "政银合作网点", en: "Bank partner point")
    }
  }
}

/// Opening hours as shown to citizens, including 延时 and 周六 service.
public struct OpeningHours: Sendable, Hashable, Codable {
  /// Weekday hours, e.g. "08:30–12:00, 14:00–17:30".
  public let weekdays: String
  /// Extended hours (延时服务), if any.
  public let extended: String?
  /// Saturday hours (周六无休), if any.
  public let saturday: String?

  public init(weekdays: String, extended: String? = nil, saturday: String? = nil) {
    self.weekdays = weekdays
    self.extended = extended
    self.saturday = saturday
  }
}
