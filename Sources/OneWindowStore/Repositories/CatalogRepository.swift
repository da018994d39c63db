import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// The service-item catalog: items, their versions and state, and search. Lists and search use SQLKit (Fluent
/// decodes large result sets slowly); an item's full content is the JSON body of its version row.
public struct CatalogRepository: Sendable {
  let db: any Database
  var sql: any SQLDatabase { db as! any SQLDatabase }

  public init(_ db: any Database) {
    self.db = db
  }

  static let summaryColumns = [
    "code", "name", "type", "department_id", "levels", "case_kind", "promised_limit_days", "visits", "online_depth",
    "status", "version",
  ]

  public func count() async throws -> Int {
    try await ServiceItemModel.query(on: db).count()
  }

  /// The current version of an item and its state.
  public func entry(code: String) async throws -> CatalogEntry? {
    guard
      let row = try await sql.select().columns("status", "version", "draft_version").from("service_items")
        .where("code", .equal, code).first()
    else { return nil }
    let number = try row.decode(column: "version", as: Int.self)
    guard let version = try await version(code: code, number: number) else { return nil }
    return CatalogEntry(
      item: version.item, status: ItemStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
      version: number,
      draftVersion: try row.decodeNil(column: "draft_version")
        ? nil : try row.decode(column: "draft_version", as: Int.self))
  }

  /// The current content of an item.
  public func find(code: String) async throws -> ServiceItem? {
    try await entry(code: code)?.item
  }

  public func version(code: String, number: Int) async throws -> ItemVersion? {
    try await sql.select().column("*").from("item_versions").where("code", .equal, code)
      .where("version", .equal, number).first().map(Self.decodeVersion)
  }

  /// Every version of an item, newest first.
  public func versions(code: String) async throws -> [ItemVersion] {
    try await sql.select().column("*").from("item_versions").where("code", .equal, code)
      .orderBy("version", .descending).all().map(Self.decodeVersion)
  }

  /// The current content of every item in `statuses`, by code.
  public func items(
    statuses: Set<ItemStatus> = [.published], county: String? = nil, limit: Int = 100_000, offset: Int = 0
  ) async throws -> [ServiceItem] {
    var select = currentVersions()
      .where(SQLColumn("status", table: "i"), .in, SQLBind.group(statuses.map(\.rawValue)))
    if let county { select = select.where(SQLColumn("county_code", table: "i"), .equal, SQLBind(county)) }
    return
      try await select
      .orderBy(SQLColumn("code", table: "i")).limit(limit).offset(offset).all()
      .map { try Self.decodeItem(try $0.decode(column: "body", as: String.self)) }
  }

  /// The current content of each of `codes` that exists, in one query (agreements, bundles and their pages name
  /// several items at once).
  /// With `county`, only that county's items: another county's code is as if it did not exist.
  public func find(codes: some Collection<String>, county: String? = nil) async throws -> [String: ServiceItem] {
    guard !codes.isEmpty else { return [:] }
    var items: [String: ServiceItem] = [:]
    var select = currentVersions().where(SQLColumn("code", table: "i"), .in, SQLBind.group(Array(Set(codes))))
    if let county { select = select.where(SQLColumn("county_code", table: "i"), .equal, SQLBind(county)) }
    for row in try await select.all() {
      let item = try Self.decodeItem(try row.decode(column: "body", as: String.self))
      items[item.code] = item
    }
    return items
  }

  /// Item rows joined to the body of their current version.
  private func currentVersions() -> SQLSelectBuilder {
    sql.select().column(SQLColumn("body", table: "v")).from(SQLAlias(SQLIdentifier("service_items"), as: "i"))
      .join(
        SQLAlias(SQLIdentifier("item_versions"), as: "v"), method: SQLJoinMethod.inner,
        on: SQLRaw("v.code = i.code AND v.version = i.version"))
  }

  /// A text search counts at most this many matches: past it, the page says "1000+" and asks for more words.
  public static let countLimit = 1_000

