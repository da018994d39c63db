import Foundation

/// 服务场所: a place where citizens are served.
public struct Site: Sendable, Hashable, Codable, Identifiable {
  public let id: String
  public var name: String
  public var kind: SiteKind
  public var regionCode: RegionCode
  public var address: String
  public var phone: String
  public var openingHours: OpeningHours
  /// Retired sites stay for the cases and tickets made there; they take nothing new.
  public var retiredAt: Date?

  public init(
    id: String, name: String, kind: SiteKind, regionCode: RegionCode, address: String,
    phone: String, openingHours: OpeningHours, retiredAt: Date? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.regionCode = regionCode
    self.address = address
    self.phone = phone
    self.openingHours = openingHours
    self.retiredAt = retiredAt
  }

  public var isRetired: Bool { retiredAt != nil }

  /// Problems with the fields, including whether the kind fits the region's level (a 便民服务站 is in a village).
  public func problems() -> [ValidationError] {
    var errors = DirectoryText.name(name, field: "name", what: LocalizedText(zh: "场所名称", en: "the site's name"))
    if address.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(ValidationError(field: "address", zh: "请填写地址", en: "Enter the address"))
    }
    errors += DirectoryText.phone(phone, field: "phone", required: true)
    if openingHours.weekdays.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(
        ValidationError(field: "hours_weekdays", zh: "请填写工作日办公时间，如 08:30–12:00, 14:00–17:30", en: "Enter weekday hours")
      )
    }
    if !kind.levels.contains(regionCode.level) {
      errors.append(
        ValidationError(
          field: "region_code", zh: "\(kind.name.zh)应设在\(kind.levels.map(\.name.zh).joined(separator: "或"))",
          en: "A \(kind.name.en.lowercased()) belongs at \(kind.levels.map(\.name.en).joined(separator: " or ")) level")
      )
    }
    return errors
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

  /// The region levels this kind of site may serve.
  public var levels: [RegionLevel] {
    switch self {
    case .serviceCenter, .subCenter: [.county]
    case .townCenter: [.town]
    case .villageStation: [.village]
    case .bankPoint: [.county, .town, .village]
    }
  }

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
