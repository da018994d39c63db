/// The words of a notification, from its kind and the facts it carries (`item`, `number`, and for reminders `when`,
/// `site`): the same for the text message and the in-app message, in Chinese for the text message (the gateway's
/// signature 【…】 comes first) and in the reader's language in the app.
public struct NotificationText: Sendable, Hashable {
  public let title: LocalizedText
  public let body: LocalizedText

  public init(_ kind: NotificationKind, _ facts: [String: String]) {
    let item = facts["item"] ?? ""
    let number = facts["number"] ?? ""
    let about = number.isEmpty ? "「\(item)」" : "「\(item)」（办件编号 \(number)）"
    let aboutEN = number.isEmpty ? "'\(item)'" : "'\(item)' (case \(number))"
    // An inquiry about an item names it.
    let regarding = item.isEmpty ? "" : "关于「\(item)」"
    title = kind.name
    switch kind {
    case .accepted:
      body = LocalizedText(
        zh: "您申请的\(about)已受理，可凭办件编号查询办理进度。",
        en: "Your application \(aboutEN) has been accepted; follow it with the case number.")
    case .correctionNeeded:
      body = LocalizedText(
        zh: "您申请的\(about)需补正材料，请查看一次性告知书，按要求一次补齐后重新提交。",
        en:
          "Your application \(aboutEN) needs corrected materials: see the correction notice and send them all at once.")
    case .refused:
      body = LocalizedText(
        zh: "您申请的\(about)不予受理，原因及救济途径见不予受理通知书。",
        en: "Your application \(aboutEN) was not accepted; the notice gives the reason and how to appeal.")
    case .decided:
      body = LocalizedText(
        zh: "您申请的\(about)已办结，请查看办理结果。", en: "Your application \(aboutEN) has been decided: see the result.")
    case .readyForPickup:
      body = LocalizedText(
        zh: "您申请的\(about)办理结果已可领取（或已按您选择的方式寄送）。",
        en: "The result of \(aboutEN) is ready for pickup (or on its way, as you chose).")
    case .pleaseRate:
      body = LocalizedText(
        zh: "请对\(about)的办理服务作出评价（好差评），您的意见将帮助我们改进服务。",
        en: "Please rate the service you had for \(aboutEN); your view helps us improve.")
    case .appointmentReminder:
      let when = facts["when"] ?? ""
      let site = facts["site"] ?? ""
      let code = facts["code"].map { "（预约码 \($0)）" } ?? ""
      let codeEN = facts["code"].map { " (code \($0))" } ?? ""
      body = LocalizedText(
        zh: "您已预约\(when)在\(site)办理\(item.isEmpty ? "业务" : "「\(item)」")\(code)，请按时到场凭预约码和手机号签到取号。",
        en: "You booked \(when) at \(site)\(item.isEmpty ? "" : " for '\(item)'")\(codeEN); come on time and check in "
          + "with the code and your phone number.")
    case .materialsDue:
      let materials = facts["materials"] ?? ""
      let due = facts["due"] ?? ""
      body =
        facts["level"] == "2"
        ? LocalizedText(
          zh: "您申请的\(about)容缺受理的材料（\(materials)）应于 \(due) 前补齐，现已逾期，请尽快提交；材料补齐前不能领取办理结果。",
          en:
            "The deferred materials of \(aboutEN) (\(materials)) were due by \(due) and are overdue: bring them soon; "
            + "the result cannot be handed over before.")
        : LocalizedText(
          zh: "您申请的\(about)容缺受理的材料（\(materials)）请于 \(due) 前补齐；材料补齐前不能领取办理结果。",
          en: "Please bring the deferred materials of \(aboutEN) (\(materials)) by \(due); the result cannot be handed "
            + "over before.")
    case .postCheckDue:
      let due = facts["due"] ?? ""
      let applicant = facts["applicant"].map { "（申请人 \($0)）" } ?? ""
      body =
        facts["level"] == "2"
        ? LocalizedText(
          zh: "告知承诺办件\(about)\(applicant)的事后核查应于 \(due) 前完成，现已逾期，请立即核查并记录结果。",
          en: "The post-check of the pledge in \(aboutEN) was due by \(due) and is overdue: check it and record the "
            + "finding now.")
        : LocalizedText(
          zh: "告知承诺办件\(about)\(applicant)的事后核查请于 \(due) 前完成并记录结果。",
          en: "Please check the pledge in \(aboutEN) and record the finding by \(due).")
    case .supervisionTicket:
      let due = facts["due"] ?? ""
      let subject = facts["subject"] ?? about
      body =
        facts["step"] == "escalate"
        ? LocalizedText(
          zh: "督办事项（\(subject)）应于 \(due) 前答复，部门逾期未答复，请中心领导督促办理。",
          en: "The supervision ticket (\(subject)) was due for a reply by \(due) and is overdue; please follow it up.")
        : LocalizedText(
          zh: "电子监察对\(subject)发出督办，请于 \(due) 前答复。督办事项：\(facts["instruction"] ?? "")",
          en: "Supervision opened a ticket on \(subject); reply by \(due). To do: \(facts["instruction"] ?? "")")
    case .inquiryReceived:
      body = LocalizedText(
        zh: "您\(regarding)的\(facts["kind"] ?? "诉求")已受理（编号 \(number)），将于 \(facts["due"] ?? "") 前答复。",
        en: "Your inquiry \(number) was received; the answer is due by \(facts["due"] ?? "").")
    case .inquiryAnswered where facts["step"] == "decline":
      body = LocalizedText(
        zh: "您\(regarding)的\(facts["kind"] ?? "诉求")（编号 \(number)）不予受理，原因请查看详情。",
        en: "Your inquiry \(number) was not taken; see why.")
    case .inquiryAnswered:
      body = LocalizedText(
        zh: "您\(regarding)的\(facts["kind"] ?? "诉求")（编号 \(number)）已答复，请查看答复并评价。",
        en: "Your inquiry \(number) has been answered: read the answer and rate it.")
    case .inquiryTask:
      let what =
        switch facts["step"] {
        case "return": LocalizedText(zh: "被承办部门退回，请重新派单", en: "was returned by the department: dispatch it again")
        case "request_extension": LocalizedText(zh: "承办部门申请延期，请审批", en: "the department asks for more time: decide")
        case "reopen": LocalizedText(zh: "诉求人评价不满意，已重新交办，请再次办理", en: "was rated unsatisfied and reopened: answer again")
        case "yellow": LocalizedText(zh: "即将到期（黄灯预警），请抓紧办理", en: "is nearly due (yellow): act on it soon")
        case "red": LocalizedText(zh: "已超过办理时限（红灯），请立即办理", en: "is overdue (red): act on it now")
        default: LocalizedText(zh: "已派至本部门，请签收并按期答复", en: "was dispatched to your department: sign for it and answer")
        }
      body = LocalizedText(
        zh: "\(regarding.isEmpty ? "" : "\(regarding)的")诉求 \(number)（\(facts["kind"] ?? "")）\(what.zh)。",
        en: "Inquiry \(number)\(item.isEmpty ? "" : " about '\(item)'") \(what.en).")
    case .caseYellow:
      body = LocalizedText(
        zh: "办件\(about)即将到期（黄灯预警），请抓紧办理。", en: "Case \(aboutEN) is nearly due (yellow): act on it soon.")
    case .caseRed:
      body = LocalizedText(
        zh: "办件\(about)已超期（红灯），请立即办理并说明原因。",
        en: "Case \(aboutEN) is overdue (red): act on it now and give the reason.")
    case .rectificationDue where facts["level"] == "2":
      body = LocalizedText(
        zh: "差评整改\(about)已超过办理时限（红灯），请立即办理。",
        en: "The rectification of \(aboutEN) is overdue (red): act on it now.")
    case .rectificationDue:
      body = LocalizedText(
        zh: "差评整改\(about)即将到期（黄灯），请按期整改并反馈。",
        en: "The rectification of \(aboutEN) is nearly due (yellow).")
    }
  }

  /// The text message: the sender's signature, then the body in Chinese, then where to look.
  public func textMessage(signature: String, link: String?) -> String {
    let sign = signature.isEmpty ? "" : "【\(signature)】"
    return sign + body.zh + (link.map { "详情：\($0)" } ?? "")
  }
}
