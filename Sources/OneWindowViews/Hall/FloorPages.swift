import Foundation
import OneWindowDomain

/// 驻厅管理 pages: the public 阳光台 board of who serves at each window today, the leaves with their stand-ins, and
/// the sign-in a clerk gives at the workbench.
public enum FloorPages {
  /// One window on the board, with who serves there today.
  public struct BoardEntry: Sendable {
    public let window: Window
    /// What the window handles: its department, or the business groups it calls.
    public let handles: String
    public let staffID: String?
    public let name: String?
    public let title: String
    public let department: String
    public let profile: AgentProfile?
    public let basis: FloorRoster.Basis?

    public init(
      window: Window, handles: String, staffID: String?, name: String?, title: String, department: String,
      profile: AgentProfile?, basis: FloorRoster.Basis?
    ) {
      self.window = window
      self.handles = handles
      self.staffID = staffID
      self.name = name
      self.title = title
      self.department = department
      self.profile = profile
      self.basis = basis
    }
  }

  /// 阳光台: the windows of a hall and who serves at each today (photo, department, phone, what they handle).
  public static func board(
    site: Site, day: CivilDate, isToday: Bool = true, entries: [BoardEntry], _ context: PageContext
  ) -> HTML {
    let cards = entries.map { entry -> HTML in
      guard let name = entry.name, let staffID = entry.staffID else {
        return """
          <div class="card agent-card"><div class="agent-photo placeholder" aria-hidden="true">\(entry.window.number)</div>\
          <div><h3>\(entry.window.number) \(entry.window.name)</h3><p class="meta">\(context.t("无人员在岗", "Nobody on duty"))</p>\
          <p>\(context.t("办理：", "Handles: "))\(entry.handles)</p></div></div>
          """
      }
      let photo: HTML =
        entry.profile?.photo != nil
        ? "<img class=\"agent-photo\" src=\"\(Links.agentPhoto(staffID))\" alt=\"\(name)\">"
        : "<div class=\"agent-photo placeholder\" aria-hidden=\"true\">\(String(name.prefix(1)))</div>"
      let standIn: HTML =
        entry.basis == .standIn || entry.basis == .bPost
        ? " <span class=\"tag\">\(context.t(entry.basis!.name))</span>" : .empty
      return """
        <div class="card agent-card" data-window="\(entry.window.number)">\(photo)<div>\
        <h3>\(entry.window.number) \(entry.window.name)</h3>\
        <p><b class="serving">\(name)</b>\(standIn)\(entry.title.isEmpty ? "" : " · \(entry.title)")</p>\
        <p class="meta">\(entry.department)</p>\
        <p>\(context.t("办理：", "Handles: "))\(entry.handles)</p>\
        <p>\(context.t("服务电话：", "Phone: "))\(entry.profile.map { $0.phone.isEmpty ? site.phone : $0.phone } ?? site.phone)</p>\
        </div></div>
        """
    }
    let body: HTML = """
      <h1>\(context.t("窗口工作人员公示（阳光台）", "Window staff on duty"))</h1>
      <p class="lead">\(site.name) · \(day.iso) · \(isToday ? context.t("以下为今日在岗人员，欢迎监督。", "Who serves at each window today.") : context.t("以下为当日在岗人员。", "Who served at each window that day."))</p>
      <form method="get" class="inline" id="roster-day"><label for="day">\(context.t("查看某日在岗", "The roster of a day"))</label> \
      <input type="date" id="day" name="day" value="\(day.iso)"> <button type="submit" class="secondary">\(context.t("查看", "Show"))</button></form>
      <p><a href="\(Links.agents)">\(context.t("村（社区）帮办代办员公示", "Village proxy agents"))</a></p>
      <div class="cards" id="window-staff">\(cards)</div>
      """
    return Layout.page(context, title: context.t("窗口工作人员公示", "Window staff"), body: body)
  }

  /// A leave as the page lists it, with the names of the people it concerns.
  public struct LeaveRow: Sendable {
    public let leave: StaffLeave
    public let name: String
    public let standIn: String?

    public init(leave: StaffLeave, name: String, standIn: String?) {
      self.leave = leave
      self.name = name
      self.standIn = standIn
    }
  }

