import Foundation
import OneWindowDomain
import Testing

@Suite("Catalog")
struct CatalogTests {
  static let base = ServiceItem(
    code: "360105002000", name: "食品经营许可", type: .license, departmentID: "dept-scjgj",
    levels: [.county, .town], caseKind: .promised, legalLimitDays: 20, promisedLimitDays: 10, visits: 1,
    onlineDepth: 3, visitReason: "现场核验", materials: [Material(name: "申请表"), Material(name: "营业执照")],
    steps: [
      ProcessStep(name: "受理", role: .accept, limitDays: 0), ProcessStep(name: "审查", role: .review, limitDays: 9),
      ProcessStep(name: "决定", role: .decide, limitDays: 1),
    ], handling: [.county: .direct, .town: .delegated])

  func fields(_ change: (inout ServiceItem) -> Void) -> [String] {
    var item = Self.base
    change(&item)
    return ItemValidator.problems(of: item).map(\.field)
  }

  @Test("pinyin initials: hjqy is 户籍迁移; a heteronym adds one variant, not every combination")
  func pinyin() {
    #expect(PinyinInitials.key(of: "户籍迁移（迁入）") == "hjqyqr")
    #expect(PinyinInitials.variants(of: "银行开户").contains("yhkh"))
    #expect(PinyinInitials.variants(of: "ICP备案") == ["icpba"])
    #expect(PinyinInitials.variants(of: "长长长长长长长长长长", limit: 8).count <= 8)
  }

  @Test("an item version stored before aliases existed still decodes, with none")
  func oldBodies() throws {
    var item = Self.base
    item.aliases = ["食品许可证"]
    let encoded = try JSONEncoder().encode(item)
    var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
    #expect(object["storedAliases"] != nil)
    object["storedAliases"] = nil
    let old = try JSONDecoder().decode(ServiceItem.self, from: try JSONSerialization.data(withJSONObject: object))
    #expect(old.aliases.isEmpty && old.name == item.name)
    #expect(try JSONDecoder().decode(ServiceItem.self, from: encoded).aliases == ["食品许可证"])
  }

  @Test("a valid item has no problems")
  func validItem() {
    #expect(ItemValidator.problems(of: Self.base).isEmpty)
  }

  @Test("each rule names its field")
  func rules() {
    #expect(fields { $0.promisedLimitDays = 25 } == ["promised_limit_days"])
    #expect(fields { $0.caseKind = .immediate }.contains("promised_limit_days"))
    #expect(fields { $0.code = "36010500200" } == ["code"])
    #expect(fields { $0.code = "362005002000" } == ["code"])
    #expect(fields { $0.name = "  " } == ["name"])
    #expect(fields { $0.materials.append(Material(name: "")) } == ["materials.3.name"])
    #expect(fields { $0.materials.append(Material(name: "申请表 ")) } == ["materials.3.name"])
    #expect(fields { $0.handling[.village] = .proxy } == ["handling_village"])
    #expect(fields { $0.handling[.town] = nil } == ["handling_town"])
    #expect(fields { $0.visitReason = "" } == ["visit_reason"])
    #expect(fields { $0.onlineDepth = 4 } == ["visits"])
    #expect(fields { $0.fee = Fee(amountFen: 1000, basis: "") } == ["fee_basis"])
    #expect(fields { $0.steps[1].limitDays = 12 } == ["steps"])
    #expect(
      fields {
        $0.visits = 0; $0.onlineDepth = 2
      } == ["delivery_modes"])
    #expect(fields { $0.deliveryModes = [] } == ["delivery_modes"])
  }

  @Test("publishing, suspending and cancelling follow the item's state")
  func lifecycle() throws {
    #expect(try ItemLifecycle.apply(.publish, to: .draft, hasDraft: true) == .published)
    #expect(try ItemLifecycle.apply(.publish, to: .published, hasDraft: true) == .published)
    #expect(throws: ValidationError.self) { try ItemLifecycle.apply(.publish, to: .published, hasDraft: false) }
    #expect(try ItemLifecycle.apply(.suspend, to: .published, hasDraft: false) == .suspended)
    #expect(try ItemLifecycle.apply(.resume, to: .suspended, hasDraft: false) == .published)
    #expect(throws: ValidationError.self) { try ItemLifecycle.apply(.resume, to: .cancelled, hasDraft: false) }
    #expect(throws: ValidationError.self) { try ItemLifecycle.apply(.suspend, to: .draft, hasDraft: true) }
  }

  @Test("the version history names what changed")
  func changes() {
    var edited = Self.base
    edited.promisedLimitDays = 5
    edited.materials.append(Material(name: "食品安全管理制度", deferrable: true))
    let changes = ItemChange.between(Self.base, edited)
    #expect(changes.map(\.element.zh) == ["承诺时限", "申请材料"])
    #expect(changes[0].before == "10 个工作日" && changes[0].after == "5 个工作日")
    #expect(changes[1].after.contains("可容缺"))
  }

  @Test("a delegated mode is in force only while an agreement covers the item")
  func delegation() {
    let town = RegionCode("360999100")!
    let agreement = DelegationAgreement(
      id: "a1", documentNumber: "云溪市监委〔2026〕1号", departmentID: "dept-scjgj", delegateRegion: town,
      itemCodes: [Self.base.code], seal: "云溪县市场监督管理局（公章）", validFrom: CivilDate(year: 2026, month: 1, day: 1)!,
      validUntil: CivilDate(year: 2026, month: 12, day: 31)!, responsibilities: "")
    let inForce = CivilDate(year: 2026, month: 6, day: 1)!
    let expired = CivilDate(year: 2027, month: 1, day: 1)!
    #expect(
      HandlingRule.mode(of: Self.base, at: .town, in: town, on: inForce, agreements: [agreement]) == .delegated)
    #expect(
      HandlingRule.mode(of: Self.base, at: .town, in: town, on: expired, agreements: [agreement]) == .collectForward)
    #expect(
      HandlingRule.mode(of: Self.base, at: .town, in: RegionCode("360999101")!, on: inForce, agreements: [agreement])
        == .collectForward)
    #expect(HandlingRule.mode(of: Self.base, at: .village, in: town, on: inForce, agreements: [agreement]) == nil)
    var unsealed = agreement
    unsealed.seal = ""
    unsealed.validUntil = CivilDate(year: 2025, month: 1, day: 1)!
    #expect(unsealed.problems(items: [Self.base.code: Self.base]).map(\.field) == ["seal", "valid_until"])
  }

  @Test("a bundle lists each material once, required if any item requires it")
  func bundleMaterials() {
    var other = Self.base
    other.code = "360105003000"
    other.materials = [Material(name: "营业执照 ", required: false), Material(name: "消防安全检查申报表")]
    let combined = ServiceBundle.combinedMaterials(of: [Self.base, other])
    #expect(combined.map(\.material.name) == ["申请表", "营业执照", "消防安全检查申报表"])
    #expect(combined[1].material.required)
    #expect(combined[1].itemCodes == [Self.base.code, other.code])
  }

  @Test("catalog figures count sunk and online items")
  func figures() {
    var countyOnly = Self.base
    countyOnly.levels = [.county]
    countyOnly.onlineDepth = 2
    let figures = CatalogFigures(items: [Self.base, countyOnly])
    #expect(figures.sinkingRate == 0.5)
    #expect(figures.onlineRate == 0.5)
  }
}
