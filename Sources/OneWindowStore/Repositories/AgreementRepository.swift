import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 委托书: delegation agreements between county departments and towns.
public struct AgreementRepository: Sendable {
  let db: any Database
  var sql: any SQLDatabase { db as! any SQLDatabase }

  public init(_ db: any Database) {
    self.db = db
  }

  /// Every agreement, or one county's.
  public func all(county: String? = nil) async throws -> [DelegationAgreement] {
    var select = sql.select().column("*").from("delegation_agreements")
    if let county { select = select.where("county_code", .equal, county) }
    return try await select.orderBy("department_id").orderBy("delegate_region").orderBy("valid_from").all()
      .map(Self.decode)
  }

  public func find(_ id: String) async throws -> DelegationAgreement? {
    try await sql.select().column("*").from("delegation_agreements").where("id", .equal, id).first().map(Self.decode)
  }

  /// Agreements that name `itemCode`.
  public func covering(itemCode: String) async throws -> [DelegationAgreement] {
    try await all().filter { $0.itemCodes.contains(itemCode) }
  }

  /// Inserts or replaces an agreement after checking it against the catalog.
  public func save(_ agreement: DelegationAgreement, county: String) async throws {
    let items = try await CatalogRepository(db).find(codes: agreement.itemCodes, county: county)
    var errors = agreement.problems(items: items)
    let owner = try await sql.select().column("county_code").from("delegation_agreements")
      .where("id", .equal, agreement.id).first()?.decode(column: "county_code", as: String.self)
    if let owner, owner != county {
      errors.append(ValidationError(field: "id", zh: "该协议属于其他县区", en: "The agreement is another county's"))
    }
    if !county.isEmpty, !agreement.delegateRegion.value.hasPrefix(county) {
      errors.append(
        ValidationError(field: "delegate_region", zh: "受托区划不在本县内", en: "The delegate region is outside the county"))
    }
    if !errors.isEmpty { throw ValidationErrors(errors) }
    try await db.transaction { db in
      let sql = db as! any SQLDatabase
      try await sql.delete(from: "delegation_agreements").where("id", .equal, agreement.id).run()
      try await sql.insert(into: "delegation_agreements")
        .columns(
          "id", "document_number", "department_id", "delegate_region", "item_codes", "seal", "valid_from",
          "valid_until", "responsibilities", "county_code"
        )
        .values(
          SQLBind(agreement.id), SQLBind(agreement.documentNumber), SQLBind(agreement.departmentID),
          SQLBind(agreement.delegateRegion.value), SQLBind(agreement.itemCodes.joined(separator: ",")),
          SQLBind(agreement.seal), SQLBind(agreement.validFrom.description),
          SQLBind(agreement.validUntil.description), SQLBind(agreement.responsibilities), SQLBind(county)
        ).run()
    }
  }

  static func decode(_ row: any SQLRow) throws -> DelegationAgreement {
    func date(_ column: String) throws -> CivilDate {
      let text = try row.decode(column: column, as: String.self)
      guard let date = CivilDate(iso: text) else { throw StoreNotFound.record(LocalizedText(zh: text, en: text)) }
      return date
    }
    return DelegationAgreement(
      id: try row.decode(column: "id", as: String.self),
      documentNumber: try row.decode(column: "document_number", as: String.self),
      departmentID: try row.decode(column: "department_id", as: String.self),
      delegateRegion: RegionCode(try row.decode(column: "delegate_region", as: String.self)) ?? RegionCode("000000")!,
      itemCodes: try row.decode(column: "item_codes", as: String.self).split(separator: ",").map(String.init),
      seal: try row.decode(column: "seal", as: String.self), validFrom: try date("valid_from"),
      validUntil: try date("valid_until"), responsibilities: try row.decode(column: "responsibilities", as: String.self)
    )
  }
}