  /// One page of items matching `filter`, and how many match. A text of two or more characters is read from
  /// `item_grams`, starting from its rarest two-character piece in code order and checked against the search key,
  /// so a common piece (登记, dj) stops after `countLimit` matches instead of reading the whole catalog; digits alone
  /// search codes by prefix; one character scans.
  public func search(_ filter: CatalogFilter) async throws -> CatalogPage {
    guard let text = filter.normalizedText else { return try await browse(filter) }
    let digits = text.allSatisfy { $0.isASCII && $0.isNumber }
    let grams = digits ? [] : Self.grams(of: text)
    var inner: SQLSelectBuilder
    if ItemCode.looksLikeCode(text) {
      // A code's start: the basic code or the 实施编码, as a range each column's index serves (codes are stored in
      // capitals). The upper bound is the next code, not a punctuation mark some collations would ignore.
      let prefix = text.uppercased()
      let upper = ItemCode.upperBound(ofPrefix: prefix)
      func range(_ column: String, _ group: SQLPredicateGroupBuilder) -> SQLPredicateGroupBuilder {
        let from = group.where(SQLIdentifier(column), .greaterThanOrEqual, SQLBind(prefix))
        return upper.map { from.where(SQLIdentifier(column), .lessThan, SQLBind($0)) } ?? from
      }
      inner = filter.apply(to: sql.select().columns(Self.summaryColumns.map { SQLColumn($0) }).from("service_items"))
        .where { group in
          group.where { range("code", $0) }.orWhere { range("implementation_code", $0) }
        }
        .orderBy("code")
    } else if let ordered = try await byRarity(grams) {
      inner = throughPieces(ordered, text: text, filter)
    } else if grams.isEmpty {
      inner = filter.apply(to: sql.select().columns(Self.summaryColumns.map { SQLColumn($0) }).from("service_items"))
        .where("search_text", .like, "%\(text)%").orderBy("code")
    } else {
      return CatalogPage(items: [], total: 0, totalIsExact: true)
    }
    inner = inner.limit(Self.countLimit + 1)
    let rows = try await sql.select().columns(Self.summaryColumns.map { SQLColumn($0) })
      .column(SQLRaw("COUNT(*) OVER ()"), as: "total_count")
      .from(SQLAlias(SQLGroupExpression(inner.query), as: SQLIdentifier("hits")))
      .orderBy(
        SQLQueryString("CASE WHEN code = \(bind: text) THEN 0 WHEN name LIKE \(bind: text + "%") THEN 1 ELSE 2 END")
      )
      .orderBy("code").limit(filter.limit).offset(filter.offset).all()
    let items = try rows.map(Self.decodeSummary)
    let total = try rows.first?.decode(column: "total_count", as: Int.self) ?? (filter.offset > 0 ? -1 : 0)
    if total < 0 {
      var first = filter
      first.offset = 0
      first.limit = 1
      let counted = try await search(first)
      return CatalogPage(items: [], total: counted.total, totalIsExact: counted.totalIsExact)
    }
    return CatalogPage(items: items, total: min(total, Self.countLimit), totalIsExact: total <= Self.countLimit)
  }

