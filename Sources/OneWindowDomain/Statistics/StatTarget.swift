/// A target for a figure: a value to reach by a date (seed 003: 一窗综办 80 % by 2023-06-30, 100 % by 2023-09-30).
/// The seeds' targets are the defaults; the center enters its own, which replace the seed's for that figure.
public struct StatTarget: Sendable, Hashable, Codable {
  public let figure: StatFigure
  /// A rate as a share (0.8 for 80 %), days, minutes or visits in the figure's unit.
  public let value: Double
  public let due: CivilDate
  /// Where the target comes from: "通知000", or the center's own note.
  public let source: String
  /// Whether the center entered it (false: a seed's default).
  public let isCenters: Bool

  public init(figure: StatFigure, value: Double, due: CivilDate, source: String, isCenters: Bool) {
    self.figure = figure
    self.value = value
    self.due = due
    self.source = source
    self.isCenters = isCenters
  }

  /// Where a figure stands against its target on `today`.
  public enum Standing: String, Sendable, Hashable, Codable {
    /// The figure meets the target.
    case met
    /// Not yet met, and the date is still ahead.
    case behind
    /// Not met, and the date has passed.
    case missed
    /// The figure is unknown (nothing counted).
    case unknown

    public var name: LocalizedText {
      switch self {
      case .met: LocalizedText(zh: "已达标", en: "Met")
      case .behind: LocalizedText(zh: "未达标（未到期）", en: "Behind (date ahead)")
      case .missed: LocalizedText(zh: "逾期未达标", en: "Missed")
      case .unknown: LocalizedText(zh: "无数据", en: "No data")
      }
    }
  }

  public func standing(of value: Double?, today: CivilDate) -> Standing {
    guard let value else { return .unknown }
    // Rates are compared to the thousandth so that 79.96 % shown as 80.0 % is not told as missed by a rounding.
    let reached = figure.lowerIsBetter ? value <= self.value + 1e-9 : value + 0.0005 >= self.value
    if reached { return .met }
    return today > due ? .missed : .behind
  }

  /// The seeds' targets (RULES.md, "The seeds' figures"): the value and the date each seed set.
  public static let seedDefaults: [StatTarget] = [
    seed(.sinkingRate, 0.5, 2016, 12, 31, "通知000"),
    seed(.onlineServiceRate, 0.8, 2016, 12, 31, "通知000"),
    seed(.fullOnlineItemRate, 0.5, 2017, 12, 31, "通知002"),
    seed(.fullOnlineCaseRate, 0.5, 2017, 12, 31, "通知002"),
    seed(.onlineFilingRate, 0.5, 2016, 12, 31, "通知000"),
    seed(.generalWindowRate, 0.8, 2023, 6, 30, "通知003"),
    seed(.generalWindowRate, 1.0, 2023, 9, 30, "通知003"),
    seed(.oneNetworkRate, 0.85, 2022, 12, 31, "通知004"),
    seed(.stationingRate, 1.0, 2022, 12, 31, "通知004"),
    seed(.nearbyRate, 0.9, 2022, 12, 31, "通知004"),
    seed(.kioskRate, 0.8, 2022, 12, 31, "通知004"),
    seed(.callBackRate, 1.0, 2019, 12, 31, "国办发〔2019〕51号"),
    seed(.townCentersWithAgents, 1.0, 2023, 6, 30, "通知003"),
    seed(.villageStationsWithAgents, 1.0, 2023, 6, 30, "通知003"),
    seed(.townCenterCoverage, 1.0, 2018, 12, 31, "通知002"),
  ]

  private static func seed(
    _ figure: StatFigure, _ value: Double, _ year: Int, _ month: Int, _ day: Int, _ source: String
  ) -> StatTarget {
    StatTarget(
      figure: figure, value: value, due: CivilDate(year: year, month: month, day: day)!, source: source,
      isCenters: false)
  }

  /// The target a figure is held to on `today`: of the center's targets for it, or else the seeds', the first whose
  /// date is today or later, or the last one when all dates have passed (a staged target: 80 % by June, then 100 %
  /// by September).
  public static func current(
    for figure: StatFigure, centers: [StatTarget], today: CivilDate
  ) -> StatTarget? {
    let own = centers.filter { $0.figure == figure }
    let candidates = (own.isEmpty ? seedDefaults.filter { $0.figure == figure } : own).sorted { $0.due < $1.due }
    return candidates.first { $0.due >= today } ?? candidates.last
  }

  /// Checks a target the center enters; the field names are the form's.
  public static func validate(figure: StatFigure, value: Double?, due: CivilDate?) -> [ValidationError] {
    var problems: [ValidationError] = []
    if let value {
      if figure.unit == .rate, !(0...1).contains(value) {
        problems.append(
          ValidationError(field: "value", zh: "比率目标须在0%到100%之间。", en: "A rate target must be between 0 % and 100 %."))
      } else if value < 0 {
        problems.append(ValidationError(field: "value", zh: "目标值不能为负数。", en: "A target cannot be negative."))
      }
    } else {
      problems.append(ValidationError(field: "value", zh: "请填写目标值。", en: "Enter the target value."))
    }
    if due == nil {
      problems.append(
        ValidationError(field: "due", zh: "请填写达标日期（年-月-日）。", en: "Enter the date (YYYY-MM-DD) to reach it by."))
    }
    return problems
  }
}
