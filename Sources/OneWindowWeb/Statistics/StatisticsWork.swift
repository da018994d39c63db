import Foundation
import OneWindowDomain
import OneWindowStore

/// The worker's share of the statistics: it folds the trail written since the last run into the rollup
/// (`StatisticsFold`), a few seconds a minute at most, so a backlog (a first run over years of trail) is read over
/// several minutes without taking the database from the counter.
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
    return read
  }
}
