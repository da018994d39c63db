import Foundation
import OneWindowDomain
import Vapor

/// What every online application form posts besides its subject (one item or a "一件事"): the key that makes a
/// resend file nothing twice, the chosen site, draft or send, the checked scans, and the problems found so far —
/// a site not offered, bad files, and (when sending) a required paper without a scan.
struct ApplicationPost<Choice> {
  let key: String
  let chosen: Choice?
  let sending: Bool
  let scans: [(FormBody.FilePart, FileKind)]
  let errors: [ValidationError]

  init(_ posted: FormBody, choices: [Choice], siteID: (Choice) -> String, lines: [CaseMaterial]) {
    key = posted.fields["intake_key"].flatMap { $0.isEmpty ? nil : $0 } ?? UUID().uuidString
    chosen = choices.first { siteID($0) == posted.fields["site_id"] }
    sending = posted.fields["intent"] != "draft"
    let (scans, scanErrors) = posted.checkedFiles(.scans)
    self.scans = scans
    var errors = scanErrors
    if chosen == nil {
      errors.append(ValidationError(field: "site_id", zh: "请选择办理地点", en: "Choose where it is handled"))
    }
    if sending {
      let uploaded = Set(scans.compactMap { OnlineApplicationController.index(of: $0.0.field) })
      errors += OnlineApplicationController.missingUploads(lines, uploaded: uploaded)
    }
    self.errors = ValidationError.firstPerField(errors)
  }
}
