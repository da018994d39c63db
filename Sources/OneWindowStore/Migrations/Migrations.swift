import Fluent

/// Every migration, in order. Shipped migrations never change: add a new file instead.
enum Migrations {
  static func register(in migrations: Fluent.Migrations) {
    migrations.add(M001CreateRegions())  // 行政区划
    migrations.add(M002CreateSites())  // 服务场所
    migrations.add(M003CreateDepartments())  // 部门
    migrations.add(M004CreateWindows())  // 窗口
    migrations.add(M005CreateStaff())  // 工作人员
    migrations.add(M006CreateWindowDuties())  // AB岗
    migrations.add(M007CreateStaffSessions())  // server-side login sessions
    migrations.add(M008CreateAPITokens())  // bearer tokens for the API
    migrations.add(M009CreateServiceItems())  // 政务服务事项 (basic elements)
    migrations.add(M010CreateCases())  // 办件
    migrations.add(M011CreateCaseEvents())  // 全程留痕 (hash-chained)
    migrations.add(M012CreateCaseCounters())  // daily case-number sequences
    migrations.add(M013CreateOutbox())  // notifications to send
    migrations.add(M014CreateCaseTasks())  // post-checks and 容缺 follow-ups
    migrations.add(M015CreateCalendarDays())  // 工作日历, with the 2025/2026 schedules
    migrations.add(M016AddCaseTrailHead())  // last event's sequence and hash on the case row
    migrations.add(M017AddItemVersions())  // 事项版本, item state and search key
    migrations.add(M018CreateDelegationAgreements())  // 委托书
    migrations.add(M019CreateServiceBundles())  // "一件事"
    migrations.add(M020CreateProxyListEntries())  // 帮办代办事项清单
    migrations.add(M021CreateItemGrams())  // search index: two-character pieces of names and pinyin keys
    migrations.add(M022AddCaseQueues())  // applicant look-up, parallel-opinion queue
    migrations.add(M023CreateCitizens())  // portal accounts, their sessions, cases filed online
    migrations.add(M024CreatePowersOfAttorney())  // 委托单 and the agent of each proxy case
    migrations.add(M025CreateShipments())  // 物料流转
    migrations.add(M026CreateAgentProfiles())  // agents' public profiles, their ratings, the trail by actor
    migrations.add(M027CreateHall())  // 业务分组, 取号, 预约
    migrations.add(M028AddOneLiveBooking())  // one live booking per phone, hall and day
    migrations.add(M029IndexOnlyFiledCases())  // portal and proxy look-ups index only the cases that have one
    migrations.add(M030CreateCitizenSignUps())  // sign-ups waiting for the texted code
    migrations.add(M031CreateDirectoryAdministration())  // first run, retirement, old names, dated duties, 首席代表
    migrations.add(M032LetCitizensDeleteDrafts())  // a citizen deletes an unsent draft, trail included
    migrations.add(M033CreateGuideFiles())  // blank forms and samples to download from the guide
    migrations.add(M034CreateReadinessProbe())  // /readyz proves the server can write
    migrations.add(M035AddNotificationDelivery())  // the outbox as a delivery queue; in-app messages
    migrations.add(M036AddAppointmentReminders())  // 预约提醒, once per booking
    migrations.add(M037CreateEvaluations())  // 好差评, 差评整改, 申诉
    migrations.add(M038AddDeadlineAlerts())  // 黄灯/红灯 and 整改到期提醒 told once per level
    migrations.add(M039AddProvinceCatalogImport())  // a province's 实施编码 (found by prefix) and its column layout
    migrations.add(M040AddCitizenIDTypes())  // portal accounts with a permit or passport
    migrations.add(M041CreateFloorRoster())  // 驻厅管理: sign-ins and leaves with stand-ins
    migrations.add(M042AddSupervision())  // 电子监察: follow-up outcomes and reminders, the board's index
    migrations.add(M043CreateSupervisionRecords())  // 电子监察: rule hits, 督办 tickets, the rule runner's cursor
    migrations.add(M044CreateSpotChecks())  // 随机抽查: draws, samples and findings
    migrations.add(M045CreateStatistics())  // 统计: the case rollup, item months and targets
    migrations.add(M046CreateInquiries())  // 诉求: the 12345 closed loop, its trail, the knowledge base
    migrations.add(M047DepartmentHallPresence())  // 进驻大厅 yes, no, or unknown
    migrations.add(M048OpenCaseNumbers())  // the board's index of open cases holds their numbers (red, yellow lists)
    migrations.add(M049CreateHallDays())  // the hall's daily rollup for the statistics
  }
}
