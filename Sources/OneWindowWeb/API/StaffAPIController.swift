import OneWindowDomain
import OneWindowStore
import Vapor

/// Who am I, and the staff list of my scope.
enum StaffAPIController {
  /// `GET /api/v1/me`
  @Sendable static func me(req: Request) async throws -> StaffJSON {
    StaffJSON(try req.requireStaff(), language: req.language, withPermissions: true)
  }

  /// `GET /api/v1/staff?limit=&offset=`: accounts inside the caller's scope.
  @Sendable static func list(req: Request) async throws -> ListJSON<StaffJSON> {
    let staff = try req.authorize(.manageStaff)
    let page = try Paging(req)
    let records = try await StaffRepository(req.database).list(
      in: staff.scope, limit: page.limit, offset: page.offset)
    let language = req.language
    return ListJSON(
      items: records.map { StaffJSON($0.identity, language: language) }, total: records.count)
  }
}

/// `limit` and `offset` query parameters, checked.
struct Paging {
  let limit: Int
  let offset: Int

  init(_ req: Request, defaultLimit: Int = 100, maxLimit: Int = 500) throws {
    let limit = req.query[String.self, at: "limit"]
    let offset = req.query[String.self, at: "offset"]
    guard let parsedLimit = limit.map(Int.init) ?? defaultLimit, (1...maxLimit).contains(parsedLimit)
    else {
      throw ValidationError(
        field: "limit", zh: "limit 应为 1–\(maxLimit) 的整数", en: "limit must be an integer 1–\(maxLimit)")
    }
    guard let parsedOffset = offset.map(Int.init) ?? 0, parsedOffset >= 0 else {
      throw ValidationError(field: "offset", zh: "offset 应为非负整数", en: "offset must be a non-negative integer")
    }
    self.limit = parsedLimit
    self.offset = parsedOffset
  }
}
