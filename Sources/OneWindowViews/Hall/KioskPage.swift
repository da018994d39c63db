import OneWindowDomain

/// 取号机: a touch-first page — one big button per business group (with the 绿色通道 choice), appointment check-in
/// with phone number and code, and the case status look-up. Everything works by touch or keyboard, no typing needed
/// to take a ticket.
public enum KioskPage {
  public struct Model: Sendable {
    public let site: Site
    public let groups: [BusinessGroup]
    public let waiting: [String: Int]
    public let errors: [ValidationError]
    public let phone: String

    public init(
      site: Site, groups: [BusinessGroup], waiting: [String: Int], errors: [ValidationError] = [], phone: String = ""
    ) {
      self.site = site
      self.groups = groups
      self.waiting = waiting
      self.errors = errors
      self.phone = phone
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    let takeURL = Links.kioskTake(model.site.id)
    let buttons = model.groups.map { group -> HTML in
      """
      <button type="submit" name="group" value="\(group.code)" class="group-button" id="take-\(group.code)">\
      <span class="code">\(group.code)</span><span class="gname">\(group.name)</span>\
      <span class="meta">\(context.t("等候 \(model.waiting[group.code] ?? 0) 人", "\(model.waiting[group.code] ?? 0) waiting"))</span></button>
      """
    }
    let lanes =
      [("", context.t("普通", "Ordinary"))]
      + [PriorityReason.elderly, .disabled, .pregnant].map {
        ($0.rawValue, context.t($0.name))
      }
    let laneChoices = lanes.map { value, name -> HTML in
      """
      <label class="lane"><input type="radio" name="priority" value="\(value)"\(value.isEmpty ? " checked" : "")> \(name)</label>
      """
    }
    let body: HTML = """
      <div class="kiosk">
      <h1>\(model.site.name) · \(context.t("自助取号", "Take a ticket"))</h1>
      \(parts.summary(saves: false))
      <form method="post" action="\(takeURL)" class="kiosk-take">
      \(context.csrfField)
      <fieldset class="lanes" id="priority"><legend>\(context.t("绿色通道（老年人、残疾人、孕妇优先）", "Priority lane (elderly, disabled, pregnant)"))</legend>\
      \(laneChoices)\(parts.error("priority"))</fieldset>
      <div class="group-buttons" id="group">\(buttons)</div>\(parts.error("group"))
      </form>
      <div class="kiosk-row">
      <form method="post" action="\(Links.kioskCheckIn(model.site.id))" class="panel" novalidate>
      <h2>\(context.t("预约签到", "Appointment check-in"))</h2>
      \(context.csrfField)
      \(parts.phone("phone", context.t("预约手机号", "Phone number"), model.phone))
      \(parts.text("code", context.t("签到码（6 位）", "Check-in code (6 digits)"), ""))
      <button type="submit" class="button" id="check-in">\(context.t("签到取号", "Check in"))</button>
      </form>
      <form method="get" action="\(Links.kioskStatus(model.site.id))" class="panel">
      <h2>\(context.t("办件查询", "Track a case"))</h2>
      <div><label for="status-number">\(context.t("办件编号", "Case number"))</label><input type="text" id="status-number" name="number"></div>
      <div><label for="status-phone">\(context.t("申请人手机号", "Applicant's phone"))</label><input type="tel" id="status-phone" name="phone"></div>
      <button type="submit" class="button">\(context.t("查询", "Look up"))</button>
      </form>
      </div>
      <p class="meta">\(context.t("用手机预约：打开本县政务服务网「预约取号」。如需帮助，请到导服台。",
        "Book on your phone: the portal's Book or queue page. Need help? Ask at the guide desk."))</p>
      </div>
      \(idleReset(to: Links.kiosk(model.site.id), context))
      """
    return Layout.bare(context, title: context.t("自助取号", "Take a ticket"), bodyClass: "kiosk-screen", body: body)
  }

  /// A kiosk serves one person after another: after `seconds` without a touch or a key the screen goes back to the
  /// kiosk's start, so the next person never sees what the last one typed or looked up.
  public static func idleReset(to url: String, seconds: Int = 90, _ context: PageContext) -> HTML {
    Layout.script(
      context,
      """
      (function () {
        var timer;
        function arm() { clearTimeout(timer); timer = setTimeout(function () { location.href = '\(HTML(unsafe: url))'; }, \(seconds * 1000)); }
        ['keydown', 'pointerdown', 'touchstart', 'input'].forEach(function (e) { document.addEventListener(e, arm, true); });
        arm();
      })();
      """)
  }
}

/// The ticket slip the kiosk shows (and prints) after taking a ticket or checking in.
public enum TicketSlipPage {
  public static func render(
    _ ticket: Ticket, site: Site, group: BusinessGroup?, ahead: Int, kioskURL: String?, clock: CaseClock,
    _ context: PageContext
  ) -> HTML {
    let lane: HTML =
      ticket.priority.map {
        "<p class=\"lane-tag\">\(context.t("绿色通道", "Priority lane")) · \(context.t($0.name))</p>"
      } ?? .empty
    let back: HTML =
      kioskURL.map {
        """
        <meta http-equiv="refresh" content="20;url=\($0)">
        <p class="no-print"><a class="button" href="\($0)" id="done">\(context.t("完成", "Done"))</a></p>
        """
      } ?? .empty
    let body: HTML = """
      <article class="slip" id="slip">
      <p>\(site.name)</p>
      <p class="slip-number" id="ticket-number">\(ticket.number)</p>
      <p>\(group?.name ?? ticket.groupCode)</p>
      \(lane)
      <p>\(context.t("前面还有 \(ahead) 人等候", "\(ahead) ahead of you"))</p>
      <p class="meta">\(context.t("取号时间", "Taken")) \(clock.time(ticket.takenAt))</p>
      <p class="meta">\(context.t("请留意叫号屏和语音呼叫；过号请重新取号。", "Watch the display and listen for your number."))</p>
      <button type="button" class="no-print" data-print>\(context.t("打印号票", "Print"))</button>
      \(back)
      </article>
      """
    return Layout.bare(context, title: context.t("号票", "Ticket"), bodyClass: "kiosk-screen", body: body)
  }
}
