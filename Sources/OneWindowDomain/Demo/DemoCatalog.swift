/// The demo county's service items, built from `DemoCatalogTable` with the elements a guide prints: materials,
/// steps, conditions, legal basis, fees, delivery and per-level handling.
enum DemoCatalog {
  /// Materials many items ask for, by the key the table uses.
  static let materials: [String: Material] = [
    "sqb": Material(
      name: "申请表", form: .paperForm, standard: "填写完整并由申请人签字（盖章）", blankForm: "申请表（空白）.docx",
      sample: "申请表（填写样例）.pdf"),
    "sfz": Material(
      name: "申请人居民身份证", form: .original, copies: 1, source: .government, standard: "在有效期内，现场核验后退还"),
    "hkb": Material(name: "居民户口簿", form: .original, source: .government, standard: "户主页及本人页"),
    "zp": Material(
      name: "近期二寸免冠彩色照片", deferrable: true, form: .original, copies: 2, standard: "白色背景，六个月内拍摄"),
    "jhz": Material(name: "结婚证", form: .originalOrCopy, source: .government),
    "cszm": Material(name: "出生医学证明", form: .original, source: .government),
    "yyzz": Material(name: "营业执照", form: .fetched, copies: 0, source: .government, standard: "系统通过电子证照库获取"),
    "fddb": Material(name: "法定代表人身份证件", form: .copy, source: .government),
    "cszs": Material(name: "经营（住所）场所使用证明", form: .copy, standard: "产权证明或租赁合同"),
    "zc": Material(name: "公司章程", form: .original, standard: "全体股东签署"),
    "jy": Material(name: "股东会决议或股东决定", form: .original),
    "bdcq": Material(name: "不动产权证书", form: .original, source: .government),
    "htq": Material(name: "合同或协议", form: .original, standard: "双方签字（盖章）"),
    "swzm": Material(name: "居民死亡医学证明（推断）书", form: .original, source: .government),
    "cjz": Material(name: "中华人民共和国残疾人证", form: .original, source: .government),
    "jkzm": Material(name: "从业人员健康证明", form: .copy, source: .government),
    "srzm": Material(name: "家庭收入及财产状况申报", form: .paperForm, standard: "家庭成员共同签字确认"),
    "yhzh": Material(name: "本人银行账户信息", form: .copy, standard: "社会保障卡金融账户或本人一类银行账户"),
    "tyz": Material(name: "退出现役证明", form: .originalOrCopy, source: .government),
    "xlzm": Material(name: "学历证书", form: .originalOrCopy, source: .government),
    "zgzs": Material(name: "资格证书", form: .originalOrCopy, source: .government),
    "tjbg": Material(name: "体检证明", form: .original, standard: "二级以上医疗机构六个月内出具"),
    "pmt": Material(name: "经营场所平面布局图", form: .original),
    "ghxk": Material(name: "建设工程规划许可证", form: .fetched, copies: 0, source: .government),
    "sgtsc": Material(name: "施工图设计文件审查合格书", form: .copy),
    "tdz": Material(name: "土地使用权证明", form: .copy, source: .government),
    "cljz": Material(name: "机动车行驶证", form: .original, source: .government),
    "jsz": Material(name: "机动车驾驶证", form: .original, source: .government),
    "yyjl": Material(name: "医疗费用票据及费用清单", form: .original),
    "zdzm": Material(name: "医疗机构诊断证明", form: .original),
    "cunzm": Material(name: "村（居）民委员会出具的情况证明", form: .original),
    "jzz": Material(name: "居住证明", form: .copy, standard: "房屋产权证明或租赁合同"),
  ]

  /// What each department's items rest on, printed as 设定依据.
  private static let legalBases: [String: String] = [
    "xzsp": "《中华人民共和国行政许可法》；《优化营商环境条例》",
    "gaj": "《中华人民共和国户口登记条例》；《中华人民共和国居民身份证法》；《中华人民共和国出境入境管理法》",
    "rsj": "《中华人民共和国社会保险法》；《中华人民共和国就业促进法》；《失业保险条例》",
    "mzj": "《社会救助暂行办法》；《婚姻登记条例》；《社会团体登记管理条例》",
    "scjgj": "《中华人民共和国市场主体登记管理条例》；《中华人民共和国食品安全法》",
    "zrzyj": "《中华人民共和国城乡规划法》；《中华人民共和国土地管理法》",
    "bdc": "《不动产登记暂行条例》；《不动产登记暂行条例实施细则》",
    "ybj": "《中华人民共和国社会保险法》；《医疗保障基金使用监督管理条例》",
    "wjw": "《中华人民共和国医师法》；《医疗机构管理条例》；《中华人民共和国人口与计划生育法》",
    "zjj": "《中华人民共和国建筑法》；《建设工程质量管理条例》；《城市房地产开发经营管理条例》",
    "swj": "《中华人民共和国税收征收管理法》及其实施细则",
    "jtj": "《中华人民共和国道路运输条例》；《中华人民共和国公路法》",
    "nyncj": "《中华人民共和国农村土地承包法》；《中华人民共和国动物防疫法》；《中华人民共和国种子法》",
    "jtyj": "《中华人民共和国义务教育法》；《中华人民共和国教师法》；《中华人民共和国民办教育促进法》",
    "cl": "《中华人民共和国残疾人保障法》；《残疾人证管理办法》",
    "tyjr": "《中华人民共和国退役军人保障法》；《军人抚恤优待条例》",
    "sfj": "《中华人民共和国法律援助法》；《中华人民共和国人民调解法》；《中华人民共和国公证法》",
    "lyj": "《中华人民共和国森林法》；《中华人民共和国野生动物保护法》",
    "gjj": "《住房公积金管理条例》",
  ]

