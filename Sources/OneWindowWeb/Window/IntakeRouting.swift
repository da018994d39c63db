import OneWindowDomain
import OneWindowStore
import Vapor

/// Where an application taken in at a site goes: the item's current version, its department and the route
/// (the level's handling mode with agreements applied, or 通办), shared by the window pages and the API.
struct IntakeRouting {
  let entry: CatalogEntry
  let department: Department
  let route: IntakeRoute

  static func resolve(itemCode: String, site: Site, field: String, _ req: Request) async throws -> IntakeRouting {
    let entry = try await CaseAPIController.acceptableItem(itemCode, field: field, req)
    let lookups = req.application.lookups
    guard let department = try await lookups.department(entry.item.departmentID, db: req.database, now: req.now) else {
      throw ValidationError(
        field: field, zh: "事项「\(entry.item.name)」的实施部门不存在", en: "The item's department does not exist")
    }
    // A deployment may serve several counties: a site takes in only its own county's items (another county's
    // department would get a case numbered and counted here).
    guard department.regionCode.county == site.regionCode.county else {
      throw ValidationError(
        field: field, zh: "事项「\(entry.item.name)」不是本县的事项，不能在此受理",
        en: "\(entry.item.name) is another county's item and is not taken in here")
    }
    let agreements = try await lookups.agreements(covering: entry.item.code, db: req.database, now: req.now)
    let today = try await req.deadlineRule().civilDate(of: req.now)
    do {
      let route = try IntakeRule.route(
        of: entry.item, at: site, department: department, agreements: agreements, on: today)
      return IntakeRouting(entry: entry, department: department, route: route)
    } catch {
      throw ValidationError(field: field, message: error.message)
    }
  }
}
