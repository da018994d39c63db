import OneWindowDomain
import OneWindowStore
import OneWindowViews
import Vapor

/// 事项目录管理 pages: the catalog list with its figures, the item form, publishing and the item's state.
enum CatalogAdminController {
  /// `GET /admin/items?q=&status=`
  @Sendable static func list(req: Request) async throws -> HTML {
    try req.authorize(.manageCatalog)
    let catalog = CatalogRepository(req.database)
    let text = req.query[String.self, at: "q"] ?? ""
    let status = req.query[String.self, at: "status"].flatMap(ItemStatus.init(rawValue:))
    var filter = CatalogFilter()
    filter.text = text
    filter.statuses = status.map { [$0] } ?? Set(ItemStatus.allCases)
    let page = min(max(req.query[Int.self, at: "page"] ?? 1, 1), 100_000)
    filter.limit = 100
    filter.offset = (page - 1) * 100
    let county = try await county(req)
    filter.county = county
    let found = try await catalog.search(filter)
    let model = CatalogAdminPage.Model(
      figures: try await catalog.figures(county: county), statusCounts: try await catalog.statusCounts(county: county),
      items: found.items,
      total: found.total, text: text, status: status, departments: try await departmentNames(req), page: page)
    return CatalogAdminPage.render(model, try await req.pageContext())
  }

  /// `GET /admin/items/new`
  @Sendable static func new(req: Request) async throws -> HTML {
    try req.authorize(.manageCatalog)
    var blank = ServiceItem(
      code: "", name: "", type: .publicService, departmentID: "", levels: [.county], caseKind: .promised,
      legalLimitDays: 20, promisedLimitDays: 10, visits: 1, onlineDepth: 3, steps: [])
    // A new item starts with nothing entered: no limit, visit count or fee is offered as if it were known.
    blank.unknown = Set(ItemElement.allCases)
    return ItemFormPage.render(
      ItemFormPage.Model(item: blank, entry: nil, versions: [], departments: try await departments(req)),
      try await req.pageContext())
  }