  /// The items containing `text`, driven from the rarest piece in code order: the next pieces are checked in the
  /// (small, covering) piece index before an item row is read, and the search key confirms the pieces are in a row.
  /// Reading stops after `countLimit + 1` matches. SQLite plans this join as written; PostgreSQL's planner would
  /// rather hash the whole piece and scan the catalog, so there the item row is read in a LATERAL subquery it cannot
  /// flatten (OFFSET 0), one row per piece entry, in index order.
  private func throughPieces(_ ordered: [String], text: String, _ filter: CatalogFilter) -> SQLSelectBuilder {
    func morePieces(_ alias: String) -> [SQLQueryString] {
      ordered.dropFirst().prefix(3).map { gram in
        var exists = SQLQueryString("EXISTS (SELECT 1 FROM item_grams AS more WHERE more.gram = ")
        exists.appendInterpolation(bind: gram)
        exists.appendLiteral(" AND more.code = " + alias + ".code)")
        return exists
      }
    }
    // A two-character text is its own piece: every item the index names for it contains it.
    let confirm = text.count > 2 ? contains("service_items.search_text", text) : nil
    guard sql.dialect.name == "postgresql" else {
      var select = sql.select().columns(Self.summaryColumns.map { SQLColumn($0, table: "service_items") })
        .from("item_grams")
        .join(
          "service_items", on: SQLColumn("code", table: "item_grams"), .equal, SQLColumn("code", table: "service_items")
        )
        .where(SQLColumn("gram", table: "item_grams"), .equal, SQLBind(ordered[0]))
      for exists in morePieces("item_grams") { select = select.where(exists) }
      select = filter.apply(to: select)
      if let confirm { select = select.where(confirm) }
      return select.orderBy(SQLColumn("code", table: "item_grams"))
    }
    var pieces = SQLQueryString("SELECT code FROM item_grams WHERE gram = ")
    pieces.appendInterpolation(bind: ordered[0])
    for exists in morePieces("item_grams") {
      pieces.appendLiteral(" AND ")
      pieces.appendInterpolation(exists)
    }
    pieces.appendLiteral(" ORDER BY code")
    var item = filter.apply(
      to: sql.select().columns(Self.summaryColumns.map { SQLColumn($0, table: "service_items") }).from("service_items")
        .where(SQLColumn("code", table: "service_items"), .equal, SQLColumn("code", table: "piece")))
    if let confirm { item = item.where(confirm) }
    return sql.select().columns(Self.summaryColumns.map { SQLColumn($0, table: "hit") })
      .from(SQLAlias(SQLGroupExpression(pieces), as: SQLIdentifier("piece")))
      .join(
        SQLList(
          [SQLRaw("LATERAL"), SQLAlias(SQLGroupExpression(item.offset(0).query), as: SQLIdentifier("hit"))],
          separator: SQLRaw(" ")),
        method: SQLJoinMethod.inner, on: SQLRaw("TRUE")
      )
      .orderBy(SQLColumn("code", table: "piece"))
  }

  /// "`column` contains `text`", as a plain substring test. Not LIKE: PostgreSQL's planner reads a LIKE on the
  /// search key as selective and scans the whole table instead of walking the piece index in code order.
  private func contains(_ column: String, _ text: String) -> SQLQueryString {
    let function = sql.dialect.name == "postgresql" ? "strpos" : "instr"
    var query = SQLQueryString("\(unsafeRaw: function)(\(unsafeRaw: column), ")
    query.appendInterpolation(bind: text)
    query.appendLiteral(") > 0")
    return query
  }

  /// Filters without text: a page in code order, and the exact count in a second query that indexes can answer
  /// alone (a window count would read every matching row to show twenty).
  private func browse(_ filter: CatalogFilter) async throws -> CatalogPage {
    let rows = try await filter.apply(
      to: sql.select().columns(Self.summaryColumns.map { SQLColumn($0) }).from("service_items")
    ).orderBy("code").limit(filter.limit).offset(filter.offset).all()
    let counted = try await filter.apply(
      to: sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("service_items")
    ).first()
    return CatalogPage(
      items: try rows.map(Self.decodeSummary), total: try counted?.decode(column: "n", as: Int.self) ?? 0,
      totalIsExact: true)
  }

