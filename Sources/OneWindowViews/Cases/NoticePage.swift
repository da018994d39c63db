import Foundation
import OneWindowDomain

/// The printed notices a window hands over, each on one A4 page with a QR code to the public status page.
public enum NoticeKind: String, Sendable, CaseIterable {
  /// 受理通知书
  case acceptance
  /// 一次性告知书
  case correction
  /// 不予受理告知书
  case refusal
  /// 办结通知
  case conclusion

  public var title: LocalizedText {
    switch self {
    case .acceptance: LocalizedText(zh: "受理通知书", en: "Acceptance notice")
    case .correction: LocalizedText(zh: "一次性告知书", en: "Correction notice")
    case .refusal: LocalizedText(zh: "不予受理告知书", en: "Refusal notice")
    case .conclusion: LocalizedText(zh: "办结通知", en: "Conclusion notice")
    }
  }

  /// The step whose taker signs the notice as 经办人: who accepted, told, refused or decided, not who filed the case
  /// (on a proxy case that is the village agent, named as 代办人 instead).
  public var issuingStep: CaseStep {
    switch self {
    case .acceptance: .accept
    case .correction: .correction
    case .refusal: .refuse
    case .conclusion: .decide
    }
  }

  /// Whether the case has reached the point where this notice exists.
  public func applies(to c: ServiceCase) -> Bool {
    switch self {
    case .acceptance: c.acceptedAt != nil
    case .correction: !c.notices.isEmpty
    case .refusal: c.refusal != nil
    case .conclusion: c.decision != nil
    }
  }
}

public enum NoticePage {
  public struct Model: Sendable {
    public let kind: NoticeKind
    public let serviceCase: ServiceCase
    public let clock: CaseClock
    public let due: Date?
    /// The site that issues the notice (the accepting site).
    public let site: Site
    public let names: DirectoryNames
    public let clerkName: String
    /// The village agent who filed a proxy case (代办人).
    public let agentName: String?
    /// The public status page of this case, for the QR code.
    public let statusURL: String

    public init(
      kind: NoticeKind, serviceCase: ServiceCase, clock: CaseClock, due: Date?, site: Site, names: DirectoryNames,
      clerkName: String, agentName: String? = nil, statusURL: String
    ) {
      self.kind = kind
      self.serviceCase = serviceCase
      self.clock = clock
      self.due = due
      self.site = site
      self.names = names
      self.clerkName = clerkName
      self.agentName = agentName
      self.statusURL = statusURL
    }
  }

  public static func render(_ model: Model, _ context: PageContext) -> HTML {
    let c = model.serviceCase
    let qr = (try? QRCode(model.statusURL).svg(title: context.t("扫码查询办理进度", "Scan to track the case"))) ?? ""
    let body: HTML = """
      <p class="no-print actions"><a href="\(Links.casePage(c.number))">← \(context.t("返回办件", "Back to the case"))</a>\
      <button type="button" data-print>\(context.t("打印", "Print"))</button></p>
      <article class="notice" id="notice-\(model.kind.rawValue)">
      <header class="notice-head">
      <div><p class="notice-issuer">\(model.names.site(model.site.id, at: c.acceptedAt ?? c.createdAt))</p>
      <h1>\(context.t(model.kind.title))</h1>
      <p class="notice-number">\(context.t("办件编号：", "Case number: "))<b>\(c.number)</b></p></div>
      <figure class="qr-box">\(HTML(unsafe: qr))<figcaption>\(model.kind == .conclusion || model.kind == .refusal ? context.t("扫码查询并评价", "Scan to track and rate") : context.t("扫码查询进度", "Scan to track"))</figcaption></figure>
      </header>
      <p>\(c.applicant.name)\(context.t("：", ":"))</p>
      \(content(model, context))
      <table class="facts notice-facts">
      <tr><th>\(context.t("申请事项", "Item"))</th><td>\(c.item.name)（\(c.item.code)）</td></tr>
      <tr><th>\(context.t("申请人", "Applicant"))</th><td>\(c.applicant.name) · \(c.applicant.idType) \(Masking.idNumber(c.applicant.idNumber))</td></tr>
      <tr><th>\(context.t("申请时间", "Submitted"))</th><td>\(model.clock.time(c.submittedAt))</td></tr>
      \(c.acceptedAt.map { "<tr><th>\(context.t("受理时间", "Accepted"))</th><td>\(model.clock.time($0))</td></tr>" as HTML } ?? .empty)
      \(model.kind == .acceptance && model.due != nil ? "<tr><th>\(context.t("承诺办结时间", "Due"))</th><td>\(model.clock.time(model.due))</td></tr>" as HTML : .empty)
      <tr><th>\(context.t("办理部门", "Department"))</th><td>\(model.names.department(c.departmentID, at: c.acceptedAt ?? c.createdAt))</td></tr>
      <tr><th>\(context.t("结果送达", "Result"))</th><td>\(CaseText.delivery(c.resultDelivery, model.names, context))</td></tr>
      <tr><th>\(context.t("查询方式", "Track"))</th><td>\(context.t("扫描右上角二维码，或登录政务服务网输入办件编号和手机号查询", "Scan the QR code, or enter the case number and phone on the portal"))</td></tr>
      </table>
      <footer class="notice-foot">
      <p>\(context.t("经办人：", "Clerk: "))<span id="notice-clerk">\(model.clerkName)</span>　\
      \(model.agentName.map { "\(context.t("代办人：", "Agent: "))<span id=\"notice-agent\">\($0)</span>　" as HTML } ?? .empty)\
      \(context.t("咨询电话：", "Phone: "))\(model.site.phone)</p>
      <p>\(model.site.address)</p>
      <p class="seal">\(model.names.site(model.site.id, at: c.acceptedAt ?? c.createdAt))\(context.t("（盖章）", " (seal)"))<br>\(model.clock.day(model.clock.now))</p>
      </footer>
      </article>
      """
    return Layout.page(context, title: "\(context.t(model.kind.title)) \(c.number)", body: body)
  }

