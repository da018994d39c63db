import Foundation
import OneWindowDomain
import Testing

@Suite("Statistics: milestones, tallies, every figure on hand-built data, periods, targets")
struct StatisticsTests {
  typealias Machine = CaseStateMachineTests
  static let rule = DeadlineRule()
  static let monday = Machine.now  // 2026-11-23 10:00 +08:00
  static let wednesday = monday.addingTimeInterval(2 * 86_400)

  /// A window case accepted on Monday, decided on `decided` and delivered as `delivery`.
  static func concluded(decided: Date, delivery: Delivery, notices: Int = 0) throws -> ServiceCase {
    var c = Machine.fixture(.submitted, for: .submit)
    for _ in 0..<notices {
      c = try CaseStateMachine.apply(
        .issueCorrection(
          items: [.init(material: "营业执照", problem: "复印件不清晰")], reasonForAnother: c.notices.isEmpty ? nil : "补正后仍不清晰"),
        to: c, by: Machine.clerk, at: monday)
      c = try CaseStateMachine.apply(.resubmit, to: c, by: Machine.clerk, at: monday)
    }
    c = try CaseStateMachine.apply(.accept(.standard), to: c, by: Machine.clerk, at: monday)
    c = try CaseStateMachine.apply(.startReview, to: c, by: Machine.reviewer, at: decided)
    c = try CaseStateMachine.apply(.decide(approved: true, reason: ""), to: c, by: Machine.reviewer, at: decided)
    return try CaseStateMachine.apply(.deliver(delivery), to: c, by: Machine.clerk, at: decided)
  }

  @Test("an event marks the milestones it is: filed when it leaves the draft, accepted, ended once")
  func milestones() {
    #expect(CaseMilestone.of(step: .create, from: nil, to: .draft).isEmpty)
    #expect(CaseMilestone.of(step: .create, from: nil, to: .submitted) == [.filed])
    #expect(CaseMilestone.of(step: .submit, from: .draft, to: .submitted) == [.filed])
    #expect(CaseMilestone.of(step: .accept, from: .submitted, to: .accepted) == [.accepted])
    #expect(CaseMilestone.of(step: .refuse, from: .submitted, to: .refused) == [.ended])
    #expect(CaseMilestone.of(step: .deliver, from: .decided, to: .concluded) == [.ended])
    // A post-check on a concluded case ends nothing again; a deleted draft was never filed nor ended.
    #expect(CaseMilestone.of(step: .postCheck, from: .concluded, to: .concluded).isEmpty)
    #expect(CaseMilestone.of(step: .withdraw, from: .draft, to: .withdrawn).isEmpty)
    #expect(CaseMilestone.of(step: .withdraw, from: .accepted, to: .withdrawn) == [.ended])
  }

