import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// The staff workbench home.
enum StaffController {
  @Sendable static func home(req: Request) async throws -> HTML {
    let staff = try req.authorize(.viewWorkbench)
    let directory = DirectoryRepository(req.db)
    let record = try await StaffRepository(req.db).find(id: staff.id)
    let model = StaffHomePage.Model(
      staff: staff, title: record?.title ?? "",
      region: try await directory.region(staff.scope.regionCode),
      site: try await staff.scope.siteID.asyncMap { try await directory.site($0) } ?? nil,
      department: try await staff.scope.departmentID.asyncMap { try await directory.department($0) } ?? nil,
      duties: try await directory.duties(of: staff),
      hasHall: try await staff.scope.siteID.asyncMap { try await !HallRepository(req.db).groups(site: $0).isEmpty }
        ?? false)
    return StaffHomePage.render(model, try await req.pageContext())
  }
}

extension Optional {
  func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
    guard let value = self else { return nil }
    return try await transform(value)
  }
}
