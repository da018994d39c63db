import OneWindowDomain

/// 评价器: the small screen facing the citizen at a window — the window and the clerk on duty (阳光台 photo and
/// name) and, right after a service ends, five buttons to rate it. Redrawn when the hall's events say this window
/// called or finished a ticket.
public enum EvaluationPadPage {
  public struct Model: Sendable {
    public let window: Window
    public let clerkName: String?
    public let clerkTitle: String?
    public let photoURL: String?
    /// The service just finished here and not yet rated.
    public let toRate: Ticket?
    public let thanked: Bool
    public let eventsURL: String
    /// A clerk's sign-in on the pad: refused with its reason, or done.
    public var signInError: ValidationError? = nil
    public var signedIn = false

    public init(
      window: Window, clerkName: String?, clerkTitle: String?, photoURL: String?, toRate: Ticket?, thanked: Bool,
      eventsURL: String
    ) {
      self.window = window
      self.clerkName = clerkName
      self.clerkTitle = clerkTitle
      self.photoURL = photoURL
      self.toRate = toRate
      self.thanked = thanked
      self.eventsURL = eventsURL
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let photo: HTML =
      model.photoURL.map { "<img class=\"pad-photo\" src=\"\($0)\" alt=\"\(model.clerkName ?? "")\">" }
      ?? "<div class=\"pad-photo none\" aria-hidden=\"true\">\(String(model.clerkName?.prefix(1) ?? "窗"))</div>"
    let clerk: HTML =
      model.clerkName.map {
        "<p class=\"pad-name\" id=\"clerk\">\($0)</p><p class=\"meta\">\(model.clerkTitle ?? "")</p>"
      } ?? "<p class=\"pad-name\" id=\"clerk\">\(context.t("暂停服务", "Closed"))</p>"
    var prompt: HTML = .empty
    if model.thanked {
      prompt =
        "<p class=\"pad-thanks\" id=\"thanks\" role=\"status\">\(context.t("感谢您的评价！", "Thank you for your rating!"))</p>"
    } else if let ticket = model.toRate {
      let buttons = EvaluationLevel.allCases.map { level -> HTML in
        let score = String(level.rawValue)
        return
          "<button type=\"submit\" name=\"score\" value=\"\(score)\" class=\"rate-\(score)\">\(context.t(level.name))</button>"
      }
      prompt = """
        <form method="post" action="\(Links.padRate(model.window.id))" class="pad-rate" id="rate">
        \(context.csrfField)<input type="hidden" name="ticket_id" value="\(ticket.id)">
        <p class="pad-ask">\(context.t("\(ticket.number) 号，请为本次服务评价", "Ticket \(ticket.number): please rate this service"))</p>
        <div class="rate-buttons">\(buttons)</div>
        </form>
        """
    }
    let body: HTML = """
      <div class="pad" id="pad" data-window="\(model.window.id)">
      <p class="pad-window">\(model.window.number) \(context.t("号窗口", "")) · \(model.window.name)</p>
      \(photo)
      \(clerk)
      \(prompt)
      \(signIn(model, context))
      </div>
      <script nonce="\(context.scriptNonce)">
      (function () {
        var mine = document.getElementById('pad').getAttribute('data-window');
        var events = new EventSource(\(HallDisplayPage.json(model.eventsURL)));
        events.addEventListener('hall', function (e) {
          var update = JSON.parse(e.data);
          if (update.windowID === mine && (update.kind === 'finished' || update.kind === 'called')) location.reload();
        });
        \(model.thanked || model.toRate != nil ? "setTimeout(function () { location.href = location.pathname; }, \(model.thanked ? 5000 : 120000));" as HTML : .empty)
      })();
      </script>
      """
    return Layout.bare(context, title: context.t("服务评价", "Rate the service"), bodyClass: "pad-screen", body: body)
  }

  /// 驻厅签到 on the pad, folded away from the citizen: the clerk types their username and password; no session is
  /// opened on the shared screen, the sign-in is only recorded for this window.
  private static func signIn(_ model: Model, _ context: PageContext) -> HTML {
    let error: HTML =
      model.signInError.map {
        "<p class=\"field-error\" role=\"alert\" id=\"pad-sign-in-error\" data-field=\"\($0.field)\">\(context.t($0.message))</p>"
      } ?? .empty
    let done: HTML =
      model.signedIn
      ? "<p class=\"pad-thanks\" role=\"status\" id=\"pad-signed-in\">\(context.t("签到成功", "Signed in"))</p>" : .empty
    return """
      \(done)<details class="pad-sign-in"\(model.signInError == nil ? "" as HTML : " open")>\
      <summary>\(context.t("工作人员签到", "Staff sign-in"))</summary>
      <form method="post" action="\(Links.padSignIn(model.window.id))" autocomplete="off">\(context.csrfField)
      <label for="pad-username">\(context.t("用户名", "Username"))</label>\
      <input id="pad-username" name="username" type="text" autocapitalize="none" required>
      <label for="pad-password">\(context.t("密码", "Password"))</label>\
      <input id="pad-password" name="password" type="password" required>
      \(error)<button type="submit" id="pad-sign-in">\(context.t("在本窗口签到", "Sign in at this window"))</button>
      </form></details>
      """
  }
}
