import OneWindowDomain

/// 工作台首页: who you are, your role and scope, your windows, and what you may do.
public enum StaffHomePage {
  public struct Model: Sendable {
    public let staff: StaffIdentity
    public let title: String
    public let region: Region?
    public let site: Site?
    public let department: Department?
    public let duties: [(window: Window, post: DutyPost)]
    /// The site's hall has business groups (so a kiosk, a display and pads to open on its devices).
    public let hasHall: Bool
    /// A window clerk's 阳光台 profile (shown on the evaluation pad of their window).
    public let profile: AgentProfile?
    public let profileErrors: [ValidationError]
    /// 我的消息 not yet read (warnings about cases and rectifications).
    public let unreadMessages: Int
    /// 驻厅签到 (`FloorPages.signIn`), for those who serve at a window.
    public let floor: HTML

    public init(
      staff: StaffIdentity, title: String, region: Region?, site: Site?, department: Department?,
      duties: [(window: Window, post: DutyPost)], hasHall: Bool = false, profile: AgentProfile? = nil,
      profileErrors: [ValidationError] = [], unreadMessages: Int = 0, floor: HTML = .empty
    ) {
      self.floor = floor
      self.unreadMessages = unreadMessages
      self.hasHall = hasHall
      self.profile = profile
      self.profileErrors = profileErrors
      self.staff = staff
      self.title = title
      self.region = region
      self.site = site
      self.department = department
      self.duties = duties
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let staff = model.staff
    var seen: Set<String> = []
    let duties = Permission.allCases.filter { Authorization.can(staff, $0) }.flatMap { permission in
      links(for: permission).filter { seen.insert($0.url).inserted }.map { ($0, permission) }
    }
    let everywhere = context.t("全部", "All")
    let body: HTML = """
      <h1>\(context.t("您好，", "Hello, "))\(staff.displayName)</h1>
      <p class="lead">\(model.title)</p>
      <p id="staff-messages"><a href="\(Links.staffMessages)">\(context.t("我的消息", "My messages"))</a>\
      \(model.unreadMessages > 0 ? " <span class=\"badge\">\(model.unreadMessages) \(context.t("条未读", "unread"))</span>" as HTML : .empty)</p>
      <section class="panel">
      <h2>\(context.t("角色与数据范围", "Role and scope"))</h2>
      <dl class="facts" id="scope">
      <dt>\(context.t("用户名", "Username"))</dt><dd>\(staff.username)</dd>
      <dt>\(context.t("角色", "Role"))</dt><dd id="role">\(context.t(staff.role.name))</dd>
      <dt>\(context.t("行政区划", "Region"))</dt>\
      <dd>\(model.region?.name ?? staff.scope.regionCode.value) (\(staff.scope.regionCode.value))</dd>
      <dt>\(context.t("服务场所", "Site"))</dt><dd>\(model.site?.name ?? everywhere)</dd>
      <dt>\(context.t("部门", "Department"))</dt><dd>\(model.department?.name ?? everywhere)</dd>
      </dl>
      </section>
      \(dutySection(model, context))
      \(model.floor)
      \(hallSection(model, context))
      \(model.duties.isEmpty ? .empty : PublicProfileForm.render(
        action: Links.staffProfile, profile: model.profile, defaultHours: model.site?.openingHours.weekdays ?? "",
        note: HTML(unsafe: HTML.escape(context.t("显示在您窗口的评价器上。", "Shown on your window's rating pad."))),
        errors: model.profileErrors, context))
      <h2>\(context.t("您可以", "You may"))</h2>
      <ul class="plain" id="duties">\(duties.map { link, permission -> HTML in
        "<li><a href=\"\(link.url)\">\(context.t(link.name ?? permission.name))</a></li>"
      })</ul>
      """
    return Layout.page(context, title: context.t("工作台", "Workbench"), body: body)
  }

