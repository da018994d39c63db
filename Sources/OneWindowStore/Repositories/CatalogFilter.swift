import OneWindowDomain
import SQLKit

/// What a catalog search asks for; every part is optional.
public struct CatalogFilter: Sendable {
  /// Only this county's items (a deployment may serve several); nil: every county's.
  public var county: String?
  /// Chinese text, pinyin initials or an item code.
  public var text: String?
  public var departmentID: String?
  public var level: RegionLevel?
  public var type: ItemType?
  public var theme: ItemTheme?
  public var audience: Audience?
  /// Only items on this town's or village's proxy list (what its agents take on).
  public var proxyRegion: RegionCode?
  /// Only items on the exception list (进驻例外: handled outside the hall).
  public var hallExceptionsOnly = false
  public var statuses: Set<ItemStatus> = [.published]
  public var limit = 20
  public var offset = 0

  public init() {}

  /// The search text in the form `search_text` holds: lowercase, without spaces or LIKE wildcards.
  var normalizedText: String? {
    guard let text else { return nil }
    let cleaned = String(text.lowercased().filter { !$0.isWhitespace && !"%_\\".contains($0) })
    return cleaned.isEmpty ? nil : cleaned
  }

  /// Every condition but the text, which `CatalogRepository.search` matches through the search index.
  func apply(to select: SQLSelectBuilder) -> SQLSelectBuilder {
    var select = select.where("status", .in, statuses.map(\.rawValue).sorted())
    if let county { select = select.where("county_code", .equal, county) }
    if let departmentID { select = select.where("department_id", .equal, departmentID) }
    if let level { select = select.where("levels", .like, "%\(level.rawValue)%") }
    if let type { select = select.where("type", .equal, type.rawValue) }
    if let theme { select = select.where("themes", .like, "%,\(theme.rawValue),%") }
    if let audience { select = select.where("themes", .like, "%,@\(audience.rawValue),%") }
    if hallExceptionsOnly { select = select.where("hall_exception", .notEqual, "") }
    if let proxyRegion {
      select = select.where(
        SQLQueryString(
          "service_items.code IN (SELECT item_code FROM proxy_list_entries WHERE region_code = \(bind: proxyRegion.value))"
        ))
    }
    return select
  }
}
