import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// The staff workbench home.
enum StaffController {
  @Sendable static func home(req: Request) async throws -> Response {
    // A city account not yet working in one of its counties has no workbench of its own: it chooses a county first.
    if let session = req.staffSession, let city = session.city, session.staff.scope.regionCode == city {
      return req.redirect(to: Links.city)
    }
    return try await homePage(req, profileErrors: []).encodeResponse(for: req)
  }

  static func homePage(_ req: Request, profileErrors: [ValidationError]) async throws -> HTML {
    let staff = try req.authorize(.viewWorkbench)
    let directory = DirectoryRepository(req.database)
    let record = try await StaffRepository(req.database).find(id: staff.id)
    let model = StaffHomePage.Model(
      staff: staff, title: record?.title ?? "",
      region: try await directory.region(staff.scope.regionCode),
      site: try await staff.scope.siteID.asyncMap { try await directory.site($0) } ?? nil,
      department: try await staff.scope.departmentID.asyncMap { try await directory.department($0) } ?? nil,
      duties: try await RosterRepository(req.database).duties(of: staff.id, on: CatalogController.today(req)),
      hasHall: try await staff.scope.siteID.asyncMap { try await !HallService.setup($0, req).groups.isEmpty }
        ?? false,
      unreadMessages: try await MessageRepository(req.database).unread(of: InAppMessage.account(staff: staff.id)),
      floor: try await FloorController.signInPart(staff, req))
    return StaffHomePage.render(model, try await req.pageContext())
  }

  /// `POST /staff/profile`: a window clerk's 阳光台 photo, phone and hours (the evaluation pad shows them).
  @Sendable static func profile(req: Request) async throws -> Response {
    let staff = try req.authorize(.viewWorkbench)
    guard try await !RosterRepository(req.database).duties(of: staff.id, on: CatalogController.today(req)).isEmpty
    else {
      throw AppError.forbidden(LocalizedText(zh: "只有在窗口上岗的人员公示信息", en: "Only staff on a window post have a profile"))
    }
    let errors = try await saveProfile(staff, county: staff.scope.regionCode.county.value, req)
    guard errors.isEmpty else {
      return .html(try await homePage(req, profileErrors: errors), status: .unprocessableEntity)
    }
    return req.redirect(to: Links.staffHome + "#profile")
  }

  /// Photos on the public board and the pads: JPG or PNG, small.
  static let photoPolicy = UploadPolicy(maxBytes: 2 * 1024 * 1024, kinds: [.jpeg, .png])

  /// Saves the posted public profile of `staff` (photo kept unless a new one is sent); the problems, if any, and
  /// then nothing is saved.
  static func saveProfile(_ staff: StaffIdentity, county: String, _ req: Request) async throws -> [ValidationError] {
    let posted = try FormBody.read(req)
    let existing = try await AgentProfileRepository(req.database).profile(of: staff.id)
    var profile = AgentProfile(
      staffID: staff.id, photo: existing?.photo,
      phone: (posted.fields["phone"] ?? "").trimmingCharacters(in: .whitespaces),
      hours: (posted.fields["hours"] ?? "").trimmingCharacters(in: .whitespaces))
    let (photos, photoErrors) = posted.checkedFiles(photoPolicy)
    let errors = photoErrors + profile.problems()
    guard errors.isEmpty else { return errors }
    if let (file, kind) = photos.first(where: { $0.0.field == "photo" }) {
      let key = try await req.application.fileStore.put(file.bytes)
      profile.photo = Attachment(fileID: key, name: file.fileName, kind: kind, size: file.bytes.count)
    }
    try await AgentProfileRepository(req.database).save(profile, county: county)
    return []
  }
}

extension Optional {
  func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
    guard let value = self else { return nil }
    return try await transform(value)
  }
}