  /// The pages where a permission is exercised. A duty with no page of its own (opening the workbench, viewing
  /// the cases met on the other desks) or none yet is not listed: every line leads somewhere.
  private static func links(for permission: Permission) -> [(url: String, name: LocalizedText?)] {
    switch permission {
    case .manageCatalog:
      [
        (Links.adminItems, nil), (Links.adminImport, LocalizedText(zh: "导入导出事项目录", en: "Import or export the catalog")),
        (Links.adminBundles, LocalizedText(zh: "维护“一件事”", en: "Maintain the bundles")),
        (Links.adminAgreements, LocalizedText(zh: "维护委托受理协议", en: "Maintain delegation agreements")),
        (Links.adminProxyLists, LocalizedText(zh: "维护帮办代办事项清单", en: "Maintain the proxy lists")),
      ]
    case .intakeCases:
      [
        (Links.window, nil), (Links.followUps, LocalizedText(zh: "容缺材料补齐跟踪", en: "Deferred materials owed")),
        (Links.inquiryDeskNew, LocalizedText(zh: "代群众登记咨询投诉", en: "Enter an inquiry for a resident")),
      ]
    case .reviewCases:
      [
        (Links.office, nil),
        (Links.supervisionTickets, LocalizedText(zh: "本部门的督办件", en: "Tickets for this department")),
        (Links.inquiryDesk, LocalizedText(zh: "派至本部门的咨询投诉（签收、答复）", en: "Inquiries for this department")),
        (Links.knowledgeDesk, LocalizedText(zh: "本部门的知识库问答", en: "This department's knowledge entries")),
        (
          Links.followUps + "?kind=post_check",
          LocalizedText(zh: "告知承诺事后核查", en: "Post-checks of pledges")
        ),
      ]
    case .deliverResults: [(Links.delivery, nil)]
    case .proxyApply:
      [
        (Links.agentDesk, nil),
        (Links.inquiryDeskNew, LocalizedText(zh: "代群众登记咨询投诉、群众点菜", en: "Enter an inquiry for a resident")),
      ]
    case .callTickets: [(Links.window, nil)]
    case .setTargets: [(Links.statisticsTargets, LocalizedText(zh: "设置统计目标", en: "Set statistics targets"))]
    case .viewStatistics:
      [
        (Links.statistics, LocalizedText(zh: "统计分析（中心、部门、镇街看板及月报）", en: "Statistics dashboards")),
        (Links.assessment, LocalizedText(zh: "考核（人员、窗口、部门、镇街、代办员排名）", en: "Assessment")),
        (Links.supervision, LocalizedText(zh: "电子监察 · 全程监控（红黄灯、逾期跟踪）", en: "Supervision board")),
        (Links.hallFigures, LocalizedText(zh: "查看大厅取号与评价器数据", en: "Hall figures")),
        (Links.evaluationFigures, LocalizedText(zh: "查看好差评满意度统计", en: "Satisfaction figures")),
      ]
    case .viewWorkbench: [(Links.myEvaluations, LocalizedText(zh: "我的评价与整改（申诉）", en: "My ratings and fixes"))]
    case .handleRectifications:
      [
        (Links.serviceDesk, LocalizedText(zh: "好差评与差评整改（回访、交办、反馈）", en: "Ratings and fixes")),
        (Links.evaluationFigures, LocalizedText(zh: "查看好差评满意度统计", en: "Satisfaction figures")),
      ]
    case .superviseCases:
      [
        (Links.ruleHits, LocalizedText(zh: "监察预警（规则命中及证据）", en: "Rule hits")),
        (Links.supervisionTickets, LocalizedText(zh: "督办", en: "Supervision tickets")),
        (Links.spotChecks, LocalizedText(zh: "随机抽查", en: "Spot checks")),
        (Links.appeals, LocalizedText(zh: "评价申诉复核", en: "Rating appeals")),
        (Links.inquiryDesk + "?show=overdue", LocalizedText(zh: "超时的咨询投诉（可督办）", en: "Overdue inquiries")),
      ]
    case .manageSites:
      [
        (Links.adminDirectory + "?tab=sites", nil),
        (Links.adminHall, LocalizedText(zh: "设置大厅取号分组与预约", en: "Set up the hall's queues and bookings")),
      ]
    case .manageStaff:
      [
        (Links.adminDirectory + "?tab=staff", nil),
        (
          Links.adminNotifications,
          LocalizedText(zh: "查看通知发送情况（短信与站内消息）", en: "Notification delivery (texts and in-app)")
        ),
      ]
    case .handleInquiries:
      [
        (Links.inquiryDesk, LocalizedText(zh: "咨询投诉（受理派单、审批延期、回访）", en: "Inquiries: dispatch, extensions, call backs")),
        (Links.inquiryDeskNew, LocalizedText(zh: "登记来电、来信、来访", en: "Enter a call, letter or visit")),
        (Links.knowledgeDesk, LocalizedText(zh: "知识库（问一次、一口清）", en: "Knowledge base")),
      ]
    case .manageCalendar, .viewCases: []
    }
  }

  private static func dutySection(_ model: Model, _ context: PageContext) -> HTML {
    guard !model.duties.isEmpty else { return .empty }
    let rows = model.duties.map { duty -> HTML in
      let post = duty.post == .a ? context.t("A岗（主办）", "A (regular)") : context.t("B岗（替岗）", "B (backup)")
      return """
        <tr><td>\(duty.window.number)</td><td>\(duty.window.name)</td>\
        <td>\(context.t(duty.window.kind.name))</td><td>\(post)</td>\
        <td>\(model.hasHall ? "<a href=\"\(Links.pad(duty.window.id))\">\(context.t("评价器", "Rating pad"))</a>" as HTML : .empty)</td></tr>
        """
    }
    return """
      <h2>\(context.t("我的窗口（AB岗）", "My windows (A/B posts)"))</h2>
      <table><thead><tr><th>\(context.t("窗口号", "No."))</th><th>\(context.t("窗口", "Window"))</th>\
      <th>\(context.t("类型", "Kind"))</th><th>\(context.t("岗位", "Post"))</th><th></th></tr></thead>
      <tbody>\(rows)</tbody></table>
      """
  }

  /// Where the hall's devices point their browsers: the kiosk and the display of the staff member's site.
  private static func hallSection(_ model: Model, _ context: PageContext) -> HTML {
    guard model.hasHall, let site = model.site else { return .empty }
    return """
      <h2>\(context.t("大厅设备", "Hall devices"))</h2>
      <p id="hall-devices"><a href="\(Links.kiosk(site.id))">\(context.t("取号机", "Kiosk"))</a> · \
      <a href="\(Links.hallDisplay(site.id))">\(context.t("叫号屏", "Hall display"))</a> · \
      <a href="\(Links.appointments)?site=\(site.id)">\(context.t("网上预约", "Online booking"))</a></p>
      """
  }
}
