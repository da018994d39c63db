import Foundation
import OneWindowDomain
import Synchronization

/// The cases this process wrote last, as it wrote them, so that a step on one of them (a registration accepted at
/// once, a clerk's next step) need not read the case back from PostgreSQL first.
///
/// Nothing here is trusted: a step computed from a remembered case is written only if the row is still at that
/// version (see `CaseWrite`), so a case another process changed meanwhile makes the write match no row; the step
/// then forgets the entry and reads the row. A caller that names a version other than the remembered one is
/// answered from the row too. Reads for display never come from here.
public final class RecentCases: Sendable {
  struct Entry: Sendable {
    let serviceCase: ServiceCase
    let trailSequence: Int
    let trailHash: String
  }

  /// About 1–2 kB a case; when full, everything is dropped and the cache fills again from the next writes.
  static let capacity = 4096

  private let entries = Mutex<[String: Entry]>([:])

  public init() {}

  func remember(_ serviceCase: ServiceCase, trail: CaseEvent) {
    let entry = Entry(serviceCase: serviceCase, trailSequence: trail.sequence, trailHash: trail.hash)
    entries.withLock {
      if $0.count >= Self.capacity { $0.removeAll(keepingCapacity: true) }
      $0[serviceCase.number] = entry
    }
  }

  func recall(_ number: String) -> Entry? {
    entries.withLock { $0[number] }
  }

  func forget(_ number: String) {
    _ = entries.withLock { $0.removeValue(forKey: number) }
  }
}
