import Foundation
import OneWindowDomain
import Vapor

/// `onewindow bench json`: how long the two encodings every case write pays take — the stored body (declared names,
/// milliseconds) and the API answer (`CaseJSON`, snake_case, ISO 8601 in the site's zone) — for an accepted promised
/// case like the HTTP benchmark's, by `SortedJSONEncoder` and, for reference, Foundation's `JSONEncoder`.
struct JSONBenchCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Option(name: "count", help: "Encodings per round (default 20000)")
    var count: Int?
  }

  var help: String { "Measure the encoding of a case: stored body and API answer" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let count = signature.count ?? 20_000
    let rule = DeadlineRule()
    let (serviceCase, viewer) = try Self.acceptedCase(rule)
    let answer = CaseJSON(serviceCase, rule: rule, now: serviceCase.createdAt, language: .zh, viewer: CaseActor(viewer))
    let api = APIEncoding.sortedEncoder(rule)
    let foundationAPI = APIEncoding.encoder(rule)
    let foundation = JSONEncoder()
    foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    foundation.dateEncodingStrategy = .millisecondsSince1970
    let rounds: [(String, () throws -> Int)] = [
      ("stored body, SortedJSONEncoder", { try SortedJSONEncoder.stored.encode(serviceCase).count }),
      ("stored body, Foundation JSONEncoder", { try foundation.encode(serviceCase).count }),
      ("API answer,  SortedJSONEncoder", { try api.encode(answer).count }),
      ("API answer,  Foundation JSONEncoder", { try foundationAPI.encode(answer).count }),
    ]
    for (label, encode) in rounds {
      var size = 0
      let best = try fastestRun {
        for _ in 0..<count { size = try encode() }
      }
      let micros = best / Double(count) * 1e6
      context.console.print(
        "json (\(label)): \(size) bytes in \(String(format: "%.2f", micros)) µs = \(String(format: "%.0f", Double(count) / best))/s"
      )
    }
  }

  /// A promised case registered at a window and accepted, as `bench-cases` leaves it.
  static func acceptedCase(_ rule: DeadlineRule) throws -> (ServiceCase, StaffIdentity) {
    let county = RegionCode("360999")!
    let clerk = StaffIdentity(
      id: "c1", username: "clerk", displayName: "李国平", role: .clerk,
      scope: Scope(regionCode: county, siteID: "site-center"))
    let now = rule.startOfDay(CivilDate(iso: "2026-11-23")!).addingTimeInterval(10 * 3600)
    var serviceCase = ServiceCase(
      number: "360999-20261123-00001",
      item: CaseItem(
        code: "360105002000", version: 1, name: "食品经营许可", kind: .promised, departmentID: "dept-scjgj",
        promisedLimitDays: 10, legalLimitDays: 20),
      applicant: Applicant(
        kind: .person, name: "压测申请人", idType: Applicant.residentID, idNumber: "11010519491231002X",
        phone: "13912345678"),
      channel: .window, siteID: "site-center", regionCode: county, receivedBy: clerk.id, createdAt: now,
      intake: CaseIntake(materials: [], route: .direct, resultDelivery: .pickup(siteID: "site-center")))
    for action in [CaseAction.submit, .accept(.standard)] {
      serviceCase = try CaseStateMachine.apply(action, to: serviceCase, by: CaseActor(clerk), at: now, rule: rule)
    }
    return (serviceCase, clerk)
  }
}