  @Test("a concluded case adds its working days, visits, corrections, and whether it was early, late or on the day")
  func conclusion() throws {
    // Accepted Monday, decided Wednesday (2 working days), limit 10: early; mailed, so no pickup visit.
    let mailed = try Self.concluded(
      decided: Self.wednesday, delivery: .mail(carrier: "EMS", trackingNumber: "1180000000001"))
    let a = CaseTally.contribution(of: .ended, mailed, windowKind: nil, rule: Self.rule)
    #expect(a.ended == 1 && a.concluded == 1 && a.approved == 1)
    #expect(a.workingDays == 2 && a.workingDayBuckets[WorkingDayBuckets.index(of: 2)] == 1)
    #expect(a.decidedEarly == 1 && a.decidedLate == 0 && a.decidedSameDay == 0)
    #expect(a.visits == 1 && a.noVisit == 0)
    // Picked up at the window after one correction: filing, the return with materials, the pickup.
    let corrected = try Self.concluded(
      decided: Self.monday, delivery: .pickup(receiver: "王秀英", idChecked: true), notices: 1)
    let b = CaseTally.contribution(of: .ended, corrected, windowKind: nil, rule: Self.rule)
    #expect(b.visits == 3 && b.corrections == 1 && b.decidedSameDay == 1 && b.workingDays == 0)
    // Decided on the 15th working day after acceptance with a limit of 10: late.
    let slow = try Self.concluded(
      decided: Self.rule.endOfDay(Self.rule.calendar.workday(15, after: CivilDate(iso: "2026-11-23")!))
        .addingTimeInterval(-3600), delivery: .mail(carrier: "EMS", trackingNumber: "1180000000002"))
    let c = CaseTally.contribution(of: .ended, slow, windowKind: nil, rule: Self.rule)
    #expect(c.decidedLate == 1 && c.decidedEarly == 0 && c.workingDays == 15 && c.deliveredRemotely == 1)
    // Filing and acceptance by channel and window kind.
    #expect(CaseTally.contribution(of: .filed, slow, windowKind: nil, rule: Self.rule).filedOnSite == 1)
    let general = CaseTally.contribution(of: .accepted, slow, windowKind: .domain, rule: Self.rule)
    #expect(general.acceptedAtWindow == 1 && general.acceptedAtGeneralWindow == 1)
    let dedicated = CaseTally.contribution(of: .accepted, slow, windowKind: .dedicated, rule: Self.rule)
    #expect(dedicated.acceptedAtWindow == 1 && dedicated.acceptedAtGeneralWindow == 0)
    #expect(CaseTally.contribution(of: .accepted, slow, windowKind: nil, rule: Self.rule).acceptedAtWindow == 0)
    // Tallies add, and survive the rollup's columns.
    let sum = a + b + c
    #expect(sum.concluded == 3 && sum.workingDays == 17 && sum.visits == 5)
    #expect(CaseTally(values: sum.values) == sum)
    #expect(CaseTally.columns.count == sum.values.count)
  }

  @Test("the 90th percentile is the bound of the bucket it falls in; nothing counted is unknown")
  func percentile() {
    var tally = CaseTally()
    #expect(tally.p90WorkingDays == nil && tally.averageWorkingDays == nil)
    // Ten cases: eight of 1 day, one of 4, one of 12 → 90 % (9 cases) are within 4 days.
    tally.concluded = 10
    tally.workingDays = 8 + 4 + 12
    tally.workingDayBuckets[WorkingDayBuckets.index(of: 1)] = 8
    tally.workingDayBuckets[WorkingDayBuckets.index(of: 4)] = 1
    tally.workingDayBuckets[WorkingDayBuckets.index(of: 12)] = 1
    #expect(tally.p90WorkingDays == 4)
    #expect(tally.averageWorkingDays == 2.4)
    #expect(WorkingDayBuckets.index(of: 12) == WorkingDayBuckets.index(of: 15))
    #expect(WorkingDayBuckets.percentile(1.0, of: tally.workingDayBuckets) == 15)
  }

