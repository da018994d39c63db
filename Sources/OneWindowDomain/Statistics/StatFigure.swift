/// The figures the seeds set targets for (RULES.md, "The seeds' figures"), each with its written definition. The
/// identifier is the figure's name in the API (`/api/v1/stats/{figure}`) and in exports.
public enum StatFigure: String, Sendable, Codable, CaseIterable {
  // From the catalog: items, not cases.
  case sinkingRate = "sinking-rate"
  case onlineServiceRate = "online-service-rate"
  case fullOnlineItemRate = "full-online-item-rate"
  case immediateItemRate = "immediate-item-rate"
  case stationingRate = "stationing-rate"
  case nearbyRate = "nearby-rate"
  case kioskRate = "kiosk-rate"
  // From the cases of the period.
  case onlineFilingRate = "online-filing-rate"
  case onlineConclusionRate = "online-conclusion-rate"
  case fullOnlineCaseRate = "full-online-case-rate"
  case oneNetworkRate = "one-network-rate"
  case generalWindowRate = "general-window-rate"
  case immediateCaseRate = "immediate-case-rate"
  case earlyRate = "early-rate"
  case overdueRate = "overdue-rate"
  case averageDays = "average-days"
  case p90Days = "p90-days"
  case visitsPerCase = "visits-per-case"
  case proxyCasesPerAgent = "proxy-cases-per-agent"
  // From the ratings of the period.
  case goodRate = "good-rate"
  case rectificationOnTimeRate = "rectification-on-time-rate"
  case callBackRate = "call-back-rate"
  // From the hall's tickets and bookings of the period.
  case averageWaitMinutes = "average-wait"
  case averageServiceMinutes = "average-service"
  case noShowRate = "no-show-rate"
  case appointmentUseRate = "appointment-use-rate"
  // From the directory.
  case townCenterCoverage = "town-center-coverage"
  case townCentersWithAgents = "town-centers-with-agents"
  case villageStationsWithAgents = "village-stations-with-agents"

  public enum Source: String, Sendable, CaseIterable {
    case catalog, cases, ratings, hall, directory

    public var name: LocalizedText {
      switch self {
      case .catalog: LocalizedText(zh: "事项目录", en: "Catalog")
      case .cases: LocalizedText(zh: "办件", en: "Cases")
      case .ratings: LocalizedText(zh: "好差评", en: "Ratings")
      case .hall: LocalizedText(zh: "大厅排队", en: "Hall")
      case .directory: LocalizedText(zh: "场所与人员", en: "Sites and staff")
      }
    }
  }

  public enum Unit: String, Sendable {
    case rate, days, minutes, perCase = "per_case", count
  }

  public var source: Source {
    switch self {
    case .sinkingRate, .onlineServiceRate, .fullOnlineItemRate, .immediateItemRate, .stationingRate, .nearbyRate,
      .kioskRate:
      .catalog
    case .onlineFilingRate, .onlineConclusionRate, .fullOnlineCaseRate, .oneNetworkRate, .generalWindowRate,
      .immediateCaseRate, .earlyRate, .overdueRate, .averageDays, .p90Days, .visitsPerCase, .proxyCasesPerAgent:
      .cases
    case .goodRate, .rectificationOnTimeRate, .callBackRate: .ratings
    case .averageWaitMinutes, .averageServiceMinutes, .noShowRate, .appointmentUseRate: .hall
    case .townCenterCoverage, .townCentersWithAgents, .villageStationsWithAgents: .directory
    }
  }

  public var unit: Unit {
    switch self {
    case .averageDays, .p90Days: .days
    case .averageWaitMinutes, .averageServiceMinutes: .minutes
    case .visitsPerCase: .perCase
    case .proxyCasesPerAgent: .count
    default: .rate
    }
  }

  /// Whether a lower value is the better one (overdue, waiting, visits, no-shows).
  public var lowerIsBetter: Bool {
    switch self {
    case .overdueRate, .averageDays, .p90Days, .visitsPerCase, .averageWaitMinutes, .averageServiceMinutes,
      .noShowRate:
      true
    default: false
    }
  }

  /// Whether the figure can be told per department, site, town, window or clerk (case figures), or only for the
  /// scope as a whole.
  public var isGroupable: Bool { source == .cases }

