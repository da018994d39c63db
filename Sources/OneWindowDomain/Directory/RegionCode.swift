/// 行政区划代码: 6 digits for a county, 9 for a town or street, 12 for a village or community.
public struct RegionCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let value: String

  public init?(_ value: String) {
    guard [6, 9, 12].contains(value.count), value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return nil
    }
    self.value = value
  }

  /// Parses a code or explains, naming the field, why it is not one. The 12-digit 统计用区划代码 of a county or a
  /// town (padded with zeros) is taken as the 6- or 9-digit code it stands for.
  public static func parse(_ value: String, field: String) throws(ValidationError) -> RegionCode {
    let value = value.trimmingCharacters(in: .whitespaces)
    guard let code = RegionCode(statistical: value) ?? RegionCode(value) else {
      throw ValidationError(
        field: field,
        zh: "行政区划代码应为 6、9 或 12 位数字",
        en: "A region code has 6, 9 or 12 digits")
    }
    return code
  }

  /// A 12-digit 统计用区划代码: `360999000000` is the county 360999, `360999100000` the town 360999100.
  public init?(statistical value: String) {
    guard value.count == 12, value.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    if value.hasSuffix("000000") {
      self.init(String(value.prefix(6)))
    } else if value.hasSuffix("000") {
      self.init(String(value.prefix(9)))
    } else {
      self.init(value)
    }
  }

  /// The code as the statistics bureau publishes it: always 12 digits.
  public var statisticalCode: String { value.padding(toLength: 12, withPad: "0", startingAt: 0) }

  public var level: RegionLevel {
    switch value.count {
    case 6: .county
    case 9: .town
    default: .village
    }
  }

  /// The 6-digit county this region belongs to: the shard key every table carries.
  public var county: RegionCode { RegionCode(String(value.prefix(6)))! }

  /// The enclosing region one level up, or nil for a county.
  public var parent: RegionCode? {
    switch level {
    case .county: nil
    case .town: RegionCode(String(value.prefix(6)))
    case .village: RegionCode(String(value.prefix(9)))
    }
  }

  /// A prefecture-level city (地级市): 6 digits ending in 00, not a province's 0000. A city's accounts work in one of
  /// its counties at a time (chosen per session); the code itself covers no county's records.
  public var isCity: Bool { value.count == 6 && value.hasSuffix("00") && !value.hasSuffix("0000") }

  /// True when `county` is one of this city's counties.
  public func hasCounty(_ county: RegionCode) -> Bool {
    isCity && county.level == .county && !county.isCity && !county.value.hasSuffix("0000")
      && county.value.hasPrefix(value.prefix(4))
  }

  /// True when `other` is this region or lies inside it.
  public func contains(_ other: RegionCode) -> Bool {
    other.value.hasPrefix(value)
  }

  public var description: String { value }

  public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.value < rhs.value }

  public init(from decoder: any Decoder) throws {
    let raw = try decoder.singleValueContainer().decode(String.self)
    guard let code = RegionCode(raw) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a region code: \(raw)"))
    }
    self = code
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }
}

/// The three levels a county service system spans (县/镇/村).
public enum RegionLevel: String, Sendable, Codable, CaseIterable {
  case county
  case town
  case village

  public var name: LocalizedText {
    switch self {
    case .county: LocalizedText(zh: "县级", en: "County")
    case .town: LocalizedText(zh: "镇（乡、街道）级", en: "Town")
    case .village: LocalizedText(zh: "村（社区）级", en: "Village")
    }
  }
}
