import Dispatch
import Foundation
import Vapor

/// `onewindow worker`: the background work alone — the notification worker — for deployments that run it apart from
/// the web servers (then set ONEWINDOW_WORKER=0 on those). Stops after the batch in hand on SIGTERM or SIGINT.
struct WorkerCommand: AsyncCommand {
  struct Signature: CommandSignature {}

  var help: String { "Run the background worker (notifications) without serving HTTP, until SIGTERM" }

  func run(using context: CommandContext, signature: Signature) async throws {
    let app = context.application
    let stopped = AsyncStream<Void>.makeStream()
    var sources: [any DispatchSourceSignal] = []
    for code in [SIGTERM, SIGINT] {
      signal(code, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: code, queue: .global())
      source.setEventHandler { stopped.continuation.yield() }
      source.resume()
      sources.append(source)
    }
    defer { sources.forEach { $0.cancel() } }
    OneWindow.startWorker(app)
    for await _ in stopped.stream { break }
    await OneWindow.stopWorker(app)
  }
}
