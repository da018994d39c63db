/// The one place that decides what each role may do in each scope. Pages, the API and the CLI
/// all ask here; nothing else grants access.
public enum Authorization {
  /// The permissions each role holds inside its own scope.
  public static func permissions(of role: Role) -> Set<Permission> {
    switch role {
    case .admin:
      [
        .viewWorkbench, .manageStaff, .manageCatalog, .manageSites, .manageCalendar, .viewCases,
        .handleRectifications, .viewStatistics, .setTargets,
      ]
    case .clerk:
      [.viewWorkbench, .intakeCases, .deliverResults, .callTickets, .viewCases]
    case .reviewer:
      [.viewWorkbench, .reviewCases, .viewCases]
    case .agent:
      [.viewWorkbench, .proxyApply, .viewCases]
    case .supervisor:
      [.viewWorkbench, .viewCases, .superviseCases, .viewStatistics]
    case .service:
      [.viewWorkbench, .handleInquiries, .handleRectifications, .viewCases]
    }
  }

  /// Decides whether `actor` may do `permission`, on a resource in `target` when one is given.
  public static func decide(
    _ actor: StaffIdentity, _ permission: Permission, in target: Scope? = nil
  ) -> AccessDecision {
    guard permissions(of: actor.role).contains(permission) else {
      return .denied(
        LocalizedText(
          zh: "\(actor.role.name.zh)无权\(permission.name.zh)",
          en: "A \(actor.role.name.en.lowercased()) may not: \(permission.name.en.lowercased())"))
    }
    if let target, !actor.scope.covers(target) {
      return .denied(
        LocalizedText(zh: "超出您的数据范围", en: "This is outside your scope"))
    }
    return .allowed
  }

  /// Whether `actor` speaks for `departmentID`: its reviewers (who handle its cases) or the center's administrator.
  /// They answer what is put to the department — 督办 tickets, inquiries dispatched to it.
  public static func speaksFor(_ actor: StaffIdentity, department departmentID: String) -> Bool {
    (actor.scope.departmentID == departmentID && can(actor, .reviewCases)) || can(actor, .manageStaff)
  }

  /// The same decision as `decide`, without composing the reason (it runs for every step of every case shown).
  public static func can(_ actor: StaffIdentity, _ permission: Permission, in target: Scope? = nil)
    -> Bool
  {
    permissions(of: actor.role).contains(permission) && (target.map(actor.scope.covers) ?? true)
  }
}

public enum AccessDecision: Sendable, Hashable {
  case allowed
  case denied(LocalizedText)
}