  public var name: LocalizedText {
    switch self {
    case .sinkingRate: LocalizedText(zh: "事项下沉率", en: "Items reaching towns and villages")
    case .onlineServiceRate: LocalizedText(zh: "网上服务上线率", en: "Items online")
    case .fullOnlineItemRate: LocalizedText(zh: "全流程网上办理率（按事项）", en: "Fully online items")
    case .immediateItemRate: LocalizedText(zh: "即办率（按事项）", en: "Immediate items")
    case .stationingRate: LocalizedText(zh: "进驻率", en: "Items handled in the hall")
    case .nearbyRate: LocalizedText(zh: "民生事项就近办率", en: "Livelihood items near home")
    case .kioskRate: LocalizedText(zh: "自助终端适配率", en: "Items at self-service terminals")
    case .onlineFilingRate: LocalizedText(zh: "网上申报率", en: "Filed online")
    case .onlineConclusionRate: LocalizedText(zh: "网上办结率", en: "Concluded without pickup")
    case .fullOnlineCaseRate: LocalizedText(zh: "全程网办率（按办件）", en: "Cases with no visit")
    case .oneNetworkRate: LocalizedText(zh: "一网通办率", en: "One-network rate")
    case .generalWindowRate: LocalizedText(zh: "综合一窗受理率", en: "Accepted at general windows")
    case .immediateCaseRate: LocalizedText(zh: "即办率（按办件）", en: "Decided on the day")
    case .earlyRate: LocalizedText(zh: "提前办结率", en: "Decided early")
    case .overdueRate: LocalizedText(zh: "超期率", en: "Decided late")
    case .averageDays: LocalizedText(zh: "平均办理用时", en: "Average handling time")
    case .p90Days: LocalizedText(zh: "90%办件办理用时", en: "Handling time, 90th percentile")
    case .visitsPerCase: LocalizedText(zh: "件均跑动次数", en: "Visits per case")
    case .proxyCasesPerAgent: LocalizedText(zh: "人均代办件数", en: "Proxy cases per agent")
    case .goodRate: LocalizedText(zh: "好评率", en: "Good ratings")
    case .rectificationOnTimeRate: LocalizedText(zh: "差评整改按期率", en: "Rectified on time")
    case .callBackRate: LocalizedText(zh: "实名差评回访率", en: "Real-name negatives called back")
    case .averageWaitMinutes: LocalizedText(zh: "平均等候时长", en: "Average wait")
    case .averageServiceMinutes: LocalizedText(zh: "平均办理时长（窗口）", en: "Average time at the window")
    case .noShowRate: LocalizedText(zh: "过号率", en: "No-show rate")
    case .appointmentUseRate: LocalizedText(zh: "预约履约率", en: "Appointments kept")
    case .townCenterCoverage: LocalizedText(zh: "镇街便民服务中心覆盖率", en: "Towns with a service center")
    case .townCentersWithAgents: LocalizedText(zh: "镇级代办员配备达标率", en: "Town centers with ≥2 agents")
    case .villageStationsWithAgents: LocalizedText(zh: "村级代办员配备达标率", en: "Village stations with ≥1 agent")
    }
  }

