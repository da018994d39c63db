import Fluent
import Foundation
import OneWindowDomain

final class ChiefAuthorizationModel: Model, @unchecked Sendable {
  static let schema = "chief_authorizations"

  @ID(key: .id) var id: UUID?
  @Field(key: "department_id") var departmentID: String
  @Field(key: "staff_id") var staffID: UUID
  @Field(key: "authorized_by") var authorizedBy: String
  @Field(key: "document_number") var documentNumber: String
  /// The powers' raw values, comma-separated in a fixed order.
  @Field(key: "powers") var powers: String
  @Field(key: "valid_from") var validFrom: String
  @OptionalField(key: "valid_until") var validUntil: String?
  @OptionalField(key: "revoked_at") var revokedAt: Date?
  @Field(key: "created_at") var createdAt: Date
  @Field(key: "county_code") var countyCode: String

  init() {}

  init(_ authorization: ChiefAuthorization, staffID: UUID, countyCode: String, now: Date) {
    id = UUID(uuidString: authorization.id) ?? UUID()
    departmentID = authorization.departmentID
    self.staffID = staffID
    authorizedBy = authorization.authorizedBy
    documentNumber = authorization.documentNumber
    powers = ChiefPower.allCases.filter(authorization.powers.contains).map(\.rawValue).joined(separator: ",")
    validFrom = authorization.validFrom.iso
    validUntil = authorization.validUntil?.iso
    revokedAt = authorization.revokedAt
    createdAt = now
    self.countyCode = countyCode
  }

  var domain: ChiefAuthorization? {
    guard let id, let from = CivilDate(iso: validFrom) else { return nil }
    return ChiefAuthorization(
      id: id.uuidString, departmentID: departmentID, staffID: staffID.uuidString, authorizedBy: authorizedBy,
      documentNumber: documentNumber,
      powers: Set(powers.split(separator: ",").compactMap { ChiefPower(rawValue: String($0)) }), validFrom: from,
      validUntil: validUntil.flatMap(CivilDate.init(iso:)), revokedAt: revokedAt)
  }
}
