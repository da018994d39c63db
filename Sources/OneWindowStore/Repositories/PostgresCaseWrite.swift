import FluentPostgresDriver
import Foundation
import OneWindowDomain

/// `CaseWrite` on PostgreSQL: one prepared statement per kind of write. Each connection parses and plans it once
/// and then only binds and runs it — most of the server's work for a small statement is parsing and planning, and
/// a step's write is the hottest statement there is. The rows of a write (events, outbox rows, tasks, opinion
/// requests) go as arrays and are unnested in SQL, so the text is the same whatever a step leaves behind.
enum PostgresCaseWrite {
  /// What every write binds first, at the same places in both statements ($1–$24).
  struct Effects: Sendable {
    var bindings = PostgresBindings(capacity: 48)
    static let types: [PostgresDataType] =
      [.text, .text, .int8, .text, .text]  // number, county, now, recipient, outbox payload
      // events ($6–$16): ids, sequences, steps, from, to, actor ids and names, times, payloads, hashes
      + [.uuidArray, .int8Array] + Array(repeating: .textArray, count: 5) + [.int8Array, .textArray, .textArray, .textArray]
      // outbox ids and kinds, task ids, kinds and due dates, opinions asked (departments, due dates) and given
      + [.uuidArray, .textArray, .uuidArray, .textArray, .textArray, .textArray, .textArray, .textArray]
      // case columns from $25: version, state, department, accepted, due, warn, concluded, body, trail head
      + [.int8, .text, .text, .int8, .int8, .int8, .int8, .text, .int8, .text]

    init(_ write: CaseWrite) {
      let c = write.serviceCase
      let effects = write.effects
      let events = write.events
      bindings.append(c.number)
      bindings.append(c.regionCode.county.value)
      bindings.append(millis(write.now))
      bindings.append(c.applicant.phone)
      bindings.append(CaseTrail.canonicalJSON(["item": c.item.name, "state": c.state.rawValue]))
      bindings.append(events.map { _ in UUID() })
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
      bindings.append(effects.notifications.map { _ in UUID() })
      bindings.append(effects.notifications.map(\.rawValue))
      bindings.append(effects.tasks.map { _ in UUID() })
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
    }

    /// The rows a write leaves besides the case, as CTEs; `gate` keeps them from being written when it is false.
    static func sql(gate: String) -> String {
      """
      e AS (INSERT INTO case_events (id, case_number, sequence, step, from_state, to_state, actor_id, actor_name,
          at_ms, payload, previous_hash, hash, county_code)
        SELECT id, $1, sequence, step, NULLIF(from_state, ''), to_state, actor_id, actor_name, at_ms, payload,
          previous_hash, hash, $2
        FROM unnest($6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
          AS t(id, sequence, step, from_state, to_state, actor_id, actor_name, at_ms, payload, previous_hash, hash)
        WHERE \(gate)),
      o AS (INSERT INTO outbox (id, case_number, kind, recipient, payload, created_ms, county_code)
        SELECT id, $1, kind, $4, $5, $3, $2 FROM unnest($17, $18) AS t(id, kind) WHERE \(gate)),
      k AS (INSERT INTO case_tasks (id, case_number, kind, due_date, county_code)
        SELECT id, $1, kind, due_date, $2 FROM unnest($19, $20, $21) AS t(id, kind, due_date) WHERE \(gate)),
      q AS (INSERT INTO case_opinion_requests (case_number, department_id, due_date, requested_ms, answered_ms,
          county_code)
        SELECT $1, department_id, due_date, $3, CASE WHEN department_id = ANY($24) THEN $3 END, $2
        FROM unnest($22, $23) AS t(department_id, due_date) WHERE \(gate)),
      a AS (UPDATE case_opinion_requests SET answered_ms = $3
        WHERE case_number = $1 AND department_id = ANY($24) AND answered_ms IS NULL AND \(gate))
      """
    }
  }

  /// A step: the case row moves from the version it was read at, or — when someone else moved it first — nothing
  /// at all is written and the count is 0.
  struct Update: PostgresPreparedStatement {
    static let name = "onewindow_case_update_v1"
    static let sql = """
      WITH u AS (UPDATE cases SET version = $25, state = $26, department_id = $27, accepted_ms = $28, due_ms = $29,
          warn_ms = $30, concluded_ms = $31, body = $32, trail_seq = $33, trail_hash = $34
        WHERE number = $1 AND version = $35 RETURNING number),
      \(Effects.sql(gate: "EXISTS (SELECT 1 FROM u)"))
      SELECT count(*) AS n FROM u
      """
    static let bindingDataTypes = Effects.types + [.int8]
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
  struct Insert: PostgresPreparedStatement {
    static let name = "onewindow_case_insert_v1"
    static let sql = """
      WITH \(Effects.sql(gate: "true")),
      c AS (INSERT INTO cases (number, county_code, applicant_phone, version, state, department_id, accepted_ms,
          due_ms, warn_ms, concluded_ms, body, trail_seq, trail_hash, item_code, item_version, kind, site_id,
          region_code, channel, applicant_name, applicant_id_number, citizen_id, proxy_agent_id, idempotency_key,
          bundle_id, created_ms)
        VALUES ($1, $2, $4, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42,
          $43, $44, $45, $46, $47)
        RETURNING number)
      SELECT count(*) AS n FROM c
      """
    static let bindingDataTypes = Effects.types + [.text, .int8] + Array(repeating: .text, count: 10) + [.int8]
    typealias Row = Int

    let effects: Effects
    let idempotencyKey: String?
    let serviceCase: ServiceCase

    init(effects: Effects, idempotencyKey: String?, serviceCase: ServiceCase) {
      self.effects = effects
      self.idempotencyKey = idempotencyKey
      self.serviceCase = serviceCase
    }

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
  /// Runs a prepared statement that answers one count, on this database's connection (the transaction's, inside
  /// one). The connection prepares it the first time and reuses it after.
  func run<Statement: PostgresPreparedStatement>(_ statement: Statement) async throws -> Int
  where Statement.Row == Int {
    let logger = self.logger
    return try await withConnection { connection in
      connection.eventLoop.makeFutureWithTask {
        var count = 0
        for try await value in try await connection.execute(statement, logger: logger) { count = value }
        return count
      }
    }.get()
  }
}
