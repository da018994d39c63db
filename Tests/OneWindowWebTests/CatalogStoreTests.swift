import Foundation
import OneWindowDomain
import OneWindowStore
import Testing
import VaporTesting

@Suite("Catalog storage on SQLite and PostgreSQL")
struct CatalogStoreTests {
  static let county = "360999"
  static let now = Date(timeIntervalSince1970: 1_790_000_000)

  static func newItem(code: String = "362005900000", name: String = "测试事项登记") -> ServiceItem {
    ServiceItem(
      code: code, name: name, type: .publicService, departmentID: "dept-ybj", levels: [.county, .town],
      caseKind: .promised, legalLimitDays: 20, promisedLimitDays: 5, visits: 1, onlineDepth: 3,
      visitReason: "核验原件", materials: [Material(name: "申请表")], handling: [.county: .direct, .town: .delegated])
  }

  @Test(
    "an item goes from draft to published; an edit of a published item is a new version", arguments: TestDatabase.all)
  func versions(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      // setup
      let catalog = CatalogRepository(app.db)
      var item = Self.newItem()
      // act: create, edit the draft, publish
      try await catalog.create(item, by: "admin", county: Self.county, now: Self.now)
      item.promisedLimitDays = 4
      #expect(try await catalog.saveDraft(item, by: "admin", note: "改时限", now: Self.now) == 1)
      #expect(try await catalog.perform(.publish, code: item.code, now: Self.now) == .published)
      // act: edit the published item
      var edited = item
      edited.promisedLimitDays = 3
      let draft = try await catalog.saveDraft(edited, by: "admin", note: "再压缩", now: Self.now)
      // check: windows still see version 1 until the draft is published
      #expect(draft == 2)
      let before = try #require(try await catalog.entry(code: item.code))
      #expect(before.version == 1 && before.draftVersion == 2 && before.item.promisedLimitDays == 4)
      try await catalog.perform(.publish, code: item.code, now: Self.now)
      let after = try #require(try await catalog.entry(code: item.code))
      #expect(after.version == 2 && after.draftVersion == nil && after.item.promisedLimitDays == 3)
      let history = try await catalog.versions(code: item.code)
      #expect(history.map(\.number) == [2, 1])
      #expect(history.allSatisfy { !$0.isDraft })
      #expect(ItemChange.between(history[1].item, history[0].item).map(\.element.zh) == ["承诺时限"])
      // check: suspend, then publishing without a draft is refused
      #expect(try await catalog.perform(.suspend, code: item.code, now: Self.now) == .suspended)
      await #expect(throws: ValidationError.self) {
        try await catalog.perform(.publish, code: item.code, now: Self.now)
      }
    }
  }

  @Test("a duplicate code or a bad element is refused and nothing is written", arguments: TestDatabase.all)
  func validation(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let catalog = CatalogRepository(app.db)
      let before = try await catalog.count()
      let existing = try #require(DemoCounty.shared.items.first)
      await #expect(throws: ValidationError.self) {
        try await catalog.create(existing, by: "admin", county: Self.county, now: Self.now)
      }
      var bad = Self.newItem()
      bad.promisedLimitDays = 30
      bad.departmentID = "dept-none"
      do {
        try await catalog.create(bad, by: "admin", county: Self.county, now: Self.now)
        Issue.record("a bad item was saved")
      } catch let errors as ValidationErrors {
        #expect(Set(errors.errors.map(\.field)) == ["promised_limit_days", "department_id"])
      }
      #expect(try await catalog.count() == before)
    }
  }

  @Test("search finds items by Chinese text, pinyin initials and code, with filters", arguments: TestDatabase.all)
  func search(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let catalog = CatalogRepository(app.db)
      var filter = CatalogFilter()
      filter.text = "HJQY"
      let byInitials = try await catalog.search(filter)
      #expect(byInitials.items.map(\.name).contains("户籍迁移（迁入）"))
      filter.text = "户籍迁移"
      #expect(try await catalog.search(filter).items.first?.name.hasPrefix("户籍迁移") == true)
      let code = try #require(DemoCounty.shared.items.first { $0.name == "食品经营许可" }).code
      filter.text = code
      #expect(try await catalog.search(filter).items.map(\.code) == [code])
      filter.text = "户籍_迁移%"
      #expect(try await catalog.search(filter).items.first?.name.hasPrefix("户籍迁移") == true)
      for alias in ["社保卡", "SBK"] {
        filter.text = alias
        #expect(try await catalog.search(filter).items.map(\.name).contains("社会保障卡申领"), "\(alias)")
      }
      filter.text = "没有这样的事项"
      #expect(try await catalog.search(filter).total == 0)

      var village = CatalogFilter()
      village.proxyRegion = RegionCode("360999100201")!
      village.limit = 500
      let list = try await catalog.search(village)
      #expect(list.total >= 50 && list.items.count == list.total)
      #expect(list.items.allSatisfy { $0.levels.contains(.village) })

      var department = CatalogFilter()
      department.departmentID = "dept-gaj"
      department.level = .county
      department.limit = 5
      let page = try await catalog.search(department)
      #expect(page.items.count == 5 && page.total > 5)
      #expect(page.items.allSatisfy { $0.departmentID == "dept-gaj" })

      var theme = CatalogFilter()
      theme.audience = .legalEntity
      theme.limit = 500
      let business = try await catalog.search(theme).items
      #expect(business.contains { $0.name == "企业设立登记" } && !business.contains { $0.name == "出生登记" })
    }
  }

  @Test(
    "an import plan names new, changed and unchanged items; applying it publishes versions", arguments: TestDatabase.all
  )
  func importPlan(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let catalog = CatalogRepository(app.db)
      var changed = DemoCounty.shared.items[0]
      changed.conditions = "新的受理条件"
      let plan = try await catalog.plan([changed, DemoCounty.shared.items[1], Self.newItem()])
      #expect(plan.created.map(\.code) == [Self.newItem().code])
      #expect(plan.updated.map(\.item.code) == [changed.code])
      #expect(plan.updated[0].changes.map(\.element.zh) == ["受理条件"])
      #expect(plan.unchanged == [DemoCounty.shared.items[1].code])
      try await catalog.apply(plan, by: "admin", note: "导入", county: Self.county, now: Self.now)
      #expect(try await catalog.entry(code: changed.code)?.version == 2)
      #expect(try await catalog.entry(code: Self.newItem().code)?.status == .published)
      #expect(try await catalog.plan([changed]).isEmpty)
    }
  }

  @Test(
    "an export edited in every column re-imports with each change applied (服务对象, 主题, 来源, 受理标准, 承办角色 too)",
    arguments: TestDatabase.all)
  func reimportEveryColumn(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      // setup: the sheets of one published item with a material and a step
      let catalog = CatalogRepository(app.db)
      var item = Self.newItem()
      item.steps = [ProcessStep(name: "受理", role: .accept, limitDays: 1)]
      try await catalog.create(item, by: "admin", county: Self.county, now: Self.now)
      try await catalog.perform(.publish, code: item.code, now: Self.now)
      let names = Dictionary(uniqueKeysWithValues: DemoCounty.shared.departments.map { ($0.id, $0.name) })
      var sheets = Dictionary(
        uniqueKeysWithValues: CatalogSheet.sheets(items: [item], departmentNames: names).map { ($0.name, $0.rows) })
      func edit(_ sheet: String, _ columns: [String], _ values: [String: String]) {
        for (column, value) in values { sheets[sheet]![1][columns.firstIndex(of: column)!] = value }
      }
      // act: change every column but the code (which is the item's identity) and the type (which the code holds)
      edit(
        CatalogSheet.itemSheet, CatalogSheet.itemColumns,
        [
          "事项名称": "测试事项变更登记", "实施主体": DemoCounty.shared.departments.first { $0.id == "dept-gaj" }!.name,
          "县级办理模式": "直接办理", "镇级办理模式": "帮办代办",
          "村级办理模式": "收件转办", "办件类型": "承诺件", "法定时限（工作日）": "15", "承诺时限（工作日）": "6", "到现场次数": "2",
          "需到现场原因": "现场勘验", "网上办理深度": "2", "服务对象": "自然人、企业法人", "主题": "户籍办理、社会保障",
          "受理条件": "新的受理条件", "设定依据": "新的设定依据", "收费金额（元）": "12.50", "收费依据": "收费文件", "送达方式": "窗口领取、邮寄送达",
          "通办范围": "全市通办", "审批结果": "证明", "咨询电话": "0790-1234567", "监督投诉电话": "12345",
          "进驻例外原因": "涉密", "检索关键词": "别名甲、别名乙", "省定民生事项": "是", "自助终端可办": "否",
        ])
      edit(
        CatalogSheet.materialSheet, CatalogSheet.materialColumns,
        [
          "材料名称": "申请书", "必要性": "容缺后补", "材料形式": "复印件", "份数": "2", "来源": "政府部门核发", "受理标准": "加盖公章",
          "空白表格": "申请书.docx", "示例样表": "申请书样表.pdf",
        ])
      edit(CatalogSheet.stepSheet, CatalogSheet.stepColumns, ["环节名称": "审查", "承办角色": "审查", "时限（工作日）": "3"])
      var lookup = Dictionary(uniqueKeysWithValues: DemoCounty.shared.departments.map { ($0.name, $0.id) })
      for department in DemoCounty.shared.departments { lookup[department.id] = department.id }
      let read = CatalogSheet.read(sheets: sheets, departments: lookup)
      #expect(read.problems.isEmpty, "\(read.problems)")
      let edited = try #require(read.items.first)
      // check: the plan names every element as changed, and applying it stores the workbook's item as it is
      let plan = try await catalog.plan([edited])
      #expect(plan.unchanged.isEmpty && plan.updated.count == 1)
      let elements = Set(plan.updated.first?.changes.map(\.element.zh) ?? [])
      for element in [
        "事项名称", "实施主体", "行使层级", "法定时限", "承诺时限", "到现场次数", "需到现场原因", "网上办理深度", "服务对象", "主题", "受理条件",
        "设定依据", "申请材料", "办理流程", "收费", "送达方式", "通办范围", "办理模式", "审批结果", "咨询电话", "监督电话", "进驻例外原因", "检索别名",
        "省定民生事项", "自助终端可办",
      ] {
        #expect(elements.contains(element), "\(element) is not reported as changed")
      }
      try await catalog.apply(plan, by: "admin", note: "导入", county: Self.county, now: Self.now)
      #expect(try await catalog.find(code: item.code) == edited)
      // check: a change to a material's source or standard alone, or a step's role alone, is a change too
      var source = edited
      source.materials[0].source = .applicant
      var standard = edited
      standard.materials[0].standard = "另一标准"
      var role = edited
      role.steps[0].role = .decide
      for changed in [source, standard, role] {
        #expect(try await catalog.plan([changed]).updated.count == 1)
      }
    }
  }

  @Test(
    "an imported item with unknown elements is a draft; a published one re-imported with blanks keeps serving",
    arguments: TestDatabase.all)
  func importUnknown(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let catalog = CatalogRepository(app.db)
      var blank = Self.newItem()
      blank.unknown = [.fee, .visits]
      var served = DemoCounty.shared.items[0]
      served.unknown = [.legalLimit]
      let plan = try await catalog.plan([blank, served])
      try await catalog.apply(plan, by: "admin", note: "导入", county: Self.county, now: Self.now)
      let draft = try #require(try await catalog.entry(code: blank.code))
      #expect(draft.status == .draft && draft.item.unknown == [.fee, .visits])
      await #expect(throws: ValidationErrors.self) {
        try await catalog.perform(.publish, code: blank.code, now: Self.now)
      }
      let current = try #require(try await catalog.entry(code: served.code))
      #expect(current.status == .published && current.version == 1 && current.draftVersion == 2)
      #expect(current.item.isComplete)
      #expect(try await catalog.version(code: served.code, number: 2)?.item.unknown == [.legalLimit])
    }
  }

  @Test(
    "a province's codes are kept as issued: a 14-character basic code with a letter, a long 实施编码 and the 主项, all found by search",
    arguments: TestDatabase.all)
  func provinceCodes(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      // setup: a sub-item as a province lists it, read from its row
      let names = Dictionary(uniqueKeysWithValues: DemoCounty.shared.departments.map { ($0.id, $0.name) })
      var sheets = Dictionary(
        uniqueKeysWithValues: CatalogSheet.sheets(items: [Self.newItem()], departmentNames: names).map {
          ($0.name, $0.rows)
        })
      let columns = CatalogSheet.itemColumns
      let implementation = "11360999MB1234567X4000117002000Y0000001"
      for (column, value) in [
        "基本编码": "000120099k00a1", "实施编码": implementation.lowercased(), "主项编码": "000120099K00",
        "主项名称": "城乡居民基本养老保险待遇申领",
      ] {
        sheets["事项"]![1][columns.firstIndex(of: column)!] = value
      }
      for sheet in ["材料", "流程"] where sheets[sheet]!.count > 1 {
        for row in 1..<sheets[sheet]!.count { sheets[sheet]![row][0] = "000120099k00a1" }
      }
      var lookup = Dictionary(uniqueKeysWithValues: DemoCounty.shared.departments.map { ($0.name, $0.id) })
      for department in DemoCounty.shared.departments { lookup[department.id] = department.id }
      let read = CatalogSheet.read(sheets: sheets, departments: lookup)
      #expect(read.problems.isEmpty, "\(read.problems)")
      let item = try #require(read.items.first)
      #expect(item.code == "000120099K00A1" && item.implementationCode == implementation)
      #expect(item.mainItem == MainItem(code: "000120099K00", name: "城乡居民基本养老保险待遇申领"))
      // act
      let catalog = CatalogRepository(app.db)
      try await catalog.apply(
        try await catalog.plan([item]), by: "admin", note: "导入", county: Self.county, now: Self.now)
      // check: stored as issued, and found by either code's start (typed in lower case too) and by the main item
      #expect(try await catalog.find(code: item.code) == item)
      for text in ["000120099k00a", "11360999mb1234567x", "11360999MB", "养老保险待遇申领", "cxjmjbylbx"] {
        var filter = CatalogFilter()
        filter.text = text
        #expect(try await catalog.search(filter).items.map(\.code).contains(item.code), "\(text)")
      }
      // check: a bad code is named at its column
      sheets["事项"]![1][columns.firstIndex(of: "实施编码")!] = "编码/1"
      let bad = CatalogSheet.read(sheets: sheets, departments: lookup)
      #expect(bad.problems.map(\.column) == ["实施编码"])
    }
  }

  @Test("agreements, bundles and proxy lists are checked against the catalog", arguments: TestDatabase.all)
  func extras(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      let counts = try await ProxyListRepository(app.db).counts()
      #expect(counts[RegionCode("360999100")!]! >= 80)
      #expect(counts[RegionCode("360999100201")!]! >= 50)
      let countyOnly = try #require(DemoCounty.shared.items.first { $0.levels == [.county] })
      await #expect(throws: ValidationErrors.self) {
        try await ProxyListRepository(app.db).add(
          [countyOnly.code], to: RegionCode("360999100201")!, county: Self.county)
      }
      #expect(try await AgreementRepository(app.db).all().count == DemoCounty.shared.agreements.count)
      let bundles = try await BundleRepository(app.db).all()
      #expect(bundles.count == DemoCounty.shared.bundles.count)
      var broken = bundles[0]
      broken.itemCodes = [broken.itemCodes[0]]
      await #expect(throws: ValidationErrors.self) {
        try await BundleRepository(app.db).save(broken, county: Self.county)
      }
    }
  }
}
