import OneWindowDomain

/// 设置密码: the page a one-time link opens, where a new account's owner chooses their password.
public enum PasswordLinkPage {
  public struct Model: Sendable {
    /// Nil when the link does not work (unknown, used or expired).
    public let owner: StaffIdentity?
    public let token: String
    public let errors: [ValidationError]

    public init(owner: StaffIdentity?, token: String, errors: [ValidationError] = []) {
      self.owner = owner
      self.token = token
      self.errors = errors
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let title = context.t("设置密码", "Set your password")
    guard let owner = model.owner else {
      return Layout.page(
        context, title: title,
        body: """
          <section class="panel login"><h1>\(title)</h1>
          <p class="alert" role="alert">\(context.t("此链接无效：可能已用过或已过期（7 天）。请向中心管理员索取新链接。", "This link does not work: it was used or has expired (7 days). Ask the center's administrator for a new one."))</p>
          </section>
          """)
    }
    let parts = FormParts(context: context, errors: model.errors)
    let body: HTML = """
      <section class="panel login"><h1>\(title)</h1>
      <p>\(owner.displayName)（\(context.t("用户名", "username"))：<b>\(owner.username)</b>，\(context.t(owner.role.name))）</p>
      \(parts.summary())
      <form method="post" action="\(Links.accountPassword)/\(model.token)" novalidate>
      \(context.csrfField)
      <label for="password">\(context.t("新密码（至少 8 位，含字母和数字）", "New password (8+, letters and digits)"))</label>
      <input type="password" id="password" name="password" autocomplete="new-password"\(parts.invalid("password"))>\(parts.error("password"))
      <label for="password_again">\(context.t("再输一次", "Again"))</label>
      <input type="password" id="password_again" name="password_again" autocomplete="new-password"\(parts.invalid("password_again"))>\(parts.error("password_again"))
      <button type="submit" class="button">\(context.t("设置密码并登录", "Set the password and sign in"))</button>
      </form></section>
      """
    return Layout.page(context, title: title, body: body)
  }
}
