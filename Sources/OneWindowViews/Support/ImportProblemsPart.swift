import OneWindowDomain

/// The problems of a workbook import (catalog or directory): nothing was imported; the problems summarised by
/// sheet, column and message with counts, then row by row. Both lists say when they are cut, and the whole list is
/// offered as a download where the page can serve one.
enum ImportProblemsPart {
  static let shown = 500

  static func render(
    _ fileName: String, _ problems: [CatalogSheet.Problem], download: String?, _ context: PageContext
  ) -> HTML {
    var groups: [String: (sheet: String, column: String, message: String, count: Int, first: Int)] = [:]
    for (index, problem) in problems.enumerated() {
      let message = generalized(context.t(problem.message))
      let key = "\(problem.sheet)\u{1}\(problem.column)\u{1}\(message)"
      groups[key, default: (problem.sheet, problem.column, message, 0, index)].count += 1
    }
    let ordered = groups.values.sorted { ($1.count, $0.first) < ($0.count, $1.first) }
    let summary = ordered.prefix(shown).map {
      "<tr><td>\($0.sheet)</td><td>\($0.column)</td><td>\($0.message)</td><td class=\"num\">\($0.count)</td></tr>"
        as HTML
    }
    let rows = problems.prefix(shown).map { problem -> HTML in
      "<tr><td>\(problem.sheet)</td><td>\(problem.row)</td><td>\(problem.column)</td><td>\(context.t(problem.message))</td></tr>"
    }
    let whole: HTML =
      download.map {
        " <a href=\"\($0)\" id=\"problems-download\" download>\(context.t("下载全部 \(problems.count) 处（CSV）", "Download all \(problems.count) (CSV)"))</a>"
      } ?? .empty
    let cut: HTML =
      problems.count > shown
      ? "<p class=\"meta\" id=\"problems-cut\">\(context.t("只列出前 \(shown) 处，共 \(problems.count) 处。", "The first \(shown) of \(problems.count) are listed."))\(whole)</p>"
      : download == nil ? .empty : "<p class=\"meta\">\(whole)</p>"
    let summaryCut: HTML =
      ordered.count > shown
      ? "<p class=\"meta\">\(context.t("只列出前 \(shown) 类，共 \(ordered.count) 类。", "The first \(shown) of \(ordered.count) kinds are listed."))</p>"
      : .empty
    return """
      <div class="alert" role="alert" id="import-problems"><p><b>\(context.t(
        "“\(fileName)”有 \(problems.count) 处错误，未导入任何内容。请修改后重新上传。",
        "\(fileName) has \(problems.count) problem(s); nothing was imported. Fix them and upload again."))</b></p></div>
      <h2>\(context.t("按列汇总", "By column"))</h2>\(summaryCut)
      <table class="results" id="problem-summary"><thead><tr><th>\(context.t("工作表", "Sheet"))</th><th>\(context.t("列", "Column"))</th>\
      <th>\(context.t("问题", "Problem"))</th><th>\(context.t("处数", "Count"))</th></tr></thead><tbody>\(summary)</tbody></table>
      <h2>\(context.t("逐行列出", "Row by row"))</h2>\(cut)
      <div class="scroll-box"><table class="results stack" id="problem-rows"><thead><tr><th>\(context.t("工作表", "Sheet"))</th><th>\(context.t("行", "Row"))</th>\
      <th>\(context.t("列", "Column"))</th><th>\(context.t("问题", "Problem"))</th></tr></thead><tbody>\(rows)</tbody></table></div>
      """
  }

  /// A message with the cell's own value set aside (“五”不是整数 → “…”不是整数), so that one kind of problem is
  /// counted once whatever each row held.
  static func generalized(_ message: String) -> String {
    var result = ""
    var inside = false
    for character in message {
      switch character {
      case "“":
        inside = true
        result += "“…"
      case "”":
        inside = false
        result.append(character)
      default:
        if !inside { result.append(character) }
      }
    }
    return result
  }
}
