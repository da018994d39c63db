/// A friendly error page with the request id a clerk can quote to support.
public enum ErrorPage {
  public static func render(status: Int, message: String, requestID: String?, _ context: PageContext)
    -> HTML
  {
    let body: HTML = """
      <section class="panel">
      <h1>\(status == 404 ? context.t("页面不存在", "Page not found") : context.t("出错了", "Something went wrong"))</h1>
      <p class="alert" role="alert">\(message)</p>
      \(requestID.map { "<p class=\"meta\">\(context.label("请求编号", "Request id"))\($0)</p>" as HTML } ?? .empty)
      <p><a href="\(Links.home)">\(context.t("返回首页", "Back to the home page"))</a></p>
      </section>
      """
    return Layout.page(context, title: "\(status)", body: body)
  }
}
