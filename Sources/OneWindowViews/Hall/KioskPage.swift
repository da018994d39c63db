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

/// The ticket slip: printed at the kiosk (then back to the kiosk), or kept open on the phone that took it online,
/// where it follows the queue live (the hall's events) until the number is called, and says which window to go to.
public enum TicketSlipPage {
  /// Where a ticket stands, as the slip's script receives it.
  public struct Position: Sendable, Codable {
    public let state: String
    public let ahead: Int
    public let text: String

    public init(state: String, ahead: Int, text: String) {
      self.state = state
      self.ahead = ahead
      self.text = text
    }
  }

  /// The slip's line about the queue: how many are ahead, or where to go now.
  public static func positionText(_ ticket: Ticket, ahead: Int, window: Window?, _ context: PageContext) -> String {
    switch ticket.state {
    case .waiting: context.t("前面还有 \(ahead) 人等候", "\(ahead) ahead of you")
    case .called:
      window.map { context.t("请到 \($0.number) 号窗口（\($0.name)）办理", "Please go to window \($0.number) (\($0.name))") }
        ?? context.t("已叫到您的号，请留意叫号屏", "Your number is called: see the display")
    case .serving: context.t("正在办理", "Being served")
    case .served: context.t("已办结，感谢您的耐心", "Served. Thank you")
    case .transferred: context.t("已转到其他窗口，请留意叫号屏", "Moved to another window: see the display")
    case .noShow: context.t("已过号，请重新取号", "Missed: please take a new ticket")
    }
  }

  public static func render(
    _ ticket: Ticket, site: Site, group: BusinessGroup?, ahead: Int, window: Window? = nil, kioskURL: String?,
    clock: CaseClock, _ context: PageContext
  ) -> HTML {
    let lane: HTML =
      ticket.priority.map {
        "<p class=\"lane-tag\">\(context.t("绿色通道", "Priority lane")) · \(context.t($0.name))</p>"
      } ?? .empty
    // At the kiosk: print, then back for the next person. On a phone: a way back, and the queue followed live.
    let ending: HTML =
      kioskURL.map {
        """
        <button type="button" class="no-print" data-print>\(context.t("打印号票", "Print"))</button>
        <meta http-equiv="refresh" content="20;url=\($0)">
        <p class="no-print"><a class="button" href="\($0)" id="done">\(context.t("完成", "Done"))</a></p>
        """
      }
        ?? """
        <p class="meta">\(context.t("请保留本页面：排到时这里会提示您去哪个窗口。", "Keep this page open: it tells you when and where to go."))</p>
        <p class="no-print slip-links"><a href="\(Links.myCases)">\(context.t("我的办件与取号", "My applications and tickets"))</a> · \
        <a href="\(Links.appointments)">\(context.t("返回预约取号", "Back to booking"))</a> · <a href="\(Links.home)">\(context.t("首页", "Home"))</a></p>
        \(live(ticket, site: site, context))
        """
    let body: HTML = """
      <article class="slip" id="slip">
      <p>\(site.name)</p>
      <p class="slip-number" id="ticket-number">\(ticket.number)</p>
      <p>\(group?.name ?? ticket.groupCode)</p>
      \(lane)
      <p id="ticket-position" aria-live="polite" data-state="\(ticket.state.rawValue)"><b>\(positionText(ticket, ahead: ahead, window: window, context))</b></p>
      <p class="meta">\(context.t("取号时间", "Taken")) \(clock.time(ticket.takenAt))</p>
      <p class="meta">\(context.t("请留意叫号屏和语音呼叫；过号请重新取号。", "Watch the display and listen for your number."))</p>
      \(ending)
      </article>
      """
    return Layout.bare(context, title: context.t("号票", "Ticket"), bodyClass: "kiosk-screen", body: body)
  }

  /// Follows the hall's events; on each one asks where this ticket stands (and every 30 s, should the events stop).
  private static func live(_ ticket: Ticket, site: Site, _ context: PageContext) -> HTML {
    Layout.script(
      context,
      """
      (function () {
        var line = document.getElementById('ticket-position'), url = '\(HTML(unsafe: Links.ticketPosition(ticket.id)))';
        function ask() {
          fetch(url, { cache: 'no-store' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (p) {
            if (!p) return;
            line.dataset.state = p.state;
            line.firstElementChild.textContent = p.text;
            if (p.state === 'called' && navigator.vibrate) navigator.vibrate(400);
          }).catch(function () {});
        }
        if (window.EventSource) new EventSource('\(HTML(unsafe: Links.hallEvents(site.id)))').addEventListener('hall', ask);
        setInterval(ask, 30000);
      })();
      """)
  }
}
