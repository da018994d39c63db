import OneWindowDomain

/// Excel 导入: upload the catalog workbook — OneWindow's own layout or a province's list with its own columns, mapped
/// on this page — resolve the departments it names that the directory does not know, see every problem (summarised,
/// then row by row; nothing is imported while any remain), or see what would change and confirm.
public enum CatalogImportPage {
  public struct Change: Sendable {
    public let code: String
    public let name: String
    public let changes: [ItemChange]
    /// Elements left blank: the item is imported as a draft.
    public let missing: String

    public init(code: String, name: String, changes: [ItemChange], missing: String = "") {
      self.code = code
      self.name = name
      self.changes = changes
      self.missing = missing
    }
  }

  /// The uploaded file the later steps work on, and whether it is read through the county's column mapping.
  public struct Upload: Sendable {
    public let fileName: String
    public let id: String
    public let mapped: Bool

    public init(fileName: String, id: String, mapped: Bool) {
      self.fileName = fileName
      self.id = id
      self.mapped = mapped
    }

    var hidden: HTML {
      """
      <input type="hidden" name="upload" value="\(id)"><input type="hidden" name="file_name" value="\(fileName)">\
      <input type="hidden" name="layout" value="\(mapped ? "mapped" : "own")">
      """
    }

    var report: String {
      Links.adminImportReport + "?upload=\(id)&layout=\(mapped ? "mapped" : "own")"
    }
  }

  /// The column mapping form: the sheets of the workbook, the headers of the chosen one, the current choices.
  public struct Mapping: Sendable {
    public let sheets: [String]
    public let mapping: CatalogColumnMapping
    public let headers: [String]
    /// The first rows under the header, to show what each column holds.
    public let samples: [[String]]
    public let errors: [ValidationError]
    /// The headers of each mapped detail sheet (材料, 流程), by our sheet's name.
    public let detailHeaders: [String: [String]]

    public init(
      sheets: [String], mapping: CatalogColumnMapping, headers: [String], samples: [[String]],
      errors: [ValidationError] = [], detailHeaders: [String: [String]] = [:]
    ) {
      self.sheets = sheets
      self.mapping = mapping
      self.headers = headers
      self.samples = samples
      self.errors = errors
      self.detailHeaders = detailHeaders
    }
  }

  public enum Stage: Sendable {
    case form(ValidationError?)
    case mapping(Upload, Mapping)
    case departments(
      Upload, [CatalogColumnMapping.UnknownDepartment], existing: [Department], errors: [ValidationError],
      choices: [String: String])
    case problems(Upload?, [CatalogSheet.Problem])
    /// What would change; the confirmation imports exactly the stored file that was checked.
    case plan(Upload, created: [Change], updated: [Change], unchanged: Int)
    case done(created: Int, updated: Int, unchanged: Int, drafts: Int)
  }

  /// Rows of a list shown at most; the page says when a list is cut and offers the whole as CSV.
  public static let shown = 300

  public static func render(_ stage: Stage, _ context: PageContext) -> HTML {
    let body: HTML = """
      <p class="meta"><a href="\(Links.adminItems)">\(context.t("事项目录管理", "Catalog"))</a></p>
      <h1>\(context.t("Excel 导入事项目录", "Import the catalog from Excel"))</h1>
      \(content(stage, context))
      """
    return Layout.page(context, title: context.t("Excel 导入", "Import"), body: body)
  }

  private static func content(_ stage: Stage, _ context: PageContext) -> HTML {
    switch stage {
    case .form(let error): return form(error, context)
    case .mapping(let upload, let mapping): return mappingForm(upload, mapping, context)
    case .departments(let upload, let unknown, let existing, let errors, let choices):
      return departments(upload, unknown, existing, errors, choices, context)
    case .problems(let upload, let problems):
      return """
        \(ImportProblemsPart.render(upload?.fileName ?? "", problems, download: upload?.report, context))
        \(upload.map { remapLink($0, context) } ?? .empty)
        \(form(nil, context))
        """
    case .plan(let upload, let created, let updated, let unchanged):
      return plan(upload, created, updated, unchanged, context)
    case .done(let created, let updated, let unchanged, let drafts):
      let draftNote: HTML =
        drafts == 0
        ? .empty
        : "<p class=\"note\" id=\"import-drafts\">\(context.t("其中 \(drafts) 项有未提供的要素，已作为草稿保存，补齐后才能发布。", "\(drafts) of them lack some elements and were saved as drafts; they can be published once those are entered."))</p>"
      return """
        <p class="ok" role="status" id="import-result">\(context.t(
          "导入完成：新增 \(created) 项，更新 \(updated) 项（各生成新版本），\(unchanged) 项无变化。",
          "Imported: \(created) new, \(updated) updated (each a new version), \(unchanged) unchanged."))</p>\(draftNote)
        <p><a href="\(Links.adminItems)">\(context.t("返回事项目录", "Back to the catalog"))</a></p>
        """
    }
  }

