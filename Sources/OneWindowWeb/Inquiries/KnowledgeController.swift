import Foundation
import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 知识库: the public search and entries, and the staff pages that keep them — made from an answered consultation,
/// reviewed, tied to items, with an owner department and a review date.
enum KnowledgeController {
  /// `GET /knowledge?q=`
  @Sendable static func search(req: Request) async throws -> HTML {
    guard let county = try await req.county()?.code.value else { throw Abort(.notFound) }
    let text = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(50))
    let repository = KnowledgeRepository(req.database)
    let rule = try await req.deadlineRule()
    return KnowledgePages.search(
      text: text, results: try await repository.search(text, county: county),
      recent: text.isEmpty
        ? Array(
          try await repository.list(county: county, departmentID: nil).filter { $0.state == .published }.prefix(20))
        : [], today: rule.civilDate(of: req.now), try await req.pageContext())
  }

  /// `GET /knowledge/{id}`: a published entry (a draft or a withdrawn one is not there for the public).
  @Sendable static func entry(req: Request) async throws -> HTML {
    guard let (entry, _) = try await KnowledgeRepository(req.database).find(req.parameters.get("id") ?? ""),
      entry.state == .published
    else { throw AppError.notFound(LocalizedText(zh: "没有这条问答", en: "No such entry")) }
    var items: [(code: String, name: String)] = []
    for code in entry.itemCodes {
      if let found = try await CatalogRepository(req.database).entry(code: code) {
        items.append((code, found.item.name))
      }
    }
    let names = try await StaffDesk.directoryNames(req)
    return KnowledgePages.entry(
      entry, items: items, department: names.department(entry.departmentID),
      today: try await req.deadlineRule().civilDate(of: req.now), try await req.pageContext())
  }

  /// Who keeps the knowledge base: the service desk and the catalog's administrator all of it; a department's
  /// reviewers their department's entries.
  static func keeps(_ staff: StaffIdentity, department: String?) -> Bool {
    if Authorization.can(staff, .handleInquiries) || Authorization.can(staff, .manageCatalog) { return true }
    guard let own = staff.scope.departmentID, Authorization.can(staff, .reviewCases) else { return false }
    return department == nil || department == own
  }

  static let notKeeper = AppError.forbidden(
    LocalizedText(zh: "只有客服、事项管理员和部门审批人员维护知识库", en: "Only the service desk, the catalog's keepers and departments"))

  /// `GET /service/knowledge`
  @Sendable static func desk(req: Request) async throws -> HTML {
    let staff = try req.requireStaff()
    guard keeps(staff, department: nil) else { throw notKeeper }
    let mine =
      Authorization.can(staff, .handleInquiries) || Authorization.can(staff, .manageCatalog)
      ? nil : staff.scope.departmentID
    let rule = try await req.deadlineRule()
    return KnowledgePages.desk(
      try await KnowledgeRepository(req.database).list(county: InquiryService.county(staff), departmentID: mine),
      names: try await StaffDesk.directoryNames(req), today: rule.civilDate(of: req.now), try await req.pageContext())
  }

  /// `GET /service/knowledge/new?from=NUMBER`: a new entry, filled from an answered consultation when given.
  @Sendable static func newForm(req: Request) async throws -> HTML {
    let staff = try req.requireStaff()
    guard keeps(staff, department: nil) else { throw notKeeper }
    let rule = try await req.deadlineRule()
    var values = [
      "review_by": rule.civilDate(of: req.now).adding(days: 365).iso, "state": "published",
      "department_id": staff.scope.departmentID ?? "",
    ]
    if let number = req.query[String.self, at: "from"], !number.isEmpty {
      let q = try await InquiryService.visible(number, to: staff, req).inquiry
      values["from"] = q.number
      values["question"] = q.title == String(q.content.prefix(30)) ? q.content : "\(q.title)：\(q.content)"
      values["answer"] = q.answer?.text ?? ""
      values["item_codes"] = q.about.itemCode ?? ""
      values["department_id"] = q.departmentID ?? q.about.departmentID ?? values["department_id"] ?? ""
    }
    return try await formPage(action: Links.knowledgeDesk, values: values, errors: [], req)
  }

  private static func formPage(
    action: String, values: [String: String], errors: [ValidationError], _ req: Request
  ) async throws -> HTML {
    KnowledgePages.form(
      action: action, values: values,
      departments: try await DirectoryRepository(req.database).departments(
        county: InquiryService.county(req.requireStaff())
      )
      .map { ($0.id, $0.name) }, errors: errors,
      try await req.pageContext())
  }

  /// `GET /service/knowledge/{id}`
  @Sendable static func edit(req: Request) async throws -> HTML {
    let staff = try req.requireStaff()
    let (entry, _) = try await held(req.parameters.get("id") ?? "", staff, req)
    return try await formPage(
      action: Links.knowledgeDeskEntry(entry.id),
      values: [
        "question": entry.question, "answer": entry.answer, "item_codes": entry.itemCodes.joined(separator: ","),
        "department_id": entry.departmentID, "review_by": entry.reviewBy.iso, "state": entry.state.rawValue,
        "from": entry.sourceNumber ?? "",
      ], errors: [], req)
  }

  private static func held(_ id: String, _ staff: StaffIdentity, _ req: Request) async throws -> (
    KnowledgeEntry, String
  ) {
    guard let (entry, county) = try await KnowledgeRepository(req.database).find(id),
      county == InquiryService.county(staff)
    else { throw AppError.notFound(LocalizedText(zh: "没有这条问答", en: "No such entry")) }
    guard keeps(staff, department: entry.departmentID) else { throw notKeeper }
    return (entry, county)
  }

  /// `POST /service/knowledge` (new) and `POST /service/knowledge/{id}` (an edit).
  @Sendable static func save(req: Request) async throws -> Response {
    let staff = try req.requireStaff()
    let fields = try req.content.decode([String: String].self)
    var existing: KnowledgeEntry?
    if let id = req.parameters.get("id") { existing = try await held(id, staff, req).0 }
    let action = existing.map { Links.knowledgeDeskEntry($0.id) } ?? Links.knowledgeDesk
    let rule = try await req.deadlineRule()
    let today = rule.civilDate(of: req.now)
    func value(_ key: String) -> String { (fields[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    var problems: [ValidationError] = []
    let codes = value("item_codes").split(whereSeparator: { ",，、 ".contains($0) }).map { $0.uppercased() }
    var known: Set<String> = []
    for code in codes where try await CatalogRepository(req.database).entry(code: code) != nil { known.insert(code) }
    let department = value("department_id")
    if !department.isEmpty, try await DirectoryRepository(req.database).department(department) == nil {
      problems.append(ValidationError(field: "department_id", zh: "没有这个部门", en: "No such department"))
    }
    if !keeps(staff, department: department.isEmpty ? nil : department) {
      problems.append(
        ValidationError(field: "department_id", zh: "只能维护本部门的问答", en: "You keep your own department's entries"))
    }
    let reviewBy = CivilDate(iso: value("review_by"))
    if reviewBy == nil {
      problems.append(ValidationError(field: "review_by", zh: "请填写复核日期", en: "Give the review date"))
    }
    let state = KnowledgeEntry.State(rawValue: value("state"))
    if state == nil {
      problems.append(ValidationError(field: "state", zh: "请选择状态", en: "Choose the state"))
    }
    var source = existing?.sourceNumber
    if existing == nil, !value("from").isEmpty {
      source = try await InquiryService.visible(value("from"), to: staff, req).inquiry.number
    }
    let entry = KnowledgeEntry(
      id: existing?.id ?? UUID().uuidString.lowercased(), question: value("question"), answer: value("answer"),
      itemCodes: codes, departmentID: department, reviewBy: reviewBy ?? today, state: state ?? .draft,
      sourceNumber: source,
      updatedBy: staff.displayName, updatedAt: req.now)
    let named = Set(problems.map(\.field))
    problems += entry.problems(today: today, knownItems: known).filter { !named.contains($0.field) }
    guard problems.isEmpty else {
      return .html(
        try await formPage(action: action, values: fields, errors: problems, req), status: .unprocessableEntity)
    }
    try await KnowledgeRepository(req.database).save(entry, county: InquiryService.county(staff))
    req.logger.info("knowledge entry \(entry.id) saved (\(entry.state.rawValue)) by \(staff.username)")
    return req.redirect(to: Links.knowledgeDesk, redirectType: .normal)
  }
}
