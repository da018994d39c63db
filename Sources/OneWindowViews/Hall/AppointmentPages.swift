import OneWindowDomain

/// 预约办理 on the portal: choose the hall, the business, the day and a half-hour with places left; give a name and a
/// phone number; get a check-in code for the kiosk. Cancelling needs the same phone number and code.
public enum AppointmentPages {
  public struct Model: Sendable {
    public let sites: [(id: String, name: String)]
    public let siteID: String
    public let groups: [BusinessGroup]
    public let groupCode: String
    public let days: [CivilDate]
    public let day: CivilDate?
    /// The day's slots and places left.
    public let slots: [(slot: AppointmentSlot, left: Int)]
    public let slot: String
    public let name: String
    public let phone: String
    public let errors: [ValidationError]

    public init(
      sites: [(id: String, name: String)], siteID: String, groups: [BusinessGroup], groupCode: String,
      days: [CivilDate], day: CivilDate?, slots: [(slot: AppointmentSlot, left: Int)], slot: String, name: String,
      phone: String, errors: [ValidationError]
    ) {
      self.sites = sites
      self.siteID = siteID
      self.groups = groups
      self.groupCode = groupCode
      self.days = days
      self.day = day
      self.slots = slots
      self.slot = slot
      self.name = name
      self.phone = phone
      self.errors = errors
    }
  }

  public static func form(_ model: Model, _ context: PageContext) -> HTML {
    let parts = FormParts(context: context, errors: model.errors)
    let weekdays = ["一", "二", "三", "四", "五", "六", "日"]
    let dayOptions = model.days.map { day -> (String, String) in
      (
        day.iso,
        "\(day.iso)（\(context.t("周" + weekdays[day.isoWeekday - 1], ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.isoWeekday - 1]))）"
      )
    }
    let choose = """
      <form method="get" action="\(Links.appointments)" class="panel" id="choose">
      <div class="grid3">
      \(parts.select("site", context.t("办事大厅", "Hall"), [("", context.t("请选择", "Choose"))] + model.sites.map { ($0.id, $0.name) }, model.siteID))
      \(parts.select("group", context.t("业务", "Service"), [("", context.t("请选择", "Choose"))] + model.groups.map { ($0.code, "\($0.code) \($0.name)") }, model.groupCode))
      \(parts.select("day", context.t("日期", "Day"), [("", context.t("请选择", "Choose"))] + dayOptions, model.day?.iso ?? ""))
      </div>
      <button type="submit" class="button" id="show-slots">\(context.t("查看可约时段", "Show free times"))</button>
      </form>
      <script nonce="\(context.scriptNonce)">
      document.querySelectorAll('#choose select').forEach(function (s) {
        s.addEventListener('change', function () { s.form.submit(); });
      });
      </script>
      """ as HTML
    var book: HTML = .empty
    if model.day != nil, !model.groupCode.isEmpty {
      let free = model.slots.filter { $0.left > 0 }
      let radios = model.slots.map { slot, left -> HTML in
        let id = "slot-\(slot.label.replacingOccurrences(of: ":", with: ""))"
        return """
          <label for="\(id)" class="slot\(left > 0 ? "" : " full")"><input type="radio" id="\(id)" name="slot" \
          value="\(slot.label)"\(left > 0 ? "" : " disabled")\(slot.label == model.slot ? " checked" : "")> \(slot.label) \
          <span class="meta">\(left > 0 ? context.t("余 \(left)", "\(left) left") : context.t("已约满", "full"))</span></label>
          """
      }
      book =
        free.isEmpty && model.errors.isEmpty
        ? "<p class=\"empty\" id=\"no-slots\">\(context.t("当天没有可约时段，请换一天。", "No free times that day; try another."))</p>"
        : """
        <form method="post" action="\(Links.appointments)" class="panel" id="book" novalidate>
        \(context.csrfField)
        <input type="hidden" name="site" value="\(model.siteID)"><input type="hidden" name="group" value="\(model.groupCode)">
        <input type="hidden" name="day" value="\(model.day?.iso ?? "")">
        <fieldset id="slot"><legend>\(context.t("时段", "Time"))</legend><div class="slots">\(radios)</div>\(parts.error("slot"))</fieldset>
        <div class="grid3">
        \(parts.text("name", context.t("姓名", "Name"), model.name, required: true))
        \(parts.phone("phone", context.t("手机号", "Phone"), model.phone, required: true))
        </div>
        <button type="submit" class="button" id="book-submit">\(context.t("提交预约", "Book"))</button>
        </form>
        """
    }
    let body: HTML = """
      <h1>\(context.t("预约办理", "Book an appointment"))</h1>
      <p class="lead">\(context.t("预约后到大厅取号机输入手机号和签到码，时段内签到优先叫号。", "At the hall, check in at the kiosk with your phone and code; in your slot you are called first."))</p>
      \(parts.summary())
      \(choose)
      \(book)
      <p><a href="\(Links.onlineTicket)">\(context.t("今天就去？网上取号", "Going today? Take a ticket online"))</a> · \
      <a href="\(Links.appointmentCancel)">\(context.t("取消预约", "Cancel a booking"))</a></p>
      """
    return Layout.page(context, title: context.t("预约办理", "Book an appointment"), body: body)
  }

  public static func booked(_ appointment: Appointment, siteName: String, groupName: String, _ context: PageContext)
    -> HTML
  {
    let body: HTML = """
      <h1>\(context.t("预约成功", "Booked"))</h1>
      <div class="panel" id="booking">
      <p>\(context.label("签到码", "Check-in code"))<b class="big-number" id="booking-code">\(appointment.code)</b></p>
      <p>\(context.label("大厅", "Hall"))\(siteName)</p>
      <p>\(context.label("业务", "Service"))\(appointment.groupCode) \(groupName)</p>
      <p>\(context.label("时间", "Time"))\(appointment.day.iso) \(appointment.slot.label)</p>
      <p>\(context.label("手机号", "Phone"))\(Masking.phone(appointment.phone))</p>
      </div>
      <p>\(context.t("请在时段开始前 30 分钟内到取号机签到；时段过后签到按普通号排队。请记下签到码。", "Check in at the kiosk from 30 minutes before your time; after it you queue as usual. Keep the code."))</p>
      """
    return Layout.page(context, title: context.t("预约成功", "Booked"), body: body)
  }

  public static func cancel(phone: String, errors: [ValidationError], done: Appointment?, _ context: PageContext)
    -> HTML
  {
    let parts = FormParts(context: context, errors: errors)
    let result: HTML =
      done.map {
        "<p class=\"ok\" role=\"status\" id=\"cancelled\">\(context.t("已取消 \($0.day.iso) \($0.slot.label) 的预约。", "Cancelled the booking of \($0.day.iso) \($0.slot.label)."))</p>"
      } ?? .empty
    let body: HTML = """
      <h1>\(context.t("取消预约", "Cancel a booking"))</h1>
      \(result)
      \(parts.summary())
      <form method="post" action="\(Links.appointmentCancel)" class="panel" novalidate>
      \(context.csrfField)
      \(parts.phone("phone", context.t("手机号", "Phone"), phone, required: true))
      \(parts.text("code", context.t("签到码", "Check-in code"), "", required: true))
      <button type="submit" class="button">\(context.t("取消预约", "Cancel booking"))</button>
      </form>
      """
    return Layout.page(context, title: context.t("取消预约", "Cancel a booking"), body: body)
  }
}
