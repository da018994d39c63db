/// The demo county 云溪县: deterministic data for `onewindow demo`, the tests and every screen.
/// Built from seed 001 (town hall departments and windows) and the county centers of seeds 000–004.
public struct DemoCounty: Sendable {
  /// Every demo account shares this password.
  public static let password = "demo1234"
  /// The day the demo staff took their posts (long enough ago that any test clock finds them on duty).
  public static let dutiesStart = CivilDate(year: 2020, month: 1, day: 1)!
  public static let shared = DemoCounty()

  public let county: Region
  public let regions: [Region]
  public let sites: [Site]
  public let departments: [Department]
  public let windows: [Window]
  public let staff: [DemoStaff]
  public let items: [ServiceItem]
  public let agreements: [DelegationAgreement]
  public let bundles: [ServiceBundle]
  public let proxyLists: [ProxyList]
  /// 业务分组 of the halls that have a ticket machine.
  public let hallGroups: [BusinessGroup]

  /// The accounts a newcomer logs in with, one per role (and a town clerk), in the order README lists them.
  public var featuredLogins: [DemoStaff] {
    ["admin", "clerk", "reviewer", "agent", "supervisor", "service", "townclerk"].compactMap {
      name in staff.first { $0.username == name }
    }
  }

  init() {
    var builder = DemoCountyBuilder()
    builder.build()
    county = builder.regions[0]
    regions = builder.regions
    sites = builder.sites
    departments = builder.departments
    windows = builder.windows
    staff = builder.staff
    items = builder.items
    agreements = DemoDelegations.agreements(items: items)
    bundles = DemoDelegations.bundles(items: items)
    proxyLists = DemoDelegations.proxyLists(items: items)
    hallGroups = DemoHall.groups(windows: windows, sites: sites)
  }
}

/// A demo staff account with the windows it is on duty at (AB岗).
public struct DemoStaff: Sendable, Hashable {
  public let username: String
  public let displayName: String
  public let role: Role
  public let scope: Scope
  public let title: String
  public let phone: String
  public let duties: [WindowDuty]
}

/// One staff member on duty at one window, as the A or the B post.
public struct WindowDuty: Sendable, Hashable, Codable {
  public let windowID: String
  public let post: DutyPost

  public init(windowID: String, post: DutyPost) {
    self.windowID = windowID
    self.post = post
  }
}
