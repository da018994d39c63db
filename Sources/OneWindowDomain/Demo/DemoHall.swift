/// The demo halls' business groups (seeds 002–004: 叫号机 at every center): the county center's queues by field,
/// the real-estate sub-center's, and one general queue at each town center.
enum DemoHall {
  static func groups(windows: [Window], sites: [Site]) -> [BusinessGroup] {
    func ids(_ site: String, _ numbers: ClosedRange<Int>) -> [String] {
      numbers.map { "win-\(site)-\($0 < 10 ? "0\($0)" : "\($0)")" }
    }
    let center = DemoCountyBuilder.centerID
    var groups = [
      BusinessGroup(siteID: center, code: "A", name: "综合受理", windowIDs: ids(center, 1...6), slotCapacity: 4),
      BusinessGroup(siteID: center, code: "B", name: "公安户政", windowIDs: ids(center, 7...7), slotCapacity: 2),
      BusinessGroup(siteID: center, code: "C", name: "税务", windowIDs: ids(center, 8...8), slotCapacity: 2),
      BusinessGroup(siteID: center, code: "D", name: "医保社保", windowIDs: ids(center, 9...9), slotCapacity: 2),
      BusinessGroup(siteID: center, code: "E", name: "帮办代办", windowIDs: ids(center, 10...10), slotCapacity: 1),
      BusinessGroup(siteID: center, code: "F", name: "领取结果", windowIDs: ids(center, 11...11), slotCapacity: 0),
      BusinessGroup(
        siteID: "site-realestate", code: "A", name: "不动产登记", windowIDs: ids("site-realestate", 1...3), slotCapacity: 3),
      BusinessGroup(
        siteID: "site-realestate", code: "B", name: "领取证书", windowIDs: ids("site-realestate", 4...4), slotCapacity: 0),
    ]
    for site in sites where site.kind == .townCenter {
      let mine = windows.filter { $0.siteID == site.id }.map(\.id)
      if !mine.isEmpty {
        groups.append(BusinessGroup(siteID: site.id, code: "A", name: "综合受理", windowIDs: mine, slotCapacity: 2))
      }
    }
    return groups
  }
}
