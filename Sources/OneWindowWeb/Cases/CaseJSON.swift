import Foundation
import OneWindowDomain
import Vapor

/// A case as the API shows it: ID and phone numbers masked, dates in the site's time zone,
/// keys in snake_case, and the steps the caller may take now.
struct CaseJSON: Encodable {
  struct ItemJSON: Encodable {
    let code: String
    let version: Int
    let name: String
    let kind: CaseKind
    let promisedLimitDays: Int
  }

  struct ApplicantJSON: Encodable {
    let kind: Applicant.Kind
    let name: String
    let idType: String
    let idNumber: String
    let phone: String
  }

  struct DeadlineJSON: Encodable {
    let due: Date?
    let warnFrom: Date?
    let remainingWorkdays: Int?
    let pausedWorkdays: Int
    let warning: WarningLevel
    let clockStopped: Bool
  }

  let number: String
  let version: Int
  let state: CaseState
  let stateName: String
  let item: ItemJSON
  let applicant: ApplicantJSON
  let channel: CaseChannel
  let siteId: String
  let regionCode: String
  let departmentId: String
  let receivedBy: String
  let createdAt: Date
  let submittedAt: Date?
  let acceptedAt: Date?
  let limitDays: Int
  let acceptance: AcceptanceForm?
  let deficiency: Deficiency?
  let postCheckDue: CivilDate?
  let postCheck: PostCheck?
  let notices: [CorrectionNotice]
  let pauses: [ClockPause]
  let reviews: [ReviewStep]
  let opinions: [OpinionRequest]
  let handovers: [Handover]
  let decision: Decision?
  let refusal: Refusal?
  let delivery: Delivery?
  let withdrawalReason: String?
  let concludedAt: Date?
  let flags: [SupervisionFlag]
  let bundleId: String?
  let deadline: DeadlineJSON?
  /// The window's checklist, route and result delivery.
  let intake: CaseIntake?
  let allowedSteps: [String]

  init(_ c: ServiceCase, rule: DeadlineRule, now: Date, language: Language, viewer: CaseActor?) {
    number = c.number
    version = c.version
    state = c.state
    stateName = c.state.name.text(language)
    item = ItemJSON(
      code: c.item.code, version: c.item.version, name: c.item.name, kind: c.item.kind,
      promisedLimitDays: c.item.promisedLimitDays)
    applicant = ApplicantJSON(
      kind: c.applicant.kind, name: c.applicant.name, idType: c.applicant.idType,
      idNumber: Masking.idNumber(c.applicant.idNumber), phone: Masking.phone(c.applicant.phone))
    channel = c.channel
    siteId = c.siteID
    regionCode = c.regionCode.value
    departmentId = c.departmentID
    receivedBy = c.receivedBy
    createdAt = c.createdAt
    submittedAt = c.submittedAt
    acceptedAt = c.acceptedAt
    limitDays = c.limitDays
    acceptance = c.acceptance
    deficiency = c.deficiency
    postCheckDue = c.postCheckDue
    postCheck = c.postCheck
    notices = c.notices
    pauses = c.pauses
    reviews = c.reviews
    opinions = c.opinions
    handovers = c.handovers
    decision = c.decision
    refusal = c.refusal
    delivery = c.delivery
    withdrawalReason = c.withdrawalReason
    concludedAt = c.concludedAt
    flags = c.flags
    bundleId = c.bundleID
    deadline = c.deadline(rule, now: now).map {
      DeadlineJSON(
        due: $0.due, warnFrom: $0.warnFrom, remainingWorkdays: $0.remainingWorkdays,
        pausedWorkdays: $0.pausedWorkdays, warning: $0.warning, clockStopped: c.isClockStopped)
    }
    intake = c.intake
    allowedSteps = viewer.map { CaseStateMachine.available(to: $0, on: c).map(\.rawValue) } ?? []
  }
}

/// A page of a list whose items encode with `APIEncoding`.
struct ItemsJSON<Item: Encodable>: Encodable {
  let items: [Item]
  let total: Int
}

/// Decodes snake_case API bodies.
enum APIDecoding {
  static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
    try InputText.checkJSON(buffer.readableBytesView)
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
  }
}

/// Encodes API bodies in snake_case with dates in the site's time zone (`2026-02-26T23:59:59+08:00`).
enum APIEncoding {
  static func encoder(_ rule: DeadlineRule) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(rule.iso8601(date))
    }
    return encoder
  }

  /// `encoder(rule)`'s output, written by the faster `SortedJSONEncoder`.
  static func sortedEncoder(_ rule: DeadlineRule) -> SortedJSONEncoder {
    SortedJSONEncoder(keys: .snakeCase, dates: .text { rule.iso8601($0) })
  }

  /// The same bytes `encoder(rule)` writes, by the faster `SortedJSONEncoder` (Foundation's only for what that one
  /// does not encode).
  static func response<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok, rule: DeadlineRule) throws
    -> Response
  {
    let response = Response(status: status)
    do {
      let bytes = try sortedEncoder(rule).encode(value)
      response.headers.contentType = .json
      response.body = .init(buffer: ByteBuffer(bytes: bytes))
    } catch is SortedJSONEncoder.Unsupported {
      try response.content.encode(value, using: encoder(rule))
    }
    return response
  }
}