  /// The pieces, fewest items first, or `nil` when some piece has none (then nothing can match). Counts stop at
  /// 5,000 per piece: past that every piece is common and their order does not matter.
  private func byRarity(_ grams: [String]) async throws -> [String]? {
    guard !grams.isEmpty else { return nil }
    var query = SQLQueryString("")
    for (index, gram) in grams.enumerated() {
      if index > 0 { query.appendLiteral(" UNION ALL ") }
      query.appendLiteral("SELECT ")
      query.appendInterpolation(literal: index)
      query.appendLiteral(" AS position, (SELECT COUNT(*) FROM (SELECT 1 AS hit FROM item_grams WHERE gram = ")
      query.appendInterpolation(bind: gram)
      query.appendLiteral(" LIMIT 5000) AS capped) AS n")
    }
    var counted: [(gram: String, count: Int)] = []
    for row in try await sql.raw(query).all() {
      let count = try row.decode(column: "n", as: Int.self)
      guard count > 0 else { return nil }
      counted.append((grams[try row.decode(column: "position", as: Int.self)], count))
    }
    return counted.sorted { $0.count < $1.count }.map(\.gram)
  }

  /// The distinct two-character pieces of `text` (lowercase, no spaces), in order.
  static func grams(of text: String) -> [String] {
    let characters = Array(text)
    guard characters.count >= 2 else { return [] }
    var seen: Set<String> = []
    var result: [String] = []
    for index in 0..<(characters.count - 1) {
      let gram = String(characters[index...index + 1])
      if seen.insert(gram).inserted { result.append(gram) }
    }
    return result
  }

  /// The pieces an item is found by: those of its name and of every pinyin key (the code is searched by prefix).
  static func grams(searchText: String) -> Set<String> {
    var all: Set<String> = []
    for token in searchText.split(separator: " ") where !token.allSatisfy({ $0.isASCII && $0.isNumber }) {
      all.formUnion(grams(of: String(token)))
    }
    return all
  }

  /// Writes an item's search pieces, replacing its old ones unless told it has none yet.
  static func writeGrams(code: String, searchText: String, on sql: any SQLDatabase, replacing: Bool = true)
    async throws
  {
    if replacing { try await sql.delete(from: "item_grams").where("code", .equal, code).run() }
    let grams = grams(searchText: searchText).sorted()
    guard !grams.isEmpty else { return }
    var insert = sql.insert(into: "item_grams").columns("gram", "code")
    for gram in grams { insert = insert.values(SQLBind(gram), SQLBind(code)) }
    try await insert.run()
  }

  /// Item counts per implementing department (published items), for the portal's department list.
  public func countsByDepartment(county: String? = nil) async throws -> [String: Int] {
    let rows = try await sql.raw(
      "SELECT department_id, COUNT(*) AS n FROM service_items WHERE status = 'published' \(Self.inCounty(county)) GROUP BY department_id"
    ).all()
    var counts: [String: Int] = [:]
    for row in rows {
      counts[try row.decode(column: "department_id", as: String.self)] = try row.decode(column: "n", as: Int.self)
    }
    return counts
  }

  /// The seeds' catalog figures over the published items, counted in SQL.
  public func figures(county: String? = nil) async throws -> CatalogFigures {
    let row = try await sql.raw(
      """
      SELECT COUNT(*) AS total,
        SUM(CASE WHEN levels LIKE '%town%' OR levels LIKE '%village%' THEN 1 ELSE 0 END) AS sunk,
        SUM(CASE WHEN online_depth >= 3 THEN 1 ELSE 0 END) AS online
      FROM service_items WHERE status = 'published' \(Self.inCounty(county))
      """
    ).first()
    func value(_ column: String) throws -> Int {
      guard let row, try !row.decodeNil(column: column) else { return 0 }
      return try row.decode(column: column, as: Int.self)
    }
    return CatalogFigures(
      publishedItems: try value("total"), sunkItems: try value("sunk"), onlineItems: try value("online"))
  }

  /// How many items are in each state.
  public func statusCounts(county: String? = nil) async throws -> [ItemStatus: Int] {
    var counts: [ItemStatus: Int] = [:]
    let filter: SQLQueryString = county.map { "WHERE county_code = \(bind: $0)" } ?? ""
    for row in try await sql.raw("SELECT status, COUNT(*) AS n FROM service_items \(filter) GROUP BY status").all() {
      if let status = ItemStatus(rawValue: try row.decode(column: "status", as: String.self)) {
        counts[status] = try row.decode(column: "n", as: Int.self)
      }
    }
    return counts
  }

