import Fluent
import Foundation
import OneWindowDomain
import OneWindowStore
import Vapor

/// The clock board of a county (within a viewer's scope), read at most every `maxAge` seconds: every supervisor's
/// screen and every refresh reads the same counts, and at millions of cases a count over every open case is the
/// board's whole cost. A board up to 15 seconds old is as live as a person reads it.
final class ClockBoardCache: Sendable {
  static let maxAge: TimeInterval = 15
  private let boards = ExpiringCache<String, (board: ClockBoard, at: Date)>(maxAge: maxAge, bound: 1_000)

  /// The board and when it was counted.
  func board(county: String, scope: Scope, db: any Database, now: Date) async throws -> (board: ClockBoard, at: Date) {
    let key = [county, scope.regionCode.value, scope.siteID ?? "", scope.departmentID ?? ""].joined(separator: "|")
    return try await boards.value(for: key, now: now) {
      (try await SupervisionRepository(db).clockBoard(county: county, scope: scope, now: now), now)
    }
  }
}

struct ClockBoardCacheKey: StorageKey {
  typealias Value = ClockBoardCache
}

extension Application {
  var clockBoards: ClockBoardCache {
    if let cache = storage[ClockBoardCacheKey.self] { return cache }
    let cache = ClockBoardCache()
    storage[ClockBoardCacheKey.self] = cache
    return cache
  }
}