  private static func form(_ error: ValidationError?, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: error.map { [$0] } ?? [])
    return """
      <p>\(context.t(
        "可导入本系统导出的工作簿（“事项”“材料”“流程”三张表），也可导入省级实施清单原表：列名不同时，下一步在页面上逐列对应，对应关系按本县保存，下次自动套用。先检查，确认无误后再导入；任何一行有错，都不会导入。空白单元格视为“未提供”，不会当作 0 或“无”。",
        "Import a workbook exported here (sheets 事项, 材料 and 流程) or a province's own implementation list: when its columns differ, you map them on the next page, and the mapping is kept for this county's next import. It is checked first; if any row is wrong, nothing is imported. A blank cell is unknown, never 0 or none."))</p>
      <p><a href="\(Links.adminExport)">\(context.t("下载现有目录作为模板", "Download the current catalog as a template"))</a></p>
      <form method="post" action="\(Links.adminImport)" enctype="multipart/form-data" class="panel">\(context.csrfField)
      <label for="file">\(context.t("选择 .xlsx 文件", "Choose an .xlsx file"))</label>
      <input type="file" id="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"\(parts.invalid("file"))>
      \(parts.error("file"))
      <div class="actions"><button type="submit">\(context.t("检查文件", "Check the file"))</button></div>
      </form>
      """
  }

  private static func remapLink(_ upload: Upload, _ context: PageContext) -> HTML {
    guard upload.mapped else { return .empty }
    return """
      <form method="post" action="\(Links.adminImport)" class="actions">\(context.csrfField)\(upload.hidden)
      <button type="submit" name="remap" value="1" class="secondary">\(context.t("重新对应列", "Map the columns again"))</button></form>
      """
  }

  private static func mappingForm(_ upload: Upload, _ model: Mapping, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    let mapping = model.mapping
    let sheetOptions = model.sheets.map { ($0, $0) }
    let headerOptions =
      [("", context.t("（不对应：视为未提供）", "(none: read as not provided)"))]
      + model.headers.filter { !$0.isEmpty }.map { ($0, $0) }
    let required: Set<String> = ["基本编码", "事项名称", "事项类型", "实施主体"]
    let rows = CatalogColumnMapping.mappable.enumerated().map { index, column -> HTML in
      let chosen = mapping.columns[column] ?? ""
      let sample =
        model.headers.firstIndex(of: chosen).map { at in
          model.samples.compactMap { at < $0.count ? $0[at] : nil }.filter { !$0.isEmpty }.prefix(2)
            .map { String($0.prefix(40)) }.joined(separator: " / ")
        } ?? ""
      let options = headerOptions.map { value, name -> HTML in
        "<option value=\"\(value)\"\(value == chosen ? " selected" : "")>\(name)</option>"
      }
      return """
        <tr><th scope="row"><label for="column_\(index)">\(column)\(required.contains(column) ? " *" : "")</label></th>\
        <td><select id="column_\(index)" name="column_\(index)"\(parts.invalid("column_\(index)"))>\(options)</select>\(parts.error("column_\(index)"))</td>\
        <td class="meta">\(sample)</td></tr>
        """
    }
    return """
      \(parts.summary(saves: false))
      <p id="import-mapping">\(context.t(
        "“\(upload.fileName)”不是本系统导出的格式。请指明事项所在的工作表和表头所在行，再为每一列选出原表中对应的列；没有对应的列按“未提供”处理，相关事项导入为草稿。",
        "\(upload.fileName) is not in the exported layout. Say which sheet holds the items and which row holds its headers, then choose the list's column for each of ours; a column with none is read as not provided, and its items are imported as drafts."))</p>
      <form method="post" action="\(Links.adminImport)" class="panel">\(context.csrfField)\(upload.hidden)
      <input type="hidden" name="shown_sheet" value="\(mapping.sheet)"><input type="hidden" name="shown_row" value="\(mapping.headerRow)">
      <div class="form-grid">
      \(parts.select("sheet", context.t("事项所在工作表", "Sheet with the items"), sheetOptions, mapping.sheet))
      \(parts.number("header_row", context.t("表头所在行", "Header row"), mapping.headerRow))
      </div>
      <table class="edit" id="mapping"><thead><tr><th>\(context.t("本系统列", "Our column"))</th><th>\(context.t("原表列", "The list's column"))</th>\
      <th>\(context.t("原表内容示例", "What it holds"))</th></tr></thead><tbody>\(rows)</tbody></table>
      \(detailForms(model, parts, context))
      <div class="actions"><button type="submit" name="map" value="1">\(context.t("按此对应并检查", "Use this mapping and check"))</button>
      <a href="\(Links.adminImport)">\(context.t("取消", "Cancel"))</a></div>
      </form>
      """
  }

  /// For each detail sheet (材料, 流程): which of the list's sheets holds it (or none: the items' materials or steps are
  /// then unknown), its header row, and the list's column for each of ours.
  private static func detailForms(_ model: Mapping, _ parts: FormParts, _ context: PageContext) -> HTML {
    let forms = CatalogColumnMapping.detailParts.enumerated().map { index, part -> HTML in
      let prefix = "detail\(index)_"
      let detail = model.mapping.details?[part.sheet]
      let sheetOptions =
        [("", context.t("无（未提供：相关要素为未知）", "None (not provided: unknown)"))] + model.sheets.map { ($0, $0) }
      let headers = model.detailHeaders[part.sheet] ?? []
      let headerOptions =
        [("", context.t("（不对应：视为未提供）", "(none: read as not provided)"))]
        + headers.filter { !$0.isEmpty }.map { ($0, $0) }
      let rows: [HTML] =
        detail == nil
        ? []
        : part.columns.enumerated().map { at, column -> HTML in
          let field = prefix + "column_\(at)"
          let chosen = detail?.columns[column] ?? ""
          let options = headerOptions.map { value, name -> HTML in
            "<option value=\"\(value)\"\(value == chosen ? " selected" : "")>\(name)</option>"
          }
          return """
            <tr><th scope="row"><label for="\(field)">\(column)\(part.required.contains(column) ? " *" : "")</label></th>\
            <td><select id="\(field)" name="\(field)"\(parts.invalid(field))>\(options)</select>\(parts.error(field))</td></tr>
            """
        }
      return """
        <fieldset class="panel" id="\(prefix)mapping"><legend>\(context.t("\(part.sheet)表", "Sheet \(part.sheet)"))</legend>
        <input type="hidden" name="\(prefix)shown_sheet" value="\(detail?.sheet ?? "")">\
        <input type="hidden" name="\(prefix)shown_row" value="\(detail.map { String($0.headerRow) } ?? "")">
        <div class="form-grid">
        \(parts.select(prefix + "sheet", context.t("所在工作表", "Sheet"), sheetOptions, detail?.sheet ?? ""))
        \(parts.number(prefix + "header_row", context.t("表头所在行", "Header row"), detail?.headerRow ?? 1))
        </div>
        \(rows.isEmpty ? "" as HTML : "<table class=\"edit\"><tbody>\(rows)</tbody></table>")
        </fieldset>
        """
    }
    return """
      <p class="meta">\(context.t("材料、流程若在原表的其他工作表中（每行一项材料或一个环节，以事项编码或实施编码对应事项），请指明；改选工作表或表头行后按下方按钮，页面会重新列出该表的列。", "If the list keeps materials or steps on other sheets (one per row, keyed by the item's code or 实施编码), say which; after choosing another sheet or header row, press the button below to list its columns."))</p>
      \(forms)
      """
  }

  private static func departments(
    _ upload: Upload, _ unknown: [CatalogColumnMapping.UnknownDepartment], _ existing: [Department],
    _ errors: [ValidationError], _ choices: [String: String], _ context: PageContext
  ) -> HTML {
    let parts = FormParts(context: context, errors: errors)
    let rows = unknown.prefix(shown).enumerated().map { index, department -> HTML in
      let chosen = choices["department_\(index)"] ?? "new"
      let options =
        [("new", context.t("新建部门「\(department.name)」", "Create the department \(department.name)"))]
        + existing.filter { !$0.isRetired }.map { ($0.id, context.t("对应到：", "Map to: ") + $0.name) }
      let rendered = options.map { value, name -> HTML in
        "<option value=\"\(value)\"\(value == chosen ? " selected" : "")>\(name)</option>"
      }
      let credit = choices["credit_code_\(index)"] ?? department.creditCode
      return """
        <tr><th scope="row">\(department.name)<input type="hidden" name="name_\(index)" value="\(department.name)"></th>\
        <td class="num">\(department.rows)</td>\
        <td><label class="visually-hidden" for="department_\(index)">\(context.t("处理方式", "Resolution"))</label>\
        <select id="department_\(index)" name="department_\(index)">\(rendered)</select>\(parts.error("department_\(index)"))</td>\
        <td><label class="visually-hidden" for="credit_code_\(index)">\(context.t("统一社会信用代码", "Credit code"))</label>\
        <input type="text" id="credit_code_\(index)" name="credit_code_\(index)" value="\(credit)"\(parts.invalid("credit_code_\(index)"))>\(parts.error("credit_code_\(index)"))</td></tr>
        """
    }
    let cut: HTML =
      unknown.count > shown
      ? "<p class=\"meta\">\(context.t("只列出前 \(shown) 个，共 \(unknown.count) 个；处理后再列出其余。", "The first \(shown) of \(unknown.count) are listed; the rest follow."))</p>"
      : .empty
    return """
      \(parts.summary())
      <p id="import-departments">\(context.t(
        "“\(upload.fileName)”中有 \(unknown.count) 个实施主体在机构目录中找不到。请逐一选择：对应到已有部门，或新建部门（须填统一社会信用代码）。选择按本县保存，下次导入自动套用；新建的部门立即加入机构目录。",
        "\(upload.fileName) names \(unknown.count) implementing department(s) the directory does not hold. For each, map it to an existing department or create it (with its credit code). The choices are kept for this county's next import; created departments join the directory at once."))</p>
      \(cut)
      <form method="post" action="\(Links.adminImport)" class="panel">\(context.csrfField)\(upload.hidden)
      <table class="edit" id="unknown-departments"><thead><tr><th>\(context.t("原表中的实施主体", "As the list names it"))</th>\
      <th>\(context.t("行数", "Rows"))</th><th>\(context.t("处理方式", "Resolution"))</th><th>\(context.t("统一社会信用代码（新建时必填）", "Credit code (to create)"))</th></tr></thead>\
      <tbody>\(rows)</tbody></table>
      <div class="actions"><button type="submit" name="resolve" value="1">\(context.t("保存并继续检查", "Save and check again"))</button>
      <a href="\(Links.adminImport)">\(context.t("取消", "Cancel"))</a></div>
      </form>
      \(remapLink(upload, context))
      """
  }

  private static func plan(
    _ upload: Upload, _ created: [Change], _ updated: [Change], _ unchanged: Int, _ context: PageContext
  ) -> HTML {
    let drafts = created.filter { !$0.missing.isEmpty }.count + updated.filter { !$0.missing.isEmpty }.count
    func missing(_ change: Change) -> HTML {
      change.missing.isEmpty
        ? .empty : " <span class=\"tag status-draft\">\(context.t("草稿：未提供", "Draft: no")) \(change.missing)</span>"
    }
    let createdRows = created.prefix(shown).map { "<li>\($0.code) \($0.name)\(missing($0))</li>" as HTML }
    let updatedRows = updated.prefix(shown).map { change -> HTML in
      let details = change.changes.map { "\(context.t($0.element))：\($0.before) → \($0.after)" }.joined(separator: "；")
      return "<li><b>\(change.code) \(change.name)</b>\(missing(change))<div class=\"meta\">\(details)</div></li>"
    }
    func cut(_ count: Int) -> HTML {
      count > shown
        ? "<p class=\"meta\">\(context.t("只列出前 \(shown) 项，共 \(count) 项。", "The first \(shown) of \(count) are listed.")) <a href=\"\(upload.report)\" download>\(context.t("下载完整清单（CSV）", "Download the whole list (CSV)"))</a></p>"
        : .empty
    }
    let draftNote: HTML =
      drafts == 0
      ? .empty
      : "<p class=\"note\" id=\"plan-drafts\">\(context.t("\(drafts) 项有未提供的要素，将作为草稿导入，补齐后才能发布；已发布的事项继续按现行版本受理。", "\(drafts) item(s) lack some elements and will be imported as drafts, to be published once those are entered; published items keep serving in their current version."))</p>"
    return """
      <p class="ok" role="status" id="import-plan">\(context.t(
        "“\(upload.fileName)”检查通过（试导入，未写入）：将新增 \(created.count) 项，更新 \(updated.count) 项，\(unchanged) 项无变化。",
        "\(upload.fileName) passed (dry run, nothing written): \(created.count) new, \(updated.count) updated, \(unchanged) unchanged."))</p>
      \(draftNote)
      <form method="post" action="\(Links.adminImport)" class="actions">\(context.csrfField)\(upload.hidden)
      <button type="submit" name="confirm" value="1">\(context.t("确认导入", "Import now"))</button>
      <a href="\(Links.adminImport)">\(context.t("取消", "Cancel"))</a></form>
      \(remapLink(upload, context))
      \(created.isEmpty ? .empty : "<h2>\(context.t("新增事项", "New items"))</h2>\(cut(created.count))<ul id=\"plan-created\">\(createdRows)</ul>" as HTML)
      \(updated.isEmpty ? .empty : "<h2>\(context.t("更新事项", "Changed items"))</h2>\(cut(updated.count))<ul id=\"plan-updated\">\(updatedRows)</ul>" as HTML)
      """
  }
}
