/// The demo county's delegation agreements, "一件事" bundles and proxy lists, built from its catalog.
enum DemoDelegations {
  /// 人社 and 医保 delegate to every town; 民政 only to the first two, so the other towns show the fallback to
  /// 收件转办; 卫健 delegated to the first town with an agreement that has run out.
  static func agreements(items: [ServiceItem]) -> [DelegationAgreement] {
    var agreements: [DelegationAgreement] = []
    let plan: [(department: String, short: String, towns: ArraySlice<DemoGeography.Town>, until: CivilDate)] = [
      ("rsj", "人社", DemoGeography.towns[...], CivilDate(year: 2028, month: 12, day: 31)!),
      ("ybj", "医保", DemoGeography.towns[...], CivilDate(year: 2028, month: 12, day: 31)!),
      ("mzj", "民政", DemoGeography.towns.prefix(2), CivilDate(year: 2027, month: 6, day: 30)!),
      ("wjw", "卫健", DemoGeography.towns.prefix(1), CivilDate(year: 2025, month: 12, day: 31)!),
    ]
    for entry in plan {
      let department = "dept-\(entry.department)"
      let codes = items.filter { $0.departmentID == department && $0.handling[.town] == .delegated }.map(\.code)
      let departmentName = DemoGeography.countyDepartments.first { $0.0 == entry.department }!.1
      for town in entry.towns {
        let serial = agreements.count + 1
        agreements.append(
          DelegationAgreement(
            id: "agreement-\(serial)", documentNumber: "云溪\(entry.short)委〔2025〕\(serial)号", departmentID: department,
            delegateRegion: town.code, itemCodes: codes, seal: "\(departmentName)（公章）",
            validFrom: CivilDate(year: 2025, month: 1, day: 1)!, validUntil: entry.until,
            responsibilities:
              "委托方负责业务指导、培训和审批决定，对委托事项的结果承担法律责任；受托方以委托方名义受理、初审并在规定时限内报送，不得再委托。"
          ))
      }
    }
    return agreements
  }

  /// Five bundles from the national "高效办成一件事" lists.
  static func bundles(items: [ServiceItem]) -> [ServiceBundle] {
    func codes(_ names: [String]) -> [String] {
      names.map { name in items.first { $0.name == name }!.code }
    }
    return [
      ServiceBundle(
        id: "newborn", name: "新生儿出生一件事", summary: "出生医学证明、户口登记、医保参保、社保卡申领一次办。", audience: .person,
        itemCodes: codes(["出生医学证明首次签发", "出生登记", "城乡居民基本医疗保险参保登记", "社会保障卡申领", "预防接种证办理"]),
        leadDepartmentID: "dept-wjw"),
      ServiceBundle(
        id: "restaurant", name: "开办餐饮店一件事", summary: "营业执照、食品经营许可、消防安全检查、户外招牌和排水许可一次办。",
        audience: .legalEntity,
        itemCodes: codes([
          "个体工商户设立登记", "食品经营许可", "公众聚集场所投入使用、营业前消防安全检查", "户外广告设施设置审批", "城镇污水排入排水管网许可",
        ]), leadDepartmentID: "dept-scjgj"),
      ServiceBundle(
        id: "retirement", name: "退休一件事", summary: "退休审批、养老金核定、医保待遇和公积金提取一次办。", audience: .person,
        itemCodes: codes(["职工正常退休申请", "养老保险待遇领取资格认证", "住房公积金退休提取"]), leadDepartmentID: "dept-rsj"),
      ServiceBundle(
        id: "after-death", name: "身后一件事", summary: "户口注销、火化证明、丧葬补助、社保医保注销和公积金提取一次办。", audience: .person,
        itemCodes: codes([
          "死亡注销户口", "遗体火化证明开具", "惠民殡葬补贴申领", "丧葬补助金和抚恤金申领", "城乡居民养老保险注销登记", "医保参保注销登记",
          "住房公积金死亡提取",
        ]), leadDepartmentID: "dept-gaj"),
      ServiceBundle(
        id: "disability", name: "残疾人服务一件事", summary: "残疾人证办理、两项补贴和康复辅具一次办。", audience: .person,
        itemCodes: codes(["残疾人证新办", "困难残疾人生活补贴和重度残疾人护理补贴", "残疾人辅助器具适配补贴申请"]), leadDepartmentID: "dept-cl"),
      ServiceBundle(
        id: "company-closure", name: "企业注销一件事", summary: "清税、社保医保注销和营业执照注销一次办。", audience: .legalEntity,
        itemCodes: codes(["清税证明开具", "企业注销登记"]), leadDepartmentID: "dept-scjgj"),
    ]
  }

  /// Every town takes on all its town-level items; each village all its village-level items but a few that
  /// vary by village, so the lists differ the way real ones do.
  static func proxyLists(items: [ServiceItem]) -> [ProxyList] {
    let townItems = items.filter { $0.levels.contains(.town) }.map(\.code)
    let villageItems = items.filter { $0.levels.contains(.village) }.map(\.code)
    var lists: [ProxyList] = []
    for town in DemoGeography.towns {
      lists.append(ProxyList(region: Region(code: town.code, name: town.name), level: .town, itemCodes: townItems))
      for (index, village) in town.villages.enumerated() {
        let skip = (index * 7) % 11
        let codes = villageItems.enumerated().filter { $0.offset % 13 != skip }.map(\.element)
        lists.append(ProxyList(region: village, level: .village, itemCodes: codes))
      }
    }
    return lists
  }
}
