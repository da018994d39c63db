/// Assembles `DemoCounty`. Kept apart so the data tables read top to bottom.
struct DemoCountyBuilder {
  var regions: [Region] = []
  var sites: [Site] = []
  var departments: [Department] = []
  var windows: [Window] = []
  var staff: [DemoStaff] = []
  var items: [ServiceItem] = []
  private var nameIndex = 0

  static let countyCode = RegionCode("360999")!
  static let centerID = "site-center"
  static let hallHours = OpeningHours(
    weekdays: "08:30–12:00, 14:00–17:30", extended: "12:00–14:00 延时服务", saturday: "09:00–16:00")
  static let townHours = OpeningHours(weekdays: "08:30–12:00, 14:30–17:30", saturday: "09:00–12:00")
  static let villageHours = OpeningHours(weekdays: "09:00–11:30, 14:30–17:00")

  mutating func build() {
    buildRegions()
    buildCounty()
    buildTowns()
    buildVillages()
    buildBankPoint()
    buildReviewers()
    items = DemoCatalog.items()
  }

  /// Every other county department's 首席代表 in the back office (`review-<department>`), so any case can be
  /// reviewed, asked for an opinion and decided. Added last, so the names of earlier accounts do not move.
  private mutating func buildReviewers() {
    let county = Self.countyCode
    for (key, name) in DemoGeography.countyDepartments where key != "scjgj" && key != "wjw" {
      addStaff(
        "review-\(key)", .reviewer, Scope(regionCode: county, departmentID: "dept-\(key)"),
        "\(name.replacingOccurrences(of: "云溪县", with: ""))首席代表")
    }
    // 一审一核 takes two people: each department's second reviewer gives the approval (核准) after its
    // 首席代表's examination (`approve-<department>`).
    for (key, name) in DemoGeography.countyDepartments {
      addStaff(
        "approve-\(key)", .reviewer, Scope(regionCode: county, departmentID: "dept-\(key)"),
        "\(name.replacingOccurrences(of: "云溪县", with: ""))审批核准人")
    }
  }

  // MARK: regions

  private mutating func buildRegions() {
    regions.append(Region(code: Self.countyCode, name: "云溪县"))
    for town in DemoGeography.towns {
      regions.append(Region(code: town.code, name: town.name))
      for village in town.villages {
        regions.append(Region(code: village.code, name: village.name))
      }
    }
  }

  // MARK: county center and sub-center

  private mutating func buildCounty() {
    let county = Self.countyCode
    sites.append(
      Site(
        id: Self.centerID, name: "云溪县行政服务中心", kind: .serviceCenter, regionCode: county,
        address: "云溪县城关镇人民大道 188 号", phone: "0795-7213345", openingHours: Self.hallHours))
    sites.append(
      Site(
        id: "site-realestate", name: "云溪县行政服务中心不动产登记分中心", kind: .subCenter,
        regionCode: county, address: "云溪县城关镇府前路 26 号", phone: "0795-7213388",
        openingHours: Self.hallHours))
    for (key, name) in DemoGeography.countyDepartments {
      departments.append(
        Department(
          id: "dept-\(key)", name: name, regionCode: county,
          creditCode: creditCode(departments.count + 1)))
    }

    let center = Self.centerID
    for number in 1...4 {
      addWindow(center, nil, number, "无差别综合受理窗口", .general)
    }
    addWindow(center, "dept-scjgj", 5, "企业开办综合窗口", .domain)
    addWindow(center, "dept-rsj", 6, "社会事务综合窗口", .domain)
    addWindow(center, "dept-gaj", 7, "公安户政专窗", .dedicated)
    addWindow(center, "dept-swj", 8, "税务专窗", .dedicated)
    addWindow(center, "dept-ybj", 9, "医保社保专窗", .dedicated)
    addWindow(center, nil, 10, "帮办代办窗口", .proxy)
    addWindow(center, nil, 11, "统一出件窗口", .delivery)
    addWindow(center, nil, 12, "导服台", .guide)
    for number in 1...3 {
      addWindow("site-realestate", "dept-bdc", number, "不动产登记综合窗口", .domain)
    }
    addWindow("site-realestate", nil, 4, "出件窗口", .delivery)

    let centerScope = Scope(regionCode: county, siteID: center)
    addStaff("admin", .admin, Scope(regionCode: county), "中心管理办公室主任")
    addStaff("clerk", .clerk, centerScope, "综合窗口受理员", duty: ("win-site-center-01", .a))
    addStaff("clerk2", .clerk, centerScope, "综合窗口受理员", duty: ("win-site-center-01", .b))
    addStaff(
      "reviewer", .reviewer, Scope(regionCode: county, departmentID: "dept-scjgj"),
      "市场监督管理局首席代表", duty: ("win-site-center-05", .a))
    // Asked for parallel opinions (并联) on catering and public-place licences.
    addStaff("reviewer2", .reviewer, Scope(regionCode: county, departmentID: "dept-wjw"), "卫生健康委员会首席代表")
    addStaff("supervisor", .supervisor, Scope(regionCode: county), "电子监察室监察员")
    addStaff("service", .service, centerScope, "好差评客服专员")
    // Every other county window gets an A and a B clerk.
    for window in windows where window.siteID != "site-bank" {
      let taken = staff.flatMap(\.duties).filter { $0.windowID == window.id }.map(\.post)
      for post in DutyPost.allCases where !taken.contains(post) {
        let scope = Scope(regionCode: county, siteID: window.siteID)
        addStaff(nil, .clerk, scope, "\(window.name)\(post.rawValue)岗", duty: (window.id, post))
      }
    }
  }