  @Test("every figure from hand-built inputs, with its numerator and denominator; nothing to count is unknown")
  func everyFigure() throws {
    var cases = CaseTally()
    cases.filed = 20
    cases.filedOnline = 8
    cases.filedByProxy = 4
    cases.filedOnSite = 8
    cases.accepted = 16
    cases.acceptedAtWindow = 10
    cases.acceptedAtGeneralWindow = 9
    cases.concluded = 10
    cases.decidedSameDay = 3
    cases.decidedEarly = 6
    cases.decidedLate = 1
    cases.noVisit = 4
    cases.deliveredRemotely = 5
    cases.visits = 12
    cases.workingDays = 25
    cases.workingDayBuckets[WorkingDayBuckets.index(of: 0)] = 3
    cases.workingDayBuckets[WorkingDayBuckets.index(of: 3)] = 6
    cases.workingDayBuckets[WorkingDayBuckets.index(of: 7)] = 1
    var catalog = CatalogFigures(publishedItems: 40, sunkItems: 22, onlineItems: 30)
    catalog.fullyOnlineItems = 12
    catalog.immediateItems = 10
    catalog.itemsForHall = 38
    catalog.itemsInHall = 36
    catalog.livelihoodItems = 10
    catalog.livelihoodItemsNearby = 9
    catalog.kioskReadyItems = 32
    let ratings = SatisfactionFigures(
      levels: [5: 6, 4: 2, 3: 1, 2: 1], negatives: 1, rectified: 1, rectifiedOnTime: 1, realNameNegatives: 1,
      calledBack: 0)
    var directory = DirectoryCounts()
    directory.towns = 5
    directory.townsWithCenter = 4
    directory.townCenters = 4
    directory.townCentersStaffed = 3
    directory.villageStations = 10
    directory.villageStationsStaffed = 10
    let inputs = StatInputs(cases: cases, activeAgents: 2, catalog: catalog, ratings: ratings, directory: directory)
    let expected: [StatFigure: Double] = [
      .sinkingRate: 22.0 / 40, .onlineServiceRate: 30.0 / 40, .fullOnlineItemRate: 12.0 / 40,
      .immediateItemRate: 10.0 / 40, .stationingRate: 36.0 / 38, .nearbyRate: 9.0 / 10, .kioskRate: 32.0 / 40,
      .onlineFilingRate: 8.0 / 20, .onlineConclusionRate: 5.0 / 10, .fullOnlineCaseRate: 4.0 / 10,
      .oneNetworkRate: 12.0 / 20, .generalWindowRate: 9.0 / 10, .immediateCaseRate: 3.0 / 10, .earlyRate: 6.0 / 10,
      .overdueRate: 1.0 / 10, .averageDays: 2.5, .p90Days: 3, .visitsPerCase: 1.2, .proxyCasesPerAgent: 2,
      .goodRate: 8.0 / 10, .rectificationOnTimeRate: 1, .callBackRate: 0,
      .townCenterCoverage: 4.0 / 5, .townCentersWithAgents: 3.0 / 4, .villageStationsWithAgents: 1,
    ]
    for (figure, value) in expected {
      let got = try #require(inputs.value(of: figure).value, "\(figure)")
      #expect(abs(got - value) < 1e-9, "\(figure): \(got) ≠ \(value)")
    }
    #expect(inputs.value(of: .onlineFilingRate).numerator == 8 && inputs.value(of: .onlineFilingRate).denominator == 20)
    // The hall was not read: its figures are unknown, never 0.
    for figure in [StatFigure.averageWaitMinutes, .averageServiceMinutes, .noShowRate, .appointmentUseRate] {
      #expect(inputs.value(of: figure).value == nil)
    }
    // Nothing concluded: every conclusion figure is unknown.
    let empty = StatInputs(cases: CaseTally())
    for figure in StatFigure.allCases { #expect(empty.value(of: figure).value == nil, "\(figure)") }
  }

  @Test("the hall's figures: waits and service in minutes, no-shows among ended tickets, bookings kept")
  func hallFigures() throws {
    let taken = Self.monday
    func ticket(_ n: Int, _ state: TicketState, wait: TimeInterval?, service: TimeInterval?) -> Ticket {
      var t = Ticket(
        id: "t\(n)", siteID: "site-center", day: CivilDate(iso: "2026-11-23")!, groupCode: "A", number: "A00\(n)",
        channel: .kiosk, priority: nil, takenAt: taken)
      t.state = state
      if let wait { t.calledAt = taken.addingTimeInterval(wait) }
      if let service, let called = t.calledAt {
        t.startedAt = called
        t.endedAt = called.addingTimeInterval(service)
      }
      return t
    }
    // Waits of 10, 20 and 5 minutes (the waiting ticket has none yet); services of 5 and 15 minutes.
    let hall = HallFigures(
      tickets: [
        ticket(1, .served, wait: 600, service: 300), ticket(2, .served, wait: 1200, service: 900),
        ticket(3, .noShow, wait: 300, service: nil), ticket(4, .waiting, wait: nil, service: nil),
      ], appointments: [], today: CivilDate(iso: "2026-11-23")!, timeZone: Self.rule.timeZone)
    let inputs = StatInputs(cases: CaseTally(), hall: HallTotals(hall))
    #expect(inputs.value(of: .averageWaitMinutes).value.map { abs($0 - 35.0 / 3) < 1e-9 } == true)
    #expect(inputs.value(of: .averageServiceMinutes).value == 10)
    #expect(inputs.value(of: .noShowRate).value == 1.0 / 3)
    // No booking whose day has come: unknown.
    #expect(inputs.value(of: .appointmentUseRate).value == nil)
  }

  @Test("the catalog's counts: fully online, immediate, and 进驻率 against the exceptions list")
  func catalogCounts() {
    var fullyOnline = CatalogTests.base
    fullyOnline.onlineDepth = 4
    fullyOnline.visits = 0
    var immediate = CatalogTests.base
    immediate.caseKind = .immediate
    immediate.departmentID = "dept-outside"
    var exception = CatalogTests.base
    exception.departmentID = "dept-outside"
    exception.hallExceptionReason = "涉密"
    let figures = CatalogFigures(
      items: [CatalogTests.base, fullyOnline, immediate, exception], departmentsInHall: ["dept-scjgj"])
    #expect(figures.publishedItems == 4 && figures.fullyOnlineItems == 1 && figures.immediateItems == 1)
    // Three must be in the hall (the exception need not); two of them belong to a stationed department.
    #expect(figures.itemsForHall == 3 && figures.itemsInHall == 2)
    #expect(StatInputs(cases: CaseTally(), catalog: figures).value(of: .stationingRate).value == 2.0 / 3)
    // Without the departments, 进驻率 is unknown.
    #expect(
      StatInputs(cases: CaseTally(), catalog: CatalogFigures(items: [CatalogTests.base])).value(of: .stationingRate)
        .value == nil)
  }