  private static func content(_ model: Model, _ context: PageContext) -> HTML {
    let c = model.serviceCase
    switch model.kind {
    case .acceptance:
      var text = context.t(
        "您申请的「\(c.item.name)」，申请材料齐全、符合法定形式，本机关决定予以受理。",
        "Your application for \(c.item.name) is complete and has been accepted.")
      if case .withDeficiency(let materials, let due)? = c.acceptance {
        text = context.t(
          "您申请的「\(c.item.name)」已容缺受理。请于 \(due.iso) 前补交：\(materials.joined(separator: "、"))。材料补齐前不发放办理结果。",
          "Accepted with materials deferred. Bring \(materials.joined(separator: ", ")) by \(due.iso); no result is handed out before."
        )
      } else if case .onPledge(let due)? = c.acceptance {
        text = context.t(
          "您申请的「\(c.item.name)」已按告知承诺制受理。本机关将于 \(due.iso) 前对承诺内容进行核查，承诺不实的将依法处理。",
          "Accepted on your pledge; it will be checked by \(due.iso).")
      }
      let limit =
        c.limitDays == 0
        ? context.t("本事项为即办件，当场办结。", "An immediate item, decided on the spot.")
        : context.t(
          "承诺时限 \(c.limitDays) 个工作日，应于 \(model.clock.time(model.due)) 前办结（节假日不计）。",
          "Due within \(c.limitDays) working days, by \(model.clock.time(model.due)).")
      return "<p>\(text)</p><p>\(limit)</p>"
    case .correction:
      guard let notice = c.notices.last else { return .empty }
      let rows = notice.items.enumerated().map { index, item -> HTML in
        "<tr><td>\(index + 1)</td><td>\(item.material)</td><td>\(item.problem)</td></tr>"
      }
      return """
        <p>\(context.t(
          "您申请的「\(c.item.name)」，申请材料不齐全或不符合法定形式。现一次性告知需要补正的全部内容如下，请补正后再次提交：",
          "Your application for \(c.item.name) is incomplete. Everything to correct, at once:"))</p>
        <table class="notice-list"><thead><tr><th>#</th><th>\(context.t("材料", "Material"))</th>\
        <th>\(context.t("补正要求", "What to do"))</th></tr></thead><tbody>\(rows)</tbody></table>
        <p class="meta">\(context.t("告知时间：", "Issued: "))\(model.clock.time(notice.issuedAt))。\(context.t(
          "除上列内容外，不再要求补正其他材料。", "Nothing else will be asked for."))</p>
        """
    case .refusal:
      guard let refusal = c.refusal else { return .empty }
      return """
        <p>\(context.t("您申请的「\(c.item.name)」，经审查，决定不予受理。", "Your application for \(c.item.name) is not accepted."))</p>
        <p><b>\(context.t("理由：", "Reason: "))</b>\(refusal.reason)</p>
        <p><b>\(context.t("依据：", "Legal basis: "))</b>\(refusal.legalBasis)</p>
        <p>\(context.t(
          "如不服本决定，可自收到本告知书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。",
          "You may apply for administrative reconsideration within 60 days or sue within six months."))</p>
        """
    case .conclusion:
      guard let decision = c.decision else { return .empty }
      let result =
        decision.approved
        ? context.t("已办结，\(c.item.decisionName(approved: true).zh)。", "It is concluded: approved.")
        : context.t(
          "已办结，决定\(c.item.decisionName(approved: false).zh)。理由：\(decision.reason)",
          "It is concluded and denied: \(decision.reason)")
      let pending =
        c.awaitsDeficientMaterials
        ? context.t("容缺材料补齐后方可领取结果。", "The result is handed out once the deferred materials are in.") : ""
      return """
        <p>\(context.t("您申请的「\(c.item.name)」", "Your application for \(c.item.name): "))\(result)</p>
        <p>\(context.t("结果送达方式：", "Delivery: "))\(CaseText.delivery(c.resultDelivery, model.names, context))。\(pending)</p>
        """
    }
  }
}
