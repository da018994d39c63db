import OneWindowDomain

/// 物料流转: pack the paper of cases for the next site, send it, confirm what arrives, hand it to the department or
/// return it; the center also sees what has been on the way too long.
public enum ShipmentsPage {
  public struct Model: Sendable {
    public let site: Site
    /// Sites a package may go to (id, name).
    public let destinations: [(String, String)]
    /// Cases whose paper may be packed here (number, item, applicant).
    public let candidates: [(String, String, String)]
    public let shipments: [Shipment]
    public let stuck: [Shipment]
    public let stuckHours: Int
    public let clock: CaseClock
    public let names: DirectoryNames
    public let errors: [ValidationError]
    /// The shipment a refused step belongs to.
    public let failedShipment: String?

    public init(
      site: Site, destinations: [(String, String)], candidates: [(String, String, String)], shipments: [Shipment],
      stuck: [Shipment], stuckHours: Int, clock: CaseClock, names: DirectoryNames, errors: [ValidationError] = [],
      failedShipment: String? = nil
    ) {
      self.site = site
      self.destinations = destinations
      self.candidates = candidates
      self.shipments = shipments
      self.stuck = stuck
      self.stuckHours = stuckHours
      self.clock = clock
      self.names = names
      self.errors = errors
      self.failedShipment = failedShipment
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let packErrors = model.failedShipment == nil ? model.errors : []
    let parts = FormParts(context: context, errors: packErrors)
    let checks = model.candidates.map { number, item, applicant -> HTML in
      """
      <label for="case_\(number)"><input type="checkbox" id="case_\(number)" name="case_\(number)" value="on"> \
      \(number) \(item)（\(applicant)）</label>
      """
    }
    let stuck: HTML =
      model.stuck.isEmpty
      ? .empty
      : """
      <h2>\(context.t("超过 \(model.stuckHours) 小时未签收", "Not received after \(model.stuckHours) hours"))</h2>
      \(table(model.stuck, model, context, id: "stuck", actions: false))
      """
    let body: HTML = """
      <h1>\(context.t("物料流转", "Material shipments"))</h1>
      <p class="lead">\(model.site.name)</p>
      \(stuck)
      <h2>\(context.t("本场所的流转单", "This site's shipments"))</h2>
      \(table(model.shipments, model, context, id: "shipments", actions: true))
      <details\(packErrors.isEmpty ? "" : " open")><summary>\(context.t("打包新的流转单", "Pack a new shipment"))</summary>
      \(parts.summary())
      <form method="post" action="\(Links.shipments)" class="panel" novalidate>
      \(context.csrfField)
      \(parts.select("to_site_id", context.t("送往", "To"), [("", context.t("请选择", "Choose"))] + model.destinations, ""))
      <fieldset id="case_numbers"><legend>\(context.t("随件流转的办件（清单）", "Cases in the package"))</legend>\
      \(parts.error("case_numbers"))<div class="checks scroll-box">\(checks)</div></fieldset>
      <button type="submit" class="button">\(context.t("打包", "Pack"))</button>
      </form>
      </details>
      """
    return Layout.page(context, title: context.t("物料流转", "Material shipments"), body: body)
  }

  private static func table(_ shipments: [Shipment], _ model: Model, _ context: PageContext, id: String, actions: Bool)
    -> HTML
  {
    guard !shipments.isEmpty else {
      return "<p class=\"empty\" id=\"\(id)\">\(context.t("暂无流转单。", "No shipments."))</p>"
    }
    let rows = shipments.map { shipment -> HTML in
      let last = shipment.hops.last
      let carrier =
        shipment.carrier.isEmpty ? "" : "\(shipment.carrier) \(shipment.trackingNumber)"
      return """
        <tr id="shipment-\(shipment.id)"><td>\(model.names.site(shipment.fromSiteID)) → \(model.names.site(shipment.toSiteID))</td>\
        <td>\(shipment.caseNumbers.map { "<a href=\"\(Links.casePage($0))\">\($0)</a><br>" as HTML })</td>\
        <td><span class="tag">\(context.t(shipment.state.name))</span><div class="meta">\(carrier)</div>\
        <div class="meta">\(last.map { "\($0.byName) \(model.clock.time($0.at)) \($0.note)" } ?? "")</div></td>\
        <td>\(actions ? forms(shipment, model, context) : .empty)</td></tr>
        """
    }
    return """
      <table class="results" id="\(id)"><thead><tr><th>\(context.t("路线", "Route"))</th><th>\(context.t("清单", "Cases"))</th>\
      <th>\(context.t("状态", "State"))</th><th>\(context.t("办理", "Act"))</th></tr></thead><tbody>\(rows)</tbody></table>
      """
  }

  private static func forms(_ shipment: Shipment, _ model: Model, _ context: PageContext) -> HTML {
    let errors = model.failedShipment == shipment.id ? model.errors : []
    let messages = errors.map { "<p class=\"field-error\" role=\"alert\">\(context.t($0.message))</p>" as HTML }
    func form(_ action: String, _ fields: HTML, _ label: String, danger: Bool = false) -> HTML {
      """
      <form method="post" action="\(Links.shipmentStep(shipment.id, action))" class="inline-form" novalidate>\
      \(context.csrfField)\(fields)<button type="submit"\(danger ? " class=\"danger\"" as HTML : .empty)>\(label)</button></form>
      """
    }
    let here = model.site.id
    var html: [HTML] = messages
    switch shipment.state {
    case .packed where shipment.fromSiteID == here:
      html.append(
        form(
          "send",
          """
          <label for="carrier-\(shipment.id)">\(context.t("快递公司", "Carrier"))</label>\
          <input type="text" id="carrier-\(shipment.id)" name="carrier">\
          <label for="tracking-\(shipment.id)">\(context.t("运单号或送件人", "Tracking no. or courier"))</label>\
          <input type="text" id="tracking-\(shipment.id)" name="tracking_number">\
          <label><input type="checkbox" name="by_hand" value="on"> \(context.t("专人送达", "By hand"))</label>
          """, context.t("寄出", "Send")))
    case .sent where shipment.toSiteID == here:
      html.append(form("receive", .empty, context.t("确认签收", "Confirm receipt")))
    case .received where shipment.toSiteID == here:
      html.append(
        form(
          "hand-over",
          """
          <label for="note-\(shipment.id)">\(context.t("移交说明", "Note"))</label>\
          <input type="text" id="note-\(shipment.id)" name="note">
          """, context.t("移交部门", "Hand over")))
      html.append(
        form(
          "return",
          """
          <label for="reason-\(shipment.id)">\(context.t("退回理由", "Reason"))</label>\
          <input type="text" id="reason-\(shipment.id)" name="reason">
          """, context.t("退回", "Return"), danger: true))
    default: break
    }
    return HTML.join(html)
  }
}
