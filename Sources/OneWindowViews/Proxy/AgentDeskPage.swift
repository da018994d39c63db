import Foundation
import OneWindowDomain

/// 帮办代办工作台: the agent records a resident's power of attorney (委托单) with its signed scan, applies for the
/// resident from it, and follows every case they filed (工作日志).
public enum AgentDeskPage {
  public struct Form: Sendable {
    public var name = ""
    public var idNumber = ""
    public var phone = ""
    public var itemCodes: Set<String> = []

    public init() {}
  }

  public struct Model: Sendable {
    public let station: Site
    /// The station's 帮办代办 list: the items the agent may apply for (code, name).
    public let proxyItems: [(String, String)]
    public let powers: [PowerOfAttorney]
    public let cases: [(ServiceCase, DeadlineStatus?)]
    public let clock: CaseClock
    public let names: DirectoryNames
    public let form: Form
    public let errors: [ValidationError]
    public let notice: String?
    /// The agent's public profile (阳光台) and their rating by residents.
    public var profile: AgentProfile?
    public var rating: (average: Double, count: Int)?
    /// 工作日志: the agent's own steps across their cases, from the trail.
    public var trail: [CaseEvent] = []
    public var profileErrors: [ValidationError] = []

    public init(
      station: Site, proxyItems: [(String, String)], powers: [PowerOfAttorney], cases: [(ServiceCase, DeadlineStatus?)],
      clock: CaseClock, names: DirectoryNames, form: Form = Form(), errors: [ValidationError] = [],
      notice: String? = nil
    ) {
      self.station = station
      self.proxyItems = proxyItems
      self.powers = powers
      self.cases = cases
      self.clock = clock
      self.names = names
      self.form = form
      self.errors = errors
      self.notice = notice
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    let itemNames = Dictionary(model.proxyItems, uniquingKeysWith: { a, _ in a })
    let powers = model.powers.map { poa -> HTML in
      let links = poa.itemCodes.map { code -> HTML in
        "<a class=\"chip\" href=\"\(Links.agentApply(poa.id, code))\">\(context.t("代为申请", "Apply")) \(itemNames[code] ?? code)</a>"
      }
      return """
        <tr><td>\(poa.applicant.name)<div class="meta">\(Masking.idNumber(poa.applicant.idNumber)) · \(Masking.phone(poa.applicant.phone))</div></td>\
        <td>\(poa.signedOn.iso)</td><td><div class="chips">\(links)</div></td></tr>
        """
    }
    let checks = model.proxyItems.map { code, name -> HTML in
      """
      <label for="item_\(code)"><input type="checkbox" id="item_\(code)" name="item_\(code)" value="on"\
      \(model.form.itemCodes.contains(code) ? " checked" : "")> \(name)</label>
      """
    }
    let log = model.cases.map { c, status -> HTML in
      """
      <tr><td><a href="\(Links.casePage(c.number))">\(c.number)</a></td><td>\(c.item.name)</td><td>\(c.applicant.name)</td>\
      <td>\(CaseText.state(c.state, context))</td><td>\(model.names.site(c.siteID))</td><td>\(model.clock.time(status?.due))</td></tr>
      """
    }
    let body: HTML = """
      <h1>\(context.t("帮办代办", "Proxy service"))</h1>
      <p class="lead">\(model.station.name) · \(context.t("免费代办，办事不出村", "Free of charge, without leaving the village"))</p>
      \(model.notice.map { "<p class=\"ok\" role=\"status\">\($0)</p>" as HTML } ?? .empty)
      <h2>\(context.t("委托单", "Powers of attorney"))</h2>
      \(powers.isEmpty ? "<p class=\"empty\">\(context.t("还没有委托单。", "None yet."))</p>" as HTML : """
        <table class="results" id="powers"><thead><tr><th>\(context.t("委托人", "Resident"))</th><th>\(context.t("签署日期", "Signed"))</th>\
        <th>\(context.t("委托事项", "Items"))</th></tr></thead><tbody>\(powers)</tbody></table>
        """)
      <details\(model.errors.isEmpty ? "" : " open")><summary>\(context.t("登记新的委托单", "Record a power of attorney"))</summary>
      \(parts.summary())
      <form method="post" action="\(Links.agentPowers)" enctype="multipart/form-data" class="panel" novalidate>
      \(context.csrfField)
      <div class="form-grid">
      \(parts.text("applicant.name", context.t("委托人姓名", "Resident's name"), model.form.name, required: true))
      \(parts.text("applicant.id_number", context.t("居民身份证号码", "Resident ID number"), model.form.idNumber, required: true))
      \(parts.phone("applicant.phone", context.t("手机号码", "Mobile"), model.form.phone, required: true))
      </div>
      <fieldset id="item_codes"><legend>\(context.t("委托办理的事项（本站帮办代办清单）", "Items (this station's proxy list)"))</legend>\
      \(parts.error("item_codes"))<div class="checks scroll-box">\(checks)</div></fieldset>
      <div><label for="signed_scan">\(context.t("委托人签字的委托单扫描件（PDF/JPG/PNG）", "Signed authorization (PDF/JPG/PNG)")) *</label>\
      <input type="file" id="signed_scan" name="signed_scan" accept=".pdf,.jpg,.jpeg,.png"\(parts.invalid("signed_scan"))>\
      \(parts.error("signed_scan"))</div>
      <button type="submit" class="button">\(context.t("保存委托单", "Save"))</button>
      </form>
      </details>
      <h2>\(context.t("工作日志", "Work log"))</h2>
      \(trail(model, context))
      <h2>\(context.t("我代办的办件", "Cases I filed"))</h2>
      \(log.isEmpty ? "<p class=\"empty\" id=\"work-log\">\(context.t("暂无代办件。", "None yet."))</p>" as HTML : """
        <table class="results cases" id="work-log"><thead><tr><th>\(context.t("办件编号", "Number"))</th><th>\(context.t("事项", "Item"))</th>\
        <th>\(context.t("申请人", "Applicant"))</th><th>\(context.t("状态", "State"))</th><th>\(context.t("受理场所", "Accepting site"))</th>\
        <th>\(context.t("应办结", "Due"))</th></tr></thead><tbody>\(log)</tbody></table>
        """)
      """
    return Layout.page(
      context, title: context.t("帮办代办", "Proxy service"), body: HTML.join([body, profile(model, context)]))
  }

