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

  var help: String { "Verify every case's event chain; name the first broken event of each broken case" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let app = context.application
    let console = context.console
    let rule = DeadlineRule()
    let result = try await CaseRepository(app.db, rule: rule).verifyTrails { checked in
      if checked % 10_000 == 0 { console.print("  \(checked) cases checked …") }
    }
    for broken in result.breaks {
      console.error("BROKEN \(broken)")
    }
    guard result.breaks.isEmpty else {
      throw AuditFailure(count: result.breaks.count, checked: result.checked)
    }
    console.print("OK: \(result.checked) case trails verified, no broken event.")
  }

  struct AuditFailure: Error, CustomStringConvertible {
    let count: Int
    let checked: Int
    var description: String { "\(count) of \(checked) case trails are broken (留痕被篡改)" }
  }
}
