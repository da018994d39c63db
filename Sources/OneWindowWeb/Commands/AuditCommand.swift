import OneWindowDomain
import OneWindowStore
import Vapor

/// `onewindow audit verify`: checks every case's hash-chained trail.
struct AuditCommand: AsyncCommandGroup {
  var help: String { "Check the tamper-evident case trail (全程留痕)" }

  var commands: [String: any AnyAsyncCommand] { ["verify": AuditVerifyCommand()] }
}

struct AuditVerifyCommand: AsyncCommand {
  struct Signature: CommandSignature {}

  var help: String { "Verify every case's and inquiry's event chain; name the first broken event of each broken one" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let console = context.console
    let checked = try await TrailAudit.verify(context.application) {
      console.print($0)
    } broken: {
      console.error($0)
    }
    console.print("OK: \(checked) trails verified, no broken event.")
  }
}

/// Every case's and inquiry's hash chain checked (`onewindow audit verify`, and after a restore).
enum TrailAudit {
  /// Returns how many trails were checked; throws naming how many are broken, after `broken` got each one.
  static func verify(
    _ app: Application, report: @escaping @Sendable (String) -> Void,
    broken: @escaping @Sendable (String) -> Void = { _ in }
  ) async throws -> Int {
    let result = try await CaseRepository(app.db, rule: DeadlineRule()).verifyTrails { checked in
      if checked % 10_000 == 0 { report("  \(checked) cases checked …") }
    }
    let inquiries = try await InquiryRepository(app.db).verifyTrails { checked in
      if checked % 10_000 == 0 { report("  \(checked) inquiries checked …") }
    }
    for each in result.breaks + inquiries.breaks { broken("BROKEN \(each)") }
    let count = result.breaks.count + inquiries.breaks.count
    guard count == 0 else {
      throw AuditFailure(count: count, checked: result.checked + inquiries.checked)
    }
    report("  留痕 trails: \(result.checked) cases and \(inquiries.checked) inquiries verified, no broken event")
    return result.checked + inquiries.checked
  }

  struct AuditFailure: Error, CustomStringConvertible {
    let count: Int
    let checked: Int
    var description: String { "\(count) of \(checked) trails are broken (留痕被篡改)" }
  }
}
