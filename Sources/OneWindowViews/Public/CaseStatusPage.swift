import OneWindowDomain

/// 办件查询: a citizen looks a case up by its number and the phone number given when applying, without signing in.
public enum CaseStatusPage {
  /// A found case, with its dates already in words.
  public struct Found: Sendable {
    public let serviceCase: ServiceCase
    public let applicantName: String
    /// Label–value pairs: submitted, accepted, due, concluded.
    public let dates: [(LocalizedText, String)]
    public let deadline: String
    /// The forms to rate the case (一事一评, once it is concluded) and the agent who filed it, when not yet rated.
    public var rateForms: [EvaluationFormPart.Model] = []
    /// The ratings given, with how their rectification stands.
    public var track: [EvaluationTrackPart.Row] = []
    /// A refused rating whose form is no longer offered.
    public var rateProblems: [ValidationError] = []
    public var clock: CaseClock?
    /// The phone the case was looked up with (sent back with the rating).
    public var phone = ""

    public init(serviceCase: ServiceCase, applicantName: String, dates: [(LocalizedText, String)], deadline: String) {
      self.serviceCase = serviceCase
      self.applicantName = applicantName
      self.dates = dates
      self.deadline = deadline
    }
  }

  public struct Model: Sendable {
    public let number: String
    public let phone: String
    public let error: ValidationError?
    public let found: Found?

    /// Set on a hall's kiosk (its site): the page stays in kiosk mode, links nowhere else, and goes back to the kiosk.
    public let kioskSiteID: String?
    /// How the page was reached (`qr`: the notice's QR code, `sms`: the invitation's link), kept through the look-up
    /// so a rating made here is recorded with its channel.
    public let via: String?

    public init(
      number: String = "", phone: String = "", error: ValidationError? = nil, found: Found? = nil,
      kioskSiteID: String? = nil, via: String? = nil
    ) {
      self.number = number
      self.phone = phone
      self.error = error
      self.found = found
      self.kioskSiteID = kioskSiteID
      self.via = via.flatMap { ["qr", "sms"].contains($0) ? $0 : nil }
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let form = FormParts(context: context, errors: model.error.map { [$0] } ?? [])
    let kiosk = model.kioskSiteID != nil
    let body: HTML = """
      <h1>\(context.t("办件查询", "Track an application"))</h1>
      <form method="get" action="\(model.kioskSiteID.map(Links.kioskStatus) ?? Links.status)" class="panel" novalidate>
      <div class="form-grid">
      \(form.text("number", context.t("办件编号（受理通知书上）", "Case number (on your receipt)"), model.number, required: true))
      \(form.phone("phone", context.t("申请时留的手机号码", "Phone number given when applying"), model.phone, required: true))
      </div>\(model.via.map { "<input type=\"hidden\" name=\"via\" value=\"\($0)\">" as HTML } ?? .empty)
      <p><button type="submit">\(context.t("查询", "Look up"))</button></p>
      </form>
      \(model.found.map { result($0, kiosk: kiosk, context) } ?? .empty)
      """
    guard let kioskURL = model.kioskSiteID.map(Links.kiosk) else {
      return Layout.page(context, title: context.t("办件查询", "Track an application"), body: body)
    }
    let kioskBody: HTML = """
      <div class="kiosk">
      \(body)
      <p><a class="button" href="\(kioskURL)" id="done">\(context.t("完成，返回取号", "Done"))</a></p>
      </div>
      \(KioskPage.idleReset(to: kioskURL, seconds: 60, context))
      """
    return Layout.bare(
      context, title: context.t("办件查询", "Track an application"), bodyClass: "kiosk-screen", body: kioskBody)
  }

  private static func result(_ found: Found, kiosk: Bool, _ context: PageContext) -> HTML {
    let c = found.serviceCase
    let dates = found.dates.map { "<tr><th scope=\"row\">\(context.t($0.0))</th><td>\($0.1)</td></tr>" as HTML }
    let corrections: HTML =
      c.state == .correcting
      ? """
      <h2>\(context.t("请补正以下材料（一次性告知）", "Please correct these (told all at once)"))</h2>
      <ul>\((c.notices.last?.items ?? []).map { "<li><b>\($0.material)</b>：\($0.problem)</li>" as HTML })</ul>
      """ : .empty
    return """
      <section class="panel" id="case-status" aria-live="polite">
      <h2>\(c.item.name)</h2>
      <table class="facts"><tbody>
      <tr><th scope="row">\(context.t("办件编号", "Case number"))</th><td>\(c.number)</td></tr>
      <tr><th scope="row">\(context.t("申请人", "Applicant"))</th><td>\(found.applicantName)</td></tr>
      <tr><th scope="row">\(context.t("当前状态", "State"))</th><td><b>\(context.t(c.state.name))</b></td></tr>
      <tr><th scope="row">\(context.t("适用办事指南", "Guide applied"))</th><td>\(kiosk ? .empty : "<a href=\"\(Links.item(c.item.code, version: c.item.version))\">" as HTML)\
      \(c.item.name)（\(context.t("第 \(c.item.version) 版", "version \(c.item.version)"))）\(kiosk ? .empty : "</a>" as HTML)</td></tr>
      \(dates)
      <tr><th scope="row">\(context.t("时限说明", "Deadline"))</th><td>\(found.deadline)</td></tr>
      </tbody></table>
      \(corrections)
      \(kiosk ? .empty : "\(found.rateForms.map { EvaluationFormPart.render($0, context) })" as HTML)
      \(kiosk ? .empty : found.clock.map {
        EvaluationTrackPart.render(found.track, problems: found.rateProblems, clock: $0, context)
      } ?? .empty)
      \(kiosk && c.resultFile != nil ? "<p class=\"meta\">\(context.t("电子结果请用手机在政务服务网「办件查询」中下载。", "Download the result on your phone from the portal."))</p>" as HTML : .empty)
      \((kiosk ? nil : c.resultFile).map { file -> HTML in
        """
        <p class="ok"><a class="button" id="result-download" href="\(Links.statusResult(c.number, c.applicant.phone))">\
        \(context.t("下载电子结果", "Download the electronic result"))</a> \(file.name)</p>
        """
      } ?? .empty)
      \(kiosk ? .empty : "<p class=\"no-print\"><a id=\"inquire-about-case\" href=\"\(Links.newInquiry(case: c.number))\">\(context.t("对本办件有疑问或意见？咨询投诉", "A question or complaint about this case?"))</a></p>" as HTML)
      </section>
      """
  }
}
