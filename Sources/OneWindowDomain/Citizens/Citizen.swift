/// 群众: a person with a portal account (phone number and password), who applies online and follows their cases.
public struct Citizen: Sendable, Hashable, Codable {
  public let id: String
  public let phone: String
  public let name: String
  public let idNumber: String

  /// A mainland mobile number: 11 digits starting with 1.
  public static func isMobile(_ phone: String) -> Bool {
    phone.count == 11 && phone.hasPrefix("1") && phone.allSatisfy { $0.isASCII && $0.isNumber }
  }

  public init(id: String, phone: String, name: String, idNumber: String) {
    self.id = id
    self.phone = phone
    self.name = name
    self.idNumber = idNumber
  }

  /// The applicant of a case this citizen files for themselves.
  public var applicant: Applicant {
    Applicant(kind: .person, name: name, idType: Applicant.residentID, idNumber: idNumber, phone: phone)
  }
}

/// What a sign-up must give: a mobile number (the login), a real name, a valid resident ID number and a password
/// that is not trivial. Every problem names its field.
public struct CitizenSignUp: Sendable {
  public let phone: String
  public let name: String
  public let idNumber: String
  public let password: String

  public init(phone: String, name: String, idNumber: String, password: String) {
    self.phone = phone.trimmingCharacters(in: .whitespaces)
    self.name = name.trimmingCharacters(in: .whitespaces)
    self.idNumber = idNumber.trimmingCharacters(in: .whitespaces).uppercased()
    self.password = password
  }

  public func validate() throws(ValidationErrors) {
    var errors: [ValidationError] = []
    do {
      try Applicant(kind: .person, name: name, idType: Applicant.residentID, idNumber: idNumber, phone: phone)
        .validate()
    } catch {
      errors += error.errors.map {
        ValidationError(field: String($0.field.dropFirst("applicant.".count)), message: $0.message)
      }
    }
    if password.count < 8 || !password.contains(where: \.isLetter) || !password.contains(where: \.isNumber) {
      errors.append(
        ValidationError(
          field: "password", zh: "密码至少 8 位，须同时包含字母和数字", en: "At least 8 characters, with letters and digits"))
    }
    guard errors.isEmpty else { throw ValidationErrors(errors) }
  }
}