  /// `AND county_code = …` when a county is given: one county's part of the catalog.
  static func inCounty(_ county: String?) -> SQLQueryString {
    county.map { "AND county_code = \(bind: $0)" } ?? ""
  }

  /// The county an item belongs to; nil when there is no such item.
  public func county(ofItem code: String) async throws -> String? {
    try await counties(ofItems: [code])[code]
  }

  /// The county each of `codes` that exists belongs to, 500 codes a query (an import names thousands).
  public func counties(ofItems codes: [String]) async throws -> [String: String] {
    var found: [String: String] = [:]
    for start in stride(from: 0, to: codes.count, by: 500) {
      let chunk = Array(codes[start..<min(start + 500, codes.count)])
      for row in try await sql.select().columns("code", "county_code").from("service_items")
        .where("code", .in, SQLBind.group(chunk)).all()
      {
        found[try row.decode(column: "code", as: String.self)] = try row.decode(column: "county_code", as: String.self)
      }
    }
    return found
  }

  /// Every code in the catalog.
  public func codes() async throws -> Set<String> {
    Set(try await sql.select().column("code").from("service_items").all().map { try $0.decode(column: "code") })
  }
}

// MARK: writing

extension CatalogRepository {
  /// A new item, as a draft version 1. The code must be new.
  public func create(_ item: ServiceItem, by editor: String, county: String, now: Date) async throws {
    try await validate(item)
    try await db.transaction { db in
      let repository = CatalogRepository(db)
      guard try await repository.status(of: item.code) == nil else { throw ItemValidator.duplicateCode(item.code) }
      try await Self.insertVersion(
        ItemVersion(
          item: item, number: 1, createdAtMs: millis(now), createdBy: editor, publishedAtMs: nil, note: "新建"),
        county: county, on: repository.sql)
      try await repository.insertRow(item, status: .draft, version: 1, county: county)
    }
  }

  /// Saves an edit. A never-published item's draft is replaced; a published (or suspended) item gets a new draft
  /// version (or its waiting draft is replaced), and windows keep using the published one until it is published.
  /// Returns the draft's version number.
  @discardableResult
  public func saveDraft(_ item: ServiceItem, by editor: String, note: String, now: Date) async throws -> Int {
    try await validate(item)
    return try await db.transaction { db in
      let repository = CatalogRepository(db)
      guard let entry = try await repository.entry(code: item.code) else {
        throw StoreNotFound.item(item.code)
      }
      guard entry.status != .cancelled else {
        throw ValidationError(field: "code", zh: "已取消的事项不能再编辑。", en: "A cancelled item cannot be edited.")
      }
      return try await repository.saveDraftVersion(item, entry: entry, by: editor, note: note, now: now)
    }
  }

  /// Writes `item` as the draft version of `entry`: the draft of a draft item, or the waiting draft of a published
  /// one (replacing an earlier waiting draft).
  @discardableResult
  private func saveDraftVersion(
    _ item: ServiceItem, entry: CatalogEntry, by editor: String, note: String, now: Date
  ) async throws -> Int {
    let number = entry.status == .draft ? entry.version : entry.draftVersion ?? entry.version + 1
    try await sql.delete(from: "item_versions").where("code", .equal, item.code)
      .where("version", .equal, number).where("published_at_ms", .is, SQLLiteral.null).run()
    try await Self.insertVersion(
      ItemVersion(
        item: item, number: number, createdAtMs: millis(now), createdBy: editor, publishedAtMs: nil, note: note),
      county: try await county(of: item.code), on: sql)
    if entry.status == .draft {
      try await updateRow(item, status: .draft, version: number)
    } else {
      try await sql.update("service_items").set("draft_version", to: number).where("code", .equal, item.code).run()
    }
    return number
  }

