/// Seed 003's staffing rule for proxy service: at least two 帮办代办员 at each town center and one at each village
/// station. The directory page shows it as a check beside the sites.
public struct StaffingCheck: Sendable, Hashable {
  public let site: Site
  public let agents: Int
  public let required: Int

  public var met: Bool { agents >= required }
}

public enum StaffingRule {
  /// Agents a site of `kind` needs (0 where the seed sets no number).
  public static func requiredAgents(_ kind: SiteKind) -> Int {
    switch kind {
    case .townCenter: 2
    case .villageStation: 1
    default: 0
    }
  }

  /// The check for every site in service that the rule covers, from the agents counted at each site.
  public static func check(sites: [Site], agentsBySite: [String: Int]) -> [StaffingCheck] {
    sites.filter { !$0.isRetired && requiredAgents($0.kind) > 0 }.map {
      StaffingCheck(site: $0, agents: agentsBySite[$0.id] ?? 0, required: requiredAgents($0.kind))
    }
  }
}