  private static func trail(_ model: Model, _ context: PageContext) -> HTML {
    guard !model.trail.isEmpty else {
      return "<p class=\"empty\" id=\"trail-log\">\(context.t("暂无记录。", "Nothing yet."))</p>"
    }
    let rows = model.trail.map { event -> HTML in
      """
      <tr><td>\(model.clock.time(event.at))</td><td><a href="\(Links.casePage(event.caseNumber))">\(event.caseNumber)</a></td>\
      <td>\(context.t(event.step.name))</td><td>\(event.fromState.map { context.t($0.name) } ?? "—") → \(context.t(event.toState.name))</td></tr>
      """
    }
    return """
      <table class="results" id="trail-log"><thead><tr><th>\(context.t("时间", "Time"))</th><th>\(context.t("办件", "Case"))</th>\
      <th>\(context.t("环节", "Step"))</th><th>\(context.t("状态", "State"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
  }

  private static func profile(_ model: Model, _ context: PageContext) -> HTML {
    let rating = AgentBoardPage.ratingText(model.rating, context)
    return PublicProfileForm.render(
      action: Links.agentProfile, profile: model.profile, defaultHours: model.station.openingHours.weekdays,
      note: "\(rating) · <a href=\"\(Links.agents)\">\(context.t("查看公示", "See the board"))</a>",
      errors: model.profileErrors, context)
  }
}
