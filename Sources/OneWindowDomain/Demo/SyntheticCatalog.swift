/// Synthetic items for load tests and search benchmarks: copies of the demo catalog's items under numbered
/// variant names (as a province-wide list repeats items per county and sub-item), with codes starting with 8
/// so they never collide with real ones.
public enum SyntheticCatalog {
  private static let variants = [
    "城关", "石桥", "龙潭", "青石", "枫林", "西郊", "白沙", "东山", "南岭", "北湖", "桃源", "柳溪", "梅岭", "竹园", "杏花",
    "荷塘", "金鸡", "玉泉", "凤凰", "马鞍", "狮子", "莲花", "黄石", "双河", "三江", "五里", "七星", "九龙", "新田", "高岭",
  ]

  /// The `index`-th synthetic item (0-based), built from `templates`.
  public static func item(_ index: Int, templates: [ServiceItem]) -> ServiceItem {
    var item = templates[index % templates.count]
    let serial = String(100_000_000 + index).suffix(8)
    item.code = "80" + item.type.rawValue + serial
    item.name =
      "\(item.name)（\(variants[index / templates.count % variants.count])\(index / (templates.count * variants.count) + 1)号）"
    return item
  }

  public static func isSynthetic(_ code: String) -> Bool { code.hasPrefix("80") }
}
