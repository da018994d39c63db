import OneWindowDomain

/// Excel 导入: upload the catalog workbook, see every problem by sheet, row and column (nothing is imported while
/// any remain), or see what would change and confirm.
public enum CatalogImportPage {
  public struct Change: Sendable {
    public let code: String
    public let name: String
    public let changes: [ItemChange]

    public init(code: String, name: String, changes: [ItemChange]) {
      self.code = code
      self.name = name
      self.changes = changes
    }
  }

  public enum Stage: Sendable {
    case form(ValidationError?)
    case problems(fileName: String, [CatalogSheet.Problem])
    /// What would change; `upload` identifies the stored file the confirmation imports.
    case plan(fileName: String, upload: String, created: [Change], updated: [Change], unchanged: Int)
    case done(created: Int, updated: Int, unchanged: Int)
  }

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
    case .problems(let fileName, let problems): return problemList(fileName, problems, context)
    case .plan(let fileName, let upload, let created, let updated, let unchanged):
      return plan(fileName, upload, created, updated, unchanged, context)
    case .done(let created, let updated, let unchanged):
      return """
        <p class="ok" role="status" id="import-result">\(context.t(
          "导入完成：新增 \(created) 项，更新 \(updated) 项（各生成新版本），\(unchanged) 项无变化。",
          "Imported: \(created) new, \(updated) updated (each a new version), \(unchanged) unchanged."))</p>
        <p><a href="\(Links.adminItems)">\(context.t("返回事项目录", "Back to the catalog"))</a></p>
        """
    }
  }

  private static func form(_ error: ValidationError?, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: error.map { [$0] } ?? [])
    return """
      <p>\(context.t(
        "工作簿含“事项”“材料”“流程”三张表，表头为中文列名，与“导出 Excel”的格式相同。先检查，确认无误后再导入；任何一行有错，都不会导入。",
        "The workbook has the sheets 事项, 材料 and 流程 with Chinese headers, as the export writes them. It is checked first; if any row is wrong, nothing is imported."))</p>
      <p><a href="\(Links.adminExport)">\(context.t("下载现有目录作为模板", "Download the current catalog as a template"))</a></p>
      <form method="post" action="\(Links.adminImport)" enctype="multipart/form-data" class="panel">\(context.csrfField)
      <label for="file">\(context.t("选择 .xlsx 文件", "Choose an .xlsx file"))</label>
      <input type="file" id="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"\(parts.invalid("file"))>
      \(parts.error("file"))
      <div class="actions"><button type="submit">\(context.t("检查文件", "Check the file"))</button></div>
      </form>
      """
  }

  private static func problemList(_ fileName: String, _ problems: [CatalogSheet.Problem], _ context: PageContext)
    -> HTML
  {
    let rows = problems.prefix(500).map { problem -> HTML in
      "<tr><td>\(problem.sheet)</td><td>\(problem.row)</td><td>\(problem.column)</td><td>\(context.t(problem.message))</td></tr>"
    }
    return """
      <div class="alert" role="alert" id="import-problems"><p><b>\(context.t(
        "“\(fileName)”有 \(problems.count) 处错误，未导入任何内容。请修改后重新上传。",
        "\(fileName) has \(problems.count) problem(s); nothing was imported. Fix them and upload again."))</b></p></div>
      <table><thead><tr><th>\(context.t("工作表", "Sheet"))</th><th>\(context.t("行", "Row"))</th>\
      <th>\(context.t("列", "Column"))</th><th>\(context.t("问题", "Problem"))</th></tr></thead><tbody>\(rows)</tbody></table>
      \(form(nil, context))
      """
  }

  private static func plan(
    _ fileName: String, _ upload: String, _ created: [Change], _ updated: [Change], _ unchanged: Int,
    _ context: PageContext
  ) -> HTML {
    let createdRows = created.prefix(300).map { "<li>\($0.code) \($0.name)</li>" as HTML }
    let updatedRows = updated.prefix(300).map { change -> HTML in
      let details = change.changes.map { "\(context.t($0.element))：\($0.before) → \($0.after)" }.joined(separator: "；")
      return "<li><b>\(change.code) \(change.name)</b><div class=\"meta\">\(details)</div></li>"
    }
    return """
      <p class="ok" role="status" id="import-plan">\(context.t(
        "“\(fileName)”检查通过（试导入，未写入）：将新增 \(created.count) 项，更新 \(updated.count) 项，\(unchanged) 项无变化。",
        "\(fileName) passed (dry run, nothing written): \(created.count) new, \(updated.count) updated, \(unchanged) unchanged."))</p>
      <form method="post" action="\(Links.adminImport)" class="actions">\(context.csrfField)
      <input type="hidden" name="upload" value="\(upload)">
      <button type="submit" name="confirm" value="1">\(context.t("确认导入", "Import now"))</button>
      <a href="\(Links.adminImport)">\(context.t("取消", "Cancel"))</a></form>
      \(created.isEmpty ? .empty : "<h2>\(context.t("新增事项", "New items"))</h2><ul>\(createdRows)</ul>" as HTML)
      \(updated.isEmpty ? .empty : "<h2>\(context.t("更新事项", "Changed items"))</h2><ul>\(updatedRows)</ul>" as HTML)
      """
  }
}
