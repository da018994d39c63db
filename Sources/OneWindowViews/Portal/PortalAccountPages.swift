import OneWindowDomain

/// 网上办事大厅 accounts: sign up and sign in with a mobile number and a password.
public enum PortalAccountPages {
  public struct SignUpForm: Sendable {
    public var phone = ""
    public var name = ""
    public var idNumber = ""
    /// The chosen document type (`IDType`'s raw value); the resident ID card when none was chosen yet.
    public var idType = IDType.residentID.rawValue

    public init(phone: String = "", name: String = "", idNumber: String = "", idType: String = "") {
      self.phone = phone
      self.name = name
      self.idNumber = idNumber
      self.idType = idType.isEmpty ? IDType.residentID.rawValue : idType
    }
  }

  public static func signUp(_ form: SignUpForm, errors: [ValidationError], _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: errors)
    let body: HTML = """
      <section class="panel login">
      <h1>\(context.t("注册网上办事账号", "Create a portal account"))</h1>
      \(parts.summary())
      <form method="post" action="\(Links.portalSignUp)" novalidate>
      \(context.csrfField)
      \(parts.phone("phone", context.t("手机号码（登录账号）", "Mobile number (your login)"), form.phone, required: true))
      \(parts.text("name", context.t("姓名", "Name"), form.name, required: true))
      \(parts.select("id_type", context.t("证件类型", "Identity document"), IDType.types(for: .person).map { ($0.rawValue, context.t($0.name)) }, form.idType))
      \(parts.text("id_number", context.t("证件号码", "Document number"), form.idNumber, required: true))
      <div><label for="password">\(context.t("密码（至少 8 位，含字母和数字）", "Password (8+ characters, letters and digits)")) *</label>\
      <input type="password" id="password" name="password" autocomplete="new-password"\(parts.invalid("password"))>\
      \(parts.error("password"))</div>
      <button type="submit" class="button">\(context.t("获取短信验证码", "Text me a code"))</button>
      </form>
      <p>\(context.t("已有账号？", "Have an account? "))<a href="\(Links.portalLogin)">\(context.t("登录", "Sign in"))</a></p>
      </section>
      """
    return Layout.page(context, title: context.t("注册", "Sign up"), body: body)
  }

  /// The second step of a sign-up: the code texted to the number. The page reads the same whether the number was new
  /// or already registered (the text says which), so it tells a visitor nothing about other people's numbers.
  public static func confirmSignUp(
    phone: String, maskedPhone: String, error: ValidationError?, logChannel: Bool, _ context: PageContext
  ) -> HTML {
    let parts = FormParts(context: context, errors: error.map { [$0] } ?? [])
    let demo: HTML =
      logChannel
      ? "<p class=\"meta\">\(context.t("本系统尚未接入短信网关：短信内容写在服务器日志中。", "No SMS gateway is configured: the text is in the server log."))</p>"
      : .empty
    let body: HTML = """
      <section class="panel login">
      <h1>\(context.t("输入短信验证码", "Enter the texted code"))</h1>
      \(parts.summary(saves: false))
      <p>\(context.t("短信已发送至 \(maskedPhone)，10 分钟内有效。", "A text went to \(maskedPhone); the code is good for 10 minutes."))</p>
      \(demo)
      <form method="post" action="\(Links.portalSignUpConfirm)" novalidate>
      \(context.csrfField)
      <input type="hidden" name="phone" value="\(phone)">
      <div><label for="code">\(context.t("验证码（6 位数字）", "Code (6 digits)")) *</label>\
      <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6"\(parts.invalid("code"))>\
      \(parts.error("code"))</div>
      <button type="submit" class="button">\(context.t("完成注册并登录", "Finish and sign in"))</button>
      </form>
      <p><a href="\(Links.portalSignUp)">\(context.t("没有收到？重新注册", "No text? Start again"))</a></p>
      </section>
      """
    return Layout.page(context, title: context.t("短信验证", "Confirm"), body: body)
  }

  public static func login(phone: String, error: ValidationError?, returnTo: String?, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: error.map { [$0] } ?? [])
    let body: HTML = """
      <section class="panel login">
      <h1>\(context.t("网上办事登录", "Portal sign-in"))</h1>
      <form method="post" action="\(Links.portalLogin)" novalidate>
      \(context.csrfField)
      \(returnTo.map { "<input type=\"hidden\" name=\"to\" value=\"\($0)\">" as HTML } ?? .empty)
      \(parts.phone("phone", context.t("手机号码", "Mobile number"), phone, required: true))
      <div><label for="password">\(context.t("密码", "Password")) *</label>\
      <input type="password" id="password" name="password" autocomplete="current-password"\(parts.invalid("password"))>\
      \(parts.error("password"))</div>
      <button type="submit" class="button">\(context.t("登录", "Sign in"))</button>
      </form>
      <p>\(context.t("还没有账号？", "No account yet? "))<a href="\(Links.portalSignUp)">\(context.t("注册", "Sign up"))</a></p>
      </section>
      """
    return Layout.page(context, title: context.t("网上办事登录", "Portal sign-in"), body: body)
  }
}
