import Foundation
import OneWindowDomain

/// The open cases behind one count of the supervision board (a light, narrowed to a department, site or town), most
/// urgent first.
public enum SupervisionCasesPage {
  public struct Model: Sendable {
    public let title: String
    public let cases: [(ServiceCase, DeadlineStatus?)]
    public let total: Int
    public let clock: CaseClock
    public let names: DirectoryNames
    public let page: Int
    public let pageSize: Int
    /// The list's own query (without the page), for the pager.
    public let query: [(String, String?)]

    public init(
      title: String, cases: [(ServiceCase, DeadlineStatus?)], total: Int, clock: CaseClock, names: DirectoryNames,
      page: Int, pageSize: Int, query: [(String, String?)]
    ) {
      self.title = title
      self.cases = cases
      self.total = total
      self.clock = clock
      self.names = names
      self.page = page
      self.pageSize = pageSize
      self.query = query
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let pages = max(1, (model.total + model.pageSize - 1) / model.pageSize)
    func link(_ page: Int, _ label: String) -> HTML {
      "<a href=\"\(Links.supervisionCases + Links.query(model.query + [("page", String(page))]))\">\(label)</a>"
    }
    let pager: HTML =
      pages > 1
      ? """
      <nav class="pager" aria-label="\(context.t("分页", "Pages"))">\
      \(model.page > 1 ? link(model.page - 1, context.t("上一页", "Previous")) : .empty)\
      <span>\(model.page) / \(pages)</span>\
      \(model.page < pages ? link(model.page + 1, context.t("下一页", "Next")) : .empty)</nav>
      """ : .empty
    let body: HTML = """
      <p class="no-print"><a href="\(Links.supervision)">\(context.t("返回全程监控", "Back to the board"))</a></p>
      <h1>\(model.title)</h1>
      <p class="lead">\(context.t("共 \(model.total) 件", "\(model.total) cases"))</p>
      \(CaseTable.render(model.cases.map { .init(serviceCase: $0.0, deadline: $0.1) }, clock: model.clock, names: model.names, context: context, id: "supervision-cases"))
      \(pager)
      """
    return Layout.page(context, title: model.title, body: body)
  }
}
