import Foundation
import OneWindowDomain
import OneWindowSpreadsheet
import OneWindowStore
import Testing
import VaporTesting

@Suite("A province's own implementation list, imported as it is")
struct ProvinceCatalogImportTests {
  static let headers = [
    "序号", "主项名称", "主项编码", "子项名称", "基本编码", "实施编码", "权力类型", "实施机构", "实施主体编码", "行使层级", "法定办结时限（工作日）",
    "承诺办结时限（工作日）", "到办事现场次数", "收费标准", "办件类型", "服务对象", "送达方式", "网办深度", "需到现场原因",
  ]

  /// A credit code with its right check character.
  static func creditCode(_ first17: String) -> String { first17 + String(CreditCode.checkCharacter(of: first17)!) }

  /// A list as a province publishes it: a title row above the headers, its own column names and codes, no 材料 sheet;
  /// two departments the directory does not know; the last item leaves its fee and visits blank.
  static func workbook(legalLimit: String = "20") -> [UInt8] {
    let data = creditCode("11360999MB1234567")
    let rows: [[String]] = [
      ["云溪县政务服务事项实施清单（2026 年版）"],
      headers,
      [
        "1", "食品经营许可", "00010500100Y", "食品经营许可（新办）", "00010500100Y01", "11360999MB1234567X400011700200001",
        "行政许可", "云溪县市场监督管理局", "", "县级", legalLimit, "10", "1", "不收费", "承诺件", "企业法人", "窗口领取", "3", "核验原件",
      ],
      [
        "2", "", "", "政务数据共享申请", "002099099001", "11360999MB1234567X400011700200002", "公共服务", "云溪县数据局",
        data, "县级、乡级", "15", "5", "0", "不收费", "承诺件", "自然人", "电子送达", "4", "",
      ],
      [
        "3", "", "", "城市道路占用许可", "000101099002", "", "行政许可", "云溪县城市管理局", "", "县级", "20", "10", "1", "",
        "承诺件", "企业法人", "窗口领取", "2", "现场勘查",
      ],
    ]
    return Workbook(sheets: [Workbook.Sheet(name: "实施清单", rows: rows, widths: [])]).xlsx()
  }

  /// The county's administrator, signed in, on the import page.
  static func administrator(_ app: Application) async throws -> TestBrowser {
    var admin = TestBrowser(app)
    _ = try await admin.signIn("admin")
    _ = try await admin.get("/admin/catalog/import")
    return admin
  }

  /// The same list with its materials and steps on sheets of their own, in the province's terms: materials keyed by
  /// 实施编码 under their own headers, steps keyed by 事项编码 below a title row.
  static func workbookWithDetails(stepRole: String = "审查") -> [UInt8] {
    guard let items = try? Workbook(xlsx: workbook()).sheets.first else { return [] }
    let materials: [[String]] = [
      ["实施编码", "申请材料名称", "是否必要", "材料形式", "份数", "材料来源", "材料要求"],
      ["11360999MB1234567X400011700200001", "营业执照", "必要", "原件", "1", "申请人自备", "在有效期内"],
      ["11360999MB1234567X400011700200001", "食品安全管理制度", "容缺后补", "复印件", "2", "申请人自备", ""],
    ]
    let steps: [[String]] = [
      ["办理流程"],
      ["事项编码", "办理环节", "办理人员", "办理时限"],
      ["00010500100Y01", "受理", "受理", "1"],
      ["00010500100Y01", "审查", stepRole, "5"],
      ["00010500100Y01", "决定", "决定", "2"],
    ]
    return Workbook(sheets: [
      items, Workbook.Sheet(name: "申请材料", rows: materials, widths: []),
      Workbook.Sheet(name: "办理流程", rows: steps, widths: []),
    ]).xlsx()
  }

