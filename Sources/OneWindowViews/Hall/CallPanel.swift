import OneWindowDomain

/// 叫号: the calling controls on the window workbench — call the next ticket of the groups this window serves, call
/// again, start, finish (with the case it produced), transfer to another group or window, and mark a no-show.
public enum CallPanel {
  public struct Model: Sendable {
    public let window: Window
    public let post: DutyPost
    public let groups: [BusinessGroup]
    /// Every group of the site, and its windows, for transfers.
    public let siteGroups: [BusinessGroup]
    public let siteWindows: [Window]
    public let current: Ticket?
    public let waiting: [String: Int]
    public let policy: QueuePolicy
    /// The case this clerk registered while serving the current ticket, offered for 办结.
    public let suggestedCase: String?
    public let error: ValidationError?
    /// Who the floor roster says serves at this window today (驻厅管理), and why; nil when nobody does.
    public var serving: Serving? = nil

    public struct Serving: Sendable {
      public let name: String
      public let basis: FloorRoster.Basis
      public let isViewer: Bool

      public init(name: String, basis: FloorRoster.Basis, isViewer: Bool) {
        self.name = name
        self.basis = basis
        self.isViewer = isViewer
      }
    }

    public init(
      window: Window, post: DutyPost, groups: [BusinessGroup], siteGroups: [BusinessGroup], siteWindows: [Window],
      current: Ticket?, waiting: [String: Int], policy: QueuePolicy, suggestedCase: String?,
      error: ValidationError?
    ) {
      self.window = window
      self.post = post
      self.groups = groups
      self.siteGroups = siteGroups
      self.siteWindows = siteWindows
      self.current = current
      self.waiting = waiting
      self.policy = policy
      self.suggestedCase = suggestedCase
      self.error = error
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let queue = model.groups.map {
      "\($0.code) \($0.name) \(context.t("等候", "waiting")) \(model.waiting[$0.code] ?? 0)"
    }
    .joined(separator: " · ")
    let error: HTML =
      model.error.map { "<p class=\"field-error\" role=\"alert\" id=\"call-error\">\(context.t($0.message))</p>" }
      ?? .empty
    let windowField: HTML = "<input type=\"hidden\" name=\"window_id\" value=\"\(model.window.id)\">"
    var controls: HTML
    if let ticket = model.current {
      func action(_ name: String, _ label: String, extra: HTML = .empty, id: String) -> HTML {
        """
        <form method="post" action="\(Links.deskTicket(ticket.id, name))" class="inline-form">\(context.csrfField)\
        \(windowField)\(extra)<button type="submit" id="\(id)">\(label)</button></form>
        """
      }
      let lane: HTML =
        ticket.priority.map { " <span class=\"tag\">\(context.t("绿色通道", "Priority")) · \(context.t($0.name))</span>" }
        ?? .empty
      let state: HTML = "<span class=\"tag\">\(context.t(ticket.state.name))</span>"
      var buttons: [HTML] = []
      if ticket.state == .called {
        buttons.append(action("recall", context.t("重呼", "Call again"), id: "recall"))
        buttons.append(action("start", context.t("开始办理", "Start"), id: "start"))
        buttons.append(
          ticket.calls >= model.policy.noShowAfterCalls
            ? action("no-show", context.t("过号", "No-show"), id: "no-show")
            : "<span class=\"meta\">\(context.t("呼叫满 \(model.policy.noShowAfterCalls) 次可过号", "No-show after \(model.policy.noShowAfterCalls) calls"))</span>"
        )
      } else {
        let caseField: HTML = """
          <label for="case_number">\(context.t("关联办件编号", "Case number"))</label>\
          <input type="text" id="case_number" name="case_number" value="\(model.suggestedCase ?? "")" size="26">
          """
        buttons.append(action("finish", context.t("办结", "Finish"), extra: caseField, id: "finish"))
      }
      let targets =
        model.siteGroups.map { ("group:\($0.code)", "\($0.code) \($0.name)") }
        + model.siteWindows.filter { $0.id != model.window.id }.map {
          ("window:\($0.id)", "\($0.number) \(context.t("号窗口", "")) \($0.name)")
        }
      let options = targets.map { value, name -> HTML in "<option value=\"\(value)\">\(name)</option>" }
      let transfer: HTML = """
        <label for="transfer_to">\(context.t("转到", "Transfer to"))</label>\
        <select id="transfer_to" name="transfer_to">\(options)</select>
        """
      buttons.append(action("transfer", context.t("转移", "Transfer"), extra: transfer, id: "transfer"))
      controls = """
        <p class="now-serving"><span class="big-number" id="current-ticket">\(ticket.number)</span> \(state)\(lane) \
        <span class="meta">\(context.t("已呼叫 \(ticket.calls) 次", "called \(ticket.calls)×"))</span></p>
        <div class="call-actions">\(buttons)</div>
        """
    } else {
      controls = """
        <form method="post" action="\(Links.deskCall)" class="inline-form">\(context.csrfField)\(windowField)\
        <button type="submit" class="button" id="call-next">\(context.t("叫下一位", "Call next"))</button></form>
        """
    }
    let groupOptions = model.siteGroups.map { group -> HTML in
      "<option value=\"\(group.code)\">\(group.code) \(group.name)</option>"
    }
    let laneOptions =
      [("", context.t("普通", "Ordinary"))]
      + [PriorityReason.elderly, .disabled, .pregnant].map {
        ($0.rawValue, context.t("绿色通道 · ", "Priority · ") + context.t($0.name))
      }
    let lanes = laneOptions.map { value, name -> HTML in "<option value=\"\(value)\">\(name)</option>" }
    let take: HTML = """
      <details class="take-for"><summary>\(context.t("代取号", "Take a ticket for a visitor"))</summary>
      <form method="post" action="\(Links.deskTake)" class="inline-form">\(context.csrfField)\(windowField)\
      <label for="take_group">\(context.t("业务", "Service"))</label><select id="take_group" name="group">\(groupOptions)</select>\
      <label for="take_priority">\(context.t("通道", "Lane"))</label><select id="take_priority" name="priority">\(lanes)</select>\
      <button type="submit" id="take-for">\(context.t("取号并打印", "Take and print"))</button></form></details>
      """
    return """
      <section class="panel call-panel" aria-labelledby="call-title">
      <h2 id="call-title">\(context.t("叫号", "Calling")) · \(model.window.number) \(context.t("号窗口", "")) \
      <span class="meta">\(model.window.name) · \(model.post.rawValue)\(context.t("岗", " post"))</span></h2>
      \(servingLine(model, context))
      <p class="meta" id="queue-counts">\(queue)</p>
      \(error)
      \(controls)
      \(take)
      </section>
      """
  }

  /// Who the hall sees at this window (the display and the pad name the same person): the viewer, or — when someone
  /// else is signed in or stands in there — that person, so a B post calling at a stand-in's window knows it.
  private static func servingLine(_ model: Model, _ context: PageContext) -> HTML {
    guard let serving = model.serving else {
      return """
        <p class="meta" id="serving">\(context.t("今日本窗口无人在岗（A、B岗均不在）", "Nobody is on duty here today"))</p>
        """
    }
    let who = serving.isViewer ? context.t("您", "You") : serving.name
    return """
      <p class="\(serving.isViewer ? "meta" : "notice")" id="serving">\(context.label("在岗", "On duty"))\(who)\
      <span class="tag">\(context.t(serving.basis.name))</span></p>
      """
  }
}
