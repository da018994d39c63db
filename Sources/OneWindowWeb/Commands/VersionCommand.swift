import Vapor

/// `onewindow version`
struct VersionCommand: AsyncCommand {
  struct Signature: CommandSignature {}

  var help: String { "Print the OneWindow version" }

  func run(using context: CommandContext, signature: Signature) async throws {
    context.console.print("onewindow \(OneWindow.version)")
  }
}