  @Test(
    "materials and steps on the list's own sheets are mapped too: found by their headers, keyed by 实施编码 or code, problems at the list's sheet, row and header",
    arguments: TestDatabase.all)
  func detailSheets(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var admin = try await Self.administrator(app)
      // a step's role the catalog does not know: named at the list's own sheet, row and header
      _ = try await admin.uploadList(Self.workbookWithDetails(stepRole: "科长"))
      var fields = FormFields.read(admin.lastBody, action: "/admin/catalog/import")
      #expect(fields["detail0_sheet"] == "申请材料" && fields["detail0_header_row"] == "1", "materials guessed")
      #expect(fields["detail1_sheet"] == "办理流程" && fields["detail1_header_row"] == "2", "steps guessed")
      let materialColumns = CatalogColumnMapping.detailParts[0].columns
      #expect(fields["detail0_column_\(materialColumns.firstIndex(of: "材料名称")!)"] == "申请材料名称")
      #expect(fields["detail0_column_\(materialColumns.firstIndex(of: "基本编码")!)"] == "实施编码")
      _ = try await admin.post("/admin/catalog/import", form: fields.merging(["map": "1"]) { $1 })
      // the two unknown departments: map both to existing ones
      fields = FormFields.read(admin.lastBody, action: "/admin/catalog/import")
      fields["department_0"] = "dept-scjgj"
      fields["department_1"] = "dept-zjj"
      var r = try await admin.post("/admin/catalog/import", form: fields.merging(["resolve": "1"]) { $1 })
      #expect(r.status == .unprocessableEntity, "\(admin.lastBody.components(separatedBy: "<main").last!.prefix(2000))")
      #expect(admin.lastBody.contains("办理流程") && admin.lastBody.contains("办理人员"), "the list's own sheet and header")
      // the corrected list: the saved mapping reads its materials and steps
      _ = try await admin.uploadList(Self.workbookWithDetails())
      fields = FormFields.read(admin.lastBody, action: "/admin/catalog/import")
      #expect(fields["detail1_sheet"] == "办理流程", "the saved mapping offered again")
      r = try await admin.post("/admin/catalog/import", form: fields.merging(["map": "1"]) { $1 })
      #expect(
        r.status == .ok && admin.lastBody.contains("id=\"import-plan\""),
        "\(admin.lastBody.components(separatedBy: "<main").last!.prefix(2000))")
      fields = FormFields.read(admin.lastBody, action: "/admin/catalog/import")
      r = try await admin.post("/admin/catalog/import", form: fields.merging(["confirm": "1"]) { $1 })
      let food = try #require(try await CatalogRepository(app.db).entry(code: "00010500100Y01"))
      #expect(food.item.materials.map(\.name) == ["营业执照", "食品安全管理制度"])
      #expect(food.item.materials.last?.deferrable == true && food.item.materials.last?.copies == 2)
      #expect(food.item.materials.first?.standard == "在有效期内")
      #expect(food.item.steps.map(\.name) == ["受理", "审查", "决定"] && food.item.steps[1].limitDays == 5)
      #expect(!food.item.unknown.contains(.materials), "materials given: known")
      let road = try #require(try await CatalogRepository(app.db).entry(code: "000101099002"))
      #expect(road.item.unknown.contains(.materials), "no rows for it: still unknown")
    }
  }

  @Test(
    "columns mapped on the page (kept for the county), unknown departments created or mapped there, blanks kept unknown; again changes nothing",
    arguments: TestDatabase.all)
  func provinceList(database: TestDatabase) async throws {
    try await withTestApp(database) { app in
      var admin = try await Self.administrator(app)
      // act: upload; the page guesses the sheet, the header row and each column by its name
      var r = try await admin.uploadList(Self.workbook())
      #expect(r.status == .ok && admin.lastBody.contains("id=\"import-mapping\""), "\(admin.lastBody.prefix(1500))")
      var fields = FormFields.read(admin.lastBody, action: "/admin/catalog/import")
      #expect(fields["sheet"] == "实施清单" && fields["header_row"] == "2")
      let columns = CatalogColumnMapping.mappable
      func column(_ name: String) -> String { "column_\(columns.firstIndex(of: name)!)" }
      #expect(fields[column("事项名称")] == "子项名称" && fields[column("实施主体")] == "实施机构")
      #expect(fields[column("法定时限（工作日）")] == "法定办结时限（工作日）" && fields[column("实施编码")] == "实施编码")
      #expect(fields[column("县级办理模式")] == "" && fields[column("行使层级")] == "行使层级")
      // act: a required column left unmapped is named, and nothing is saved
      fields[column("事项名称")] = ""
      r = try await admin.post("/admin/catalog/import", form: fields.merging(["map": "1"]) { $1 })
      #expect(r.status == .unprocessableEntity && admin.lastBody.contains("id=\"\(column("事项名称"))-error\""))
      #expect(try await CatalogMappingRepository(app.db).mapping(county: "360999") == nil)
      fields[column("事项名称")] = "子项名称"
      r = try await admin.post("/admin/catalog/import", form: fields.merging(["map": "1"]) { $1 })
      // check: two departments the directory lacks are asked about, most rows first
      #expect(admin.lastBody.contains("id=\"import-departments\""), "\(admin.lastBody.prefix(3000))")
      fields = FormFields.read(admin.lastBody, action: "/admin/catalog/import")
      #expect(fields["name_0"] == "云溪县数据局" || fields["name_1"] == "云溪县数据局")
      let data = fields["name_0"] == "云溪县数据局" ? 0 : 1
      #expect(
        fields["credit_code_\(data)"] == Self.creditCode("11360999MB1234567"), "the mapped credit code is offered")
      // act: a bad credit code is named at its field; then create one and map the other
      fields["department_\(data)"] = "new"
      fields["credit_code_\(data)"] = "123"
      fields["department_\(1 - data)"] = "dept-zjj"
      r = try await admin.post("/admin/catalog/import", form: fields.merging(["resolve": "1"]) { $1 })
      #expect(r.status == .unprocessableEntity && admin.lastBody.contains("id=\"credit_code_\(data)-error\""))
      fields = FormFields.read(admin.lastBody, action: "/admin/catalog/import")
      #expect(fields["name_0"] == "云溪县数据局" && fields["name_1"] == nil, "the mapped one is resolved already")
      fields["department_0"] = "new"
      fields["credit_code_0"] = Self.creditCode("11360999MB1234567")
      r = try await admin.post("/admin/catalog/import", form: fields.merging(["resolve": "1"]) { $1 })
      // check: the dry run, with the items that lack elements named as drafts
      #expect(
        r.status == .ok && admin.lastBody.contains("id=\"import-plan\""),
        "\(admin.lastBody.components(separatedBy: "<main").last!.prefix(3000))")
      #expect(admin.lastBody.contains("id=\"plan-drafts\"") && admin.lastBody.contains("收费"))
      fields = FormFields.read(admin.lastBody, action: "/admin/catalog/import")
      let report = try await admin.get(
        "/admin/catalog/import/report.csv?upload=\(fields["upload"] ?? "")&layout=mapped")
      #expect(report.status == .ok && report.body.string.contains("新增,002099099001,政务数据共享申请"))
      r = try await admin.post("/admin/catalog/import", form: fields.merging(["confirm": "1"]) { $1 })
      #expect(admin.lastBody.contains("id=\"import-result\""), "\(admin.lastBody.prefix(2000))")
      // check: the province's codes, its 主项 and the resolved departments; blanks are unknown, so drafts
      let catalog = CatalogRepository(app.db)
      let food = try #require(
        try await catalog.entry(code: "00010500100Y01"),
        "\(admin.lastBody.components(separatedBy: "<main").last!.prefix(1500))")
      #expect(food.item.implementationCode == "11360999MB1234567X400011700200001")
      #expect(food.item.mainItem == MainItem(code: "00010500100Y", name: "食品经营许可"))
      #expect(food.item.departmentID == "dept-scjgj" && food.item.fee == nil && !food.item.unknown.contains(.fee))
      #expect(food.status == .draft && food.item.unknown == [.materials], "no 材料 sheet: materials unknown")
      let road = try #require(try await catalog.entry(code: "000101099002"))
      #expect(road.item.departmentID == "dept-zjj" && road.item.unknown.contains(.fee))
      let shared = try #require(try await catalog.entry(code: "002099099001"))
      #expect(shared.item.levels == [.county, .town])
      let created = try #require(try await DirectoryRepository(app.db).department(shared.item.departmentID))
      #expect(created.name == "云溪县数据局" && created.creditCode == Self.creditCode("11360999MB1234567"))
      #expect(created.inHall == nil, "the list does not say whether it is in the hall: unknown, not yes")

      // act: the next import of the list, edited: the saved mapping and resolutions are used as they are
      r = try await admin.uploadList(Self.workbook(legalLimit: "五天"))
      fields = FormFields.read(admin.lastBody, action: "/admin/catalog/import")
      #expect(fields[column("事项名称")] == "子项名称" && fields["header_row"] == "2")
      r = try await admin.post("/admin/catalog/import", form: fields.merging(["map": "1"]) { $1 })
      // check: a problem is named in the list's own sheet, row and column, and summarised
      #expect(r.status == .unprocessableEntity && admin.lastBody.contains("id=\"problem-summary\""))
      #expect(admin.lastBody.contains("<td>实施清单</td><td>3</td><td>法定办结时限（工作日）</td>"))
      #expect(admin.lastBody.contains("“…”不是整数"))
      r = try await admin.uploadList(Self.workbook())
      fields = FormFields.read(admin.lastBody, action: "/admin/catalog/import")
      r = try await admin.post("/admin/catalog/import", form: fields.merging(["map": "1"]) { $1 })
      #expect(admin.lastBody.contains("将新增 0 项，更新 0 项，3 项无变化"), "\(admin.lastBody.prefix(2000))")
    }
  }
}

extension TestBrowser {
  /// Uploads a province's list on the catalog import page, as its file field takes it.
  mutating func uploadList(_ bytes: [UInt8]) async throws -> TestingHTTPResponse {
    try await post(
      "/admin/catalog/import", form: ["_csrf": csrfToken ?? ""],
      files: [("file", "江西省实施清单.xlsx", "application/octet-stream", bytes)])
  }
}
