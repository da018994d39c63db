import Foundation
import OneWindowDomain
import OneWindowViews

/// The window's intake form as posted: applicant, checklist, delivery and the clerk's decision, read into the
/// page's form values (to show again) and checked field by field.
struct IntakeFormInput {
  let fields: [String: String]

  func value(_ name: String) -> String { (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

  /// The form values over `base` (the item's materials, or the case's checklist). With `fresh`, rows the clerk
  /// has not chosen a result for are left unchosen (`form.unchecked`) rather than taken from `base`.
  func form(base: [CaseMaterial], fresh: Bool) -> IntakePage.Form {
    var unchecked = Set<Int>()
    var checklist = base
    for index in checklist.indices {
      if let status = CaseMaterial.Status(rawValue: value("material_\(index)")) {
        checklist[index].status = status
      } else if fresh && base[index].status != .received {
        unchecked.insert(index)
      }
      if fields["material_\(index)_problem"] != nil { checklist[index].problem = value("material_\(index)_problem") }
    }
    var form = IntakePage.Form(checklist: checklist)
    form.unchecked = unchecked
    form.intakeKey = value("intake_key").isEmpty ? UUID().uuidString : value("intake_key")
    if !fields.isEmpty {
      form.applicantKind = value("applicant_kind").isEmpty ? "person" : value("applicant_kind")
      form.name = value("name")
      form.idType = value("id_type").isEmpty ? form.idType : value("id_type")
      form.idNumber = value("id_number").uppercased()
      form.phone = value("phone")
      form.deficiencyDue = value("deficiency_due")
      form.postCheckDue = value("post_check_due")
      form.reason = value("reason")
      form.legalBasis = value("legal_basis")
      form.reasonForAnother = value("reason_for_another")
      form.delivery = value("delivery").isEmpty ? "pickup" : value("delivery")
      form.mailAddress = value("mail_address")
    }
    return form
  }

  func applicant(_ form: IntakePage.Form) -> Applicant {
    Applicant(
      kind: Applicant.Kind(rawValue: form.applicantKind) ?? .person, name: form.name, idType: form.idType,
      idNumber: form.idNumber, phone: form.phone)
  }

  /// The decision button pressed, with its own fields; a wrong date names its field.
  func outcome(_ form: IntakePage.Form) -> Result<IntakeOutcome, ValidationError> {
    switch value("outcome") {
    case "accept": return .success(.accept)
    case "decide": return .success(.acceptAndDecide)
    case "correction": return .success(.correction)
    case "refuse": return .success(.refuse(reason: form.reason, legalBasis: form.legalBasis))
    case "pledge":
      guard let due = CivilDate(iso: form.postCheckDue) else {
        return .failure(
          ValidationError(field: "post_check_due", zh: "请填写事后核查期限（年-月-日）", en: "Give the post-check date"))
      }
      return .success(.acceptOnPledge(postCheckDue: due))
    default:
      return .failure(ValidationError(field: "outcome", zh: "请选择受理、补正或不予受理", en: "Choose what to do"))
    }
  }

  /// The 容缺 due date, when one was given; a malformed one is an error.
  func deficiencyDue(_ form: IntakePage.Form) -> Result<CivilDate?, ValidationError> {
    guard !form.deficiencyDue.isEmpty else { return .success(nil) }
    guard let date = CivilDate(iso: form.deficiencyDue) else {
      return .failure(ValidationError(field: "deficiency_due", zh: "日期格式应为 年-月-日", en: "Dates are YYYY-MM-DD"))
    }
    return .success(date)
  }

  /// Every required row the clerk has not checked.
  static func uncheckedErrors(_ form: IntakePage.Form) -> [ValidationError] {
    form.unchecked.sorted().filter { form.checklist[$0].required }.map {
      ValidationError(
        field: "material_\($0)", zh: "请核验「\(form.checklist[$0].name)」：已收、容缺或缺少",
        en: "Check '\(form.checklist[$0].name)'")
    }
  }
}
