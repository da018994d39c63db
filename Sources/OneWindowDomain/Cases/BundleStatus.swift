/// "一件事一次办": one application, several linked cases (one per item), one lead department.
/// The combined status is the least advanced of its cases, so the applicant sees what still holds
/// the whole thing up.
public struct BundleStatus: Sendable, Hashable {
  public let state: CaseState
  public let counts: [CaseState: Int]

  public init(_ states: [CaseState]) {
    var counts: [CaseState: Int] = [:]
    for state in states { counts[state, default: 0] += 1 }
    self.counts = counts
    let live = states.filter { $0 != .withdrawn && $0 != .refused }
    if live.isEmpty {
      state = states.contains(.refused) ? .refused : .withdrawn
    } else if live.contains(.correcting) {
      state = .correcting  // the applicant has to act
    } else {
      state = live.min { Self.rank($0) < Self.rank($1) }!
    }
  }

  /// How far along the lifecycle a state is.
  static func rank(_ state: CaseState) -> Int {
    switch state {
    case .draft: 0
    case .submitted, .correcting: 1
    case .accepted: 2
    case .inReview, .suspended, .escalated: 3
    case .decided: 4
    case .concluded: 5
    case .refused, .withdrawn: 6
    }
  }
}