  /// Publishes the waiting draft, suspends, resumes or cancels an item.
  @discardableResult
  public func perform(_ action: ItemLifecycle.Action, code: String, now: Date) async throws -> ItemStatus {
    try await db.transaction { db in
      let repository = CatalogRepository(db)
      guard let entry = try await repository.entry(code: code) else { throw StoreNotFound.item(code) }
      let hasDraft = entry.status == .draft || entry.draftVersion != nil
      let status = try ItemLifecycle.apply(action, to: entry.status, hasDraft: hasDraft)
      guard action == .publish else {
        try await repository.sql.update("service_items").set("status", to: status.rawValue)
          .where("code", .equal, code).run()
        return status
      }
      let number = entry.draftVersion ?? entry.version
      guard let draft = try await repository.version(code: code, number: number) else {
        throw StoreNotFound.item(code)
      }
      guard draft.item.isComplete else { throw ValidationErrors(draft.item.publishProblems) }
      try await repository.sql.update("item_versions").set("published_at_ms", to: millis(now))
        .where("code", .equal, code).where("version", .equal, number).run()
      try await repository.updateRow(draft.item, status: status, version: number)
      return status
    }
  }

  /// What loading `items` as published versions would change: new items, changed items (with what changed) and
  /// unchanged ones. Nothing is written.
  public func plan(_ items: [ServiceItem]) async throws -> CatalogImportPlan {
    var plan = CatalogImportPlan()
    let existing = try await codes()
    for item in items {
      guard existing.contains(item.code) else {
        plan.created.append(item)
        continue
      }
      guard let current = try await find(code: item.code) else { continue }
      let changes = ItemChange.between(current, item)
      if changes.isEmpty { plan.unchanged.append(item.code) } else { plan.updated.append((item, changes)) }
    }
    return plan
  }

  /// Loads `plan` in one transaction: new items as published version 1, changed ones as a new published version.
  /// `progress` is told after each batch.
  public func apply(
    _ plan: CatalogImportPlan, by editor: String, note: String, county: String, now: Date,
    progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
  ) async throws {
    let total = plan.created.count + plan.updated.count
    try await db.transaction { db in
      let repository = CatalogRepository(db)
      var done = 0
      for batch in stride(from: 0, to: plan.created.count, by: 200).map({
        plan.created[$0..<min($0 + 200, plan.created.count)]
      }) {
        try await repository.insertRows(Array(batch), county: county, editor: editor, note: note, now: now)
        done += batch.count
        progress(done, total)
      }
      for (item, _) in plan.updated {
        let entry = try await repository.entry(code: item.code)
        // An item with unknown elements becomes a waiting draft; the published version stays in service.
        if !item.isComplete, let entry, entry.status != .draft {
          try await repository.saveDraftVersion(item, entry: entry, by: editor, note: note, now: now)
          done += 1
          continue
        }
        let number = max(entry?.version ?? 0, entry?.draftVersion ?? 0) + 1
        try await Self.insertVersion(
          ItemVersion(
            item: item, number: number, createdAtMs: millis(now), createdBy: editor,
            publishedAtMs: item.isComplete ? millis(now) : nil, note: note),
          county: county, on: repository.sql)
        let status =
          !item.isComplete ? .draft : entry?.status == .draft ? ItemStatus.published : entry?.status ?? .published
        try await repository.updateRow(item, status: status, version: number)
        done += 1
        if done % 200 == 0 { progress(done, total) }
      }
      progress(done, total)
    }
  }

  private func validate(_ item: ServiceItem) async throws {
    let departments = Set(
      try await sql.select().column("id").from("departments").all().map { try $0.decode(column: "id", as: String.self) }
    )
    try ItemValidator.validate(item, departmentIDs: departments)
  }