  /// What is counted: numerator, denominator and what counts, as shown beside the figure and in docs/statistics.md.
  public var definition: LocalizedText {
    switch self {
    case .sinkingRate:
      LocalizedText(
        zh: "镇或村可受理（直接、委托受理、帮办代办或收件转办）的已发布事项数 ÷ 已发布事项数。",
        en: "Published items a town or village may accept (directly, delegated, by proxy or collect-and-forward) ÷ "
          + "published items.")
    case .onlineServiceRate:
      LocalizedText(
        zh: "网上办理深度为三级（网上预审）或四级（全程网办）的事项数 ÷ 深度已知的已发布事项数；深度未知的事项不计。",
        en: "Items of online depth 3 (online pre-review) or 4 (fully online) ÷ published items whose depth is known; "
          + "items of unknown depth are left out.")
    case .fullOnlineItemRate:
      LocalizedText(
        zh: "网上办理深度为四级且到现场零次的事项数 ÷ 深度已知的已发布事项数。",
        en: "Items of online depth 4 with no on-site visit ÷ published items whose depth is known.")
    case .immediateItemRate:
      LocalizedText(
        zh: "办件类型为即办件的事项数 ÷ 办件类型已知的已发布事项数。",
        en: "Items whose case kind is immediate ÷ published items whose case kind is known.")
    case .stationingRate:
      LocalizedText(
        zh: "由进驻大厅的部门实施的事项数 ÷ 应进驻事项数（已发布事项中未列入例外清单、未写明不进驻理由的）。",
        en: "Items of departments stationed in the hall ÷ items that must be handled there (published items without "
          + "a reason on the exceptions list).")
    case .nearbyRate:
      LocalizedText(
        zh: "省定民生事项中镇或村可收件（直接、委托受理、帮办代办或收件转办）的事项数 ÷ 省定民生事项数。"
          + "尚有已发布事项未标注是否省定民生事项时为未知。",
        en: "Items of the province's livelihood list that a town or village may take in (directly, delegated, by "
          + "proxy or collect-and-forward) ÷ items on the list. Unknown while a published item is not marked on or "
          + "off the list.")
    case .kioskRate:
      LocalizedText(
        zh: "自助终端可办的事项数 ÷ 已发布事项数。尚有已发布事项未标注自助终端是否可办时为未知。",
        en: "Items that can be applied for at a self-service terminal ÷ published items. Unknown while a published "
          + "item is not marked either way.")
    case .onlineFilingRate:
      LocalizedText(
        zh: "期间内经网上（门户、移动端）提交的办件数 ÷ 期间内提交的全部办件数。",
        en: "Cases filed through the portal or the mobile app in the period ÷ all cases filed in the period.")
    case .onlineConclusionRate:
      LocalizedText(
        zh: "期间内办结、结果经邮寄或电子送达（无需到窗口领取）的办件数 ÷ 期间内办结的办件数。",
        en: "Cases concluded in the period whose result was mailed or delivered electronically ÷ cases concluded.")
    case .fullOnlineCaseRate:
      LocalizedText(
        zh: "期间内办结、申请人零跑动（网上或代办申请、无窗口补正、结果不需领取）的办件数 ÷ 期间内办结的办件数。",
        en: "Cases concluded in the period with no visit by the applicant (filed online or by an agent, no "
          + "correction at a window, result not picked up) ÷ cases concluded.")
    case .oneNetworkRate:
      LocalizedText(
        zh: "期间内经网上申报或由代办员通过系统代为申报的办件数 ÷ 期间内提交的全部办件数。本系统中所有办件均在系统内办理，"
          + "故以申请人无需到窗口即进入系统的办件计。",
        en: "Cases filed online or by an agent through the system on the applicant's behalf ÷ all cases filed. Every "
          + "case lives in OneWindow, so the figure counts those that entered it without the applicant at a window.")
    case .generalWindowRate:
      LocalizedText(
        zh: "期间内在无差别或分领域综合窗口受理的办件数 ÷ 期间内在已知窗口受理的办件数。",
        en: "Cases accepted at a general or domain window in the period ÷ cases accepted at a known window.")
    case .immediateCaseRate:
      LocalizedText(
        zh: "期间内办结、受理当日作出决定的办件数 ÷ 期间内办结的办件数。",
        en: "Cases concluded in the period and decided on the day of acceptance ÷ cases concluded.")
    case .earlyRate:
      LocalizedText(
        zh: "期间内办结、在办结时限届满日之前作出决定的办件数 ÷ 期间内办结的办件数。",
        en: "Cases concluded in the period and decided before their due date ÷ cases concluded.")
    case .overdueRate:
      LocalizedText(
        zh: "期间内办结、超过办结时限作出决定的办件数 ÷ 期间内办结的办件数。在办超期件见电子监察看板。",
        en: "Cases concluded in the period and decided after their due date ÷ cases concluded. Open overdue cases "
          + "are on the supervision board.")
    case .averageDays:
      LocalizedText(
        zh: "期间内办结的办件，自受理至作出决定的工作日数（受理当日不计，补正和特别程序期间不计）的平均值。",
        en: "Mean working days from acceptance to decision (acceptance day not counted, pauses left out) over the "
          + "cases concluded in the period.")
    case .p90Days:
      LocalizedText(
        zh: "期间内办结的办件中，90%在此工作日数内作出决定（按0、1、2、3、4、5、7、10、15、20、30、45、60日分档）。",
        en: "90 % of the cases concluded in the period were decided within this many working days (told by the "
          + "bounds 0, 1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 45, 60).")
    case .visitsPerCase:
      LocalizedText(
        zh: "期间内办结办件的申请人到场次数之和 ÷ 办结办件数。窗口、自助终端、银行网点申请计1次，此类办件每次补正再计1次，"
          + "窗口领取结果计1次；网上和代办申请不计。",
        en: "Applicant visits over the cases concluded in the period ÷ cases concluded: filing at a window, kiosk or "
          + "bank point is one, each correction of such a case one more, picking the result up one; online and proxy "
          + "filing none.")
    case .proxyCasesPerAgent:
      LocalizedText(
        zh: "期间内代办员代为提交的办件数 ÷ 提交过代办件的代办员人数。",
        en: "Cases filed by proxy agents in the period ÷ agents who filed at least one.")
    case .goodRate:
      LocalizedText(
        zh: "期间内“非常满意”和“满意”评价数 ÷ 期间内全部有效评价数（超期未评按默认等级计入）。",
        en: "Ratings of 非常满意 or 满意 in the period ÷ all valid ratings (unrated cases counted at the default).")
    case .rectificationOnTimeRate:
      LocalizedText(
        zh: "期间内差评中按期整改完毕的 ÷ 已整改完毕的差评。",
        en: "Negative ratings of the period rectified on time ÷ those rectified.")
    case .callBackRate:
      LocalizedText(
        zh: "期间内实名差评中已回访的 ÷ 实名差评（目标100%）。",
        en: "Real-name negative ratings called back ÷ real-name negative ratings (target 100 %).")
    case .averageWaitMinutes:
      LocalizedText(
        zh: "期间内被叫号的取号自取号至叫号的平均分钟数。",
        en: "Mean minutes from taking a ticket to being called, over the tickets called in the period.")
    case .averageServiceMinutes:
      LocalizedText(
        zh: "期间内办理完毕的取号自叫号至办结的平均分钟数。",
        en: "Mean minutes from the call to the end of service, over the tickets served in the period.")
    case .noShowRate:
      LocalizedText(
        zh: "期间内过号的取号数 ÷ 已结束（办理、过号、转窗）的取号数。",
        en: "No-show tickets in the period ÷ tickets that ended (served, no-show, transferred).")
    case .appointmentUseRate:
      LocalizedText(
        zh: "期间内已签到的预约 ÷ 已到预约日、未取消的预约。",
        en: "Bookings checked in ÷ bookings not cancelled whose day has come.")
    case .townCenterCoverage:
      LocalizedText(
        zh: "设有在用便民服务中心的镇（街道）数 ÷ 镇（街道）数。",
        en: "Towns with a town service center in service ÷ towns.")
    case .townCentersWithAgents:
      LocalizedText(
        zh: "配备2名及以上在岗代办员的便民服务中心数 ÷ 在用便民服务中心数（通知003）。",
        en: "Town centers with at least 2 active agents ÷ town centers in service (seed 003).")
    case .villageStationsWithAgents:
      LocalizedText(
        zh: "配备1名及以上在岗代办员的便民服务站数 ÷ 在用便民服务站数（通知003）。",
        en: "Village stations with at least 1 active agent ÷ village stations in service (seed 003).")
    }
  }
}

/// One figure's value: its numerator and denominator when it is a ratio, and the value; nil when unknown (nothing to
/// count, never 0 %).
public struct FigureValue: Sendable, Hashable, Codable {
  public let value: Double?
  public let numerator: Double?
  public let denominator: Double?

  public init(value: Double?, numerator: Double? = nil, denominator: Double? = nil) {
    self.value = value
    self.numerator = numerator
    self.denominator = denominator
  }

  public static func ratio(_ numerator: Int, _ denominator: Int) -> FigureValue {
    FigureValue(
      value: denominator > 0 ? Double(numerator) / Double(denominator) : nil, numerator: Double(numerator),
      denominator: Double(denominator))
  }

  public static let unknown = FigureValue(value: nil)
}
