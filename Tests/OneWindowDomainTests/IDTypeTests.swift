import OneWindowDomain
import Testing

@Suite("证件类型: the document follows the applicant kind, and its number is checked")
struct IDTypeTests {
  static func applicant(_ kind: Applicant.Kind, _ type: String, _ number: String) -> Applicant {
    Applicant(kind: kind, name: "云溪县恒达商贸有限公司", idType: type, idNumber: number, phone: "13912345678")
  }

  static func fields(_ applicant: Applicant) -> [String] {
    do {
      try applicant.validate()
      return []
    } catch {
      return error.errors.map(\.field)
    }
  }

  @Test("an organisation is known by a 统一社会信用代码 whose check character is right")
  func organisation() {
    #expect(Self.fields(Self.applicant(.organization, "统一社会信用代码", "91360999MA35XYQ12P")).isEmpty)
    #expect(Self.fields(Self.applicant(.organization, "统一社会信用代码", "91360999MA35XYQ12Q")) == ["applicant.id_number"])
    #expect(Self.fields(Self.applicant(.organization, "居民身份证", "11010519491231002X")) == ["applicant.id_type"])
    #expect(Self.fields(Self.applicant(.person, "统一社会信用代码", "91360999MA35XYQ12P")) == ["applicant.id_type"])
    #expect(Self.fields(Self.applicant(.person, "身份证", "11010519491231002X")) == ["applicant.id_type"])
  }

  @Test(
    "a person's documents: each number is checked by its own format",
    arguments: [
      (IDType.residentID, "11010519491231002X", "110105194912310021"),
      (.hongKongMacaoResidencePermit, "810000199408230021", "110105194912310021"),
      (.taiwanResidencePermit, "830000199201300022", "810000199408230021"),
      (.hongKongMacaoTravelPermit, "H12345678", "X12345678"),
      (.taiwanTravelPermit, "12345678", "1234567"),
      (.passport, "E12345678", "E1"),
      (.foreignPermanentResidentID, "USA310080123456", "US3100801234567"),
    ])
  func person(type: IDType, valid: String, invalid: String) {
    #expect(type.applicantKind == .person)
    #expect(type.problem(with: valid) == nil, "\(valid)")
    #expect(type.problem(with: invalid) != nil, "\(invalid)")
    #expect(Self.fields(Self.applicant(.person, type.rawValue, invalid)) == ["applicant.id_number"])
  }

  @Test("errors come in the order of the form: type, number, name, phone")
  func order() {
    let blank = Applicant(kind: .person, name: "", idType: "", idNumber: "", phone: "")
    #expect(Self.fields(blank) == ["applicant.id_type", "applicant.id_number", "applicant.name", "applicant.phone"])
  }
}
