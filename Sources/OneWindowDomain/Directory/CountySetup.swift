import Foundation

/// What the first run asks for: the county (6-digit code, name, time zone) and its first administrator.
public struct CountySetup: Sendable, Hashable {
  public var countyCode: String
  public var countyName: String
  public var timeZone: String
  public var adminUsername: String
  public var adminName: String
  public var password: String

  public init(
    countyCode: String, countyName: String, timeZone: String = "Asia/Shanghai", adminUsername: String,
    adminName: String, password: String
  ) {
    self.countyCode = countyCode.trimmingCharacters(in: .whitespaces)
    self.countyName = countyName.trimmingCharacters(in: .whitespaces)
    self.timeZone = timeZone.trimmingCharacters(in: .whitespaces)
    self.adminUsername = adminUsername.trimmingCharacters(in: .whitespaces).lowercased()
    self.adminName = adminName.trimmingCharacters(in: .whitespaces)
    self.password = password
  }

  /// Every problem at once, each named by its field; `policy` checks the username and password.
  public func problems(policy: LoginPolicy = .standard) -> [ValidationError] {
    var errors: [ValidationError] = []
    if RegionCode(countyCode)?.level != .county {
      errors.append(
        ValidationError(
          field: "county_code", zh: "县级行政区划代码应为 6 位数字，如 360999", en: "A county code has 6 digits, e.g. 360999"))
    } else if countyCode.hasSuffix("00") {
      errors.append(
        ValidationError(
          field: "county_code", zh: "以 00 结尾的是地市或省级代码，请填写县（市、区）的代码",
          en: "A code ending in 00 is a city or province; enter the county's"))
    }
    if countyName.isEmpty || countyName.count > 40 {
      errors.append(
        ValidationError(field: "county_name", zh: "请填写县（市、区）名称（不超过 40 字）", en: "Enter the county's name (≤ 40)"))
    }
    if TimeZone(identifier: timeZone) == nil {
      errors.append(
        ValidationError(
          field: "time_zone", zh: "时区「\(timeZone)」无法识别，如 Asia/Shanghai", en: "Unknown time zone '\(timeZone)'"))
    }
    do throws(ValidationError) { try policy.validateUsername(adminUsername) } catch {
      errors.append(ValidationError(field: "admin_username", message: error.message))
    }
    if adminName.isEmpty {
      errors.append(ValidationError(field: "admin_name", zh: "请填写管理员姓名", en: "Enter the administrator's name"))
    }
    do throws(ValidationError) { try policy.validatePassword(password, field: "password") } catch {
      errors.append(error)
    }
    return errors
  }
}