  /// Departments whose items towns accept under a delegation agreement (委托受理); the others' town-level
  /// items are handled by the town's own stationed body or collected and forwarded.
  static let delegatingDepartments: Set<String> = ["rsj", "ybj", "mzj", "cl", "tyjr", "wjw"]
  /// County departments with a stationed body in every town (派出所, 市场监管所, 自然资源所, 司法所, 财政所).
  private static let stationedDepartments: Set<String> = ["gaj", "scjgj", "zrzyj", "sfj", "swj"]

  /// Items handled outside the hall (进驻例外), with the reason the exception list gives.
  static let hallExceptions: [String: String] = [
    "普通护照签发": "需在公安出入境接待大厅采集人像和指纹信息",
    "往来港澳通行证及签注签发": "需在公安出入境接待大厅采集人像和指纹信息",
    "往来台湾通行证及签注签发": "需在公安出入境接待大厅采集人像和指纹信息",
    "机动车检验合格标志核发": "需在机动车安全技术检验机构现场检验车辆",
  ]

  /// What people call some items (俗称), so that 社保卡 finds 社会保障卡申领.
  static let aliases: [String: [String]] = [
    "社会保障卡申领": ["社保卡"], "城乡居民基本医疗保险参保登记": ["医保参保", "居民医保"], "居民身份证申领": ["身份证"],
    "不动产转移登记": ["过户", "房产过户"], "住房公积金提取": ["公积金提取"], "最低生活保障审核确认": ["低保"],
    "个体工商户设立登记": ["个体户营业执照"], "失业保险金申领": ["失业金"], "内地居民结婚登记": ["结婚证"],
    "出生医学证明首次签发": ["出生证"], "企业设立登记": ["公司注册", "营业执照"], "残疾人证新办": ["残疾证"],
  ]

  static func items() -> [ServiceItem] {
    let departmentNumbers = Dictionary(
      uniqueKeysWithValues: DemoGeography.countyDepartments.enumerated().map { ($1.0, $0 + 1) })
    var perDepartment: [String: Int] = [:]
    return DemoCatalogTable.lines.split(separator: "\n").map { line in
      let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      let department = fields[0]
      let sequence = (perDepartment[department] ?? 0) + 1
      perDepartment[department] = sequence
      let number = departmentNumbers[department]!
      let type = itemType(fields[1])
      let code = "36\(type.rawValue)\(number < 10 ? "0" : "")\(number)\(String(1000 + sequence).suffix(3))000"
      return item(code: code, department: department, type: type, fields: fields)
    }
  }

  /// Business items that only an organisation applies for; the other business items are also open to a person
  /// (a 个体工商户 or a sole proprietor applies in their own name).
  private static let organisationsOnly: Set<String> = [
    "企业设立登记", "企业注销登记", "企业变更登记", "企业简易注销登记", "合伙企业设立登记", "农民专业合作社设立登记",
    "单位参保登记", "社会团体成立登记", "民办非企业单位成立登记", "社会组织注销登记", "人力资源服务许可",
    "建筑工程施工许可证核发", "建设用地规划许可证核发", "建设工程规划许可证核发", "药品零售企业许可", "第三类医疗器械经营许可",
    "大型群众性活动安全许可",
  ]

  private static func serviceObjects(name: String, themes: Set<ItemTheme>) -> Set<ServiceObject> {
    if themes.contains(.qualification) || !themes.contains(where: { $0.audience == .legalEntity }) { return [.person] }
    return organisationsOnly.contains(name)
      ? [.enterprise, .otherOrganization] : [.person, .enterprise, .otherOrganization]
  }

