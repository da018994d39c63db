/// The demo county's service items: real item names of county catalogs, with their usual limits.
/// The catalog issue grows this to the full implementation list.
enum DemoCatalog {
  private struct Row {
    let department: String
    let type: ItemType
    let name: String
    let levels: String
    let kind: CaseKind
    let legal: Int
    let promised: Int
    let visits: Int
    let depth: Int
  }

  private static let rows: [Row] = [
    Row(
      department: "gaj", type: .confirmation, name: "户籍迁移（迁入）", levels: "45", kind: .promised, legal: 20, promised: 5,
      visits: 1, depth: 3),
    Row(
      department: "gaj", type: .confirmation, name: "出生登记", levels: "45", kind: .immediate, legal: 0, promised: 0,
      visits: 1, depth: 3),
    Row(
      department: "gaj", type: .publicService, name: "居民身份证申领", levels: "4", kind: .promised, legal: 60, promised: 20,
      visits: 1, depth: 2),
    Row(
      department: "gaj", type: .publicService, name: "临时居民身份证申领", levels: "4", kind: .immediate, legal: 0, promised: 0,
      visits: 1, depth: 2),
    Row(
      department: "gaj", type: .confirmation, name: "死亡注销户口", levels: "45", kind: .immediate, legal: 0, promised: 0,
      visits: 1, depth: 3),
    Row(
      department: "gaj", type: .publicService, name: "居住证签注", levels: "456", kind: .immediate, legal: 0, promised: 0,
      visits: 0, depth: 4),
    Row(
      department: "rsj", type: .benefit, name: "失业保险金申领", levels: "45", kind: .promised, legal: 20, promised: 5,
      visits: 0, depth: 4),
    Row(
      department: "rsj", type: .publicService, name: "城乡居民基本养老保险参保登记", levels: "456", kind: .immediate, legal: 0,
      promised: 0, visits: 0, depth: 4),
    Row(
      department: "rsj", type: .confirmation, name: "职工正常退休申请", levels: "4", kind: .promised, legal: 20, promised: 10,
      visits: 1, depth: 3),
    Row(
      department: "rsj", type: .publicService, name: "社会保障卡申领", levels: "456", kind: .promised, legal: 20, promised: 15,
      visits: 1, depth: 3),
    Row(
      department: "rsj", type: .publicService, name: "就业登记", levels: "456", kind: .immediate, legal: 0, promised: 0,
      visits: 0, depth: 4),
    Row(
      department: "rsj", type: .benefit, name: "城乡居民养老保险待遇申领", levels: "456", kind: .promised, legal: 20, promised: 5,
      visits: 0, depth: 4),
    Row(
      department: "mzj", type: .benefit, name: "最低生活保障审核确认", levels: "45", kind: .promised, legal: 30, promised: 20,
      visits: 1, depth: 3),
    Row(
      department: "mzj", type: .confirmation, name: "特困人员认定", levels: "45", kind: .promised, legal: 30, promised: 20,
      visits: 1, depth: 3),
    Row(
      department: "mzj", type: .benefit, name: "临时救助", levels: "456", kind: .promised, legal: 15, promised: 5,
      visits: 1, depth: 3),
    Row(
      department: "mzj", type: .confirmation, name: "内地居民结婚登记", levels: "4", kind: .immediate, legal: 0, promised: 0,
      visits: 1, depth: 2),
    Row(
      department: "mzj", type: .benefit, name: "高龄津贴申领", levels: "456", kind: .promised, legal: 20, promised: 10,
      visits: 0, depth: 4),
    Row(
      department: "mzj", type: .benefit, name: "困难残疾人生活补贴和重度残疾人护理补贴", levels: "456", kind: .promised, legal: 20,
      promised: 10, visits: 1, depth: 3),
    Row(
      department: "scjgj", type: .license, name: "个体工商户设立登记", levels: "45", kind: .immediate, legal: 15, promised: 0,
      visits: 0, depth: 4),
    Row(
      department: "scjgj", type: .license, name: "食品经营许可", levels: "4", kind: .promised, legal: 20, promised: 10,
      visits: 1, depth: 3),
    Row(
      department: "scjgj", type: .license, name: "企业设立登记", levels: "4", kind: .promised, legal: 15, promised: 1,
      visits: 0, depth: 4),
    Row(
      department: "scjgj", type: .license, name: "企业注销登记", levels: "4", kind: .promised, legal: 15, promised: 3,
      visits: 0, depth: 4),
    Row(
      department: "scjgj", type: .license, name: "小餐饮经营许可（登记）", levels: "45", kind: .promised, legal: 20, promised: 7,
      visits: 1, depth: 3),
    Row(
      department: "zrzyj", type: .license, name: "乡村建设规划许可证核发", levels: "45", kind: .promised, legal: 20, promised: 10,
      visits: 1, depth: 3),
    Row(
      department: "zrzyj", type: .license, name: "建设用地规划许可证核发", levels: "4", kind: .promised, legal: 20, promised: 10,
      visits: 1, depth: 3),
    Row(
      department: "bdc", type: .confirmation, name: "不动产首次登记", levels: "4", kind: .promised, legal: 30, promised: 5,
      visits: 1, depth: 3),
    Row(
      department: "bdc", type: .confirmation, name: "不动产转移登记", levels: "4", kind: .promised, legal: 30, promised: 3,
      visits: 1, depth: 3),
    Row(
      department: "bdc", type: .publicService, name: "不动产登记资料查询", levels: "45", kind: .immediate, legal: 0, promised: 0,
      visits: 0, depth: 4),
    Row(
      department: "ybj", type: .publicService, name: "城乡居民基本医疗保险参保登记", levels: "456", kind: .immediate, legal: 0,
      promised: 0, visits: 0, depth: 4),
    Row(
      department: "ybj", type: .benefit, name: "医疗费用手工（零星）报销", levels: "45", kind: .promised, legal: 30, promised: 20,
      visits: 1, depth: 3),
    Row(
      department: "ybj", type: .publicService, name: "异地就医备案", levels: "456", kind: .immediate, legal: 0, promised: 0,
      visits: 0, depth: 4),
    Row(
      department: "wjw", type: .publicService, name: "生育登记", levels: "456", kind: .immediate, legal: 0, promised: 0,
      visits: 0, depth: 4),
    Row(
      department: "wjw", type: .license, name: "医师执业注册", levels: "4", kind: .promised, legal: 20, promised: 10,
      visits: 1, depth: 3),
    Row(
      department: "wjw", type: .publicService, name: "出生医学证明首次签发", levels: "4", kind: .immediate, legal: 0, promised: 0,
      visits: 1, depth: 2),
    Row(
      department: "zjj", type: .license, name: "建筑工程施工许可证核发", levels: "4", kind: .promised, legal: 15, promised: 5,
      visits: 0, depth: 4),
    Row(
      department: "swj", type: .publicService, name: "发票领用", levels: "4", kind: .immediate, legal: 0, promised: 0,
      visits: 0, depth: 4),
    Row(
      department: "jtj", type: .license, name: "道路货物运输经营许可", levels: "4", kind: .promised, legal: 20, promised: 5,
      visits: 1, depth: 3),
    Row(
      department: "nyncj", type: .license, name: "农村村民宅基地审批", levels: "45", kind: .promised, legal: 20, promised: 15,
      visits: 1, depth: 3),
    Row(
      department: "nyncj", type: .license, name: "渔业捕捞许可", levels: "4", kind: .promised, legal: 20, promised: 10,
      visits: 1, depth: 3),
    Row(
      department: "jtyj", type: .publicService, name: "义务教育阶段学生转学", levels: "45", kind: .promised, legal: 10,
      promised: 5, visits: 1, depth: 3),
    Row(
      department: "cl", type: .confirmation, name: "残疾人证新办", levels: "456", kind: .promised, legal: 30, promised: 20,
      visits: 1, depth: 3),
    Row(
      department: "tyjr", type: .publicService, name: "退役军人优待证申领", levels: "456", kind: .promised, legal: 30,
      promised: 15, visits: 1, depth: 3),
    Row(
      department: "sfj", type: .publicService, name: "法律援助申请", levels: "456", kind: .promised, legal: 7, promised: 3,
      visits: 1, depth: 3),
    Row(
      department: "lyj", type: .license, name: "林木采伐许可证核发", levels: "45", kind: .promised, legal: 20, promised: 5,
      visits: 1, depth: 3),
    Row(
      department: "gjj", type: .publicService, name: "住房公积金提取", levels: "4", kind: .immediate, legal: 0, promised: 0,
      visits: 0, depth: 4),
  ]

  static func items() -> [ServiceItem] {
    let departmentNumbers = Dictionary(
      uniqueKeysWithValues: DemoGeography.countyDepartments.enumerated().map { ($1.0, $0 + 1) })
    var perDepartment: [String: Int] = [:]
    return rows.map { row in
      let sequence = (perDepartment[row.department] ?? 0) + 1
      perDepartment[row.department] = sequence
      let department = departmentNumbers[row.department]!
      let code =
        "36\(row.type.rawValue)\(department < 10 ? "0" : "")\(department)"
        + "\(String(1000 + sequence).suffix(3))000"
      let levels = Set(
        row.levels.map { digit -> RegionLevel in
          digit == "4" ? .county : digit == "5" ? .town : .village
        })
      return ServiceItem(
        code: code, name: row.name, type: row.type, departmentID: "dept-\(row.department)",
        levels: levels, caseKind: row.kind, legalLimitDays: row.legal,
        promisedLimitDays: row.promised, visits: row.visits, onlineDepth: row.depth)
    }
  }
}
