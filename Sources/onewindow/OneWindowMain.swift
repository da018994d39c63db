import Foundation
import NIOCore
import NIOPosix
import OneWindowDomain
import OneWindowWeb
import Vapor

/// `onewindow`: serve, migrate, demo, user, token, version. Errors end in one clear line and exit ≠ 0.
@main
enum Main {
  static func main() async {
    // Run Swift concurrency on NIO's event loops: no thread hop between a request handler and its
    // database calls (the Vapor template does the same).
    _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    raiseOpenFileLimit()
    var arguments = CommandLine.arguments
    let configuration: AppConfiguration
    do {
      configuration = try AppConfiguration.load(
        arguments: &arguments, environment: ProcessInfo.processInfo.environment)
    } catch {
      fail("\(error.field): \(error.message.en) / \(error.message.zh)", code: 2)
    }

    var environment: Environment
    do {
      environment = try Environment.detect(arguments: arguments)
      if configuration.jsonLogs {
        try LoggingSystem.bootstrap(from: &environment) { level in { JSONLogHandler(label: $0, level: level) } }
      } else {
        try LoggingSystem.bootstrap(from: &environment)
      }
    } catch {
      fail("\(error)", code: 2)
    }

    let app: Application
    do {
      app = try await Application.make(environment)
      try OneWindow.configure(app, with: configuration)
    } catch {
      fail("cannot start: \(describe(error))", code: 1)
    }

    let command = arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "serve"
    let wantsHelp = arguments.contains("--help") || arguments.contains("-h")
    var exitCode: Int32 = 0
    do {
      if OneWindowCommands.needingDatabase.contains(command), !wantsHelp {
        // Migration chatter and the pool's retries would bury the one line that matters.
        let level = app.logger.logLevel
        app.logger.logLevel = .critical
        defer { app.logger.logLevel = level }
        do {
          try await OneWindow.prepareDatabase(app)
        } catch {
          throw StartupError.database(
            configuration.database.description, String(String(reflecting: error).prefix(400)))
        }
      }
      try await app.startup()
      if let running = app.running {
        // `serve` and `demo` serve until SIGTERM or SIGINT, with the notification worker beside them.
        if configuration.runsWorker { OneWindow.startWorker(app) }
        try await running.onStop.get()
        if !(await OneWindow.drain(app)) {
          // Requests still running would crash on their closing pools: leave the pools to the process's end.
          exit(exitCode)
        }
      }
    } catch {
      FileHandle.standardError.write(Data("onewindow: \(describe(error))\n".utf8))
      exitCode = error is StartupError ? 1 : 2
      if error is ValidationError { exitCode = 1 }
    }
    try? await app.asyncShutdown()
    exit(exitCode)
  }

  enum StartupError: Error {
    case database(String, String)
  }

  /// One readable line for any error.
  static func describe(_ error: any Error) -> String {
    switch error {
    case let error as StartupError:
      switch error {
      case .database(let location, let reason):
        return "cannot use the database \(location) (数据库不可用): \(reason)"
      }
    case let error as ValidationError:
      return "\(error.field): \(error.message.en) / \(error.message.zh)"
    default:
      let text = String(describing: error)
      return text.split(separator: "\n").first.map(String.init) ?? text
    }
  }

  /// Every connection holds a file descriptor, and the soft limit (often 1,024) is reached long before the machine's:
  /// at the limit the server stops accepting. Raise it to the hard limit.
  static func raiseOpenFileLimit() {
    #if os(Linux)
      let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
      var limit = rlimit()
      guard getrlimit(resource, &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
      limit.rlim_cur = limit.rlim_max
      _ = setrlimit(resource, &limit)
    #endif
  }

  static func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("onewindow: \(message)\n".utf8))
    exit(code)
  }
}
