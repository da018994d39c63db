/// 群众: a person with a portal account (phone number and password), who applies online and follows their cases.
public struct Citizen: Sendable, Hashable, Codable {
  public let id: String
  public let phone: String
  public let name: String
  public let idNumber: String
  /// The document the account holder signed up with: a resident ID card, or for residents of Hong Kong, Macao and
  /// Taiwan and for foreigners their permit or passport.
  public let idType: IDType

  /// A mainland mobile number: 11 digits starting with 1.
  public static func isMobile(_ phone: String) -> Bool {
    phone.count == 11 && phone.hasPrefix("1") && phone.allSatisfy { $0.isASCII && $0.isNumber }
  }

  public init(id: String, phone: String, name: String, idNumber: String, idType: IDType = .residentID) {
    self.id = id
    self.phone = phone
    self.name = name
    self.idNumber = idNumber
    self.idType = idType
  }

  /// The applicant of a case this citizen files for themselves.
  public var applicant: Applicant {
    Applicant(kind: .person, name: name, idType: idType.rawValue, idNumber: idNumber, phone: phone)
  }
}

/// What a sign-up must give: a mobile number (the login), a real name, a person's identity document (type and a
/// number valid for it) and a password that is not trivial. Every problem names its field.
public struct CitizenSignUp: Sendable {
  public let phone: String
  public let name: String
  public let idNumber: String
  /// nil when the form named no known document type (an error on `id_type`).
  public let idType: IDType?
  public let password: String

  public init(phone: String, name: String, idNumber: String, idType: IDType? = .residentID, password: String) {
    self.phone = phone.trimmingCharacters(in: .whitespaces)
    self.name = name.trimmingCharacters(in: .whitespaces)
    self.idNumber = idNumber.trimmingCharacters(in: .whitespaces).uppercased()
    self.idType = idType
    self.password = password
  }

  /// Checks every field in the order of the sign-up form, in the words of an account (not of an applicant).
  public func validate() throws(ValidationErrors) {
    var errors: [ValidationError] = []
    if !(phone.count == 11 && phone.hasPrefix("1") && phone.allSatisfy(\.isNumber)) {
      errors.append(
        ValidationError(
          field: "phone", zh: "手机号码应为 11 位数字，它是您的登录账号", en: "Your login is an 11-digit mobile number"))
    }
    if name.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(
        ValidationError(field: "name", zh: "请填写您的姓名（与证件一致）", en: "Enter your name as on your identity document"))
    }
    if let idType, idType.applicantKind == .person {
      if idNumber.trimmingCharacters(in: .whitespaces).isEmpty {
        errors.append(
          ValidationError(field: "id_number", zh: "请填写您的\(idType.rawValue)号码", en: "Enter your document's number"))
      } else if let problem = idType.problem(with: idNumber) {
        errors.append(ValidationError(field: "id_number", message: problem))
      }
    } else {
      errors.append(
        ValidationError(
          field: "id_type", zh: "请选择您的证件类型（个人证件）", en: "Choose the type of your identity document"))
    }
    if password.count < 8 || !password.contains(where: \.isLetter) || !password.contains(where: \.isNumber) {
      errors.append(
        ValidationError(
          field: "password", zh: "密码至少 8 位，须同时包含字母和数字", en: "At least 8 characters, with letters and digits"))
    }
    guard errors.isEmpty else { throw ValidationErrors(errors) }
  }

}
