import OneWindowDomain
import Testing

@Suite("The demo county 云溪县")
struct DemoCountyTests {
  let county = DemoCounty.shared

  @Test("one county, six towns, twenty villages, all with official-form codes")
  func regions() {
    #expect(county.regions.filter { $0.level == .county }.count == 1)
    #expect(county.regions.filter { $0.level == .town }.count == 6)
    #expect(county.regions.filter { $0.level == .village }.count == 20)
    let codes = Set(county.regions.map(\.code))
    for region in county.regions {
      if let parent = region.parentCode { #expect(codes.contains(parent)) }
    }
  }

  @Test("no two sites and no two people share a phone number (the public board lists them)")
  func phones() {
    let county = DemoCounty.shared
    let sites = county.sites.map(\.phone)
    #expect(Set(sites).count == sites.count)
    let people = county.staff.map(\.phone)
    #expect(Set(people).count == people.count)
  }

  @Test("a center, a sub-center, six town centers, twenty stations and a bank point")
  func sites() {
    let kinds = Dictionary(grouping: county.sites, by: \.kind).mapValues(\.count)
    #expect(kinds[.serviceCenter] == 1)
    #expect(kinds[.subCenter] == 1)
    #expect(kinds[.townCenter] == 6)
    #expect(kinds[.villageStation] == 20)
    #expect(kinds[.bankPoint] == 1)
  }

  @Test("every town hall has seed 001's windows, and every hall window has an A and a B post")
  func townWindows() {
    for site in county.sites where site.kind == .townCenter {
      let windows = county.windows.filter { $0.siteID == site.id }
      #expect(windows.count == 11)
      #expect(windows.filter { $0.name == "社会事务综合窗口" }.count == 3)
      #expect(windows.filter { $0.name == "农业综合窗口" }.count == 2)
      for window in windows {
        let posts = Set(county.staff.flatMap(\.duties).filter { $0.windowID == window.id }.map(\.post))
        #expect(posts == [.a, .b], "window \(window.id)")
      }
    }
  }

  @Test("a login for every role, unique usernames, scopes inside the county")
  func staff() {
    let usernames = county.staff.map(\.username)
    #expect(Set(usernames).count == usernames.count)
    for role in Role.allCases {
      #expect(county.staff.contains { $0.username == role.rawValue && $0.role == role })
    }
    let siteIDs = Set(county.sites.map(\.id))
    for person in county.staff {
      #expect(county.county.code.contains(person.scope.regionCode))
      if let site = person.scope.siteID { #expect(siteIDs.contains(site)) }
    }
  }

  @Test("items have unique 12-character codes and consistent limits")
  func items() {
    #expect(county.items.count >= 300)
    #expect(Set(county.items.map(\.code)).count == county.items.count)
    let departments = Set(county.departments.map(\.id))
    for item in county.items {
      #expect(item.code.count == 12)
      #expect(departments.contains(item.departmentID))
      #expect(item.promisedLimitDays <= max(item.legalLimitDays, item.promisedLimitDays))
      #expect((item.caseKind == .immediate) == (item.promisedLimitDays == 0), "\(item.name)")
      if item.onlineDepth == 4 { #expect(item.visits == 0, "\(item.name)") }
      #expect(ItemValidator.problems(of: item, departmentIDs: departments).isEmpty, "\(item.name)")
    }
    #expect(Set(county.items.map(\.departmentID)).count >= 19)
    #expect(Set(county.items.map(\.type)).count >= 5)
  }

  @Test("proxy lists meet seed 003's targets; agreements and bundles are valid")
  func catalogExtras() {
    let items = Dictionary(uniqueKeysWithValues: county.items.map { ($0.code, $0) })
    #expect(county.proxyLists.filter { $0.level == .town }.count == 6)
    #expect(county.proxyLists.filter { $0.level == .village }.count == 20)
    for list in county.proxyLists {
      #expect(list.meetsTarget, "\(list.region.name) has \(list.itemCodes.count)")
      for code in list.itemCodes {
        let entry = CatalogEntry(item: items[code]!, status: .published, version: 1, draftVersion: nil)
        #expect(ProxyList.problems(adding: ItemSummary(entry), at: list.level).isEmpty)
      }
    }
    #expect(county.bundles.count >= 5)
    for bundle in county.bundles {
      #expect(bundle.problems(items: items).isEmpty, "\(bundle.name)")
    }
    #expect(county.agreements.count >= 3)
    for agreement in county.agreements {
      #expect(agreement.problems(items: items).isEmpty, "\(agreement.documentNumber)")
    }
    let figures = CatalogFigures(items: county.items)
    #expect(figures.sinkingRate >= CatalogFigures.sinkingTarget)
    #expect(figures.onlineRate >= CatalogFigures.onlineTarget)
  }

  @Test("building the county twice gives the same data")
  func deterministic() {
    let again = DemoCounty.shared
    #expect(again.staff == county.staff)
    #expect(again.items == county.items)
  }
}