  private static func item(code: String, department: String, type: ItemType, fields: [String]) -> ServiceItem {
    let levels = Set(fields[2].map { $0 == "4" ? RegionLevel.county : $0 == "5" ? .town : .village })
    let kind: CaseKind = fields[3] == "i" ? .immediate : .promised
    let legal = Int(fields[4])!
    let promised = Int(fields[5])!
    let visits = Int(fields[6])!
    let depth = Int(fields[7])!
    let themes = Set(fields[8].split(separator: ",").map { ItemTheme(rawValue: String($0))! })
    let name = fields[10]
    var deliveryModes: Set<DeliveryMode> = [.pickup]
    if kind == .promised || visits == 0 { deliveryModes.insert(.mail) }
    if depth == 4 { deliveryModes.insert(.electronic) }
    var item = ServiceItem(
      code: code, name: name, type: type, departmentID: "dept-\(department)", levels: levels, caseKind: kind,
      legalLimitDays: legal, promisedLimitDays: promised, visits: visits, onlineDepth: depth,
      visitReason: visits > 0 ? "需现场核验申请人身份及材料原件" : "",
      serviceObjects: serviceObjects(name: name, themes: themes),
      themes: themes, conditions: conditions(type: type, name: name),
      legalBasis: legalBases[department] ?? "", materials: materials(fields[9]),
      steps: steps(kind: kind, promised: promised), fee: fee(fields.count > 11 ? fields[11] : ""),
      deliveryModes: deliveryModes, acceptanceScope: scope(type: type, depth: depth),
      handling: handling(levels: levels, department: department), resultName: resultName(type: type, name: name),
      inquiryPhone: "0795-72133\(String(10 + (Int(code.suffix(6).prefix(3)) ?? 0) % 90))",
      supervisionPhone: "0795-12345", hallExceptionReason: hallExceptions[name] ?? "", aliases: aliases[name] ?? [])
    // The demo county's own marks (a real county takes them from its province's lists): services, benefits and
    // certificates for residents are on the livelihood list; what can be applied for online fits a terminal.
    item.onLivelihoodList = item.servesPersons && [.publicService, .benefit, .confirmation].contains(type)
    item.kioskReady = depth >= 3
    return item
  }

  private static func itemType(_ key: String) -> ItemType {
    switch key {
    case "lic": .license
    case "conf": .confirmation
    case "ben": .benefit
    case "adj": .adjudication
    default: .publicService
    }
  }

  private static func materials(_ list: String) -> [Material] {
    list.split(separator: ",").map { entry in
      var key = String(entry)
      var optional = false
      var deferrable = false
      if key.hasSuffix("?") {
        optional = true
        key.removeLast()
      } else if key.hasSuffix("*") {
        deferrable = true
        key.removeLast()
      }
      var material = key.hasPrefix("~") ? Material(name: String(key.dropFirst())) : materials[key]!
      if optional { material.required = false }
      material.deferrable = material.required && (material.deferrable || deferrable)
      return material
    }
  }

  private static func steps(kind: CaseKind, promised: Int) -> [ProcessStep] {
    guard kind != .immediate else {
      return [
        ProcessStep(name: "受理", role: .accept, limitDays: 0),
        ProcessStep(name: "审核并当场办结", role: .decide, limitDays: 0),
      ]
    }
    let decide = promised >= 3 ? 1 : 0
    return [
      ProcessStep(name: "受理", role: .accept, limitDays: 0),
      ProcessStep(name: "审查", role: .review, limitDays: promised - decide),
      ProcessStep(name: "决定", role: .decide, limitDays: decide),
      ProcessStep(name: "送达", role: .deliver, limitDays: 0),
    ]
  }

  private static func fee(_ text: String) -> Fee? {
    guard let colon = text.firstIndex(of: ":"), let fen = Int(text[..<colon]), fen > 0 else { return nil }
    return Fee(amountFen: fen, basis: String(text[text.index(after: colon)...]))
  }

  private static func scope(type: ItemType, depth: Int) -> AcceptanceScope {
    if depth == 4 { return type == .publicService ? .crossProvince : .province }
    return type == .license ? .county : .city
  }

  private static func handling(levels: Set<RegionLevel>, department: String) -> [RegionLevel: HandlingMode] {
    var modes: [RegionLevel: HandlingMode] = [:]
    if levels.contains(.county) { modes[.county] = .direct }
    if levels.contains(.town) {
      modes[.town] =
        delegatingDepartments.contains(department)
        ? .delegated : stationedDepartments.contains(department) ? .direct : .collectForward
    }
    if levels.contains(.village) { modes[.village] = .proxy }
    return modes
  }

  private static func conditions(type: ItemType, name: String) -> String {
    switch type {
    case .license:
      "申请人具备法律法规规定的条件，申请材料齐全、符合法定形式；涉及告知承诺的，申请人书面承诺符合条件。"
    case .benefit:
      "申请人符合待遇享受条件，户籍或参保关系在本县，申请材料真实有效。"
    case .confirmation:
      "申请人为当事人本人或其委托代理人，所涉事实清楚，申请材料齐全。"
    case .adjudication:
      "有明确的被申请人、具体的请求和事实理由，属于受理范围且在法定期限内提出。"
    default:
      "申请人为本人或其委托代理人，持有效身份证件办理“\(name)”。"
    }
  }

  private static func resultName(type: ItemType, name: String) -> String {
    if let range = name.range(of: "许可证") { return String(name[..<range.upperBound]) }
    switch type {
    case .license: return "准予行政许可决定书"
    case .confirmation: return "\(name)结果"
    case .benefit: return "待遇核定通知书"
    case .adjudication: return "裁决（调解）书"
    default: return ""
    }
  }
}
