import Foundation

/// 全程留痕 of an inquiry: one event per step, append-only, chained by SHA-256 exactly as a case's trail is
/// (`CaseEvent.digest` over the inquiry number), so `CaseTrail.verify` checks both and any later edit breaks the chain.
public struct InquiryEvent: Sendable, Hashable, Codable, ChainedEvent {
  public let number: String
  public let sequence: Int
  public let step: InquiryStep.Kind
  public let fromState: Inquiry.State?
  public let toState: Inquiry.State
  public let actorID: String
  public let actorName: String
  public let atMillis: Int64
  /// The step's facts as canonical JSON.
  public let payload: String
  public let previousHash: String
  public let hash: String

  public var trailKey: String { number }
  public var at: Date { Date(timeIntervalSince1970: Double(atMillis) / 1000) }

  /// The facts of the step.
  public var facts: [String: String] {
    (try? JSONDecoder().decode([String: String].self, from: Data(payload.utf8))) ?? [:]
  }

  /// The next event after the trail's head (its last sequence number and hash; 0 and the genesis hash for the first).
  public static func next(
    afterSequence previousSequence: Int, previousHash: String, number: String, step: InquiryStep,
    from: Inquiry.State?, to: Inquiry.State, actorID: String, actorName: String, at: Date
  ) -> InquiryEvent {
    let sequence = previousSequence + 1
    let atMillis = Int64((at.timeIntervalSince1970 * 1000).rounded())
    let payload = CaseTrail.canonicalJSON(step.facts)
    return InquiryEvent(
      number: number, sequence: sequence, step: step.kind, fromState: from, toState: to, actorID: actorID,
      actorName: actorName, atMillis: atMillis, payload: payload, previousHash: previousHash,
      hash: CaseEvent.digest(
        caseNumber: number, sequence: sequence, step: step.kind.rawValue, from: from?.rawValue, to: to.rawValue,
        actorID: actorID, actorName: actorName, atMillis: atMillis, payload: payload, previousHash: previousHash))
  }

  public init(
    number: String, sequence: Int, step: InquiryStep.Kind, fromState: Inquiry.State?, toState: Inquiry.State,
    actorID: String, actorName: String, atMillis: Int64, payload: String, previousHash: String, hash: String
  ) {
    self.number = number
    self.sequence = sequence
    self.step = step
    self.fromState = fromState
    self.toState = toState
    self.actorID = actorID
    self.actorName = actorName
    self.atMillis = atMillis
    self.payload = payload
    self.previousHash = previousHash
    self.hash = hash
  }

  public var recomputedHash: String {
    CaseEvent.digest(
      caseNumber: number, sequence: sequence, step: step.rawValue, from: fromState?.rawValue, to: toState.rawValue,
      actorID: actorID, actorName: actorName, atMillis: atMillis, payload: payload, previousHash: previousHash)
  }
}
