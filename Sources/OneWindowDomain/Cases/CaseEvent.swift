import Crypto
import Foundation

/// 全程留痕: one event per action on a case, append-only. Each event carries the SHA-256 of the
/// previous event of the same case and of its own canonical content, so any later edit of the
/// trail breaks the chain at the edited event.
public struct CaseEvent: Sendable, Hashable, Codable {
  public let caseNumber: String
  /// 1, 2, 3 … within the case.
  public let sequence: Int
  public let step: CaseStep
  public let fromState: CaseState?
  public let toState: CaseState
  public let actorID: String
  public let actorName: String
  /// Milliseconds since 1970 (integers hash the same on every database).
  public let atMillis: Int64
  /// The step's details as canonical JSON.
  public let payload: String
  public let previousHash: String
  public let hash: String

  public static let genesisHash = String(repeating: "0", count: 64)

  /// The next event of a case's trail.
  public static func next(
    after previous: CaseEvent?, caseNumber: String, step: CaseStep, from: CaseState?, to: CaseState,
    actorID: String, actorName: String, at: Date, payload: String
  ) -> CaseEvent {
    next(
      afterSequence: previous?.sequence ?? 0, previousHash: previous?.hash ?? genesisHash, caseNumber: caseNumber,
      step: step, from: from, to: to, actorID: actorID, actorName: actorName, at: at, payload: payload)
  }

  /// The next event after the trail's head (its last sequence number and hash).
  public static func next(
    afterSequence previousSequence: Int, previousHash: String, caseNumber: String, step: CaseStep,
    from: CaseState?, to: CaseState, actorID: String, actorName: String, at: Date, payload: String
  ) -> CaseEvent {
    let sequence = previousSequence + 1
    let atMillis = Int64((at.timeIntervalSince1970 * 1000).rounded())
    let hash = digest(
      caseNumber: caseNumber, sequence: sequence, step: step.rawValue, from: from?.rawValue, to: to.rawValue,
      actorID: actorID, actorName: actorName, atMillis: atMillis, payload: payload, previousHash: previousHash)
    return CaseEvent(
      caseNumber: caseNumber, sequence: sequence, step: step, fromState: from, toState: to, actorID: actorID,
      actorName: actorName, atMillis: atMillis, payload: payload, previousHash: previousHash, hash: hash)
  }

  public init(
    caseNumber: String, sequence: Int, step: CaseStep, fromState: CaseState?, toState: CaseState, actorID: String,
    actorName: String, atMillis: Int64, payload: String, previousHash: String, hash: String
  ) {
    self.caseNumber = caseNumber
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

  public var at: Date { Date(timeIntervalSince1970: Double(atMillis) / 1000) }

  /// The hash this event's content gives now.
  public var recomputedHash: String {
    Self.digest(
      caseNumber: caseNumber, sequence: sequence, step: step.rawValue, from: fromState?.rawValue,
      to: toState.rawValue, actorID: actorID, actorName: actorName, atMillis: atMillis, payload: payload,
      previousHash: previousHash)
  }

  /// SHA-256 over the fields, each length-prefixed so that no two contents share a string.
  static func digest(
    caseNumber: String, sequence: Int, step: String, from: String?, to: String, actorID: String,
    actorName: String, atMillis: Int64, payload: String, previousHash: String
  ) -> String {
    let fields = [
      "v1", caseNumber, String(sequence), step, from ?? "-", to, actorID, actorName, String(atMillis), payload,
      previousHash,
    ]
    let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
    return Hex.encode(SHA256.hash(data: Data(canonical.utf8)))
  }
}

/// An event of a hash-chained trail: a case's (`CaseEvent`) or an inquiry's (`InquiryEvent`).
public protocol ChainedEvent {
  /// The case or inquiry number the trail belongs to.
  var trailKey: String { get }
  var sequence: Int { get }
  var previousHash: String { get }
  var hash: String { get }
  /// The hash the event's content gives now.
  var recomputedHash: String { get }
}

extension CaseEvent: ChainedEvent {
  public var trailKey: String { caseNumber }
}

/// Checks case trails (and, by the same rules, inquiry trails).
public enum CaseTrail {
  /// Where a trail is broken, and how.
  public struct Break: Sendable, Hashable, CustomStringConvertible {
    public let caseNumber: String
    public let sequence: Int
    public let problem: String

    public var description: String { "case \(caseNumber), event #\(sequence): \(problem)" }
  }

  /// The first broken event of one trail (a case's, an inquiry's; events in sequence order), or nil when intact.
  public static func verify<Event: ChainedEvent>(_ events: [Event]) -> Break? {
    var previousHash = CaseEvent.genesisHash
    for (index, event) in events.enumerated() {
      if event.sequence != index + 1 {
        return Break(caseNumber: event.trailKey, sequence: event.sequence, problem: "expected event #\(index + 1)")
      }
      if event.previousHash != previousHash {
        return Break(
          caseNumber: event.trailKey, sequence: event.sequence, problem: "does not follow the previous event")
      }
      if event.recomputedHash != event.hash {
        return Break(caseNumber: event.trailKey, sequence: event.sequence, problem: "content does not match its hash")
      }
      previousHash = event.hash
    }
    return nil
  }

  /// The details of a step as canonical JSON (sorted keys, dates in milliseconds).
  public static func payload(of action: CaseAction) -> String {
    (try? SortedJSONEncoder.stored.encodeToString(action)) ?? "{}"
  }
}

extension CaseTrail {
  /// A string dictionary as canonical JSON (sorted keys), e.g. an outbox payload.
  public static func canonicalJSON(_ fields: [String: String]) -> String {
    (try? SortedJSONEncoder.stored.encodeToString(fields)) ?? "{}"
  }

  /// The registration details of a new case, for its first event.
  public static func payload(of serviceCase: ServiceCase) -> String {
    let summary = [
      "item_code": serviceCase.item.code, "item_version": String(serviceCase.item.version),
      "channel": serviceCase.channel.rawValue, "site_id": serviceCase.siteID,
      "department_id": serviceCase.departmentID, "applicant": serviceCase.applicant.name,
    ]
    return canonicalJSON(summary)
  }
}
