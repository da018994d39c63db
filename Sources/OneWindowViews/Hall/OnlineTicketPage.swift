import OneWindowDomain

/// 网上取号 on the portal: take today's ticket from home while the hall is open, and come when the number is near.
public enum OnlineTicketPage {
  public struct Model: Sendable {
    public let sites: [(id: String, name: String)]
    public let site: Site?
    public let groups: [BusinessGroup]
    public let waiting: [String: Int]
    public let group: String
    public let phone: String
    public let errors: [ValidationError]

    public init(
      sites: [(id: String, name: String)], site: Site?, groups: [BusinessGroup], waiting: [String: Int], group: String,
      phone: String, errors: [ValidationError]
    ) {
      self.sites = sites
      self.site = site
      self.groups = groups
      self.waiting = waiting
      self.group = group
      self.phone = phone
      self.errors = errors
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    let siteOptions = [("", context.t("请选择", "Choose"))] + model.sites.map { ($0.id, $0.name) }
    var take: HTML = .empty
    if let site = model.site {
      let groups = model.groups.map { group -> (String, String) in
        (
          group.code,
          "\(group.code) \(group.name)（\(context.t("等候 \(model.waiting[group.code] ?? 0) 人", "\(model.waiting[group.code] ?? 0) waiting"))）"
        )
      }
      take = """
        <form method="post" action="\(Links.onlineTicket)" class="panel" novalidate id="take">
        \(context.csrfField)<input type="hidden" name="site" value="\(site.id)">
        <p class="meta">\(context.t("办公时间", "Opening hours")) \(site.openingHours.weekdays)\
        \(site.openingHours.extended.map { "，\($0)" } ?? "")\
        \(site.openingHours.saturday.map { context.t("；周六 ", "; Saturday ") + $0 } ?? "")</p>
        <div class="grid3">
        \(parts.select("group", context.t("业务", "Service"), [("", context.t("请选择", "Choose"))] + groups, model.group))
        \(parts.phone("phone", context.t("手机号（凭号办理，一人一号）", "Phone (one ticket per person)"), model.phone, required: true))
        </div>
        <button type="submit" class="button" id="take-online">\(context.t("取号", "Take a ticket"))</button>
        </form>
        """
    }
    let body: HTML = """
      <h1>\(context.t("网上取号", "Take a ticket online"))</h1>
      <p class="lead">\(context.t("办公时间内可在网上领取当天的号，到大厅后留意叫号屏；过号请重新取号。", "During opening hours, take today's ticket online and watch the hall display when you arrive."))</p>
      \(parts.summary())
      <form method="get" action="\(Links.onlineTicket)" class="panel" id="choose">
      \(parts.select("site", context.t("办事大厅", "Hall"), siteOptions, model.site?.id ?? ""))
      <button type="submit" class="button">\(context.t("选择", "Choose"))</button>
      </form>
      <script nonce="\(context.scriptNonce)">
      document.querySelector('#choose select').addEventListener('change', function () { this.form.submit(); });
      </script>
      \(take)
      <p><a href="\(Links.appointments)">\(context.t("改为预约其他日期", "Book another day instead"))</a></p>
      """
    return Layout.page(context, title: context.t("网上取号", "Take a ticket online"), body: body)
  }
}
