import OneWindowDomain

/// 工作人员登录. Errors are shown next to the field they concern.
public enum LoginPage {
  public struct Model: Sendable {
    public let username: String
    public let error: ValidationError?
    /// Where to go after signing in.
    public let returnTo: String?

    public init(username: String = "", error: ValidationError? = nil, returnTo: String? = nil) {
      self.username = username
      self.error = error
      self.returnTo = returnTo
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let body: HTML = """
      <section class="panel login">
      <h1>\(context.t("工作人员登录", "Staff sign-in"))</h1>
      <form method="post" action="\(Links.login)" novalidate>
      \(context.csrfField)
      \(model.returnTo.map { "<input type=\"hidden\" name=\"to\" value=\"\($0)\">" as HTML } ?? .empty)
      <label for="username">\(context.t("用户名", "Username"))</label>
      <input type="text" id="username" name="username" value="\(model.username)" autocomplete="username"
       required\(focus("username", model))\(describedBy("username", model))>
      \(fieldError("username", model, context))
      <label for="password">\(context.t("密码", "Password"))</label>
      <input type="password" id="password" name="password" autocomplete="current-password" required\
      \(focus("password", model))\(describedBy("password", model))>
      \(fieldError("password", model, context))
      <button type="submit" class="button">\(context.t("登录", "Sign in"))</button>
      </form>
      </section>
      """
    return Layout.page(context, title: context.t("工作人员登录", "Staff sign-in"), body: body)
  }

  /// The cursor starts in the field at fault, else in the username.
  private static func focus(_ field: String, _ model: Model) -> HTML {
    (model.error?.field ?? "username") == field ? " autofocus" : .empty
  }

  private static func describedBy(_ field: String, _ model: Model) -> HTML {
    model.error?.field == field ? " aria-invalid=\"true\" aria-describedby=\"\(field)-error\"" : .empty
  }

  private static func fieldError(_ field: String, _ model: Model, _ context: PageContext) -> HTML {
    guard let error = model.error, error.field == field else { return .empty }
    return "<p class=\"field-error\" id=\"\(field)-error\" role=\"alert\">\(context.t(error.message))</p>"
  }
}
