import OneWindowDomain
import OneWindowStore
import Vapor

/// `onewindow token issue USER`
struct TokenCommand: AsyncCommandGroup {
  var help: String { "API tokens for integrations" }

  var commands: [String: any AnyAsyncCommand] { ["issue": TokenIssueCommand()] }
}

struct TokenIssueCommand: AsyncCommand {
  struct Signature: CommandSignature {
    @Argument(name: "username", help: "The staff account the token acts as")
    var username: String

    @Option(name: "days", help: "Days until the token expires (default 365)")
    var days: Int?

    @Option(name: "label", help: "What the token is for, e.g. 省平台对接")
    var label: String?
  }

  var help: String { "Issue an API token for a staff account (printed once)" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let app = context.application
    let days = signature.days ?? 365
    guard (1...3650).contains(days) else {
      throw ValidationError(field: "--days", zh: "--days 应为 1–3650", en: "--days must be 1–3650")
    }
    guard let staff = try await StaffRepository(app.db).find(username: signature.username),
      !staff.isDisabled
    else {
      throw ValidationError(
        field: "username", zh: "没有可用的用户「\(signature.username)」",
        en: "No active user '\(signature.username)'")
    }
    let issued = try await TokenRepository(app.db).issue(
      for: staff.identity, label: signature.label ?? "integration",
      lifetime: TimeInterval(days) * 86_400, now: app.now())
    context.console.print(issued.token)
    // The note goes to stderr so that `TOKEN=$(onewindow token issue USER)` captures the token alone.
    let note =
      "Token for \(staff.identity.username), valid until \(issued.expiresAt.ISO8601Format()); it is shown only now.\n"
    FileHandle.standardError.write(Data(note.utf8))
  }
}