  /// `POST /admin/items/new`
  @Sendable static func create(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageCatalog)
    let form = ItemForm(fields: try req.content.decode([String: String].self))
    let (item, parseErrors) = form.item(existingCode: nil)
    let catalog = CatalogRepository(req.database)
    do {
      try await checkTogether(item, parseErrors, publishing: form.value("intent") == "publish", req)
      try await checkDepartment(item, req)
      try await catalog.create(item, by: staff.username, county: try await county(req), now: req.now)
      if form.value("intent") == "publish" { try await catalog.perform(.publish, code: item.code, now: req.now) }
      req.application.lookups.invalidate()
      return req.redirect(to: Links.adminItem(item.code) + "?saved=1")
    } catch let error as ValidationErrors {
      return try await formPage(item, entry: nil, errors: error.errors, note: form.value("note"), req)
    } catch let error as ValidationError {
      return try await formPage(item, entry: nil, errors: [error], note: form.value("note"), req)
    }
  }

  /// `POST /admin/items/{code}/guide-files`: the materials' blank forms and samples; every file is checked first,
  /// and none is kept when one is refused.
  @Sendable static func uploadGuideFiles(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageCatalog)
    let code = req.parameters.get("code") ?? ""
    let catalog = CatalogRepository(req.database)
    guard let entry = try await ownEntry(req, code) else { throw StoreNotFound.item(code) }
    let shown = try await entry.draftVersion.asyncMap { try await catalog.version(code: code, number: $0) } ?? nil
    let item = shown?.item ?? entry.item
    let posted = try FormBody.read(req)
    let (files, errors) = posted.checkedFiles(.guideFiles)
    var chosen: [(material: String, kind: GuideFile.Kind, part: FormBody.FilePart, fileKind: FileKind)] = []
    var problems = errors
    for (part, kind) in files {
      // material_3_blank → the fourth material's blank form
      let pieces = part.field.split(separator: "_")
      guard pieces.count == 3, pieces[0] == "material", let index = Int(pieces[1]),
        item.materials.indices.contains(index),
        let which = GuideFile.Kind(rawValue: String(pieces[2]))
      else {
        problems.append(ValidationError(field: part.field, zh: "没有这项材料", en: "No such material"))
        continue
      }
      chosen.append((item.materials[index].name, which, part, kind))
    }
    if problems.isEmpty && chosen.isEmpty {
      problems.append(ValidationError(field: "material_0_blank", zh: "请选择要上传的文件", en: "Choose the files to upload"))
    }
    guard problems.isEmpty else {
      return try await ItemFormPage.render(
        ItemFormPage.Model(
          item: item, entry: entry, versions: try await catalog.versions(code: code),
          departments: try await departments(req), files: try await GuideFileRepository(req.database).files(of: code),
          fileErrors: ValidationError.firstPerField(problems)),
        try await req.pageContext()
      ).encodeResponse(status: .unprocessableEntity, for: req)
    }
    let repository = GuideFileRepository(req.database)
    for file in chosen {
      let key = try await req.application.fileStore.put(file.part.bytes)
      try await repository.put(
        GuideFile(
          itemCode: code, material: file.material, kind: file.kind,
          file: Attachment(fileID: key, name: file.part.fileName, kind: file.fileKind, size: file.part.bytes.count)),
        by: staff.id, county: try await county(req), now: req.now)
    }
    req.logger.notice("guide files of \(code) uploaded by \(staff.username): \(chosen.count)")
    return req.redirect(to: Links.adminItem(code) + "?files=1#guide-files")
  }

  /// `GET /admin/items/{code}`: the waiting draft if there is one, else the current version.
  @Sendable static func edit(req: Request) async throws -> HTML {
    try req.authorize(.manageCatalog)
    let code = req.parameters.get("code") ?? ""
    let catalog = CatalogRepository(req.database)
    guard let entry = try await ownEntry(req, code) else { throw StoreNotFound.item(code) }
    let shown = try await entry.draftVersion.asyncMap { try await catalog.version(code: code, number: $0) } ?? nil
    let context = try await req.pageContext()
    let notice: String? =
      req.query[String.self, at: "saved"] != nil
      ? context.t("已保存。", "Saved.")
      : req.query[String.self, at: "files"] != nil ? context.t("文件已上传。", "The files are uploaded.") : nil
    return ItemFormPage.render(
      ItemFormPage.Model(
        item: shown?.item ?? entry.item, entry: entry, versions: try await catalog.versions(code: code),
        departments: try await departments(req), notice: notice,
        files: try await GuideFileRepository(req.database).files(of: code)),
      try await req.pageContext())
  }

  /// `POST /admin/items/{code}`: saves a draft version, and publishes it when asked.
  @Sendable static func update(req: Request) async throws -> Response {
    let staff = try req.authorize(.manageCatalog)
    let code = req.parameters.get("code") ?? ""
    let catalog = CatalogRepository(req.database)
    guard let entry = try await ownEntry(req, code) else { throw StoreNotFound.item(code) }
    let form = ItemForm(fields: try req.content.decode([String: String].self))
    var (item, parseErrors) = form.item(existingCode: code)
    keepFiles(of: entry.item, in: &item)
    do {
      try await checkTogether(item, parseErrors, publishing: form.value("intent") == "publish", req)
      try await checkDepartment(item, req)
      let note = form.value("note").isEmpty ? "编辑" : form.value("note")
      try await catalog.saveDraft(item, by: staff.username, note: note, now: req.now)
      if form.value("intent") == "publish" { try await catalog.perform(.publish, code: code, now: req.now) }
      req.application.lookups.invalidate()
      return req.redirect(to: Links.adminItem(code) + "?saved=1")
    } catch let error as ValidationErrors {
      return try await formPage(item, entry: entry, errors: error.errors, note: form.value("note"), req)
    } catch let error as ValidationError {
      return try await formPage(item, entry: entry, errors: [error], note: form.value("note"), req)
    }
  }

  /// `POST /admin/items/{code}/status` with `action` = publish, suspend, resume or cancel.
  @Sendable static func status(req: Request) async throws -> Response {
    try req.authorize(.manageCatalog)
    let code = req.parameters.get("code") ?? ""
    struct Body: Decodable { let action: String? }
    let raw = try req.content.decode(Body.self).action ?? ""
    guard let action = ItemLifecycle.Action(rawValue: raw) else {
      throw ValidationError(field: "action", zh: "未知的操作「\(raw)」", en: "Unknown action \(raw)")
    }
    let catalog = CatalogRepository(req.database)
    guard try await ownEntry(req, code) != nil else { throw StoreNotFound.item(code) }
    do {
      try await catalog.perform(action, code: code, now: req.now)
    } catch let error as ValidationErrors {
      // A draft with unknown elements: the form shows each one at its field.
      guard let entry = try await ownEntry(req, code) else { throw StoreNotFound.item(code) }
      let shown = try await entry.draftVersion.asyncMap { try await catalog.version(code: code, number: $0) } ?? nil
      return try await formPage(shown?.item ?? entry.item, entry: entry, errors: error.errors, note: "", req)
    }
    req.application.lookups.invalidate()
    return req.redirect(to: Links.adminItem(code) + "?saved=1")
  }

  /// Fields that could not be read and the item's own rules, reported together so one round trip shows every
  /// problem (a rule about a field that could not be read is left out: it would only repeat it).
  /// Publishing an item with unknown elements is refused with the rest, before anything is saved.
  private static func checkTogether(
    _ item: ServiceItem, _ parseErrors: [ValidationError], publishing: Bool, _ req: Request
  ) async throws {
    let unentered = publishing ? item.publishProblems : []
    guard !parseErrors.isEmpty || !unentered.isEmpty else { return }
    let unread = Set(parseErrors.map(\.field))
    let departments = Set(try await departments(req).map(\.id))
    let rules = ItemValidator.problems(of: item, departmentIDs: departments).filter { !unread.contains($0.field) }
    throw ValidationErrors(parseErrors + rules + unentered)
  }

  /// An item's implementing department is one of the county's own: another county's department is not offered, and a
  /// forged form naming one is refused by field.
  private static func checkDepartment(_ item: ServiceItem, _ req: Request) async throws {
    let county = try await county(req)
    guard let department = try await DirectoryRepository(req.database).department(item.departmentID),
      department.regionCode.county.value == county
    else {
      throw ValidationError(field: "department_id", zh: "实施部门不是本县的部门", en: "The department is not this county's")
    }
  }

  /// The form has no inputs for a material's blank form and sample files; an edit keeps them by material name.
  private static func keepFiles(of old: ServiceItem, in item: inout ServiceItem) {
    let files = Dictionary(old.materials.map { ($0.normalizedName, $0) }, uniquingKeysWith: { a, _ in a })
    for index in item.materials.indices {
      guard let previous = files[item.materials[index].normalizedName] else { continue }
      item.materials[index].blankForm = previous.blankForm
      item.materials[index].sample = previous.sample
    }
  }

  private static func formPage(
    _ item: ServiceItem, entry: CatalogEntry?, errors: [ValidationError], note: String, _ req: Request
  ) async throws -> Response {
    let versions =
      try await entry.asyncMap { try await CatalogRepository(req.database).versions(code: $0.item.code) } ?? []
    let page = ItemFormPage.render(
      ItemFormPage.Model(
        item: item, entry: entry, versions: versions, departments: try await departments(req), errors: errors,
        note: note),
      try await req.pageContext())
    return .html(page, status: .unprocessableEntity)
  }

  static func departments(_ req: Request) async throws -> [Department] {
    let county = try await county(req)
    return try await DirectoryRepository(req.database).departments(in: RegionCode(county))
  }

  static func departmentNames(_ req: Request) async throws -> [String: String] {
    Dictionary(
      try await DirectoryRepository(req.database).departments(county: try await county(req)).map { ($0.id, $0.name) },
      uniquingKeysWith: { a, _ in a })
  }

  /// The item `code` if it is the acting administrator's county's: another county's catalog is not theirs to read or
  /// change, and answers as if it were not there.
  static func ownEntry(_ req: Request, _ code: String) async throws -> CatalogEntry? {
    let catalog = CatalogRepository(req.database)
    guard try await catalog.county(ofItem: code) == (try await county(req)) else { return nil }
    return try await catalog.entry(code: code)
  }

  static func county(_ req: Request) async throws -> String {
    guard let county = try await req.county() else {
      throw AppError.notFound(LocalizedText(zh: "尚未设置县级行政区划", en: "No county is set up"))
    }
    return county.code.value
  }
}