  // MARK: towns (seed 001: seven stationed bodies, eight windows, AB岗)

  private mutating func buildTowns() {
    for town in DemoGeography.towns {
      let siteID = "site-\(town.code)"
      sites.append(
        Site(
          id: siteID, name: "\(town.name)便民服务中心", kind: .townCenter, regionCode: town.code,
          address: "云溪县\(town.name)\(town.street)", phone: town.phone, openingHours: Self.townHours))
      for (key, name) in DemoGeography.townDepartments {
        departments.append(
          Department(
            id: "dept-\(town.code)-\(key)", name: "\(town.name)\(name)", regionCode: town.code,
            creditCode: creditCode(departments.count + 1)))
      }
      var number = 1
      for (key, windowName, count) in DemoGeography.townWindows {
        for _ in 0..<count {
          let department = key.map { "dept-\(town.code)-\($0)" }
          addWindow(siteID, department, number, windowName, key == nil ? .general : .domain)
          number += 1
        }
      }
      let scope = Scope(regionCode: town.code, siteID: siteID)
      for window in windows where window.siteID == siteID {
        for post in DutyPost.allCases {
          let username = town.code.value == "360999100" && window.number == "01" && post == .a ? "townclerk" : nil
          addStaff(username, .clerk, scope, "\(window.name)\(post.rawValue)岗", duty: (window.id, post))
        }
      }
    }
  }

  // MARK: villages (便民服务站, one proxy agent each)

  private mutating func buildVillages() {
    for town in DemoGeography.towns {
      for village in town.villages {
        let siteID = "site-\(village.code)"
        sites.append(
          Site(
            id: siteID, name: "\(village.name)便民服务站", kind: .villageStation,
            regionCode: village.code, address: "云溪县\(town.name)\(village.name)村部",
            phone: "0795-7\(village.code.value.suffix(6))", openingHours: Self.villageHours))
        addWindow(siteID, nil, 1, "帮办代办窗口", .proxy)
        let username = village.code.value == "360999100201" ? "agent" : nil
        addStaff(
          username, .agent, Scope(regionCode: village.code, siteID: siteID), "村级帮办代办员",
          duty: ("win-\(siteID)-01", .a))
      }
    }
  }

  private mutating func buildBankPoint() {
    let town = DemoGeography.towns[0].code
    sites.append(
      Site(
        id: "site-bank", name: "中国农业银行云溪支行政银合作网点", kind: .bankPoint, regionCode: town,
        address: "云溪县城关镇解放路 66 号", phone: "0795-7218801",
        openingHours: OpeningHours(weekdays: "09:00–17:00", saturday: "09:00–17:00")))
    addWindow("site-bank", nil, 1, "政银合作代办窗口", .general)
    addStaff(
      nil, .clerk, Scope(regionCode: town, siteID: "site-bank"), "银行网点代办员",
      duty: ("win-site-bank-01", .a))
  }

  // MARK: helpers

  private mutating func addWindow(
    _ siteID: String, _ departmentID: String?, _ number: Int, _ name: String, _ kind: WindowKind
  ) {
    let padded = number < 10 ? "0\(number)" : "\(number)"
    windows.append(
      Window(
        id: "win-\(siteID)-\(padded)", siteID: siteID, departmentID: departmentID, number: padded,
        name: name, kind: kind))
  }

  private mutating func addStaff(
    _ username: String?, _ role: Role, _ scope: Scope, _ title: String,
    duty: (String, DutyPost)? = nil
  ) {
    let sequence = staff.count + 1
    let name = DemoGeography.personName(nameIndex)
    nameIndex += 1
    staff.append(
      DemoStaff(
        username: username ?? "s\(String(sequence + 1000).suffix(4))", displayName: name,
        role: role, scope: scope, title: title,
        phone: "139\(String(70_000_000 + sequence * 7919).suffix(8))",
        duties: duty.map { [WindowDuty(windowID: $0.0, post: $0.1)] } ?? []))
  }

  /// A well-formed 18-character 统一社会信用代码 for a government body (登记管理部门 1, 机关 1).
  private func creditCode(_ sequence: Int) -> String {
    let serial = String(100_000_000 + sequence * 37).suffix(8)
    let first17 = "11360999\(serial)\(sequence % 10)"
    return first17 + String(CreditCode.checkCharacter(of: first17)!)
  }
}
