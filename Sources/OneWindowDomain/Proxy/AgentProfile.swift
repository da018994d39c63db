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

/// A resident's rating of the agent who filed their case: 1 (非常不满意) to 5 (非常满意), once per case.
public struct AgentRating: Sendable, Hashable {
  public static let levels: [(Int, LocalizedText)] = [
    (5, LocalizedText(zh: "非常满意", en: "Very satisfied")), (4, LocalizedText(zh: "满意", en: "Satisfied")),
    (3, LocalizedText(zh: "基本满意", en: "Fairly satisfied")), (2, LocalizedText(zh: "不满意", en: "Dissatisfied")),
    (1, LocalizedText(zh: "非常不满意", en: "Very dissatisfied")),
  ]

  public static func check(score: Int?) throws(ValidationError) -> Int {
    guard let score, (1...5).contains(score) else {
      throw ValidationError(field: "score", zh: "请选择满意程度", en: "Choose how satisfied you are")
    }
    return score
  }
}
