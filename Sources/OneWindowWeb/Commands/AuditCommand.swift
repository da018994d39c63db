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
    let app = context.application
    let console = context.console
    let rule = DeadlineRule()
    let result = try await CaseRepository(app.db, rule: rule).verifyTrails { checked in
      if checked % 10_000 == 0 { console.print("  \(checked) cases checked …") }
    }
    let inquiries = try await InquiryRepository(app.db).verifyTrails { checked in
      if checked % 10_000 == 0 { console.print("  \(checked) inquiries checked …") }
    }
    for broken in result.breaks + inquiries.breaks {
      console.error("BROKEN \(broken)")
    }
    let broken = result.breaks.count + inquiries.breaks.count
    guard broken == 0 else {
      throw AuditFailure(count: broken, checked: result.checked + inquiries.checked)
    }
    console.print(
      "OK: \(result.checked) case trails and \(inquiries.checked) inquiry trails verified, no broken event.")
  }

  struct AuditFailure: Error, CustomStringConvertible {
    let count: Int
    let checked: Int
    var description: String { "\(count) of \(checked) trails are broken (留痕被篡改)" }
  }
}
