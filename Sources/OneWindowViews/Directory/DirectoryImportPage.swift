import OneWindowDomain

/// 导入机构与人员: upload the county's directory workbook, see every problem (summarised by column and message, then row
/// by row), or see what would change per sheet and confirm; after the import, the one-time password links of the new
/// accounts, shown this once.
public enum DirectoryImportPage {
  public struct Counts: Sendable {
    public let sheet: String
    public let created: Int
    public let updated: Int
    public let unchanged: Int

    public init(sheet: String, created: Int, updated: Int, unchanged: Int) {
      self.sheet = sheet
      self.created = created
      self.updated = updated
      self.unchanged = unchanged
    }
  }

  public struct NewAccount: Sendable {
    public let username: String
    public let name: String
    public let link: String

    public init(username: String, name: String, link: String) {
      self.username = username
      self.name = name
      self.link = link
    }
  }

  public enum Stage: Sendable {
    case form(ValidationError?)
    case problems(fileName: String, [CatalogSheet.Problem])
    case plan(fileName: String, upload: String, [Counts])
    case done([Counts], [NewAccount])
  }

  /// Rows of a list shown at most; the page says when a list is cut.
  public static let shown = 500

  public static func render(_ stage: Stage, _ context: PageContext) -> HTML {
    let body: HTML = """
      <p class="meta"><a href="\(Links.adminDirectory)">\(context.t("机构与人员", "Directory"))</a></p>
      <h1>\(context.t("导入机构与人员工作簿", "Import the directory workbook"))</h1>
      \(content(stage, context))
      """
    return Layout.page(context, title: context.t("导入机构与人员", "Import the directory"), body: body)
  }

  private static func content(_ stage: Stage, _ context: PageContext) -> HTML {
    switch stage {
    case .form(let error): return form(error, context)
    case .problems(let fileName, let problems): return problemList(fileName, problems, context)
    case .plan(let fileName, let upload, let counts):
      return """
        <p class="ok" role="status" id="import-plan">\(context.t(
          "“\(fileName)”检查通过（试导入，未写入任何内容）。确认后将按下表写入：",
          "\(fileName) passed (dry run, nothing written). Confirming writes:"))</p>
        \(table(counts, context))
        <form method="post" action="\(Links.adminDirectoryImport)" class="actions">\(context.csrfField)
        <input type="hidden" name="upload" value="\(upload)">
        <button type="submit" name="confirm" value="1">\(context.t("确认导入", "Import now"))</button>
        <a href="\(Links.adminDirectoryImport)">\(context.t("取消", "Cancel"))</a></form>
        """
    case .done(let counts, let accounts):
      let rows = accounts.map {
        "<tr><td>\($0.username)</td><td>\($0.name)</td><td><code>\($0.link)</code></td></tr>" as HTML
      }
      return """
        <p class="ok" role="status" id="import-result">\(context.t("导入完成。", "Imported."))</p>
        \(table(counts, context))
        \(accounts.isEmpty ? .empty : """
          <h2>\(context.t("新账号的设置密码链接", "Password links of the new accounts"))</h2>
          <p class="alert">\(context.t("每个链接 7 天内有效，只显示这一次：请打印或逐一当面交给本人。管理员看不到也不设置任何人的密码。", "Each link works for 7 days and is shown only now: print them or hand each over in person. Nobody sees another's password."))</p>
          <div class="scroll-box"><table class="results stack" id="new-accounts"><thead><tr><th>\(context.t("用户名", "Username"))</th>\
          <th>\(context.t("姓名", "Name"))</th><th>\(context.t("链接", "Link"))</th></tr></thead><tbody>\(rows)</tbody></table></div>
          """ as HTML)
        <p><a href="\(Links.adminDirectory)">\(context.t("返回机构与人员", "Back to the directory"))</a></p>
        """
    }
  }

  private static func table(_ counts: [Counts], _ context: PageContext) -> HTML {
    let rows = counts.map {
      "<tr><td>\($0.sheet)</td><td class=\"num\">\($0.created)</td><td class=\"num\">\($0.updated)</td><td class=\"num\">\($0.unchanged)</td></tr>"
        as HTML
    }
    return """
      <table class="results" id="import-counts"><thead><tr><th>\(context.t("工作表", "Sheet"))</th><th>\(context.t("新增", "New"))</th>\
      <th>\(context.t("更新", "Changed"))</th><th>\(context.t("无变化", "Unchanged"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
  }

  private static func form(_ error: ValidationError?, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: error.map { [$0] } ?? [])
    return """
      <p>\(context.t(
        "工作簿含“区划”“场所”“部门”“窗口”“人员”“岗位”六张表，表头为中文列名，与“导出工作簿”的格式相同（见 docs/directory-workbook.md）。先检查，确认无误后再导入；任何一行有错，都不会导入。重复导入同一工作簿不会产生重复记录。",
        "The workbook has the sheets 区划, 场所, 部门, 窗口, 人员 and 岗位 with Chinese headers, as the export writes them. It is checked first; if any row is wrong, nothing is imported. Importing the same workbook again changes nothing."))</p>
      <p><a href="\(Links.adminDirectoryExport)">\(context.t("下载现有机构与人员作为模板", "Download the current directory as a template"))</a></p>
      <form method="post" action="\(Links.adminDirectoryImport)" enctype="multipart/form-data" class="panel">\(context.csrfField)
      <label for="file">\(context.t("选择 .xlsx 文件", "Choose an .xlsx file"))</label>
      <input type="file" id="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"\(parts.invalid("file"))>
      \(parts.error("file"))
      <div class="actions"><button type="submit">\(context.t("检查文件", "Check the file"))</button></div>
      </form>
      """
  }

  /// The problems summarised by sheet, column and message (with counts), then row by row.
  static func problemList(_ fileName: String, _ problems: [CatalogSheet.Problem], _ context: PageContext) -> HTML {
    """
    \(ImportProblemsPart.render(fileName, problems, download: nil, context))
    \(form(nil, context))
    """
  }
}
