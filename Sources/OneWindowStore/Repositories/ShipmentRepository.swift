import Fluent
import Foundation
import OneWindowDomain
import SQLKit

/// 物料流转 shipments, stored as JSON with the columns they are listed by. A change is written only if the shipment
/// is still in the state it was read in, so two people confirming at once cannot both succeed.
public struct ShipmentRepository: Sendable {
  let db: any Database

  public init(_ db: any Database) {
    self.db = db
  }

  private var sql: any SQLDatabase { db as! any SQLDatabase }

  public func create(_ shipment: Shipment, county: String, now: Date) async throws {
    try await sql.insert(into: "shipments")
      .columns("id", "from_site_id", "to_site_id", "state", "sent_ms", "updated_ms", "body", "county_code")
      .values(
        [
          shipment.id, shipment.fromSiteID, shipment.toSiteID, shipment.state.rawValue,
          shipment.sentAt.map(millis), millis(now), try Self.encode(shipment), county,
        ] as [any Encodable & Sendable]
      )
      .run()
  }

  public func find(_ id: String) async throws -> Shipment? {
    try await sql.raw("SELECT body FROM shipments WHERE id = \(bind: id)").first().map(Self.decode)
  }

  /// Applies one step to the stored shipment; a concurrent change in between is an error on `state`.
  public func apply(
    _ action: Shipment.Action, to id: String, atSite siteID: String, by: String, byName: String, now: Date
  ) async throws -> Shipment {
    guard var shipment = try await find(id) else {
      throw StoreNotFound.record(LocalizedText(zh: "没有这张流转单", en: "No such shipment"))
    }
    let before = shipment.state
    try shipment.apply(action, atSite: siteID, by: by, byName: byName, at: now)
    let rows = try await sql.raw(
      """
      UPDATE shipments SET state = \(bind: shipment.state.rawValue), sent_ms = \(bind: shipment.sentAt.map(millis)),
        updated_ms = \(bind: millis(now)), body = \(bind: try Self.encode(shipment))
      WHERE id = \(bind: id) AND state = \(bind: before.rawValue)
      RETURNING id
      """
    ).all()
    guard !rows.isEmpty else {
      throw ValidationError(field: "state", zh: "流转单已被他人处理，请刷新", en: "Someone changed it first; reload")
    }
    return shipment
  }

  /// Shipments leaving or reaching a site, the latest change first.
  public func list(site: String, limit: Int = 100) async throws -> [Shipment] {
    try await sql.raw(
      """
      SELECT body FROM shipments WHERE from_site_id = \(bind: site) OR to_site_id = \(bind: site)
      ORDER BY updated_ms DESC LIMIT \(bind: limit)
      """
    ).all().map(Self.decode)
  }

  /// Shipments sent before `sentBefore` and not yet received (for the center to chase), the oldest first.
  public func stuck(sentBefore: Date, limit: Int = 200) async throws -> [Shipment] {
    try await sql.raw(
      """
      SELECT body FROM shipments WHERE state = 'sent' AND sent_ms < \(bind: millis(sentBefore))
      ORDER BY sent_ms LIMIT \(bind: limit)
      """
    ).all().map(Self.decode)
  }

  private static func encode(_ shipment: Shipment) throws -> String {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .millisecondsSince1970
    return String(decoding: try encoder.encode(shipment), as: UTF8.self)
  }

  private static func decode(_ row: any SQLRow) throws -> Shipment {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .millisecondsSince1970
    return try decoder.decode(Shipment.self, from: Data(try row.decode(column: "body", as: String.self).utf8))
  }
}
