import OneWindowDomain

/// 首次运行: on an empty database, the page that creates the county and its first administrator. The setup code the
/// server printed when it started proves the person at the browser runs the server.
public enum SetupPage {
  public struct Model: Sendable {
    public let input: [String: String]
    public let errors: [ValidationError]

    public init(input: [String: String] = [:], errors: [ValidationError] = []) {
      self.input = input
      self.errors = errors
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    func value(_ field: String, _ fallback: String = "") -> String { model.input[field] ?? fallback }
    func password(_ field: String, _ label: String) -> HTML {
      """
      <div><label for="\(field)">\(label) *</label>\
      <input type="password" id="\(field)" name="\(field)" autocomplete="new-password"\(parts.invalid(field))>\
      \(parts.error(field))</div>
      """
    }
    let body: HTML = """
      <section class="panel setup">
      <h1>\(context.t("首次运行：建立本县", "First run: set up your county"))</h1>
      <p>\(context.t(
        "数据库是空的。请填写本县（市、区）的行政区划代码和名称，并建立第一个中心管理员账号。此页只能使用一次；之后请用管理员账号登录，在「机构与人员」中建立镇村、场所、部门、窗口和人员，或导入工作簿。",
        "The database is empty. Enter your county's code and name and create the first administrator. This page works once; then sign in and set up towns, villages, sites, departments, windows and staff under Directory, or import a workbook."))</p>
      \(parts.summary())
      <form method="post" action="\(Links.setup)" novalidate>
      \(context.csrfField)
      <fieldset><legend>\(context.t("设置码", "Setup code"))</legend>
      <p class="meta">\(context.t(
        "服务器启动时在日志中打印了设置码（形如 ABCDE-FGHJK），用以证明您是本服务器的管理员。",
        "The server printed a setup code (like ABCDE-FGHJK) in its log when it started."))</p>
      \(parts.text("setup_code", context.t("设置码", "Setup code"), value("setup_code"), required: true))
      </fieldset>
      <fieldset><legend>\(context.t("本县", "The county"))</legend><div class="grid3">
      \(parts.text("county_code", context.t("县级行政区划代码（6 位）", "County code (6 digits)"), value("county_code"), required: true))
      \(parts.text("county_name", context.t("名称，如 云溪县", "Name, e.g. 云溪县"), value("county_name"), required: true))
      \(parts.text("time_zone", context.t("时区", "Time zone"), value("time_zone", "Asia/Shanghai"), required: true))
      </div></fieldset>
      <fieldset><legend>\(context.t("第一个中心管理员", "The first administrator"))</legend><div class="grid3">
      \(parts.text("admin_username", context.t("用户名（小写字母、数字）", "Username (lowercase, digits)"), value("admin_username"), required: true))
      \(parts.text("admin_name", context.t("姓名", "Name"), value("admin_name"), required: true))
      \(password("password", context.t("密码（至少 8 位，含字母和数字）", "Password (8+, letters and digits)")))
      \(password("password_again", context.t("再输一次密码", "Password again")))
      </div></fieldset>
      <button type="submit" class="button">\(context.t("建立本县", "Set up the county"))</button>
      </form>
      </section>
      """
    return Layout.page(context, title: context.t("首次运行", "First run"), body: body)
  }
}