  @Test("就近办率 and 自助终端适配率: marked items counted, an unmarked one leaves the figure unknown, never 'no'")
  func livelihoodAndKioskCounts() {
    // Four items: three on the livelihood list (two reach a town or village), one off it; two fit a terminal.
    var countyOnly = CatalogTests.base
    countyOnly.levels = [.county]
    countyOnly.handling = [.county: .direct]
    countyOnly.onLivelihoodList = true
    countyOnly.kioskReady = false
    var town = CatalogTests.base
    town.levels = [.county, .town]
    town.handling = [.county: .direct, .town: .proxy]
    town.onLivelihoodList = true
    town.kioskReady = true
    var village = town
    village.levels = [.village]
    village.handling = [.village: .collectForward]
    var offList = town
    offList.onLivelihoodList = false
    offList.kioskReady = false
    let figures = CatalogFigures(items: [countyOnly, town, village, offList])
    #expect(figures.livelihoodItems == 3 && figures.livelihoodItemsNearby == 2 && figures.kioskReadyItems == 2)
    let inputs = StatInputs(cases: CaseTally(), catalog: figures)
    #expect(inputs.value(of: .nearbyRate).value == 2.0 / 3)
    #expect(inputs.value(of: .kioskRate).value == 2.0 / 4)
    // One more published item nobody marked: both figures are unknown, and the catalog says how many are unmarked.
    var unmarked = CatalogTests.base
    unmarked.onLivelihoodList = nil
    unmarked.kioskReady = nil
    let partial = CatalogFigures(items: [countyOnly, town, village, offList, unmarked])
    #expect(partial.unmarkedLivelihood == 1 && partial.unmarkedKiosk == 1)
    let partialInputs = StatInputs(cases: CaseTally(), catalog: partial)
    #expect(partialInputs.value(of: .nearbyRate).value == nil && partialInputs.value(of: .kioskRate).value == nil)
    // A list with nothing on it is no ratio either.
    #expect(
      StatInputs(cases: CaseTally(), catalog: CatalogFigures(items: [offList])).value(of: .nearbyRate).value == nil)
  }

  @Test("the directory's counts: towns with a center, centers with two agents, stations with one")
  func directoryCounts() {
    let county = RegionCode("360999")!
    func site(_ id: String, _ kind: SiteKind, _ region: String, retired: Bool = false) -> Site {
      var s = Site(
        id: id, name: id, kind: kind, regionCode: RegionCode(region)!, address: "", phone: "",
        openingHours: OpeningHours(weekdays: "08:30-17:30"))
      if retired { s.retiredAt = Self.monday }
      return s
    }
    let counts = DirectoryCounts(
      towns: [RegionCode("360999100")!, RegionCode("360999101")!, RegionCode("360999102")!],
      sites: [
        site("center", .serviceCenter, county.value), site("t100", .townCenter, "360999100"),
        site("t101", .townCenter, "360999101", retired: true), site("v1", .villageStation, "360999100201"),
        site("v2", .villageStation, "360999100202"),
      ], agentsPerSite: ["t100": 2, "v1": 1])
    #expect(counts.towns == 3 && counts.townsWithCenter == 1)
    #expect(counts.townCenters == 1 && counts.townCentersStaffed == 1)
    #expect(counts.villageStations == 2 && counts.villageStationsStaffed == 1)
  }

  @Test("periods: months, quarters, years, ISO weeks and ranges; nonsense is refused; trends cut at the period")
  func periods() throws {
    let november = try #require(StatPeriod.parse("2026-11"))
    #expect(november.from.iso == "2026-11-01" && november.through.iso == "2026-11-30" && november.days == 30)
    #expect(StatPeriod.parse("2026-Q4")?.from.iso == "2026-10-01")
    #expect(StatPeriod.parse("2026-Q4")?.through.iso == "2026-12-31")
    #expect(StatPeriod.parse("2026")?.days == 365)
    // 2026-11-16 is a Monday in ISO week 47; 2026-01-01 (a Thursday) is in week 1.
    #expect(StatPeriod.parse("2026-W47")?.from.iso == "2026-11-16")
    #expect(StatPeriod.week(containing: CivilDate(iso: "2026-01-01")!).code == "2026-W01")
    #expect(StatPeriod.week(containing: CivilDate(iso: "2027-01-01")!).code == "2026-W53")
    #expect(StatPeriod.parse("2026-11-01..2026-11-15")?.days == 15)
    for nonsense in ["2026-13", "2026-Q5", "2026-W60", "2026-11-30..2026-11-01", "abc", "", "1990-01-01..2026-01-01"] {
      #expect(StatPeriod.parse(nonsense) == nil, "\(nonsense)")
    }
    let weeks = november.buckets(.week)
    #expect(weeks.first?.from.iso == "2026-11-01" && weeks.first?.code == "2026-W44")
    #expect(weeks.last?.through.iso == "2026-11-30")
    #expect(weeks.reduce(0) { $0 + $1.days } == 30)
    #expect(try #require(StatPeriod.parse("2026")).buckets(.month).count == 12)
    #expect(november.previous.from.iso == "2026-10-02")
  }

  @Test("targets: the staged seed target in force on a day, the center's replacing it, met, behind or missed")
  func targets() throws {
    let june = CivilDate(iso: "2023-05-01")!
    let july = CivilDate(iso: "2023-07-01")!
    let later = CivilDate(iso: "2026-11-24")!
    #expect(StatTarget.current(for: .generalWindowRate, centers: [], today: june)?.value == 0.8)
    #expect(StatTarget.current(for: .generalWindowRate, centers: [], today: july)?.value == 1.0)
    let target = try #require(StatTarget.current(for: .generalWindowRate, centers: [], today: later))
    #expect(target.value == 1.0 && target.due.iso == "2023-09-30")
    #expect(target.standing(of: 0.9, today: later) == .missed)
    #expect(target.standing(of: 0.9, today: june) == .behind)
    #expect(target.standing(of: 1.0, today: later) == .met)
    #expect(target.standing(of: nil, today: later) == .unknown)
    let own = StatTarget(
      figure: .generalWindowRate, value: 0.95, due: CivilDate(iso: "2027-06-30")!, source: "县政府", isCenters: true)
    #expect(StatTarget.current(for: .generalWindowRate, centers: [own], today: later) == own)
    #expect(StatTarget.current(for: .averageDays, centers: [], today: later) == nil)
    let quick = StatTarget(
      figure: .averageDays, value: 5, due: CivilDate(iso: "2027-06-30")!, source: "", isCenters: true)
    #expect(quick.standing(of: 4.2, today: later) == .met && quick.standing(of: 6, today: later) == .behind)
    #expect(StatTarget.validate(figure: .generalWindowRate, value: 1.2, due: later).map(\.field) == ["value"])
    #expect(StatTarget.validate(figure: .averageDays, value: nil, due: nil).map(\.field) == ["value", "due"])
    #expect(StatTarget.validate(figure: .averageDays, value: 12, due: later).isEmpty)
  }
}
