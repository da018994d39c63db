/// 帮办代办员 on the public 阳光台 board of their village: photo, service phone and hours.
public struct AgentProfile: Sendable, Hashable, Codable {
  public let staffID: String
  public var photo: Attachment?
  public var phone: String
  public var hours: String

  public init(staffID: String, photo: Attachment?, phone: String, hours: String) {
    self.staffID = staffID
    self.photo = photo
    self.phone = phone
    self.hours = hours
  }

  public func problems() -> [ValidationError] {
    var errors: [ValidationError] = []
    let digits = phone.filter(\.isNumber)
    if digits.count < 7 || digits.count > 12 {
      errors.append(ValidationError(field: "phone", zh: "请填写服务电话（手机或座机）", en: "Give a service phone number"))
    }
    if hours.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(ValidationError(field: "hours", zh: "请填写服务时间", en: "Give the service hours"))
    }
    return errors
  }
}
