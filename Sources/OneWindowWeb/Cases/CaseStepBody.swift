import Foundation
import OneWindowDomain
import Vapor

/// The JSON body of `POST /api/v1/cases/{number}/{step}`: `version` plus the step's own fields.
struct CaseStepBody: Decodable {
  struct NoticeItem: Decodable {
    let material: String?
    let problem: String?
  }

  struct CheckBody: Decodable {
    let name: String?
    let status: String?
    let problem: String?
  }

  var version: Int?
  // check-materials
  var checklist: [CheckBody]?
  // correction
  var items: [NoticeItem]?
  var reasonForAnother: String?
  // accept
  var form: String?
  var materials: [String]?
  var dueDate: String?
  var postCheckDue: String?
  // refuse, decide, withdraw, suspend, escalate, transfer
  var reason: String?
  var legalBasis: String?
  // review
  var step: String?
  var opinion: String?
  var approved: Bool?
  // opinions
  var departmentId: String?
  var question: String?
  var dueWorkdays: Int?
  var answer: String?
  var agrees: Bool?
  // deliver
  var mode: String?
  var receiver: String?
  var idChecked: Bool?
  var carrier: String?
  var trackingNumber: String?
  // suspend
  var kind: String?
  var plannedWorkdays: Int?
  // escalate, transfer
  var toDepartmentId: String?
  var limitDays: Int?
  // post-check
  var finding: String?
  var pledgeKept: Bool?
  // issue-result (API): the file, base64-encoded
  var fileName: String?
  var fileBase64: String?

  static func decode(_ req: Request) throws -> CaseStepBody {
    guard let buffer = req.body.data, buffer.readableBytes > 0 else { return CaseStepBody() }
    return try APIDecoding.decode(CaseStepBody.self, from: buffer)
  }

  init() {}

  /// The action the step and its fields stand for; a missing or malformed field is named.
  /// `resultFile`: the stored electronic result, for `issue-result` (the caller checks and stores the upload).
  func action(for step: CaseStep, resultFile: Attachment? = nil) throws(ValidationError) -> CaseAction {
    switch step {
    case .create:
      throw ValidationError(field: "step", zh: "请用 POST /api/v1/cases 收件", en: "Use POST /api/v1/cases to register")
    case .submit: return .submit
    case .uploadScans:
      throw ValidationError(
        field: "step", zh: "上传材料请在网上办事大厅或窗口页面进行", en: "Upload scans on the portal or window pages")
    case .checkMaterials:
      var checks: [MaterialCheck] = []
      for (index, check) in (checklist ?? []).enumerated() {
        guard let status = CaseMaterial.Status(rawValue: check.status ?? "") else {
          let names = CaseMaterial.Status.allCases.map(\.rawValue).joined(separator: ", ")
          throw ValidationError(
            field: "checklist[\(index)].status", zh: "材料状态应为：\(names)", en: "status must be one of: \(names)")
        }
        checks.append(MaterialCheck(name: check.name ?? "", status: status, problem: check.problem ?? ""))
      }
      return .checkMaterials(checks)
    case .correction:
      let list = (items ?? []).map { CorrectionNotice.Item(material: $0.material ?? "", problem: $0.problem ?? "") }
      return .issueCorrection(items: list, reasonForAnother: reasonForAnother)
    case .resubmit: return .resubmit
    case .accept:
      switch form ?? "standard" {
      case "standard": return .accept(.standard)
      case "deficiency":
        return .accept(.withDeficiency(materials: materials ?? [], dueDate: try date(dueDate, "due_date")))
      case "pledge": return .accept(.onPledge(postCheckDue: try date(postCheckDue, "post_check_due")))
      default:
        throw ValidationError(
          field: "form", zh: "受理方式应为 standard、deficiency(容缺)或 pledge(告知承诺)",
          en: "form must be standard, deficiency or pledge")
      }
    case .refuse: return .refuse(reason: reason ?? "", legalBasis: legalBasis ?? "")
    case .startReview: return .startReview
    case .review: return .review(step: self.step ?? "", opinion: opinion ?? "", approved: approved ?? true)
    case .requestOpinion:
      return .requestOpinion(departmentID: departmentId ?? "", question: question ?? "", dueWorkdays: dueWorkdays ?? 0)
    case .giveOpinion:
      return .giveOpinion(departmentID: departmentId ?? "", answer: answer ?? "", agrees: try flag(agrees, "agrees"))
    case .decide: return .decide(approved: try flag(approved, "approved"), reason: reason ?? "")
    case .issueResult:
      guard let resultFile else {
        throw ValidationError(field: "result_file", zh: "请选择电子结果文件", en: "Choose the result file")
      }
      return .issueResult(resultFile)
    case .supplyMaterials: return .supplyMaterials
    case .postCheck:
      return .postCheck(
        finding: finding ?? "", pledgeKept: try flag(pledgeKept, "pledge_kept"), legalBasis: legalBasis ?? "")
    case .deliver:
      switch mode {
      case "pickup": return .deliver(.pickup(receiver: receiver ?? "", idChecked: idChecked ?? false))
      case "mail": return .deliver(.mail(carrier: carrier ?? "", trackingNumber: trackingNumber ?? ""))
      case "electronic": return .deliver(.electronic)
      default:
        throw ValidationError(
          field: "mode", zh: "出件方式应为 pickup(窗口领取)、mail(邮寄)或 electronic(电子)",
          en: "mode must be pickup, mail or electronic")
      }
    case .withdraw: return .withdraw(reason: reason ?? "")
    case .suspend:
      guard let pauseKind = ClockPause.Kind(rawValue: kind ?? "special_procedure") else {
        throw ValidationError(
          field: "kind", zh: "挂起类型应为 special_procedure 或 correction", en: "kind must be special_procedure or correction"
        )
      }
      return .suspend(kind: pauseKind, reason: reason ?? "", plannedWorkdays: plannedWorkdays)
    case .resume: return .resume
    case .escalate:
      return .escalate(toDepartmentID: toDepartmentId ?? "", reason: reason ?? "", limitDays: limitDays ?? 0)
    case .transfer: return .transfer(toDepartmentID: toDepartmentId ?? "", reason: reason ?? "")
    }
  }

  private func date(_ raw: String?, _ field: String) throws(ValidationError) -> CivilDate {
    guard let raw, let date = CivilDate(iso: raw) else {
      throw ValidationError(field: field, zh: "日期格式应为 YYYY-MM-DD", en: "Dates are YYYY-MM-DD")
    }
    return date
  }

  private func flag(_ value: Bool?, _ field: String) throws(ValidationError) -> Bool {
    guard let value else {
      throw ValidationError(field: field, zh: "请选择其中一项", en: "Choose one of the options")
    }
    return value
  }
}
