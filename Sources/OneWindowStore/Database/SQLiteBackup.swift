import Foundation
import VaporCSQLite

/// A consistent copy of a live SQLite database through SQLite's online backup API: pages are copied a batch at a
/// time, so the server keeps reading and writing meanwhile (a write between batches makes SQLite restart the copy,
/// which ends once a batch finds nothing changed). Progress is reported after every batch, and `cancelled` is asked
/// between batches, so a long copy can be stopped safely — the caller removes the unfinished file.
public enum SQLiteBackup {
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  /// Copies `source` into a new file at `target` (which must not exist yet).
  public static func copy(
    from source: String, to target: String, pagesPerStep: Int32 = 4096,
    progress: (_ copied: Int, _ total: Int) -> Void = { _, _ in }, cancelled: () -> Bool = { false }
  ) throws {
    guard !FileManager.default.fileExists(atPath: target) else {
      throw Failure(description: "\(target) exists already")
    }
    var from: OpaquePointer?
    var to: OpaquePointer?
    defer {
      sqlite_nio_sqlite3_close_v2(from)
      sqlite_nio_sqlite3_close_v2(to)
    }
    guard sqlite_nio_sqlite3_open_v2(source, &from, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
      throw Failure(description: "cannot open \(source): \(message(from))")
    }
    guard sqlite_nio_sqlite3_open_v2(target, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK
    else {
      throw Failure(description: "cannot create \(target): \(message(to))")
    }
    guard let backup = sqlite_nio_sqlite3_backup_init(to, "main", from, "main") else {
      throw Failure(description: "cannot start the backup: \(message(to))")
    }
    var result: Int32 = SQLITE_OK
    repeat {
      if cancelled() {
        sqlite_nio_sqlite3_backup_finish(backup)
        throw Failure(description: "interrupted")
      }
      result = sqlite_nio_sqlite3_backup_step(backup, pagesPerStep)
      let total = Int(sqlite_nio_sqlite3_backup_pagecount(backup))
      progress(total - Int(sqlite_nio_sqlite3_backup_remaining(backup)), total)
      if result == SQLITE_BUSY || result == SQLITE_LOCKED { usleep(50_000) }
    } while result == SQLITE_OK || result == SQLITE_BUSY || result == SQLITE_LOCKED
    let finished = sqlite_nio_sqlite3_backup_finish(backup)
    guard result == SQLITE_DONE, finished == SQLITE_OK else {
      throw Failure(description: "the copy failed: \(message(to))")
    }
    // The copy carries the source's write-ahead-log mode in its header; a backup is one self-contained file, and
    // opening it read-only later must not leave -wal and -shm files beside it.
    guard sqlite_nio_sqlite3_exec(to, "PRAGMA journal_mode=DELETE", nil, nil, nil) == SQLITE_OK else {
      throw Failure(description: "cannot finish \(target): \(message(to))")
    }
  }

  /// Whether `path` is a SQLite database whose own integrity check passes.
  public static func check(_ path: String) throws {
    var db: OpaquePointer?
    defer { sqlite_nio_sqlite3_close_v2(db) }
    guard sqlite_nio_sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
      throw Failure(description: "cannot open \(path): \(message(db))")
    }
    var statement: OpaquePointer?
    defer { sqlite_nio_sqlite3_finalize(statement) }
    guard sqlite_nio_sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &statement, nil) == SQLITE_OK,
      sqlite_nio_sqlite3_step(statement) == SQLITE_ROW,
      let text = sqlite_nio_sqlite3_column_text(statement, 0)
    else {
      throw Failure(description: "\(path) is not a SQLite database: \(message(db))")
    }
    let answer = String(cString: text)
    guard answer == "ok" else { throw Failure(description: "\(path) fails its integrity check: \(answer)") }
  }

  private static func message(_ db: OpaquePointer?) -> String {
    db.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "unknown error"
  }
}
