import Foundation

/// 全程监控: every open case's clock, counted green, yellow and red (DESIGN.md, working-day deadlines) and paused,
/// by the department that holds it, the site that accepted it and the town it was accepted in.
public struct ClockBoard: Sendable, Hashable {
  /// The light of an open case: the deadline rule's warning, or paused while a special procedure stops the clock.
  public enum Light: String, Sendable, CaseIterable {
    case green
    case yellow
    case red
    case paused

    public var name: LocalizedText {
      switch self {
      case .green: LocalizedText(zh: "绿灯（正常）", en: "Green (on time)")
      case .yellow: LocalizedText(zh: "黄灯（预警）", en: "Yellow (due soon)")
      case .red: LocalizedText(zh: "红灯（超期）", en: "Red (overdue)")
      case .paused: LocalizedText(zh: "挂起（计时暂停）", en: "Paused")
      }
    }
  }

  /// What the board is grouped by.
  public enum Dimension: String, Sendable, CaseIterable {
    case department
    case site
    case town

    public var name: LocalizedText {
      switch self {
      case .department: LocalizedText(zh: "按部门", en: "By department")
      case .site: LocalizedText(zh: "按场所", en: "By site")
      case .town: LocalizedText(zh: "按乡镇", en: "By town")
      }
    }
  }

  /// Open cases of one department, accepting site and town, by light.
  public struct Cell: Sendable, Hashable {
    public let departmentID: String
    public let siteID: String
    /// The 9-digit town code (the county's own code for cases accepted at county level).
    public let townCode: String
    public var counts: Counts

    public init(departmentID: String, siteID: String, townCode: String, counts: Counts) {
      self.departmentID = departmentID
      self.siteID = siteID
      self.townCode = townCode
      self.counts = counts
    }

    public func key(_ dimension: Dimension) -> String {
      switch dimension {
      case .department: departmentID
      case .site: siteID
      case .town: townCode
      }
    }
  }

  public struct Counts: Sendable, Hashable {
    public var green = 0
    public var yellow = 0
    public var red = 0
    public var paused = 0

    public init(green: Int = 0, yellow: Int = 0, red: Int = 0, paused: Int = 0) {
      self.green = green
      self.yellow = yellow
      self.red = red
      self.paused = paused
    }

    public var open: Int { green + yellow + red + paused }

    public subscript(light: Light) -> Int {
      switch light {
      case .green: green
      case .yellow: yellow
      case .red: red
      case .paused: paused
      }
    }

    public static func + (a: Counts, b: Counts) -> Counts {
      Counts(green: a.green + b.green, yellow: a.yellow + b.yellow, red: a.red + b.red, paused: a.paused + b.paused)
    }
  }

  public let cells: [Cell]

  public init(cells: [Cell]) { self.cells = cells }

  public var total: Counts { cells.reduce(Counts()) { $0 + $1.counts } }

  /// The counts per key of `dimension`, the most red first, then the most yellow, then by key.
  public func grouped(by dimension: Dimension) -> [(key: String, counts: Counts)] {
    var sums: [String: Counts] = [:]
    for cell in cells {
      sums[cell.key(dimension), default: Counts()] = sums[cell.key(dimension), default: Counts()] + cell.counts
    }
    return sums.map { (key: $0.key, counts: $0.value) }.sorted {
      ($0.counts.red, $0.counts.yellow, $1.key) > ($1.counts.red, $1.counts.yellow, $0.key)
    }
  }

  /// The town a region code belongs to: its first 9 digits (a county-level code stays as it is).
  public static func townCode(of regionCode: String) -> String {
    regionCode.count > 9 ? String(regionCode.prefix(9)) : regionCode
  }
}
