import OneWindowDomain
import Testing

@Suite("Authorization: one check for role and scope")
struct AuthorizationTests {
  let county = RegionCode("360999")!
  let town = RegionCode("360999100")!
  let village = RegionCode("360999100201")!
  let otherTown = RegionCode("360999101")!

  func staff(_ role: Role, _ scope: Scope) -> StaffIdentity {
    StaffIdentity(id: "1", username: "u", displayName: "张三", role: role, scope: scope)
  }

  @Test("each role holds exactly its permissions")
  func rolePermissions() {
    #expect(Authorization.permissions(of: .admin).contains(.manageStaff))
    #expect(!Authorization.permissions(of: .clerk).contains(.manageStaff))
    #expect(Authorization.permissions(of: .clerk).contains(.intakeCases))
    #expect(Authorization.permissions(of: .reviewer).contains(.reviewCases))
    #expect(!Authorization.permissions(of: .reviewer).contains(.intakeCases))
    #expect(Authorization.permissions(of: .agent).contains(.proxyApply))
    #expect(Authorization.permissions(of: .supervisor).contains(.superviseCases))
    #expect(!Authorization.permissions(of: .supervisor).contains(.reviewCases))
    #expect(Authorization.permissions(of: .service).contains(.handleInquiries))
    for role in Role.allCases {
      #expect(Authorization.permissions(of: role).contains(.viewWorkbench))
    }
  }

  @Test("a county scope covers its towns and villages; a town scope not its neighbour")
  func regionScope() {
    let countyAdmin = staff(.admin, Scope(regionCode: county))
    let townAdmin = staff(.admin, Scope(regionCode: town))
    #expect(Authorization.can(countyAdmin, .manageStaff, in: Scope(regionCode: village)))
    #expect(Authorization.can(townAdmin, .manageStaff, in: Scope(regionCode: village)))
    #expect(!Authorization.can(townAdmin, .manageStaff, in: Scope(regionCode: otherTown)))
    #expect(!Authorization.can(townAdmin, .manageStaff, in: Scope(regionCode: county)))
  }

  @Test("site and department narrow a scope")
  func siteAndDepartment() {
    let clerk = staff(.clerk, Scope(regionCode: county, siteID: "site-center"))
    #expect(Authorization.can(clerk, .intakeCases, in: Scope(regionCode: county, siteID: "site-center")))
    #expect(!Authorization.can(clerk, .intakeCases, in: Scope(regionCode: county, siteID: "site-realestate")))
    #expect(!Authorization.can(clerk, .intakeCases, in: Scope(regionCode: county)))

    let reviewer = staff(.reviewer, Scope(regionCode: county, departmentID: "dept-scjgj"))
    #expect(Authorization.can(reviewer, .reviewCases, in: Scope(regionCode: town, departmentID: "dept-scjgj")))
    #expect(!Authorization.can(reviewer, .reviewCases, in: Scope(regionCode: county, departmentID: "dept-gaj")))
  }

  @Test("a denial says why, in both languages")
  func denialReason() {
    let clerk = staff(.clerk, Scope(regionCode: county))
    guard case .denied(let reason) = Authorization.decide(clerk, .manageCatalog) else {
      Issue.record("a clerk may not manage the catalog")
      return
    }
    #expect(reason.zh.contains("综合窗口受理员"))
    #expect(reason.en.contains("window clerk"))
    guard
      case .denied(let scopeReason) = Authorization.decide(
        clerk, .intakeCases, in: Scope(regionCode: RegionCode("361000")!))
    else {
      Issue.record("another county is outside the scope")
      return
    }
    #expect(scopeReason.zh == "超出您的数据范围")
  }

  @Test("can and decide always agree")
  func canMatchesDecide() {
    let scopes = [
      Scope(regionCode: county), Scope(regionCode: town), Scope(regionCode: village),
      Scope(regionCode: county, siteID: "site-center"), Scope(regionCode: otherTown, departmentID: "dept-gaj"),
    ]
    for role in Role.allCases {
      for actorScope in scopes {
        let actor = staff(role, actorScope)
        for permission in Permission.allCases {
          for target in scopes.map(Optional.some) + [nil] {
            #expect(
              Authorization.can(actor, permission, in: target)
                == (Authorization.decide(actor, permission, in: target) == .allowed))
          }
        }
      }
    }
  }
}
