import Crypto
import Dispatch
import Fluent
import Foundation
import NIOConcurrencyHelpers
import OneWindowDomain
import OneWindowStore
import SQLKit
import Vapor

/// `onewindow backup` and `onewindow restore`: the database and the uploaded files in one folder, made while the
/// server runs, and brought back into an empty database and data folder.
///
/// A backup is written into `<folder>.partial` and renamed when complete, with `manifest.json` last: an interrupted
/// backup never passes for a finished one. The database is copied before the files: files are content-addressed and
/// never removed, so every file the copied rows point at is there when the files are copied after them.
/// A restore checks every file against its SHA-256 name, copies the files first (idempotent), then the database in
/// one step (SQLite: a rename; PostgreSQL: `pg_restore --single-transaction`), brings the schema up to this version
/// and verifies every trail, as `onewindow audit verify` does.
enum Backups {
  struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }

  // MARK: backup

  static func make(_ app: Application, into folder: String, report: @escaping @Sendable (String) -> Void) async throws
    -> BackupManifest
  {
    let fileManager = FileManager.default
    if fileManager.fileExists(atPath: folder) {
      throw Failure("\(folder) exists already; name a new folder for each backup (每次备份请用新目录)")
    }
    let partial = folder + ".partial"
    try? fileManager.removeItem(atPath: partial)  // left by an interrupted backup
    try fileManager.createDirectory(atPath: partial, withIntermediateDirectories: true)
    let interruption = Interruption()
    do {
      let kind: BackupManifest.Kind
      switch app.configuration.database {
      case .sqliteFile(let path):
        kind = .sqlite
        let target = partial + "/" + kind.databaseFile
        try await onThread {
          var last = Date.distantPast
          try SQLiteBackup.copy(
            from: path, to: target,
            progress: { copied, total in
              guard Date().timeIntervalSince(last) > 1 || copied == total else { return }
              last = Date()
              report("  数据库 database: \(copied)/\(total) pages")
            }, cancelled: { interruption.happened })
        }
      case .postgres(let url):
        kind = .postgres
        try await PostgresTools.dump(url: url, to: partial + "/" + kind.databaseFile, report: report, interruption)
      case .sqliteMemory:
        throw Failure("an in-memory database cannot be backed up")
      }
      let copied = try await onThread {
        try copyFiles(
          from: app.configuration.dataDirectory + "/files", to: partial + "/files", verify: false, report: report,
          interruption)
      }
      let manifest = BackupManifest(
        format: BackupManifest.currentFormat, version: OneWindow.version, created: Date(), database: kind,
        files: copied.files, fileBytes: copied.bytes)
      try manifest.write(to: partial)
      try fileManager.moveItem(atPath: partial, toPath: folder)
      return manifest
    } catch {
      try? fileManager.removeItem(atPath: partial)
      throw interruption.happened ? Failure("interrupted; nothing was kept (已中断，未保留不完整的备份)") : error
    }
  }

  // MARK: restore

  /// Restores `folder` into the configured database, which must be empty, and the data folder's files.
  static func restore(_ app: Application, from folder: String, report: @escaping @Sendable (String) -> Void)
    async throws -> (manifest: BackupManifest, trails: Int)
  {
    let manifest = try BackupManifest.read(from: folder)
    let source = folder + "/" + manifest.database.databaseFile
    guard FileManager.default.fileExists(atPath: source) else { throw Failure("\(source) is missing") }
    let interruption = Interruption()
    switch (manifest.database, app.configuration.database) {
    case (.sqlite, .sqliteFile(let path)):
      try SQLiteBackup.check(source)
      try requireEmptySQLite(path)
      try await restoreFiles(app, folder, manifest, report, interruption)
      let partial = path + ".partial"
      try? FileManager.default.removeItem(atPath: partial)
      try await onThread {
        try SQLiteBackup.copy(from: source, to: partial, cancelled: { interruption.happened })
      }
      guard rename(partial, path) == 0 else { throw Failure("cannot move the database into \(path)") }
    case (.postgres, .postgres(let url)):
      let tables = try await (app.db as! any SQLDatabase).raw(
        "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public'"
      ).first()?.decode(column: "n", as: Int.self)
      guard tables == 0 else {
        throw Failure("the database \(app.configuration.database) is not empty; restore into a new, empty one")
      }
      try await restoreFiles(app, folder, manifest, report, interruption)
      try await PostgresTools.restore(from: source, url: url, report: report, interruption)
    default:
      throw Failure(
        "this backup is of \(manifest.database.rawValue); restore it into a database of the same kind "
          + "(备份与目标数据库类型不同)")
    }
    report("  数据库 database restored; bringing its schema up to \(OneWindow.version) …")
    try await OneWindow.prepareDatabase(app)
    let trails = try await TrailAudit.verify(app, report: report)
    return (manifest, trails)
  }

  private static func requireEmptySQLite(_ path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else { return }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    if size > 0 { throw Failure("\(path) exists already; restore into a new database file (请恢复到新的数据库文件)") }
  }

  private static func restoreFiles(
    _ app: Application, _ folder: String, _ manifest: BackupManifest, _ report: @escaping @Sendable (String) -> Void,
    _ interruption: Interruption
  ) async throws {
    let restored = try await onThread {
      try copyFiles(
        from: folder + "/files", to: app.configuration.dataDirectory + "/files", verify: true, report: report,
        interruption)
    }
    guard restored.files == manifest.files else {
      throw Failure("the backup lists \(manifest.files) files but holds \(restored.files)")
    }
  }

  // MARK: files

  /// Copies the content-addressed files under `source` (`ab/cd/<sha256>`) into `target`, skipping `incoming/` (writes
  /// in progress) and files already there; with `verify`, each file's content must match its name.
  static func copyFiles(
    from source: String, to target: String, verify: Bool, report: (String) -> Void, _ interruption: Interruption
  ) throws -> (files: Int, bytes: Int64) {
    let fileManager = FileManager.default
    guard fileManager.fileExists(atPath: source) else { return (0, 0) }
    var files = 0
    var bytes: Int64 = 0
    var last = Date()
    let enumerator = fileManager.enumerator(atPath: source)
    while let relative = enumerator?.nextObject() as? String {
      if relative == "incoming" || relative.hasPrefix("incoming/") { continue }
      let parts = relative.split(separator: "/")
      guard parts.count == 3, parts[2].count == 64 else { continue }
      if interruption.happened { throw Failure("interrupted") }
      let from = source + "/" + relative
      let to = target + "/" + relative
      if verify {
        guard let data = fileManager.contents(atPath: from) else { throw Failure("cannot read \(from)") }
        guard Hex.encode(SHA256.hash(data: data)) == String(parts[2]) else {
          throw Failure("\(relative) does not match its checksum: the backup is damaged (备份文件已损坏)")
        }
      }
      if !fileManager.fileExists(atPath: to) {
        try fileManager.createDirectory(
          atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try fileManager.copyItem(atPath: from, toPath: to + ".partial")
        guard rename(to + ".partial", to) == 0 else { throw Failure("cannot write \(to)") }
      }
      files += 1
      bytes += Int64((try? fileManager.attributesOfItem(atPath: from)[.size] as? Int) ?? 0)
      if Date().timeIntervalSince(last) > 1 {
        last = Date()
        report("  文件 files: \(files) copied …")
      }
    }
    report("  文件 files: \(files) (\(bytes / 1024) KiB)")
    return (files, bytes)
  }

  /// Runs blocking work (file copies, SQLite's C API) off the event loops.
  static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(with: Result { try work() })
      }
    }
  }
}

/// Ctrl-C during a backup or restore: noted, so the work stops between two steps and removes what it left unfinished,
/// instead of the process dying halfway through a file. (`@unchecked`: the dispatch source is only created, resumed
/// and cancelled, each of which is thread-safe.)
final class Interruption: @unchecked Sendable {
  private let flag = NIOLockedValueBox(false)
  private let source: any DispatchSourceSignal

  init() {
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    self.source = source
    let flag = self.flag
    source.setEventHandler { flag.withLockedValue { $0 = true } }
    source.resume()
  }

  deinit {
    source.cancel()
    signal(SIGINT, SIG_DFL)
  }

  var happened: Bool { flag.withLockedValue { $0 } }
}
