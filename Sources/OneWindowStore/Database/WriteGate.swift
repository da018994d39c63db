import Fluent
import SQLKit

/// SQLite has one writer at a time, and two transactions that each read before they write can
/// deadlock (one gets SQLITE_BUSY at once). Case transactions therefore take turns through this
/// gate on SQLite; on PostgreSQL they run in parallel and row locks order them.
actor WriteGate {
  static let sqlite = WriteGate()

  private var busy = false
  private var waiters: [CheckedContinuation<Void, Never>] = []

  private func acquire() async {
    guard busy else {
      busy = true
      return
    }
    await withCheckedContinuation { waiters.append($0) }
  }

  private func release() {
    if waiters.isEmpty {
      busy = false
    } else {
      waiters.removeFirst().resume()
    }
  }

  /// Runs `body` alone when `db` is SQLite, directly otherwise.
  static func serialize<T: Sendable>(_ db: any Database, _ body: () async throws -> T) async throws -> T {
    guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return try await body() }
    await sqlite.acquire()
    do {
      // WAL with synchronous=NORMAL: a commit is in the log before it returns, so it survives the
      // server being killed (kill -9); only an OS crash or power loss could drop the last commits.
      // The setting is per connection, and SQLite pools hold one connection per event loop, so
      // setting it here reaches the connection the transaction below runs on.
      try await sql.raw("PRAGMA synchronous=NORMAL").run()
      let result = try await body()
      await sqlite.release()
      return result
    } catch {
      await sqlite.release()
      throw error
    }
  }
}
