/// Place names, departments and people of the demo county 云溪县 (360999). The county is fictional;
/// its codes follow the official 6/9/12-digit form (towns 1xx, 乡 2xx; communities 0xx, villages 2xx).
enum DemoGeography {
  struct Town {
    let code: RegionCode
    let name: String
    let street: String
    let phone: String
    let villages: [Region]
  }

  static let towns: [Town] = [
    town("100", "城关镇", "人民大道 190 号", [("001", "东门社区"), ("002", "南街社区"), ("201", "西郊村"), ("202", "北山村")]),
    town("101", "石桥镇", "石桥街 18 号", [("001", "石桥社区"), ("201", "上塘村"), ("202", "下塘村"), ("203", "枫林村")]),
    town("102", "龙潭镇", "龙潭大道 9 号", [("001", "龙潭社区"), ("201", "青石村"), ("202", "马岭村")]),
    town("103", "清溪镇", "溪畔路 32 号", [("001", "清溪社区"), ("201", "溪口村"), ("202", "竹坞村")]),
    town("104", "白沙镇", "白沙街 77 号", [("001", "白沙社区"), ("201", "沙埠村"), ("202", "茶园村")]),
    town("200", "桃源乡", "桃源路 3 号", [("201", "桃源村"), ("202", "杏花村"), ("203", "梅岭村")]),
  ]

  private static func town(
    _ suffix: String, _ name: String, _ street: String, _ villages: [(String, String)]
  ) -> Town {
    let code = RegionCode("360999" + suffix)!
    return Town(
      code: code, name: name, street: street, phone: "0795-75\(suffix)66",
      villages: villages.map { Region(code: RegionCode(code.value + $0.0)!, name: $0.1) })
  }

  /// County departments stationed at the center (key, name). Keys become department IDs.
  static let countyDepartments: [(String, String)] = [
    ("xzsp", "云溪县行政审批服务局"),
    ("gaj", "云溪县公安局"),
    ("rsj", "云溪县人力资源和社会保障局"),
    ("mzj", "云溪县民政局"),
    ("scjgj", "云溪县市场监督管理局"),
    ("zrzyj", "云溪县自然资源局"),
    ("bdc", "云溪县不动产登记中心"),
    ("ybj", "云溪县医疗保障局"),
    ("wjw", "云溪县卫生健康委员会"),
    ("zjj", "云溪县住房和城乡建设局"),
    ("swj", "国家税务总局云溪县税务局"),
    ("jtj", "云溪县交通运输局"),
    ("nyncj", "云溪县农业农村局"),
    ("jtyj", "云溪县教育体育局"),
    ("cl", "云溪县残疾人联合会"),
    ("tyjr", "云溪县退役军人事务局"),
    ("sfj", "云溪县司法局"),
    ("lyj", "云溪县林业局"),
    ("gjj", "云溪县住房公积金管理中心"),
  ]

  /// The bodies stationed at a town hall in seed 001 (事业单位 and 派驻机构).
  static let townDepartments: [(String, String)] = [
    ("shsw", "社会事务综合服务中心"),
    ("nyzh", "农业综合服务中心"),
    ("pcs", "派出所"),
    ("czs", "财政所"),
    ("sfs", "司法所"),
    ("scjgs", "市场监督管理所"),
    ("zrzys", "自然资源所"),
  ]

  /// Seed 001's windows: (department key or nil for the center's own, window name, how many).
  static let townWindows: [(String?, String, Int)] = [
    ("shsw", "社会事务综合窗口", 3),
    ("nyzh", "农业综合窗口", 2),
    ("zrzys", "自然资源窗口", 1),
    ("scjgs", "市场监管窗口", 1),
    ("czs", "财税窗口", 1),
    ("pcs", "户政窗口", 1),
    ("sfs", "司法窗口", 1),
    (nil, "公共服务综合窗口", 1),
  ]

  private static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘")
  private static let givenNames = [
    "建国", "秀英", "志强", "丽华", "海燕", "文斌", "晓敏", "国平", "春梅", "德明",
    "雪梅", "俊杰", "玉兰", "红军", "静怡", "振华", "桂芳", "子涵", "宏伟", "淑珍",
    "永生", "梦瑶", "立新", "慧敏", "家豪", "美玲", "长青", "思远", "月娥", "博文",
    "小红", "金生", "婉婷", "卫东", "凤英", "一鸣", "秋菊", "浩然", "翠兰", "天佑",
    "雨桐",
  ]

  /// A deterministic, realistic full name for the n-th demo person.
  static func personName(_ n: Int) -> String {
    "\(surnames[n % surnames.count])\(givenNames[(n * 7 + n / surnames.count) % givenNames.count])"
  }
}
