import FluentPostgresDriver
import Foundation
import OneWindowDomain

/// The case engine's hot statements on PostgreSQL, prepared: each connection parses and plans one once and then
/// only binds and runs it — for small statements, parsing and planning is most of the server's work. `CaseWrite`
/// has one statement per kind of write; the rows of a write (events, outbox rows, tasks, opinion requests) go as
/// arrays and are unnested in SQL, so the text is the same whatever a step leaves behind.
enum PostgresCaseStatements {
  /// Reserves the next `count` numbers of a county's day (`id` is "county:date") and answers the last of them.
  struct NextNumber: PostgresPreparedStatement {
    static let name = "onewindow_case_next_numbers_v1"
    static let sql = """
      INSERT INTO case_counters (id, last, county_code) VALUES ($1, $3, $2)
      ON CONFLICT (id) DO UPDATE SET last = case_counters.last + $3
      RETURNING last
      """
    static let bindingDataTypes: [PostgresDataType] = [.text, .text, .int8]
    typealias Row = Int

    let id: String
    let county: String
    var count = 1

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 3)
      bindings.append(id)
      bindings.append(county)
      bindings.append(Int64(count))
      return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Int { Int(try row.decode(Int64.self)) }
  }

  /// A case as a step reads it: the body and the head of its trail.
  struct Head: PostgresPreparedStatement {
    static let name = "onewindow_case_head_v1"
    static let sql = "SELECT body, trail_seq, trail_hash FROM cases WHERE number = $1"
    static let bindingDataTypes: [PostgresDataType] = [.text]
    typealias Row = (body: String, sequence: Int?, hash: String?)

    let number: String

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 1)
      bindings.append(number)
      return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
      let (body, sequence, hash) = try row.decode((String, Int64?, String?).self)
      return (body, sequence.map(Int.init), hash)
    }
  }

  /// What every write binds first, at the same places in both statements ($1–$36).
  struct Effects: Sendable {
    var bindings = PostgresBindings(capacity: 48)
    static let types: [PostgresDataType] =
      [.text, .text, .int8, .text, .text]  // number, county, now, recipient, outbox payload
      // events ($6–$16): ids, sequences, steps, from, to, actor ids and names, times, payloads, hashes
      + [.uuidArray, .int8Array] + Array(repeating: .textArray, count: 5) + [
        .int8Array, .textArray, .textArray, .textArray,
      ]
      // outbox ids and kinds, task ids, kinds and due dates, opinions asked (departments, due dates) and given
      + [.uuidArray, .textArray, .uuidArray, .textArray, .textArray, .textArray, .textArray, .textArray]
      // case columns from $25: version, state, department, accepted, due, warn, concluded, body, trail head
      + [.int8, .text, .text, .int8, .int8, .int8, .int8, .text, .int8, .text]
      // tasks settled ($35–$36): kinds and outcomes
      + [.textArray, .textArray]

    init(_ write: CaseWrite) {
      let c = write.serviceCase
      let effects = write.effects
      let events = write.events
      bindings.append(c.number)
      bindings.append(c.regionCode.county.value)
      bindings.append(millis(write.now))
      bindings.append(c.applicant.phone)
      bindings.append(CaseTrail.canonicalJSON(["item": c.item.name, "state": c.state.rawValue]))
      bindings.append(events.map { _ in TimeOrderedID.make(at: write.now) })
      bindings.append(events.map { Int64($0.sequence) })
      bindings.append(events.map(\.step.rawValue))
      bindings.append(events.map { $0.fromState?.rawValue ?? "" })
      bindings.append(events.map(\.toState.rawValue))
      bindings.append(events.map(\.actorID))
      bindings.append(events.map(\.actorName))
      bindings.append(events.map(\.atMillis))
      bindings.append(events.map(\.payload))
      bindings.append(events.map(\.previousHash))
      bindings.append(events.map(\.hash))
      bindings.append(TimeOrderedID.make(count: effects.notifications.count, at: write.now))
      bindings.append(effects.notifications.map(\.rawValue))
      bindings.append(effects.tasks.map { _ in TimeOrderedID.make(at: write.now) })
      bindings.append(effects.tasks.map { $0.kind })
      bindings.append(effects.tasks.map { $0.due.iso })
      bindings.append(effects.opinionsAsked.map { $0.departmentID })
      bindings.append(effects.opinionsAsked.map { $0.due.iso })
      bindings.append(effects.opinionsGiven)
      bindings.append(Int64(c.version))
      bindings.append(c.state.rawValue)
      bindings.append(c.departmentID)
      bindings.append(write.row.acceptedMillis)
      bindings.append(write.row.dueMillis)
      bindings.append(write.row.warnMillis)
      bindings.append(write.row.concludedMillis)
      bindings.append(write.row.body)
      bindings.append(events.last.map { Int64($0.sequence) })
      bindings.append(events.last?.hash)
      bindings.append(effects.tasksDone.map(\.kind))
      bindings.append(effects.tasksDone.map(\.outcome))
    }

    /// The rows a write of `shape` leaves besides the case, as CTEs; `gate` keeps them from being written when it
    /// is false.
    static func sql(gate: String, _ shape: Shape) -> String {
      let events = """
          e AS (INSERT INTO case_events (id, case_number, sequence, step, from_state, to_state, actor_id, actor_name,
            at_ms, payload, previous_hash, hash, county_code)
          SELECT id, $1, sequence, step, NULLIF(from_state, ''), to_state, actor_id, actor_name, at_ms, payload,
            previous_hash, hash, $2
          FROM unnest($6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            AS t(id, sequence, step, from_state, to_state, actor_id, actor_name, at_ms, payload, previous_hash, hash)
          WHERE \(gate))
        """
      let notices = """
        o AS (INSERT INTO outbox (id, case_number, kind, recipient, payload, created_ms, county_code)
          SELECT id, $1, kind, $4, $5, $3, $2 FROM unnest($17, $18) AS t(id, kind) WHERE \(gate))
        """
      let tasksAndOpinions = """
        k AS (INSERT INTO case_tasks (id, case_number, kind, due_date, county_code)
          SELECT id, $1, kind, due_date, $2 FROM unnest($19, $20, $21) AS t(id, kind, due_date) WHERE \(gate)),
        q AS (INSERT INTO case_opinion_requests (case_number, department_id, due_date, requested_ms, answered_ms,
            county_code)
          SELECT $1, department_id, due_date, $3, CASE WHEN department_id = ANY($24) THEN $3 END, $2
          FROM unnest($22, $23) AS t(department_id, due_date) WHERE \(gate)),
        a AS (UPDATE case_opinion_requests SET answered_ms = $3
          WHERE case_number = $1 AND department_id = ANY($24) AND answered_ms IS NULL AND \(gate)),
        d AS (UPDATE case_tasks SET done_ms = $3, outcome = t.outcome FROM unnest($35, $36) AS t(kind, outcome)
          WHERE case_tasks.case_number = $1 AND case_tasks.kind = t.kind AND case_tasks.done_ms IS NULL AND \(gate))
        """
      switch shape {
      case .events: return events
      case .notices: return events + ",\n" + notices
      case .everything: return events + ",\n" + notices + ",\n" + tasksAndOpinions
      }
    }
  }

  /// Which kinds of rows a write leaves besides the case and its events. Each shape is its own prepared statement:
  /// PostgreSQL opens, locks and starts every table a statement names, rows or not, and most steps leave only
  /// events, or events and a notice.
  enum Shape: Int, CaseIterable, Sendable {
    case events
    /// Events and outbox rows.
    case notices
    /// Also follow-up tasks (set or settled) and opinion requests (asked or answered).
    case everything

    init(_ effects: CaseRepository.StepEffects) {
      // A new kind of effect is written only by the statement of a shape that names its table: add it to
      // `everything` and to this choice, then raise the count. (Debug builds, so every test that writes checks it.)
      assert(
        Mirror(reflecting: effects).children.count == 5,
        "CaseRepository.StepEffects has a new field: give it its place in Shape and in the everything statement")
      if !effects.tasks.isEmpty || !effects.tasksDone.isEmpty || !effects.opinionsAsked.isEmpty
        || !effects.opinionsGiven.isEmpty
      {
        self = .everything
      } else {
        self = effects.notifications.isEmpty ? .events : .notices
      }
    }
  }

  /// A shape as a type, for the statements' static name and text.
  protocol ShapeMarker: Sendable {
    static var shape: Shape { get }
  }
  enum EventsOnly: ShapeMarker { static var shape: Shape { .events } }
  enum WithNotices: ShapeMarker { static var shape: Shape { .notices } }
  enum WithEverything: ShapeMarker { static var shape: Shape { .everything } }

  /// Runs `body` with the marker type of `shape`.
  static func withMarker<Result>(
    of shape: Shape, _ body: (any ShapeMarker.Type) async throws -> Result
  ) async rethrows -> Result {
    switch shape {
    case .events: try await body(EventsOnly.self)
    case .notices: try await body(WithNotices.self)
    case .everything: try await body(WithEverything.self)
    }
  }

  // Static stored properties cannot live in a generic type; the statements look theirs up here, by shape.
  fileprivate static let updateNames = Shape.allCases.map { "onewindow_case_update_v3_\($0)" }
  fileprivate static let updateSQL = Shape.allCases.map(Update<EventsOnly>.sql(for:))
  fileprivate static let updateTypes = Effects.types + [.int8]
  fileprivate static let insertNames = Shape.allCases.map { "onewindow_case_insert_v3_\($0)" }
  fileprivate static let insertSQL = Shape.allCases.map(Insert<EventsOnly>.sql(for:))
  fileprivate static let insertTypes = Effects.types + [.text, .int8] + Array(repeating: .text, count: 10) + [.int8]

  /// A step: the case row moves from the version it was read at, or — when someone else moved it first — nothing
  /// at all is written and the count is 0.
  struct Update<Marker: ShapeMarker>: PostgresPreparedStatement {
    static var name: String { PostgresCaseStatements.updateNames[Marker.shape.rawValue] }
    static var sql: String { PostgresCaseStatements.updateSQL[Marker.shape.rawValue] }
    static func sql(for shape: Shape) -> String {
      """
      WITH u AS (UPDATE cases SET version = $25, state = $26, department_id = $27, accepted_ms = $28, due_ms = $29,
          warn_ms = $30, concluded_ms = $31, body = $32, trail_seq = $33, trail_hash = $34
        WHERE number = $1 AND version = $37 RETURNING number),
      \(Effects.sql(gate: "EXISTS (SELECT 1 FROM u)", shape))
      SELECT count(*) AS n FROM u
      """
    }
    static var bindingDataTypes: [PostgresDataType] { PostgresCaseStatements.updateTypes }
    typealias Row = Int

    let effects: Effects
    let fromVersion: Int

    func makeBindings() throws -> PostgresBindings {
      var bindings = effects.bindings
      bindings.append(Int64(fromVersion))
      return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Int { Int(try row.decode(Int64.self)) }
  }

  /// A registration: the case row and everything its first steps leave, in one statement.
  struct Insert<Marker: ShapeMarker>: PostgresPreparedStatement {
    static var name: String { PostgresCaseStatements.insertNames[Marker.shape.rawValue] }
    static var sql: String { PostgresCaseStatements.insertSQL[Marker.shape.rawValue] }
    static func sql(for shape: Shape) -> String {
      """
      WITH \(Effects.sql(gate: "true", shape)),
      c AS (INSERT INTO cases (number, county_code, applicant_phone, version, state, department_id, accepted_ms,
          due_ms, warn_ms, concluded_ms, body, trail_seq, trail_hash, item_code, item_version, kind, site_id,
          region_code, channel, applicant_name, applicant_id_number, citizen_id, proxy_agent_id, idempotency_key,
          bundle_id, created_ms)
        VALUES ($1, $2, $4, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $37, $38, $39, $40, $41, $42, $43, $44,
          $45, $46, $47, $48, $49)
        RETURNING number)
      SELECT count(*) AS n FROM c
      """
    }
    static var bindingDataTypes: [PostgresDataType] { PostgresCaseStatements.insertTypes }
    typealias Row = Int

    let effects: Effects
    let idempotencyKey: String?
    let serviceCase: ServiceCase

    func makeBindings() throws -> PostgresBindings {
      var bindings = effects.bindings
      let c = serviceCase
      bindings.append(c.item.code)
      bindings.append(Int64(c.item.version))
      bindings.append(c.item.kind.rawValue)
      bindings.append(c.siteID)
      bindings.append(c.regionCode.value)
      bindings.append(c.channel.rawValue)
      bindings.append(c.applicant.name)
      bindings.append(c.applicant.idNumber.uppercased())
      bindings.append(c.citizenID)
      bindings.append(c.proxy?.agentID)
      bindings.append(idempotencyKey)
      bindings.append(c.bundleID)
      bindings.append(millis(c.createdAt))
      return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Int { Int(try row.decode(Int64.self)) }
  }
}

extension PostgresDatabase {
  /// Runs a prepared statement on this database's connection (the transaction's, inside one) and answers its first
  /// row. The connection prepares the statement the first time and reuses it after.
  ///
  /// `committed`: for a statement that writes outside a transaction. PostgresNIO ends a statement's rows at the
  /// server's CommandComplete, which comes *before* the server commits the statement's implicit transaction (and,
  /// with synchronous replication, waits for the standby) — so a leader that dies at that instant would leave a
  /// write answered as done that no standby has (seen in scripts/failover-drill: acknowledged cases lost). Run in an
  /// explicit transaction, the write is answered only once its COMMIT is: done, or failed with the reason.
  /// A write whose result is kept in memory for later writes (a block of case numbers) needs the wait too: the log is
  /// replayed in order, so a standby holding a case holds the draw of its number, but not the draw of numbers no
  /// committed case has used yet.
  func first<Statement: PostgresPreparedStatement>(_ statement: Statement, committed: Bool = false) async throws
    -> Statement.Row?
  where Statement.Row: Sendable {
    let logger = self.logger
    return try await withConnection { connection in
      connection.eventLoop.makeFutureWithTask {
        // PostgresNIO never answers a query written to a connection that has closed (the write fails unseen), so a
        // dead leader's connection is checked before each part — else the write would wait forever, and with it
        // every registration waiting on a block of numbers (seen in scripts/failover-drill).
        if committed {
          try ConnectionClosed.check(connection)
          for try await _ in try await connection.query("BEGIN", logger: logger) {}
        }
        do {
          try ConnectionClosed.check(connection)
          var first: Statement.Row?
          for try await row in try await connection.execute(statement, logger: logger) where first == nil {
            first = row
          }
          if committed {
            try ConnectionClosed.check(connection)
            for try await _ in try await connection.query("COMMIT", logger: logger) {}
          }
          return first
        } catch {
          // The connection goes back to the pool: never with a transaction still open on it. One the database lost
          // is closed instead (its transaction dies with it): a ROLLBACK written to it would never be answered.
          if committed {
            if connection.isClosed || DatabaseFault(error) != nil {
              _ = try? await connection.close().get()
            } else {
              _ = try? await connection.query("ROLLBACK", logger: logger).collect()
            }
          }
          throw error
        }
      }
    }.get()
  }
}
