import OneWindowDomain
import Vapor

/// Who may call a route, declared where the route is registered (`Routes`) and enforced before its handler runs
/// (`AccessMiddleware`); the handler then checks the finer things — the scope of the very case, site or window. The
/// route × role walk test reads the same declaration, so a route cannot be added without saying who may use it.
enum Access: Sendable, Hashable, CustomStringConvertible {
  /// Anyone: public pages, the portal's sign-in, the hall's devices, probes.
  case open
  /// A signed-in portal citizen (the handler sends anyone else to the portal sign-in).
  case citizen
  /// Any signed-in staff member.
  case staff
  /// A staff member whose role holds the permission.
  case permission(Permission)

  static let key = "onewindow.access"

  var description: String {
    switch self {
    case .open: "open"
    case .citizen: "citizen"
    case .staff: "staff"
    case .permission(let permission): permission.rawValue
    }
  }
}

extension Route {
  /// Declares who may call this route.
  @discardableResult
  func access(_ access: Access) -> Route {
    userInfo[Access.key] = access
    return self
  }

  var declaredAccess: Access? { userInfo[Access.key] as? Access }
}

/// Enforces each route's declared `Access` (after the session or token is known). A route without a declaration is
/// refused: forgetting to declare one must fail closed, and the walk test names it.
///
/// A future-based middleware: it awaits nothing (see `RequestLogMiddleware`).
struct AccessMiddleware: Middleware {
  func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
    do {
      switch request.route?.declaredAccess {
      case .open?, .citizen?: break
      case .staff?: _ = try request.requireStaff()
      case .permission(let permission)?: try request.authorize(permission)
      case nil:
        request.logger.error("route without a declared access: \(request.method) \(request.url.path)")
        throw AppError.forbidden(LocalizedText(zh: "该功能未开放", en: "This is not open"))
      }
    } catch {
      return request.eventLoop.makeFailedFuture(error)
    }
    return next.respond(to: request)
  }
}
