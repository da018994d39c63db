import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 知识库 entries, with the items each is tied to (so a guide finds its own by index). The base is small — hundreds
/// or a few thousand answers — so a search reads the published entries' search text with LIKE.
public struct KnowledgeRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) { self.db = db }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  /// Adds or replaces an entry and its item ties.
  public func save(_ entry: KnowledgeEntry, county: String) async throws {
    try await WriteGate.serialize(db) {
      try await db.transaction { db in
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM knowledge_entries WHERE id = \(bind: entry.id)").run()
        try await sql.raw("DELETE FROM knowledge_items WHERE entry_id = \(bind: entry.id)").run()
        try await sql.raw(
          """
          INSERT INTO knowledge_entries (id, state, department_id, review_by, updated_ms, search_text, county_code,
            source_number, body)
          VALUES (\(bind: entry.id), \(bind: entry.state.rawValue), \(bind: entry.departmentID),
            \(bind: entry.reviewBy.iso), \(bind: millis(entry.updatedAt)), \(bind: entry.searchText), \(bind: county),
            \(bind: entry.sourceNumber), \(bind: try StoredBody.encode(entry)))
          """
        ).run()
        for code in Set(entry.itemCodes) {
          try await sql.raw(
            "INSERT INTO knowledge_items (entry_id, item_code) VALUES (\(bind: entry.id), \(bind: code))"
          ).run()
        }
      }
    }
  }

  public func find(_ id: String) async throws -> (entry: KnowledgeEntry, county: String)? {
    guard let row = try await sql.raw("SELECT body, county_code FROM knowledge_entries WHERE id = \(bind: id)").first()
    else { return nil }
    return (try StoredBody.decode(KnowledgeEntry.self, row), try row.decode(column: "county_code", as: String.self))
  }

  /// Published entries whose question, answer or question's pinyin initials hold `text`, most recent first.
  public func search(_ text: String, county: String, limit: Int = 20) async throws -> [KnowledgeEntry] {
    let needle = text.lowercased().filter { !$0.isWhitespace }.replacingOccurrences(of: "%", with: "")
      .replacingOccurrences(of: "_", with: "")
    guard !needle.isEmpty else { return [] }
    return try await sql.raw(
      """
      SELECT body FROM knowledge_entries WHERE county_code = \(bind: county) AND state = 'published'
        AND search_text LIKE \(bind: "%" + needle + "%") ORDER BY updated_ms DESC LIMIT \(bind: limit)
      """
    ).all().map { try StoredBody.decode(KnowledgeEntry.self, $0) }
  }

  /// The published entries tied to an item (its guide and the window show them).
  public func entries(item code: String) async throws -> [KnowledgeEntry] {
    try await sql.raw(
      """
      SELECT e.body FROM knowledge_entries e JOIN knowledge_items i ON i.entry_id = e.id
      WHERE i.item_code = \(bind: code) AND e.state = 'published' ORDER BY e.updated_ms DESC LIMIT 50
      """
    ).all().map { try StoredBody.decode(KnowledgeEntry.self, $0) }
  }

  /// All of a county's entries (of one department when given), the ones due for review first.
  public func list(county: String, departmentID: String?, limit: Int = 500) async throws -> [KnowledgeEntry] {
    var conditions: [SQLQueryString] = ["county_code = \(bind: county)"]
    if let departmentID { conditions.append("department_id = \(bind: departmentID)") }
    return try await sql.raw(
      """
      SELECT body FROM knowledge_entries WHERE \(conditions.allOf)
      ORDER BY CASE WHEN state = 'withdrawn' THEN 1 ELSE 0 END, review_by, updated_ms DESC LIMIT \(bind: limit)
      """
    ).all().map { try StoredBody.decode(KnowledgeEntry.self, $0) }
  }
}