  private func status(of code: String) async throws -> ItemStatus? {
    try await sql.select().column("status").from("service_items").where("code", .equal, code).first()
      .flatMap { ItemStatus(rawValue: try $0.decode(column: "status", as: String.self)) }
  }

  private func county(of code: String) async throws -> String {
    try await sql.select().column("county_code").from("service_items").where("code", .equal, code).first()?
      .decode(column: "county_code", as: String.self) ?? ""
  }
}

// MARK: rows

extension CatalogRepository {
  static let itemEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return encoder
  }()

  static func decodeItem(_ body: String) throws -> ServiceItem {
    try JSONDecoder().decode(ServiceItem.self, from: Data(body.utf8))
  }

  /// The lowercase text `search` matches: name, code, aliases and the pinyin-initials keys of name and aliases.
  static func searchText(_ item: ServiceItem) -> String {
    var parts = [item.name.lowercased(), item.code.lowercased()] + PinyinInitials.variants(of: item.name)
    if let main = item.mainItem {
      parts.append(String(main.name.lowercased().filter { !$0.isWhitespace }))
      parts += PinyinInitials.variants(of: main.name, limit: 2)
    }
    for alias in item.aliases {
      parts.append(String(alias.lowercased().filter { !$0.isWhitespace }))
      parts += PinyinInitials.variants(of: alias, limit: 2)
    }
    return parts.joined(separator: " ")
  }

  static func themesText(_ item: ServiceItem) -> String {
    let audiences = Set(item.themes.map(\.audience)).map { "@" + $0.rawValue }
    return "," + (item.themes.map(\.rawValue).sorted() + audiences.sorted()).joined(separator: ",") + ","
  }

  static func levelsText(_ levels: Set<RegionLevel>) -> String {
    RegionLevel.allCases.filter(levels.contains).map(\.rawValue).joined(separator: ",")
  }

  static func insertVersion(_ version: ItemVersion, county: String, on sql: any SQLDatabase) async throws {
    let body = String(decoding: try itemEncoder.encode(version.item), as: UTF8.self)
    try await sql.insert(into: "item_versions")
      .columns("code", "version", "body", "created_at_ms", "created_by", "published_at_ms", "note", "county_code")
      .values(
        SQLBind(version.item.code), SQLBind(version.number), SQLBind(body), SQLBind(version.createdAtMs),
        SQLBind(version.createdBy), SQLBind(version.publishedAtMs), SQLBind(version.note), SQLBind(county)
      ).run()
  }

  private static func rowValues(_ item: ServiceItem) -> [(String, any Encodable & Sendable)] {
    [
      ("name", item.name), ("type", item.type.rawValue), ("department_id", item.departmentID),
      ("levels", levelsText(item.levels)), ("case_kind", item.caseKind.rawValue),
      ("legal_limit_days", item.legalLimitDays), ("promised_limit_days", item.promisedLimitDays),
      ("visits", item.visits), ("online_depth", item.onlineDepth), ("search_text", searchText(item)),
      ("themes", themesText(item)), ("hall_exception", item.hallExceptionReason),
      ("implementation_code", item.implementationCode),
    ]
  }

  private func insertRow(_ item: ServiceItem, status: ItemStatus, version: Int, county: String) async throws {
    let values = Self.rowValues(item)
    try await sql.insert(into: "service_items")
      .columns(["code", "county_code", "status", "version"] + values.map(\.0))
      .values(
        [SQLBind(item.code), SQLBind(county), SQLBind(status.rawValue), SQLBind(version)]
          + values.map { SQLBind($0.1) }
      ).run()
    try await Self.writeGrams(code: item.code, searchText: Self.searchText(item), on: sql, replacing: false)
  }

  /// Inserts new items as published version 1, many rows per statement.
  public func insertRows(_ items: [ServiceItem], county: String, editor: String, note: String, now: Date) async throws {
    guard let first = items.first else { return }
    let columns = ["code", "county_code", "status", "version"] + Self.rowValues(first).map(\.0)
    var insert = sql.insert(into: "service_items").columns(columns)
    var versions = sql.insert(into: "item_versions")
      .columns("code", "version", "body", "created_at_ms", "created_by", "published_at_ms", "note", "county_code")
    for item in items {
      // An item with unknown elements is loaded as a draft: it is not in service until they are entered.
      let status = item.isComplete ? ItemStatus.published : .draft
      insert = insert.values(
        [SQLBind(item.code), SQLBind(county), SQLBind(status.rawValue), SQLBind(1)]
          + Self.rowValues(item).map { SQLBind($0.1) })
      let body = String(decoding: try Self.itemEncoder.encode(item), as: UTF8.self)
      versions = versions.values(
        SQLBind(item.code), SQLBind(1), SQLBind(body), SQLBind(millis(now)), SQLBind(editor),
        item.isComplete ? SQLBind(millis(now)) : SQLBind(Int?.none), SQLBind(note), SQLBind(county))
    }
    try await insert.run()
    try await versions.run()
    var grams = sql.insert(into: "item_grams").columns("gram", "code")
    var pieces = 0
    for item in items {
      for gram in Self.grams(searchText: Self.searchText(item)).sorted() {
        grams = grams.values(SQLBind(gram), SQLBind(item.code))
        pieces += 1
      }
    }
    if pieces > 0 { try await grams.run() }
  }

  private func updateRow(_ item: ServiceItem, status: ItemStatus, version: Int) async throws {
    var update = sql.update("service_items").set("status", to: status.rawValue).set("version", to: version)
      .set("draft_version", to: SQLLiteral.null)
    for (column, value) in Self.rowValues(item) {
      update = update.set(SQLIdentifier(column), to: SQLBind(value))
    }
    try await update.where("code", .equal, item.code).run()
    try await Self.writeGrams(code: item.code, searchText: Self.searchText(item), on: sql)
  }

  static func decodeVersion(_ row: any SQLRow) throws -> ItemVersion {
    ItemVersion(
      item: try decodeItem(try row.decode(column: "body", as: String.self)),
      number: try row.decode(column: "version", as: Int.self),
      createdAtMs: try row.decode(column: "created_at_ms", as: Int64.self),
      createdBy: try row.decode(column: "created_by", as: String.self),
      publishedAtMs: try row.decodeNil(column: "published_at_ms")
        ? nil : try row.decode(column: "published_at_ms", as: Int64.self),
      note: try row.decode(column: "note", as: String.self))
  }

  static func decodeSummary(_ row: any SQLRow) throws -> ItemSummary {
    ItemSummary(
      code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
      type: ItemType(rawValue: try row.decode(column: "type", as: String.self)) ?? .publicService,
      departmentID: try row.decode(column: "department_id", as: String.self),
      levels: Set(
        try row.decode(column: "levels", as: String.self).split(separator: ",").compactMap {
          RegionLevel(rawValue: String($0))
        }),
      caseKind: CaseKind(rawValue: try row.decode(column: "case_kind", as: String.self)) ?? .promised,
      promisedLimitDays: try row.decode(column: "promised_limit_days", as: Int.self),
      visits: try row.decode(column: "visits", as: Int.self),
      onlineDepth: try row.decode(column: "online_depth", as: Int.self),
      status: ItemStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
      version: try row.decode(column: "version", as: Int.self))
  }
}

/// One page of search results. `total` is exact for browsing; a text search stops counting at
/// `CatalogRepository.countLimit` and says so.
public struct CatalogPage: Sendable {
  public let items: [ItemSummary]
  public let total: Int
  public let totalIsExact: Bool
}

/// What a catalog import would do.
public struct CatalogImportPlan: Sendable {
  public var created: [ServiceItem] = []
  public var updated: [(item: ServiceItem, changes: [ItemChange])] = []
  public var unchanged: [String] = []

  public init() {}

  public var isEmpty: Bool { created.isEmpty && updated.isEmpty }
}