  /// 请假与替岗: the leaves from today on, and the form for a new one.
  public static func leaves(
    rows: [LeaveRow], people: [(id: String, name: String)], posted: [String: String], errors: [ValidationError],
    notice: String?, _ context: PageContext
  ) -> HTML {
    let parts = FormParts(context: context, errors: errors)
    let options = [("", context.t("请选择", "Choose"))] + people.map { ($0.id, $0.name) }
    let standIns = [("", context.t("由该窗口 B 岗替岗", "The window's B post"))] + people.map { ($0.id, $0.name) }
    let list = rows.map { row -> HTML in
      """
      <tr><td>\(row.name)</td><td>\(row.leave.firstDay.iso) – \(row.leave.lastDay.iso)</td>\
      <td>\(row.standIn ?? context.t("B 岗", "B post"))</td><td>\(row.leave.reason)</td></tr>
      """
    }
    let body: HTML = """
      <p class="meta"><a href="\(Links.adminDirectory)?tab=duties">\(context.t("岗位（AB岗）", "Posts"))</a></p>
      <h1>\(context.t("请假与替岗", "Leave and stand-ins"))</h1>
      \(notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      \(parts.summary())
      <p>\(context.t(
        "窗口人员请假时，由指定的替岗人员（未指定时由该窗口 B 岗）接替；叫号屏、评价器和窗口人员公示据此显示实际在岗人员。",
        "While a window's clerk is away, the named stand-in (or else the window's B post) serves; the display, the pad and the public board show who really serves."))</p>
      <table class="results" id="leaves"><thead><tr><th>\(context.t("请假人员", "Away"))</th><th>\(context.t("日期", "Days"))</th>\
      <th>\(context.t("替岗人员", "Stand-in"))</th><th>\(context.t("事由", "Reason"))</th></tr></thead><tbody>\(list)</tbody></table>
      \(rows.isEmpty ? "<p class=\"empty\" id=\"no-leaves\">\(context.t("今日起没有请假记录。", "No leave from today on."))</p>" as HTML : .empty)
      <form method="post" action="\(Links.adminLeaves)" class="panel" novalidate>\(context.csrfField)
      <h2>\(context.t("登记请假", "Record a leave"))</h2>
      <div class="form-grid">
      \(parts.select("staff_id", context.t("请假人员", "Who is away"), options, posted["staff_id"] ?? ""))
      \(parts.date("first_day", context.t("开始日期", "First day"), posted["first_day"] ?? ""))
      \(parts.date("last_day", context.t("结束日期", "Last day"), posted["last_day"] ?? ""))
      \(parts.select("stand_in_id", context.t("替岗人员", "Stand-in"), standIns, posted["stand_in_id"] ?? ""))
      \(parts.text("reason", context.t("事由", "Reason"), posted["reason"] ?? "", required: true))
      </div>
      <div class="actions"><button type="submit">\(context.t("登记", "Record"))</button></div>
      </form>
      """
    return Layout.page(context, title: context.t("请假与替岗", "Leave and stand-ins"), body: body)
  }

  /// The workbench's 签到: the windows of the clerk's hall, their own first, and where they signed in today.
  public static func signIn(
    windows: [Window], ownWindowIDs: [String], signedIn: WindowSignIn?, clock: (Date) -> String,
    _ context: PageContext
  ) -> HTML {
    guard !windows.isEmpty else { return .empty }
    let ordered =
      windows.filter { ownWindowIDs.contains($0.id) } + windows.filter { !ownWindowIDs.contains($0.id) }
    let options = ordered.map { window -> HTML in
      let selected = window.id == (signedIn?.windowID ?? ownWindowIDs.first)
      return "<option value=\"\(window.id)\"\(selected ? " selected" : "")>\(window.number) \(window.name)</option>"
    }
    let state: HTML =
      signedIn.map { signIn in
        let window = windows.first { $0.id == signIn.windowID }
        return
          "<p class=\"ok\" id=\"signed-in\">\(context.t("今日已在 \(window?.number ?? "") 号窗口签到（\(clock(signIn.at))）。", "Signed in today at window \(window?.number ?? "") (\(clock(signIn.at))).")))</p>"
      } ?? "<p class=\"meta\" id=\"signed-in\">\(context.t("今日尚未签到。", "Not signed in today."))</p>"
    return """
      <h2 id="sign-in">\(context.t("驻厅签到", "Sign in at a window"))</h2>
      \(state)
      <form method="post" action="\(Links.staffSignIn)" class="inline">\(context.csrfField)
      <label for="window_id">\(context.t("窗口", "Window"))</label> <select id="window_id" name="window_id">\(options)</select>
      <button type="submit">\(context.t("签到上岗", "Sign in"))</button></form>
      """
  }
}
