/// 业务分组: a queue of a site's hall. Tickets are numbered per group per day (A001, B014, …); the windows listed
/// call from it, and an appointment books a slot of it.
public struct BusinessGroup: Sendable, Hashable, Codable {
  public let siteID: String
  /// One capital letter, the first character of its ticket numbers.
  public let code: String
  public let name: String
  /// Items served in this group (for the kiosk's hint); empty means any item.
  public let itemCodes: [String]
  /// Windows that call from this group.
  public let windowIDs: [String]
  /// Appointments per half-hour slot; 0 means the group takes no appointments.
  public let slotCapacity: Int

  public init(
    siteID: String, code: String, name: String, itemCodes: [String] = [], windowIDs: [String], slotCapacity: Int
  ) {
    self.siteID = siteID
    self.code = code
    self.name = name
    self.itemCodes = itemCodes
    self.windowIDs = windowIDs
    self.slotCapacity = slotCapacity
  }

  /// The same group with `windowID` among its windows or not.
  public func with(window windowID: String, calling: Bool) -> BusinessGroup {
    let others = windowIDs.filter { $0 != windowID }
    return BusinessGroup(
      siteID: siteID, code: code, name: name, itemCodes: itemCodes, windowIDs: calling ? others + [windowID] : others,
      slotCapacity: slotCapacity)
  }

  public func problems() -> [ValidationError] {
    var errors: [ValidationError] = []
    if code.count != 1 || !code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
      errors.append(ValidationError(field: "code", zh: "分组代码应为一个大写字母", en: "The group code is one capital letter"))
    }
    if name.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(ValidationError(field: "name", zh: "请填写分组名称", en: "Enter the group's name"))
    }
    if windowIDs.isEmpty {
      errors.append(ValidationError(field: "window_ids", zh: "至少选择一个窗口", en: "Choose at least one window"))
    }
    if !(0...50).contains(slotCapacity) {
      errors.append(
        ValidationError(field: "slot_capacity", zh: "每时段预约数应为 0–50", en: "Appointments per slot: 0–50"))
    }
    return errors
  }
}
