import Foundation
import OneWindowDomain
import OneWindowStore

/// The worker's share of the statistics: it folds the trail written since the last run into the rollup
/// (`StatisticsFold`), a few seconds a minute at most, so a backlog (a first run over years of trail) is read over
/// several minutes without taking the database from the counter; and each county's finished hall days into the
/// hall's daily rollup (`HallRollup`: nothing to do but one read once yesterday is folded).
extension NotificationWorker {
  /// Answers how many trail events it read.
  @discardableResult
  public func foldStatistics(now: Date, budget: Duration = .seconds(5)) async throws -> Int {
    let fold = StatisticsFold(db)
    var read = 0
    let until = ContinuousClock.now + budget
    while ContinuousClock.now < until {
      let events = try await fold.runBatch(now: now) { county in
        try await self.application.deadlineRules.rule(county: county, db: self.db, now: now)
      }
      read += events
      if events == 0 { break }
    }
    if read > 0 { logger.debug("statistics: \(read) trail events rolled up") }
    let hall = HallRollup(db)
    for county in try await DirectoryRepository(db).counties() {
      let rule = try await application.deadlineRules.rule(county: county.code.value, db: db, now: now)
      let yesterday = rule.civilDate(of: now).adding(days: -1)
      if let cursor = try await hall.cursor(county: county.code.value), cursor >= yesterday { continue }
      // Two months of days a minute at most: a backlog of years (a restore, a bulk load) is folded over minutes.
      let days = try await hall.fold(county: county.code.value, through: yesterday, now: now, limit: 62)
      if days > 0 { logger.debug("statistics: \(days) hall days of \(county.code.value) rolled up") }
    }
    return read
  }
}
