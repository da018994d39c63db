import OneWindowDomain

/// 阳光台公示信息: the photo, service phone and hours the public sees of a staff member — on the agents' board for a
/// village agent, on the evaluation pad for a window clerk.
enum PublicProfileForm {
  static func render(
    action: String, profile: AgentProfile?, defaultHours: String, note: HTML, errors: [ValidationError],
    _ context: PageContext
  ) -> HTML {
    let parts = FormParts(context: context, errors: errors)
    return """
      <section class="panel" id="profile"><h2>\(context.t("阳光台公示信息", "Public profile"))</h2>
      <p class="meta">\(note)</p>
      \(parts.summary())
      <form method="post" action="\(action)" enctype="multipart/form-data" novalidate>
      \(context.csrfField)
      <div class="form-grid">
      \(parts.phone("phone", context.t("服务电话", "Service phone"), profile?.phone ?? "", required: true))
      \(parts.text("hours", context.t("服务时间", "Hours"), profile?.hours ?? defaultHours, required: true))
      <div><label for="photo">\(context.t("照片（JPG/PNG，不超过 2 MB）", "Photo (JPG/PNG, up to 2 MB)"))</label>\
      <input type="file" id="photo" name="photo" accept=".jpg,.jpeg,.png"\(parts.invalid("photo"))>\(parts.error("photo"))</div>
      </div>
      <button type="submit" class="button">\(context.t("保存公示信息", "Save"))</button>
      </form></section>
      """
  }
}
