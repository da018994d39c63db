import Fluent
import Foundation
import OneWindowDomain

final class CaseEventModel: Model, @unchecked Sendable {
  static let schema = "case_events"

  @ID(key: .id) var id: UUID?
  @Field(key: "case_number") var caseNumber: String
  @Field(key: "sequence") var sequence: Int
  @Field(key: "step") var step: String
  @OptionalField(key: "from_state") var fromState: String?
  @Field(key: "to_state") var toState: String
  @Field(key: "actor_id") var actorID: String
  @Field(key: "actor_name") var actorName: String
  @Field(key: "at_ms") var atMillis: Int64
  @Field(key: "payload") var payload: String
  @Field(key: "previous_hash") var previousHash: String
  @Field(key: "hash") var hash: String
  @Field(key: "county_code") var countyCode: String

  init() {}

  init(_ event: CaseEvent, countyCode: String) {
    caseNumber = event.caseNumber
    sequence = event.sequence
    step = event.step.rawValue
    fromState = event.fromState?.rawValue
    toState = event.toState.rawValue
    actorID = event.actorID
    actorName = event.actorName
    atMillis = event.atMillis
    payload = event.payload
    previousHash = event.previousHash
    hash = event.hash
    self.countyCode = countyCode
  }

  /// The event as stored. A row whose step or state names are unknown (edited by hand) keeps
  /// a hash that cannot match, so the chain check reports it.
  var domain: CaseEvent {
    let knownStep = CaseStep(rawValue: step)
    let knownTo = CaseState(rawValue: toState)
    let knownFrom = fromState.flatMap(CaseState.init(rawValue:))
    let readable = knownStep != nil && knownTo != nil && (fromState == nil || knownFrom != nil)
    return CaseEvent(
      caseNumber: caseNumber, sequence: sequence, step: knownStep ?? .create, fromState: knownFrom,
      toState: knownTo ?? .draft, actorID: actorID, actorName: actorName, atMillis: atMillis, payload: payload,
      previousHash: previousHash, hash: readable ? hash : "unreadable")
  }
}
