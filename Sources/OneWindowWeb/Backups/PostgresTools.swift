import Foundation

/// `pg_dump` and `pg_restore` for `onewindow backup|restore` on PostgreSQL. The password travels in `PGPASSWORD`, not
/// on the command line, where any user of the machine could read it in the process list.
enum PostgresTools {
  /// One consistent snapshot of the database in pg_dump's custom format (compressed; tables restorable one by one).
  static func dump(
    url: String, to path: String, report: @escaping @Sendable (String) -> Void, _ interruption: Interruption
  )
    async throws
  {
    let connection = try Connection(url)
    try await run(
      "pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file=\(path)", "--dbname=\(connection.url)"],
      password: connection.password, interruption: interruption
    ) {
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      report("  数据库 database: \(size / 1024) KiB written …")
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    report("  数据库 database: pg_dump wrote \(size / 1024) KiB")
  }

  /// Restores a dump in one transaction: interrupted or failed, the database stays empty.
  static func restore(
    from path: String, url: String, report: @escaping @Sendable (String) -> Void, _ interruption: Interruption
  ) async throws {
    let connection = try Connection(url)
    let started = Date()
    try await run(
      "pg_restore",
      ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--dbname=\(connection.url)", path],
      password: connection.password, interruption: interruption
    ) {
      report("  数据库 database: pg_restore running, \(Int(Date().timeIntervalSince(started))) s …")
    }
  }

  /// A connection URL without its password, and the password.
  struct Connection {
    let url: String
    let password: String?

    init(_ url: String) throws {
      guard var components = URLComponents(string: url) else {
        throw Backups.Failure("DATABASE_URL is not a URL")
      }
      password = components.password
      components.password = nil
      self.url = components.string ?? url
    }
  }

  /// Runs a PostgreSQL client program, calling `tick` every two seconds while it runs; its error output is kept and
  /// shown when it fails.
  private static func run(
    _ program: String, _ arguments: [String], password: String?, interruption: Interruption,
    tick: @escaping @Sendable () -> Void
  ) async throws {
    guard let executable = locate(program) else {
      throw Backups.Failure("\(program) is not installed (apt-get install postgresql-client)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    if let password { environment["PGPASSWORD"] = password }
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let errorOutput = Task.detached { errors.fileHandleForReading.readDataToEndOfFile() }
    var last = Date()
    while process.isRunning {
      if interruption.happened {
        process.terminate()
        process.waitUntilExit()
        throw Backups.Failure("interrupted")
      }
      try await Task.sleep(for: .milliseconds(100))
      if Date().timeIntervalSince(last) >= 2 {
        last = Date()
        tick()
      }
    }
    let message = String(decoding: await errorOutput.value, as: UTF8.self)
    guard process.terminationStatus == 0 else {
      throw Backups.Failure("\(program) failed (exit \(process.terminationStatus)): \(message.prefix(600))")
    }
  }

  /// The newest installed version's program (Debian keeps them under /usr/lib/postgresql/<version>/bin), else PATH.
  static func locate(_ program: String) -> String? {
    let root = "/usr/lib/postgresql"
    let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
    for version in versions.reversed()
    where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/\(program)") {
      return "\(root)/\(version)/bin/\(program)"
    }
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let path = "\(directory)/\(program)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }
}
